/**
 * A block's hidden names deleted by a macro (or by someone who unhid them in the Name Manager):
 * the block is found again from its record, and Insert and Apply put the names back and say so.
 * - Its marker (DEALDESK_BLOCK_<B>): the area comes from the record's references (areaOfRecord in
 *   src/ownership/locate.ts), widened to the block's tables as Excel kept them (one sync), and is
 *   then read (one more sync, for an update).
 * - Its record name (DEALDESK_RECORD_<B>): the band is read at its place on the record sheet
 *   (read.ts, queueBand) and named again.
 * Both cost syncs only when a name is missing.
 */
import { BLOCKS } from "../sheets";
import { parseA1, rangeA1 } from "../sheets/a1";
import type { BlockId } from "../sheets/spec";
import type { NameInfo } from "../ownership/insert";
import type { SheetRect } from "../ownership/cells";
import { areaOfRecord } from "../ownership/lost-area";
import { markerName, recordName, type BlockRecord } from "../ownership/record";
import { blockRead, queueBand, recordSheetIn, sheetOf, type BlockRead, type Queued } from "./read";

/** The blocks whose marker name, and those whose record name, is gone. */
export function missingNames(names: readonly NameInfo[]): {
  readonly markers: ReadonlySet<BlockId>;
  readonly records: ReadonlySet<BlockId>;
} {
  const have = new Set(names.map((n) => n.name.toUpperCase()));
  return {
    markers: new Set(BLOCKS.filter((b) => !have.has(markerName(b)))),
    records: new Set(BLOCKS.filter((b) => !have.has(recordName(b)))),
  };
}

/** A rectangle's range on its sheet. */
export function rectRange(wb: Excel.Workbook, r: SheetRect): Excel.Range {
  return wb.worksheets.getItem(r.sheet).getRange(rangeA1(r.top, r.left, r.bottom, r.right));
}

/** "'Capex 2026'!A4:J16" → its sheet and rectangle. */
function rectOf(address: string): SheetRect {
  const [first, last = first] = address.slice(address.lastIndexOf("!") + 1).split(":");
  const a = parseA1(first);
  const b = parseA1(last);
  return { sheet: sheetOf(address), top: a.row, left: a.col, bottom: b.row, right: b.col };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Where each block of `records` is now: areaOfRecord, on a sheet that exists, widened to the
 * block's tables as Excel kept them (rows inserted inside a table leave no trace in the record:
 * its body rows are found by their Id). One sync when a block has a table.
 */
async function areasOf(
  context: Excel.RequestContext,
  records: ReadonlyMap<BlockId, BlockRecord>,
  sheets: readonly string[],
  tables: readonly string[],
): Promise<Map<BlockId, SheetRect>> {
  const areas = new Map<BlockId, SheetRect>();
  const queued: { block: BlockId; range: Excel.Range }[] = [];
  for (const [block, record] of records) {
    const rect = areaOfRecord(record);
    const sheet = rect ? sheets.find((s) => same(s, rect.sheet)) : undefined;
    if (!rect || !sheet) continue;
    areas.set(block, { ...rect, sheet });
    for (const name of Object.values(record.meta.tables)) {
      const table = tables.find((t) => same(t, name));
      if (table) queued.push({ block, range: context.workbook.tables.getItem(table).getRange().load("address") });
    }
  }
  if (queued.length === 0) return areas;
  await context.sync();
  for (const { block, range } of queued) {
    const area = areas.get(block) as SheetRect;
    const t = rectOf(range.address);
    if (!same(t.sheet, area.sheet)) continue;
    areas.set(block, {
      ...area,
      top: Math.min(area.top, t.top),
      left: Math.min(area.left, t.left),
      bottom: Math.max(area.bottom, t.bottom),
      right: Math.max(area.right, t.right),
    });
  }
  return areas;
}

/** A block's hidden names that Insert puts back. */
export interface LostNames {
  /** Where the block is now, when its marker name is gone. */
  readonly rect: SheetRect | null;
  /** Its band, when its record name is gone and the band was found at its place. */
  readonly band: BlockRead["band"];
}

/**
 * For Insert: the blocks with a hidden name gone and a record that finds them, and the names to
 * put back. One sync to read their bands (Insert reads none otherwise), one more for their tables.
 */
export async function lostNamesOf(
  context: Excel.RequestContext,
  names: readonly NameInfo[],
  sheets: readonly { name: string; visibility: string }[],
  tables: readonly string[],
): Promise<Map<BlockId, LostNames>> {
  const missing = missingNames(names);
  const blocks = BLOCKS.filter((b) => missing.markers.has(b) || missing.records.has(b));
  const recordSheet = recordSheetIn(names, sheets);
  const queued = blocks.map((b): Queued => ({
    area: null,
    band: queueBand(context.workbook, b, !missing.records.has(b), recordSheet),
    byPlace: missing.records.has(b),
  }));
  if (queued.every((q) => q.band === null)) return new Map();
  await context.sync();
  const reads = blocks.map((b, i) => blockRead(b, queued[i]));
  const records = new Map(reads.flatMap((r) => (r.record && missing.markers.has(r.block) ? [[r.block, r.record] as const] : [])));
  const areas = await areasOf(
    context,
    records,
    sheets.map((s) => s.name),
    tables,
  );
  return new Map(
    reads.flatMap((r) => {
      const lost: LostNames = { rect: areas.get(r.block) ?? null, band: r.lostRecord ? r.band : null };
      return lost.rect || lost.band ? [[r.block, lost] as const] : [];
    }),
  );
}
