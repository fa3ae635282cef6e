/* eslint-disable max-lines, max-lines-per-function -- being split in issue 11 */
/**
 * The only code that calls Excel.run. Each action is one Excel.run with at most two
 * context.sync calls (one to read what exists, one to write), resolves to an ActionResult and
 * never rejects. What to write is decided by pure code (src/sheets/ownership.ts); this file
 * reads the workbook, hands plain values over and writes what comes back.
 *
 * Ownership: each block's cells, names and tables are recorded in a document setting
 * (RECORD_KEY) with what was last written, and a hidden name (DEALDESK_BLOCK_<ID>) covers the
 * block's area so it is found again after the user renames its sheet. The user's cells
 * (overrides, inputs) are written once, when the block is created.
 */
import { DATASET, allFacts, findFigure, findSource, isLookupError } from "../figures";
import { BLOCKS, BLOCK_TITLES, buildBlock, type BuildOptions } from "../sheets";
import { columnLetters, rangeA1, toA1 } from "../sheets/a1";
import {
  EMPTY_RECORD,
  RECORD_KEY,
  acceptConflicts,
  blockOfMarker,
  columnWidthPoints,
  countCells,
  creationWrites,
  displayWritten,
  layoutWrites,
  markerName,
  ownedNames,
  planBlockUpdate,
  readRecord,
  recordOf,
  specExtent,
  uniqueSheetName,
  uniqueTableName,
  withBlock,
  withNotesChanged,
  writtenFromExcel,
  type BlockUpdatePlan,
  type CellWrite,
  type Conflict,
  type NoteChange,
  type OwnedBlock,
  type OwnershipRecord,
  type Written,
} from "../sheets/ownership";
import type { BlockId, CellSpec, SheetSpec, StyleName } from "../sheets/spec";
import { MESSAGES, NOTES_API, REQUIRED_API, failure, failureFromError, protectedSheet } from "./failures";
import { STYLE_LOOKS } from "../sheets/styles";
import type { ActionResult, BlockOutcome, DiffRow, InsertOptions, InsertReport, UpdatePlan, UpdateReport } from "./types";

export type * from "./types";
export { NOTES_API, REQUIRED_API } from "./failures";

/** Builds a block's spec; the default is the sheet builders on the current dataset. */
export type SpecSource = (block: BlockId, options: BuildOptions) => SheetSpec;

const defaultSource: SpecSource = (block, options) => buildBlock(block, options);

export interface Support {
  /** The ExcelApi version every action needs. */
  readonly required: string;
  /** Whether this Excel can add notes (ExcelApi 1.18); without it, figures carry no notes. */
  readonly notes: boolean;
}

function isSupported(version: string): boolean {
  return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", version));
}

/** Checks the requirement sets before any Excel call, with a message that says what to do. */
export async function checkSupport(): Promise<ActionResult<Support>> {
  if (typeof Office === "undefined" || typeof Excel === "undefined" || !Office.context?.requirements) {
    return failure("unsupported", MESSAGES.noOffice);
  }
  if (!isSupported(REQUIRED_API)) return failure("unsupported", MESSAGES.oldExcel);
  return { ok: true, value: { required: REQUIRED_API, notes: isSupported(NOTES_API) } };
}

async function guarded<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    const support = await checkSupport();
    if (!support.ok) return support;
    return await action();
  } catch (err) {
    return failureFromError(err);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the workbook

interface NameInfo {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

/** "Deal!$A$1:$I$30" or "'Capex 2026'!$A$1" → the sheet name and the rest; null for non-ranges. */
function sheetOfReference(ref: string): { sheet: string; address: string } | null {
  const bang = ref.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = ref.slice(0, bang).replace(/^=/, "");
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1).replace(/\$/g, "") };
}

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

// ---------------------------------------------------------------------------------------------
// Writing a block

/** Each style's cells as addresses of horizontal runs ("A4:I4"), for one getRanges call per style. */
function styleRuns(spec: SheetSpec): Map<StyleName, string[]> {
  const runs = new Map<StyleName, { row: number; start: number; end: number }[]>();
  const sorted = spec.cells.filter((c) => c.style).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of sorted) {
    const style = c.style as StyleName;
    const list = runs.get(style) ?? [];
    const last = list[list.length - 1];
    if (last && last.row === c.row && last.end === c.col - 1) last.end = c.col;
    else list.push({ row: c.row, start: c.col, end: c.col });
    runs.set(style, list);
  }
  return new Map([...runs].map(([style, list]) => [style, list.map((r) => rangeA1(r.row, r.start, r.row, r.end))]));
}

/** Queues the rectangles of cell writes on a sheet: formulas first, then number formats. */
function queueCellWrites(sheet: Excel.Worksheet, writes: readonly CellWrite[]): void {
  for (const rect of layoutWrites(writes)) {
    const range = sheet.getRange(rect.address);
    if (rect.formulas) range.formulas = rect.formulas as unknown as string[][];
    if (rect.numberFormat) range.numberFormat = rect.numberFormat as unknown as string[][];
  }
}

/** Addresses in groups short enough for one getRanges call. */
function chunks(addresses: readonly string[], maxLength = 2000): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + a.length + 1 > maxLength) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

interface PlannedBlock {
  readonly spec: SheetSpec;
  readonly sheetName: string;
  /** True when the block gets a sheet of its own (false: at the selection). */
  readonly newSheet: boolean;
  readonly renamedFrom: string | null;
  readonly namesToAdd: readonly { name: string; row: number; col: number; comment: string; replace: boolean }[];
  readonly leftAlone: readonly { what: string; reason: string }[];
  readonly tables: readonly { name: string; top: number; left: number; bottom: number; right: number; renamedFrom: string | null }[];
  readonly markerExists: boolean;
}

function queueBlock(context: Excel.RequestContext, sheet: Excel.Worksheet, p: PlannedBlock, notes: boolean): void {
  const { spec } = p;
  queueCellWrites(sheet, creationWrites(spec));
  for (const [style, addresses] of styleRuns(spec)) {
    const look = STYLE_LOOKS[style];
    if (Object.keys(look).length === 0) continue;
    for (const group of chunks(addresses)) {
      const areas = sheet.getRanges(group);
      if (look.bold) areas.format.font.bold = true;
      if (look.italic) areas.format.font.italic = true;
      if (look.color) areas.format.font.color = look.color;
      if (look.fill) areas.format.fill.color = look.fill;
      if (look.wrapText) areas.format.wrapText = true;
    }
  }
  if (p.newSheet) {
    spec.columnWidths.forEach((chars, i) => {
      const letter = columnLetters(spec.origin.col + i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(chars);
    });
  }
  for (const t of p.tables) {
    const table = sheet.tables.add(sheet.getRange(rangeA1(t.top, t.left, t.bottom, t.right)), true);
    table.name = t.name;
  }
  for (const n of p.namesToAdd) {
    if (n.replace) context.workbook.names.getItem(n.name).delete();
    context.workbook.names.add(n.name, sheet.getRange(toA1(n.row, n.col)), n.comment);
  }
  if (notes) {
    for (const c of spec.cells) if (c.note) sheet.notes.add(sheet.getRange(toA1(c.row, c.col)), c.note);
  }
  for (const chart of spec.charts) {
    const values = sheet.getRange(rangeA1(chart.values.top, chart.values.col, chart.values.bottom, chart.values.col));
    const added = sheet.charts.add(Excel.ChartType.barClustered, values, Excel.ChartSeriesBy.columns);
    added.title.text = chart.title;
    added.series.getItemAt(0).setXAxisValues(sheet.getRange(rangeA1(chart.categories.top, chart.categories.col, chart.categories.bottom, chart.categories.col)));
    added.setPosition(sheet.getRange(toA1(chart.anchor.row, chart.anchor.col)));
  }
  const marker = markerName(spec.block);
  if (p.markerExists) context.workbook.names.getItem(marker).delete();
  const { rows, cols } = specExtent(spec);
  const area = sheet.getRange(rangeA1(spec.origin.row, spec.origin.col, spec.origin.row + rows - 1, spec.origin.col + cols - 1));
  context.workbook.names.add(marker, area, `Deal Desk: the ${BLOCK_TITLES[spec.block]} block (keeps updates working; do not delete)`).visible = false;
}

/** The hidden marker of a block not in the workbook: a name on FALSE, replaced when it is inserted. */
function addEmptyMarker(wb: Excel.Workbook, block: BlockId): void {
  wb.names.add(markerName(block), "=FALSE", `Deal Desk: marker of the ${BLOCK_TITLES[block]} block, not inserted yet`).visible = false;
}

/** Distinct ids of the dataset's figures (not facts) that a spec's reported cells show. */
function figureIds(spec: SheetSpec): Set<string> {
  return new Set(spec.cells.filter((c) => c.style === "reported" && c.figureId !== undefined && !isLookupError(findFigure(c.figureId))).map((c) => c.figureId as string));
}

function figureCount(spec: SheetSpec): number {
  return figureIds(spec).size;
}

/** What a block holds, in words: its figures, facts and input cells ("6 figures, 5 facts"). */
function contentsOf(spec: SheetSpec, cellsWritten: number): string[] {
  const figures = figureIds(spec);
  const facts = new Set(spec.cells.filter((c) => c.figureId !== undefined && !figures.has(c.figureId)).map((c) => c.figureId));
  const inputs = spec.cells.filter((c) => c.owner === "user" && c.figureId === undefined).length;
  const parts = [
    figures.size > 0 ? plural(figures.size, "figure", "figures") : "",
    facts.size > 0 ? plural(facts.size, "fact", "facts") : "",
    inputs > 0 ? plural(inputs, "input cell", "input cells") : "",
  ].filter((part) => part !== "");
  return parts.length > 0 ? parts : [plural(cellsWritten, "cell", "cells")];
}

function listInWords(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryOf(outcome: BlockOutcome, p: PlannedBlock | undefined): string[] {
  const title = BLOCK_TITLES[outcome.block];
  if (outcome.alreadyPresent) {
    return [`${title} is already in the workbook (sheet ${outcome.sheetName}); nothing was written. Use Update to refresh its figures.`];
  }
  const where = p && !p.newSheet ? `the ${title} block on sheet ${outcome.sheetName} at ${toA1(p.spec.origin.row, p.spec.origin.col)}` : `sheet ${outcome.sheetName}`;
  const names = outcome.namesWritten.length > 0 ? [plural(outcome.namesWritten.length, "named range", "named ranges")] : [];
  const contents = p ? contentsOf(p.spec, outcome.cellsWritten) : [plural(outcome.cellsWritten, "cell", "cells")];
  const lines = [`Inserted ${where} with ${listInWords([...contents, ...names])}.`];
  if (p?.renamedFrom) lines.push(`A sheet of yours is already named ${p.renamedFrom}, so the block went to ${outcome.sheetName} and your sheet was left as it is.`);
  for (const t of p?.tables ?? []) {
    if (t.renamedFrom) lines.push(`The table name ${t.renamedFrom} was taken, so the table is called ${t.name}.`);
  }
  for (const l of outcome.leftAlone) lines.push(`Left ${l.what} alone: ${l.reason}`);
  return lines;
}

/**
 * Inserts blocks (and the blocks their formulas need), each on a sheet of its own or stacked at
 * the selected cell. One read, one write; nothing of the user's is overwritten.
 */
export async function insertBlocks(blocks: readonly BlockId[], options: InsertOptions, source: SpecSource = defaultSource): Promise<ActionResult<InsertReport>> {
  const unknown = blocks.filter((b) => !BLOCKS.includes(b));
  if (blocks.length === 0 || unknown.length > 0) {
    return failure("excel", `Choose blocks among ${BLOCKS.join(", ")}${unknown.length ? ` (not ${unknown.join(", ")})` : ""}.`);
  }
  if (options.target !== "new-sheet" && options.target !== "selection") {
    return failure("excel", 'The target is "new-sheet" or "selection".');
  }
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<InsertReport>> => {
      const notes = isSupported(NOTES_API);
      const wanted = needsOf(blocks, source, options);
      const atSelection = options.target === "selection";
      const extents = wanted.map((b) => specExtent(source(b, { includeStockHistory: options.includeStockHistory })));

      // Read: sheets, names, tables, the record, protection, and the selection's area.
      const wb = context.workbook;
      const sheets = wb.worksheets.load("items/name");
      const names = wb.names.load("items/name,items/type,items/value");
      const tables = wb.tables.load("items/name");
      const setting = wb.settings.getItemOrNullObject(RECORD_KEY).load("value");
      const structure = wb.protection.load("protected");
      const selected = atSelection ? wb.getSelectedRange().load("rowIndex,columnIndex") : null;
      const selectedSheet = selected ? selected.worksheet.load("name,protection/protected") : null;
      const stackRows = extents.reduce((n, e) => n + e.rows, 0) + extents.length - 1;
      const stackCols = Math.max(...extents.map((e) => e.cols));
      const area = selected ? selected.getCell(0, 0).getResizedRange(stackRows - 1, stackCols - 1).load("address,formulas") : null;
      await context.sync();

      const record = setting.isNullObject ? EMPTY_RECORD : readRecord(setting.value);
      const nameInfo: NameInfo[] = names.items.map((n) => ({ name: n.name, type: n.type, value: String(n.value) }));
      const existingNames = new Map(nameInfo.map((n) => [n.name.toUpperCase(), n]));
      const present = new Map<BlockId, string>();
      for (const n of nameInfo) {
        const block = blockOfMarker(n.name);
        const ref = n.type === "Range" ? sheetOfReference(n.value) : null;
        if (block && ref) present.set(block, ref.sheet);
      }
      const mine = ownedNames(record);
      const takenSheets = sheets.items.map((s) => s.name);
      const takenTableNames = [...tables.items.map((t) => t.name), ...nameInfo.map((n) => n.name)];

      const toWrite = wanted.filter((b) => !present.has(b));
      if (toWrite.length > 0 && !atSelection && structure.protected) return failure("protected", MESSAGES.protectedWorkbook);
      if (selected && selectedSheet && area && toWrite.length > 0) {
        if (selectedSheet.protection.protected) return protectedSheet(selectedSheet.name);
        const firstFull = firstNonEmpty(area.formulas);
        if (firstFull) {
          const at = toA1(selected.rowIndex + firstFull.row, selected.columnIndex + firstFull.col);
          const span = String(area.address).split("!").pop();
          return failure(
            "not-empty",
            firstFull.row === 0 && firstFull.col === 0
              ? `The selected cell ${at} is not empty. Deal Desk writes only into empty cells: select an empty cell with room below and to the right (${span}), or insert on a new sheet.`
              : `Deal Desk needs ${span} empty for this insert, but ${at} holds something. Select an empty area, or insert on a new sheet; nothing was changed.`,
          );
        }
      }

      // Plan each block (pure decisions), then queue every write for one sync.
      const plans: PlannedBlock[] = [];
      let nextRow = selected ? selected.rowIndex : 0;
      for (const block of toWrite) {
        const origin = selected ? { row: nextRow, col: selected.columnIndex } : { row: 0, col: 0 };
        const spec = source(block, { origin, includeStockHistory: options.includeStockHistory });
        nextRow += specExtent(spec).rows + 1;
        const sheetName = selectedSheet ? selectedSheet.name : uniqueSheetName(spec.sheetName, takenSheets);
        if (!selectedSheet) takenSheets.push(sheetName);
        const namesToAdd: PlannedBlock["namesToAdd"][number][] = [];
        const leftAlone: { what: string; reason: string }[] = [];
        for (const n of spec.names) {
          const existing = existingNames.get(n.name.toUpperCase());
          if (!existing) namesToAdd.push({ ...n, replace: false });
          // A name this block created earlier whose sheet was deleted (#REF!) is re-pointed; one
          // that still refers to cells is treated as the user's.
          else if (mine.has(n.name.toUpperCase()) && existing.type !== "Range") namesToAdd.push({ ...n, replace: true });
          else {
            leftAlone.push({
              what: `the name ${existing.name}`,
              reason: `it already exists in your workbook (it refers to ${existing.value}), so this block's formulas that use ${existing.name} read your definition, not the block's cell ${sheetName}!${toA1(n.row, n.col)}.`,
            });
          }
        }
        const planTables = spec.tables.map((t) => {
          const name = uniqueTableName(t.name, takenTableNames);
          takenTableNames.push(name);
          return { ...t, name, renamedFrom: name === t.name ? null : t.name };
        });
        plans.push({
          spec,
          sheetName,
          newSheet: !selectedSheet,
          renamedFrom: !selectedSheet && sheetName !== spec.sheetName ? spec.sheetName : null,
          namesToAdd,
          leftAlone,
          tables: planTables,
          markerExists: existingNames.has(markerName(block).toUpperCase()),
        });
      }

      let nextRecord: OwnershipRecord = record;
      if (plans.length > 0) {
        context.application.suspendApiCalculationUntilNextSync();
        context.application.suspendScreenUpdatingUntilNextSync();
        let first: Excel.Worksheet | null = null;
        for (const p of plans) {
          const sheet = p.newSheet ? wb.worksheets.add(p.sheetName) : wb.worksheets.getItem(p.sheetName);
          first = first ?? sheet;
          queueBlock(context, sheet, p, notes);
          nextRecord = withBlock(
            nextRecord,
            recordOf(p.spec, p.sheetName, p.newSheet ? "new-sheet" : "selection", options.includeStockHistory, p.namesToAdd.map((n) => n.name), p.tables.map((t) => t.name)),
          );
        }
        // Every block gets a marker name, empty (=FALSE) until it is inserted, so updates can
        // read all blocks in one sync without first asking which exist.
        for (const block of BLOCKS) {
          if (existingNames.has(markerName(block).toUpperCase()) || plans.some((p) => p.spec.block === block)) continue;
          addEmptyMarker(wb, block);
        }
        wb.settings.add(RECORD_KEY, nextRecord);
        if (first && plans[0].newSheet) first.activate();
        await context.sync();
      }

      const outcomes: BlockOutcome[] = wanted.map((block) => {
        const p = plans.find((x) => x.spec.block === block);
        if (!p) {
          return { block, sheetName: present.get(block) ?? BLOCK_TITLES[block], alreadyPresent: true, figures: 0, cellsWritten: 0, namesWritten: [], leftAlone: [] };
        }
        return {
          block,
          sheetName: p.sheetName,
          alreadyPresent: false,
          figures: figureCount(p.spec),
          cellsWritten: countCells(creationWrites(p.spec)),
          namesWritten: p.namesToAdd.map((n) => n.name),
          leftAlone: p.leftAlone,
        };
      });
      const summary = outcomes.flatMap((o) => summaryOf(o, plans.find((p) => p.spec.block === o.block)));
      if (!notes && plans.some((p) => p.spec.cells.some((c) => c.note))) {
        summary.push(`This version of Excel cannot add notes (it needs the Excel JavaScript API ${NOTES_API}), so figures have no notes; each row's Source, Status and As of columns say where it comes from.`);
      }
      return { ok: true, value: { blocks: outcomes, summary } };
    }),
  );
}

function firstNonEmpty(grid: unknown[][]): { row: number; col: number } | null {
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) if (grid[r][c] !== "" && grid[r][c] !== null) return { row: r, col: c };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Updates

interface BlockRead {
  readonly entry: OwnedBlock;
  readonly spec: SheetSpec;
  readonly sheetName: string;
  readonly plan: BlockUpdatePlan;
}

interface UpdateRead {
  readonly record: OwnershipRecord;
  readonly blocks: readonly BlockRead[];
  /** Recorded blocks whose sheet or area is gone. */
  readonly missing: readonly OwnedBlock[];
  readonly protectedSheets: ReadonlySet<string>;
  /** The workbook's notes, when this Excel has them (ExcelApi 1.18). */
  readonly notes: readonly Excel.Note[];
  /** Blocks whose marker name is missing: an apply puts empty markers back. */
  readonly missingMarkers: readonly BlockId[];
}

type LoadedArea = { isNullObject: boolean; address: string; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number; formulas: unknown[][]; values: unknown[][] };

const AREA_PROPS = "address,rowIndex,columnIndex,rowCount,columnCount,formulas,values";

/**
 * Reads the record, every sheet's protection and each block's area through its marker name:
 * one sync. Markers exist for every block once anything was inserted; when some do not (a
 * workbook the add-in never wrote to), a second sync asks which exist.
 */
async function readForUpdate(context: Excel.RequestContext, source: SpecSource): Promise<UpdateRead> {
  const wb = context.workbook;
  const withNotes = isSupported(NOTES_API);
  const queue = (blocks: readonly BlockId[]) => ({
    setting: wb.settings.getItemOrNullObject(RECORD_KEY).load("value"),
    sheets: wb.worksheets.load("items/name,items/protection/protected"),
    notes: withNotes ? wb.notes.load("items/content") : null,
    areas: new Map(blocks.map((b) => [b, wb.names.getItem(markerName(b)).getRangeOrNullObject().load(AREA_PROPS) as unknown as LoadedArea])),
  });
  let read = queue(BLOCKS);
  let missingMarkers: BlockId[] = [];
  try {
    await context.sync();
  } catch (err) {
    if ((err as { code?: unknown }).code !== "ItemNotFound") throw err;
    const names = wb.names.load("items/name");
    await context.sync();
    const existing = new Set(names.items.map((n) => n.name.toUpperCase()));
    missingMarkers = BLOCKS.filter((b) => !existing.has(markerName(b).toUpperCase()));
    read = queue(BLOCKS.filter((b) => !missingMarkers.includes(b)));
    await context.sync();
  }
  const record = read.setting.isNullObject ? EMPTY_RECORD : readRecord(read.setting.value);
  const protectedSheets = new Set(read.sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
  const blocks: BlockRead[] = [];
  const missing: OwnedBlock[] = [];
  const outside: { entry: OwnedBlock; spec: SheetSpec; sheetName: string; area: LoadedArea }[] = [];
  for (const entry of record.blocks) {
    const area = read.areas.get(entry.block);
    if (!area || area.isNullObject) {
      missing.push(entry);
      continue;
    }
    const ref = sheetOfReference(area.address);
    if (!ref) {
      missing.push(entry);
      continue;
    }
    const spec = source(entry.block, { origin: { row: area.rowIndex, col: area.columnIndex }, includeStockHistory: entry.includeStockHistory });
    const fits = spec.cells.every((c) => c.row < area.rowIndex + area.rowCount && c.col < area.columnIndex + area.columnCount);
    if (fits) blocks.push(planRead(entry, spec, ref.sheet, [area]));
    else outside.push({ entry, spec, sheetName: ref.sheet, area });
  }
  if (outside.length > 0) {
    // The dataset grew past a block's area: read the extra cells too (a third sync, only then).
    const extra = outside.map((o) => {
      const { rows, cols } = specExtent(o.spec);
      const r = wb.worksheets.getItem(o.sheetName).getRange(rangeA1(o.spec.origin.row, o.spec.origin.col, o.spec.origin.row + rows - 1, o.spec.origin.col + cols - 1));
      return r.load(AREA_PROPS) as unknown as LoadedArea;
    });
    await context.sync();
    outside.forEach((o, i) => blocks.push(planRead(o.entry, o.spec, o.sheetName, [o.area, extra[i]])));
  }
  return { record, blocks, missing, protectedSheets, notes: read.notes ? read.notes.items : [], missingMarkers };
}

function planRead(entry: OwnedBlock, spec: SheetSpec, sheetName: string, areas: readonly LoadedArea[]): BlockRead {
  const current = (row: number, col: number): Written => {
    for (const a of [...areas].reverse()) {
      const r = row - a.rowIndex;
      const c = col - a.columnIndex;
      if (r >= 0 && c >= 0 && r < a.rowCount && c < a.columnCount) return writtenFromExcel(a.formulas[r][c], a.values[r][c]);
    }
    return null;
  };
  return { entry, spec, sheetName, plan: planBlockUpdate(entry, spec, sheetName, current) };
}

function labelOf(spec: SheetSpec, cell: CellSpec): { label: string; source: string } {
  const header = spec.tables
    .filter((t) => cell.row > t.top && cell.row <= t.bottom && cell.col >= t.left && cell.col <= t.right)
    .map((t) => spec.cells.find((c) => c.row === t.top && c.col === cell.col)?.value)
    .find((v) => typeof v === "string");
  const dataset = `Deal Desk dataset ${DATASET.version} (${DATASET.date})`;
  if (cell.figureId) {
    const figure = findFigure(cell.figureId);
    const fact = allFacts().find((f) => f.id === cell.figureId);
    const what = !isLookupError(figure) ? figure : fact;
    if (what) {
      const src = findSource(what.sourceId);
      return {
        label: header ? `${what.label} — ${header}` : what.label,
        source: `${src ? src.title : what.sourceId} (${what.status}, as of ${what.asOf}); ${dataset}`,
      };
    }
  }
  const rowLabel = spec.cells.find((c) => c.row === cell.row && c.col === spec.origin.col && c !== cell && typeof c.value === "string")?.value;
  return { label: typeof rowLabel === "string" ? (header ? `${rowLabel} — ${header}` : rowLabel) : `Cell ${toA1(cell.row, cell.col)}`, source: dataset };
}

function diffRow(read: BlockRead, c: Conflict): DiffRow {
  const { label, source } = labelOf(read.spec, c.cell);
  return {
    key: c.key,
    sheetName: read.sheetName,
    address: c.address,
    figureId: c.cell.figureId ?? "",
    label,
    userValue: displayWritten(c.userValue),
    lastWritten: displayWritten(c.lastWritten),
    newValue: displayWritten(c.newValue),
    source,
  };
}

/**
 * What an update would do: the cells the user changed (each kept unless accepted) and how many
 * untouched cells would be refreshed. Reads only (one sync).
 */
export async function planUpdate(source: SpecSource = defaultSource): Promise<ActionResult<UpdatePlan>> {
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<UpdatePlan>> => {
      const read = await readForUpdate(context, source);
      if (read.blocks.length === 0) return failure("no-addin-sheets", MESSAGES.noAddinSheets);
      return {
        ok: true,
        value: {
          conflicts: read.blocks.flatMap((b) => b.plan.conflicts.map((c) => diffRow(b, c))),
          refreshes: read.blocks.reduce((n, b) => n + b.plan.refreshes.length, 0),
          sheets: read.blocks.map((b) => b.sheetName),
        },
      };
    }),
  );
}

/**
 * The note changes whose note still reads what the add-in wrote, with the notes to rewrite. A
 * note is found by its text (the API gives a note's cell only through another round trip); a
 * text several changes start from is rewritten only when they all say the same.
 */
function matchNoteChanges(notes: readonly Excel.Note[], changes: readonly NoteChange[]): { changed: Set<NoteChange>; rewrite: Map<Excel.Note, string> } {
  const byText = new Map<string, Excel.Note[]>();
  for (const n of notes) byText.set(n.content, [...(byText.get(n.content) ?? []), n]);
  const changed = new Set<NoteChange>();
  const rewrite = new Map<Excel.Note, string>();
  for (const c of changes) {
    const same = changes.filter((x) => x.from === c.from);
    const found = byText.get(c.from) ?? [];
    if (new Set(same.map((x) => x.to)).size !== 1 || found.length === 0) continue;
    for (const n of found) rewrite.set(n, c.to);
    changed.add(c);
  }
  return { changed, rewrite };
}

function sameRecord(a: OwnershipRecord, b: OwnershipRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Refreshes the untouched add-in cells and writes the accepted conflicts (keys from
 * planUpdate); every other cell the user changed is kept. User cells are never written.
 */
export async function applyUpdate(acceptedKeys: readonly string[], source: SpecSource = defaultSource): Promise<ActionResult<UpdateReport>> {
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<UpdateReport>> => {
      const read = await readForUpdate(context, source);
      if (read.blocks.length === 0) return failure("no-addin-sheets", MESSAGES.noAddinSheets);
      const accepted = new Set(acceptedKeys);
      let record = read.record;
      for (const gone of read.missing) record = { version: 1, blocks: record.blocks.filter((b) => b.block !== gone.block) };
      let cellsWritten = 0;
      let acceptedCount = 0;
      let kept = 0;
      const sheetWrites: { read: BlockRead; writes: CellWrite[]; entry: OwnedBlock }[] = [];
      for (const b of read.blocks) {
        const decided = acceptConflicts(b.plan, accepted);
        acceptedCount += decided.accepted;
        kept += decided.kept;
        if (decided.writes.length > 0 || b.plan.noteChanges.length > 0) sheetWrites.push({ read: b, writes: decided.writes, entry: decided.entry });
        else record = withBlock(record, decided.entry);
      }
      const blocked = sheetWrites.find((s) => read.protectedSheets.has(s.read.sheetName));
      if (blocked) return protectedSheet(blocked.read.sheetName);
      const notes = matchNoteChanges(read.notes, read.blocks.flatMap((b) => b.plan.noteChanges));
      for (const { read: b, writes, entry } of sheetWrites) {
        cellsWritten += countCells(writes);
        record = withBlock(record, withNotesChanged(entry, b.plan.noteChanges.filter((c) => notes.changed.has(c))));
      }
      const notesUpdated = notes.changed.size;
      if (cellsWritten > 0 || notesUpdated > 0 || read.missingMarkers.length > 0 || !sameRecord(record, read.record)) {
        context.application.suspendApiCalculationUntilNextSync();
        context.application.suspendScreenUpdatingUntilNextSync();
        for (const { read: b, writes } of sheetWrites) {
          if (writes.length > 0) queueCellWrites(context.workbook.worksheets.getItem(b.sheetName), writes);
        }
        for (const [note, text] of notes.rewrite) note.content = text;
        for (const block of read.missingMarkers) addEmptyMarker(context.workbook, block);
        context.workbook.settings.add(RECORD_KEY, record);
        await context.sync();
      }
      const refreshed = cellsWritten - acceptedCount;
      const parts = [
        cellsWritten === 0 ? "Everything is up to date: no cell was written." : `Updated ${plural(cellsWritten, "cell", "cells")} (${plural(refreshed, "refreshed figure cell", "refreshed figure cells")}, ${plural(acceptedCount, "accepted change", "accepted changes")}).`,
      ];
      if (notesUpdated > 0) parts.push(`Rewrote ${plural(notesUpdated, "note", "notes")} whose source text changed.`);
      if (kept > 0) parts.push(`Kept ${plural(kept, "cell", "cells")} you changed.`);
      if (read.missing.length > 0) parts.push(`No longer tracked (their sheet or area was deleted): ${read.missing.map((m) => BLOCK_TITLES[m.block]).join(", ")}.`);
      return { ok: true, value: { cellsWritten, accepted: acceptedCount, kept, notesUpdated, summary: parts.join(" ") } };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Formula skeletons

/** Writes a formula (from the pane's function reference) into the selected cell if it is empty. */
export async function insertFormula(text: string): Promise<ActionResult<{ address: string }>> {
  const formula = String(text ?? "").trim();
  if (!formula.startsWith("=") || formula.length < 2) return failure("excel", MESSAGES.notAFormula);
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<{ address: string }>> => {
      const cell = context.workbook.getActiveCell().load("address,formulas");
      const sheet = cell.worksheet.load("name,protection/protected");
      await context.sync();
      const address = String(cell.address);
      if (sheet.protection.protected) return protectedSheet(sheet.name);
      if (cell.formulas[0][0] !== "") {
        return failure("not-empty", `The selected cell ${address} is not empty. Select an empty cell and try again; nothing was changed.`);
      }
      cell.formulas = [[formula]];
      await context.sync();
      return { ok: true, value: { address } };
    }),
  );
}
