/**
 * The second read of an update, one sync: where every table of the workbook is, each block's own
 * tables with their cells (found by name wherever the user moved them), and every cell a record's
 * reference says is outside the block's marker area (cut and pasted lower, or to another sheet), so
 * the planner finds the block's cells by identity, not inside a remembered area. A block whose
 * marker name a macro deleted is found the same way, from its record alone (src/ownership/lost-area.ts
 * gives the rectangle Apply names again).
 */
import { rangeA1 } from "../sheets/a1";
import type { BlockId } from "../sheets/spec";
import { cellAt, parseRef, type BlockCells, type Region, type SheetRect, type TableRead } from "../ownership/cells";
import { groupRectangles } from "../ownership/layout";
import { areaOfRecord, mostCommon } from "../ownership/lost-area";
import type { BlockRecord } from "../ownership/record";
import { AREA, sheetOf, type BlockRead, type Loaded, type WorkbookRead } from "./read";
import { missingNames } from "./recover";

/** A block as an update sees it: its cells when it is in the workbook, and the marker Apply puts back. */
export interface BlockFound extends BlockRead {
  readonly cells: BlockCells | null;
}

export interface CellsRead {
  readonly blocks: readonly BlockFound[];
  /** Every table of the workbook and where it is. */
  readonly tables: readonly TableRead[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** "'Capex 2026'!A4:J16" → its sheet and rectangle. */
export function rectOf(address: string): SheetRect {
  const [first, last = first] = address.slice(address.lastIndexOf("!") + 1).split(":");
  const a = /^\$?([A-Z]+)\$?(\d+)$/.exec(first) as RegExpExecArray;
  const b = /^\$?([A-Z]+)\$?(\d+)$/.exec(last) as RegExpExecArray;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet: sheetOf(address), top: Number(a[2]) - 1, left: col(a[1]), bottom: Number(b[2]) - 1, right: col(b[1]) };
}

function regionOf(range: Loaded): Region {
  return { sheet: sheetOf(range.address), top: range.rowIndex, left: range.columnIndex, formulas: range.formulas, values: range.values };
}

/** The live references of the record's cells outside its tables (headers included), by sheet. */
function liveRefs(record: BlockRecord, sheets: readonly string[]): { sheet: string; row: number; col: number }[] {
  return record.cells.flatMap((c) => {
    const at = c.ref && !c.ref.includes("#REF!") ? parseRef(c.ref) : null;
    const sheet = at ? sheets.find((s) => same(s, at.sheet)) : undefined;
    return at && sheet ? [{ ...at, sheet }] : [];
  });
}

/** The workbook name of each of the block's tables: as recorded, or the one table whose columns hold all the recorded headers (renamed by the user). */
function tablesOf(record: BlockRecord, read: WorkbookRead): string[] {
  return Object.entries(record.meta.tables).flatMap(([specName, name]) => {
    const exact = read.tables.find((t) => same(t.name, name));
    if (exact) return [exact.name];
    const headers = record.cells.filter((c) => c.key.startsWith(`head|${specName}|`)).map((c) => c.key.split("|")[2]);
    const found = read.tables.filter((t) => headers.length > 0 && headers.every((h) => t.columns.includes(h)));
    return found.length === 1 ? [found[0].name] : [];
  });
}

/** The rectangles to read for references outside what else is read, a few per sheet (rows close together share one). */
function outsideRects(refs: readonly { sheet: string; row: number; col: number }[], known: readonly Region[]): SheetRect[] {
  const outside = refs.filter((r) => cellAt({ regions: known }, r.sheet, r.row, r.col) === undefined);
  const sheets = [...new Set(outside.map((r) => r.sheet))];
  return sheets.flatMap((sheet) => groupRectangles(outside.filter((r) => r.sheet === sheet)).map((g) => ({ sheet, ...g })));
}

interface Pending {
  readonly block: BlockId;
  readonly tables: string[];
  readonly extra: Loaded[];
  readonly home: string | null;
}

/** Reads, in one sync, what every block of `read` needs beyond its marker area; a block not in the workbook gets no cells. */
export async function readCells(context: Excel.RequestContext, read: WorkbookRead): Promise<CellsRead> {
  const wb = context.workbook;
  const lostMarkers = missingNames(read.names).markers;
  const all = new Map(read.tables.map((t) => [t.name.toUpperCase(), wb.tables.getItem(t.name).getRange().load("address")]));
  // Table.showTotals (ExcelApi 1.3): a Total row is the last row of the table's range, below its
  // body; new rows go in above it (TableRowCollection.add), so the table is known by its body.
  const totals = read.tables.map((t) => wb.tables.getItem(t.name).load("showTotals"));
  const ours = new Map<string, Loaded>();
  const pending = read.blocks.map((b): Pending | null => {
    const lost = !b.area && b.record !== null && lostMarkers.has(b.block);
    if (!b.area && !lost) return null;
    const record = b.record;
    const tables = record ? tablesOf(record, read) : [];
    for (const name of tables)
      if (!ours.has(name.toUpperCase())) ours.set(name.toUpperCase(), wb.tables.getItem(name).getRange().load(AREA) as Loaded);
    const refs = record ? liveRefs(record, read.sheets) : [];
    // The block is where its record's references are (they follow its cells); the marker's sheet when it has none.
    const home = mostCommon(refs.map((r) => r.sheet)) ?? b.area?.sheet ?? null;
    if (home === null) return null;
    const rects = outsideRects(refs, b.area ? [b.area] : []);
    const extra = rects.map(
      (r) =>
        wb.worksheets
          .getItem(r.sheet)
          .getRange(rangeA1(r.top, r.left, r.bottom, r.right))
          .load(AREA) as Loaded,
    );
    return { block: b.block, tables, extra, home };
  });
  await context.sync();
  const tables = [...all.values()].map((range, i): TableRead => {
    const rect = rectOf(range.address);
    return { ...rect, bottom: rect.bottom - (totals[i].showTotals ? 1 : 0), name: read.tables[i].name };
  });
  const byName = new Map(tables.map((t) => [t.name.toUpperCase(), t]));
  const blocks = read.blocks.map((b, i): BlockFound => {
    const p = pending[i];
    if (!p || p.home === null) return { ...b, cells: null };
    const regions = [
      ...(b.area ? [b.area] : []),
      ...p.tables.map((t) => regionOf(ours.get(t.toUpperCase()) as Loaded)),
      ...p.extra.map(regionOf),
    ];
    const cells: BlockCells = { sheet: p.home, regions, tables: byName };
    return { ...b, cells, lostMarker: b.area || !b.record ? null : lostRect(b.record, p.tables, byName, read.sheets) };
  });
  return { blocks: blocks.map((b) => (b.lostMarker === null && !b.area ? { ...b, cells: null } : b)), tables };
}

/** Where Apply names a block whose marker is gone: its record's area on a sheet that exists, widened to its tables. */
function lostRect(
  record: BlockRecord,
  tables: readonly string[],
  byName: ReadonlyMap<string, TableRead>,
  sheets: readonly string[],
): SheetRect | null {
  const rect = areaOfRecord(record);
  const sheet = rect ? sheets.find((s) => same(s, rect.sheet)) : undefined;
  if (!rect || !sheet) return null;
  let area: SheetRect = { ...rect, sheet };
  for (const name of tables) {
    const t = byName.get(name.toUpperCase());
    if (!t || !same(t.sheet, sheet)) continue;
    area = {
      sheet,
      top: Math.min(area.top, t.top),
      left: Math.min(area.left, t.left),
      bottom: Math.max(area.bottom, t.bottom),
      right: Math.max(area.right, t.right),
    };
  }
  return area;
}
