/**
 * Insert: one read sync (sheets, names, tables, protection, the selected area), a pure plan
 * (src/ownership/insert), one write sync. Each block's sheet, record band and marker are queued
 * before its cells, so a failure half-way never leaves an unrecorded partial block.
 */
import { BLOCKS } from "../sheets";
import { rangeA1, toA1 } from "../sheets/a1";
import type { BlockId } from "../sheets/spec";
import { planInsert, presentBlocks, type InsertContext, type NameInfo, type PlannedInsert } from "../ownership/insert";
import { specExtent, uniqueSheetName } from "../ownership/layout";
import { RECORD_SHEET, markerName, recordName } from "../ownership/record";
import { MESSAGES, NOTES_API, failure, protectedSheet } from "./failures";
import { queueBlock, queueEmptyNames, queueMarker, queueRecord, queueRecordName, queueRecordSheet } from "./queue";
import { NAMES_LOAD, nameInfosOf, recordSheetIn, sheetInfosOf } from "./read";
import { SHEET_NAMES_LOAD, sheetScopedNames } from "./sheet-names";
import { lostNamesOf, rectRange, type LostNames } from "./recover";
import { insertReport } from "./insert-report";
import { guarded, isSupported } from "./support";
import { defaultSource, type SpecSource } from "./update";
import type { ActionFailure, ActionResult, InsertOptions, InsertReport } from "./types";

/** The blocks asked for and the blocks their formulas need, in insert order. */
function needsOf(blocks: readonly BlockId[], source: SpecSource, options: InsertOptions): BlockId[] {
  const wanted = new Set<BlockId>();
  const visit = (b: BlockId): void => {
    if (wanted.has(b)) return;
    for (const r of source(b, { includeStockHistory: options.includeStockHistory }).requires) visit(r);
    wanted.add(b);
  };
  blocks.forEach(visit);
  return BLOCKS.filter((b) => wanted.has(b));
}

interface InsertRead {
  readonly sheets: Excel.WorksheetCollection;
  readonly names: Excel.NamedItemCollection;
  readonly tables: Excel.TableCollection;
  readonly structure: Excel.WorkbookProtection;
  readonly selection: SelectionRead | null;
}

interface SelectionRead {
  readonly cell: Excel.Range;
  readonly sheet: Excel.Worksheet;
  readonly area: Excel.Range;
  readonly tables: Excel.TableScopedCollection;
  readonly notes: OfficeExtension.ClientResult<number> | null;
  readonly merged: Excel.RangeAreas | null;
}

/**
 * The selected area must be empty of content, tables, notes and merged cells: Deal Desk writes
 * only into cells nobody uses. Merged areas need ExcelApi 1.13 and notes 1.18; on older Excel
 * those two are not checked (their content still is).
 */
function queueSelection(wb: Excel.Workbook, rows: number, cols: number): SelectionRead {
  const cell = wb.getSelectedRange().load("rowIndex,columnIndex");
  const sheet = cell.worksheet.load("name,protection/protected");
  const area = cell
    .getCell(0, 0)
    .getResizedRange(rows - 1, cols - 1)
    .load("address,formulas");
  return {
    cell,
    sheet,
    area,
    tables: area.getTables(false).load("items/name"),
    notes: isSupported(NOTES_API) ? sheet.notes.getCount() : null,
    merged: isSupported("1.13") ? area.getMergedAreasOrNullObject().load("address") : null,
  };
}

function firstNonEmpty(grid: unknown[][]): { row: number; col: number } | null {
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) if (grid[r][c] !== "" && grid[r][c] !== null) return { row: r, col: c };
  }
  return null;
}

/**
 * Why the selected area cannot take the blocks, or null when it can. The read covered every block
 * asked for; only the rows × cols of the blocks to write (those not present yet) must be empty.
 * Tables and merged cells are checked over the whole area read (a conservative refusal).
 */
function selectionProblem(s: SelectionRead, rows: number, cols: number): ActionFailure | null {
  if (s.sheet.protection.protected) return protectedSheet(s.sheet.name);
  const span = rangeA1(s.cell.rowIndex, s.cell.columnIndex, s.cell.rowIndex + rows - 1, s.cell.columnIndex + cols - 1);
  const full = firstNonEmpty(s.area.formulas.slice(0, rows).map((line) => line.slice(0, cols)));
  if (full) {
    const at = toA1(s.cell.rowIndex + full.row, s.cell.columnIndex + full.col);
    return failure(
      "not-empty",
      full.row === 0 && full.col === 0
        ? `The selected cell ${at} is not empty. Deal Desk writes only into empty cells: select an empty cell with room below and to the right (${span}), or insert on a new sheet.`
        : `Deal Desk needs ${span} empty for this insert, but ${at} holds something. Select an empty area, or insert on a new sheet; nothing was changed.`,
    );
  }
  const area = String(s.area.address).split("!").pop();
  if (s.tables.items.length > 0)
    return failure(
      "not-empty",
      `Deal Desk needs ${area} free of tables, but the table ${s.tables.items[0].name} is there. Select another area, or insert on a new sheet; nothing was changed.`,
    );
  if (s.merged && !(s.merged as unknown as { isNullObject: boolean }).isNullObject)
    return failure(
      "not-empty",
      `Deal Desk needs ${area} without merged cells (${s.merged.address} is merged). Select another area, or insert on a new sheet; nothing was changed.`,
    );
  if (s.notes && s.notes.value > 0)
    return failure(
      "not-empty",
      `The sheet ${s.sheet.name} has notes, and Deal Desk writes notes of its own on the cells it inserts. Insert on a new sheet instead; nothing was changed.`,
    );
  return null;
}

function contextOf(read: InsertRead, names: readonly NameInfo[], options: InsertOptions, ownNames: Map<string, string[]>): InsertContext {
  const tables = read.tables.items.map((t) => t.name);
  return {
    sheets: read.sheets.items.map((s) => s.name),
    tables,
    sheetScopedNames: ownNames,
    tableNames: [...tables, ...names.map((n) => n.name), ...[...ownNames.values()].flat()],
    names: new Map(names.map((n) => [n.name.toUpperCase(), n])),
    target: options.target,
    includeStockHistory: options.includeStockHistory,
    selectedSheet: read.selection ? read.selection.sheet.name : null,
  };
}

function queueInsert(
  context: Excel.RequestContext,
  plans: readonly PlannedInsert[],
  names: readonly NameInfo[],
  read: InsertRead,
  existing: string | null,
  lost: ReadonlyMap<BlockId, LostNames>,
): void {
  const wb = context.workbook;
  const sheets = read.sheets.items.map((s) => s.name);
  const have = new Set(names.map((n) => n.name.toUpperCase()));
  for (const [block, { rect, band }] of lost) {
    if (rect) queueMarker(wb, block, rectRange(wb, rect), have.has(markerName(block)));
    if (band) queueRecordName(wb, block, band.sheet, band.rows, have.has(recordName(block)));
  }
  const recordSheet = existing ?? uniqueSheetName(RECORD_SHEET, [...sheets, ...plans.map((p) => p.sheetName)]);
  const notes = isSupported(NOTES_API);
  // Every block's sheet first, then the record (its references need the sheets), then the cells.
  const sheetsOf = plans.map((p) => (p.newSheet ? wb.worksheets.add(p.sheetName) : wb.worksheets.getItem(p.sheetName)));
  if (!existing) queueRecordSheet(wb, recordSheet);
  plans.forEach((p, i) => {
    queueRecord(wb, recordSheet, p.record, 0, have.has(recordName(p.spec.block)));
    queueBlock(wb, sheetsOf[i], p, notes, have.has(markerName(p.spec.block)));
  });
  const first = sheetsOf[0] ?? null;
  for (const block of BLOCKS) {
    if (plans.some((p) => p.spec.block === block)) continue;
    queueEmptyNames(
      wb,
      block,
      !have.has(markerName(block)) && !lost.get(block)?.rect,
      !have.has(recordName(block)) && !lost.get(block)?.band,
    );
  }
  if (first && plans[0].newSheet) first.activate();
}

/** Why the blocks or options asked for cannot be inserted, or null. */
function badArguments(blocks: readonly BlockId[], options: InsertOptions): ActionFailure | null {
  const unknown = blocks.filter((b) => !BLOCKS.includes(b));
  if (blocks.length === 0 || unknown.length > 0)
    return failure("excel", `Choose blocks among ${BLOCKS.join(", ")}${unknown.length ? ` (not ${unknown.join(", ")})` : ""}.`);
  if (options.target !== "new-sheet" && options.target !== "selection")
    return failure("excel", 'The target is "new-sheet" or "selection".');
  return null;
}

/**
 * Inserts blocks (and the blocks their formulas need), each on a sheet of its own or stacked at
 * the selected cell. One read, one write; nothing of the user's is overwritten.
 */
export async function insertBlocks(
  blocks: readonly BlockId[],
  options: InsertOptions,
  source: SpecSource = defaultSource,
): Promise<ActionResult<InsertReport>> {
  const wrong = badArguments(blocks, options);
  if (wrong) return wrong;
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<InsertReport>> => {
      const wanted = needsOf(blocks, source, options);
      const extents = wanted.map((b) => specExtent(source(b, { includeStockHistory: options.includeStockHistory })));
      const wb = context.workbook;
      const read: InsertRead = {
        sheets: wb.worksheets.load(`items/name,items/visibility,${SHEET_NAMES_LOAD}`),
        names: wb.names.load(NAMES_LOAD),
        tables: wb.tables.load("items/name"),
        structure: wb.protection.load("protected"),
        selection:
          options.target === "selection"
            ? queueSelection(wb, extents.reduce((n, e) => n + e.rows, 0) + extents.length - 1, Math.max(...extents.map((e) => e.cols)))
            : null,
      };
      await context.sync();
      const names = nameInfosOf(read.names);
      const present = presentBlocks(names);
      // A block whose hidden marker a user deleted is still there: found by its record, it gets its names back.
      const found = await lostNamesOf(
        context,
        names,
        sheetInfosOf(read.sheets),
        read.tables.items.map((t) => t.name),
      );
      for (const [block, { rect }] of found) if (rect) present.set(block, rect.sheet);
      const toWrite = wanted.filter((b) => !present.has(b));
      const recordSheet = recordSheetIn(names, sheetInfosOf(read.sheets));
      const addsSheets = !read.selection || recordSheet === null;
      if (toWrite.length > 0 && addsSheets && read.structure.protected) return failure("protected", MESSAGES.protectedWorkbook);
      const needed = toWrite.map((b) => extents[wanted.indexOf(b)]);
      const rows = needed.reduce((n, e) => n + e.rows, 0) + needed.length - 1;
      const problem =
        toWrite.length > 0 && read.selection ? selectionProblem(read.selection, rows, Math.max(...needed.map((e) => e.cols))) : null;
      if (problem) return problem;
      const ctx = contextOf(read, names, options, await sheetScopedNames(context, read.sheets));
      let nextRow = read.selection ? read.selection.cell.rowIndex : 0;
      const plans = toWrite.map((block) => {
        const origin = read.selection ? { row: nextRow, col: read.selection.cell.columnIndex } : { row: 0, col: 0 };
        const spec = source(block, { origin, includeStockHistory: options.includeStockHistory });
        nextRow += specExtent(spec).rows + 1;
        return planInsert(spec, ctx);
      });
      // A block written again (its sheet was deleted) names its new band as it writes it.
      const lost = new Map([...found].filter(([block, l]) => l.rect || !plans.some((p) => p.spec.block === block)));
      if (plans.length > 0 || lost.size > 0) {
        context.application.suspendScreenUpdatingUntilNextSync();
        queueInsert(context, plans, names, read, recordSheet, lost);
        await context.sync();
      }
      return { ok: true, value: insertReport(wanted, plans, present, isSupported(NOTES_API), lost) };
    }),
  );
}
