/**
 * Reading the workbook for an update, in one sync: each block's area through its marker name,
 * its band of the ownership record through its record name, the names and the sheets'
 * protection. Returns plain data for the pure planner (src/ownership).
 *
 * Insert writes a marker and a record name for every block (on =FALSE until the block is
 * inserted), so the names always exist; only a workbook from before that (or one whose names the
 * user deleted) takes a second sync to learn which names exist. A block whose marker the user
 * deleted is found by its record, with one more sync to read its area.
 */
import { BLOCKS } from "../sheets";
import type { BlockId } from "../sheets/spec";
import { rangeA1 } from "../sheets/a1";
import { areaOfRecord, type BlockArea, type SheetRect } from "../ownership/locate";
import type { NameInfo } from "../ownership/insert";
import { findChangeLog } from "../ownership/changelog";
import { markerName, parseRecord, recordName, type BlockRecord } from "../ownership/record";

type Loaded = Excel.Range & { isNullObject: boolean };

const AREA = "address,rowIndex,columnIndex,formulas,values";

export interface BlockRead {
  readonly block: BlockId;
  /** The block's area, or null when its marker is missing or not on cells (deleted sheet, =FALSE). */
  readonly area: BlockArea | null;
  /** The band as read: a complete record, null when missing or unreadable. */
  readonly record: BlockRecord | null;
  /** The band's place on the record sheet, to rewrite it. */
  readonly band: { readonly sheet: string; readonly top: number; readonly left: number; readonly rows: number } | null;
  /** The block's marker name was gone and its area was found from the record: Apply puts the name back here. */
  readonly lostMarker: SheetRect | null;
}

export interface WorkbookRead {
  readonly blocks: readonly BlockRead[];
  readonly names: readonly NameInfo[];
  readonly protectedSheets: ReadonlySet<string>;
  readonly sheets: readonly string[];
  /** The add-in's change log table (Apply appends to it), or null (Apply creates it). */
  readonly changeLog: string | null;
  /** Every name a new table must not take: tables, workbook names, each sheet's own names. */
  readonly takenNames: readonly string[];
}

/**
 * What to load of each sheet for its own (sheet-scoped) names, in the same sync as the sheets:
 * Workbook.names lists workbook-scope names only, and Excel refuses a table name any name has.
 * Nested collection paths are part of load() (OfficeExtension.LoadOption, "items/…/items/…").
 */
export const SHEET_NAMES_LOAD = "items/names/items/name,items/names/items/scope";

/**
 * A loaded sheet's own names. Excel on the web has listed the workbook's names among a sheet's
 * too (OfficeDev/office-js#1011): the scope keeps the sheet's own.
 */
export function ownNamesOf(sheet: Excel.Worksheet): string[] {
  return sheet.names.items.filter((n) => n.scope === "Worksheet").map((n) => n.name);
}

function sheetOf(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang);
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

interface Queued {
  readonly area: Loaded | null;
  readonly band: Loaded | null;
}

function queueBlocks(wb: Excel.Workbook, has: (name: string) => boolean): Map<BlockId, Queued> {
  const range = (name: string) => (has(name) ? (wb.names.getItem(name).getRangeOrNullObject().load(AREA) as Loaded) : null);
  return new Map(BLOCKS.map((b) => [b, { area: range(markerName(b)), band: range(recordName(b)) }]));
}

function blockRead(block: BlockId, loaded: Queued | undefined): BlockRead {
  const area = loaded?.area && !loaded.area.isNullObject ? loaded.area : null;
  const band = loaded?.band && !loaded.band.isNullObject ? loaded.band : null;
  return {
    block,
    area: area ? { sheet: sheetOf(area.address), top: area.rowIndex, left: area.columnIndex, formulas: area.formulas, values: area.values } : null,
    record: band ? parseRecord(block, band.formulas, band.values) : null,
    band: band ? { sheet: sheetOf(band.address), top: band.rowIndex, left: band.columnIndex, rows: band.formulas.length } : null,
    lostMarker: null,
  };
}

/**
 * The blocks whose marker name is gone while their record name is on cells: a user deleted the
 * hidden name (visible in the Name Manager once shown). Their area is found from the record.
 */
export function lostMarkers(names: readonly NameInfo[]): BlockId[] {
  const byName = new Map(names.map((n) => [n.name.toUpperCase(), n]));
  return BLOCKS.filter((b) => !byName.has(markerName(b)) && byName.get(recordName(b))?.type === "Range");
}

/** Where each recorded block is now by its record (see areaOfRecord), when that sheet exists. */
function recordedRects(records: ReadonlyMap<BlockId, BlockRecord>, sheets: readonly string[]): Map<BlockId, SheetRect> {
  const rects = new Map<BlockId, SheetRect>();
  for (const [block, record] of records) {
    const rect = areaOfRecord(record);
    const sheet = rect ? sheets.find((s) => s.toLowerCase() === rect.sheet.toLowerCase()) : undefined;
    if (rect && sheet) rects.set(block, { ...rect, sheet });
  }
  return rects;
}

/** Where each block of `blocks` is now by its record band, read in one sync (Insert reads no band otherwise). */
export async function recordedAreas(context: Excel.RequestContext, blocks: readonly BlockId[], sheets: readonly string[]): Promise<Map<BlockId, SheetRect>> {
  const bands = blocks.map((b) => context.workbook.names.getItem(recordName(b)).getRangeOrNullObject().load(AREA) as Loaded);
  await context.sync();
  const records = new Map<BlockId, BlockRecord>();
  blocks.forEach((b, i) => {
    const record = blockRead(b, { area: null, band: bands[i] }).record;
    if (record) records.set(b, record);
  });
  return recordedRects(records, sheets);
}

/** The blocks of `reads` whose marker is lost, with their area read where the record says they are (one sync). */
async function withLostMarkers(context: Excel.RequestContext, reads: readonly BlockRead[], names: readonly NameInfo[], sheets: readonly string[]): Promise<BlockRead[]> {
  const lost = new Set(lostMarkers(names));
  const records = new Map(reads.flatMap((r) => (lost.has(r.block) && r.record ? [[r.block, r.record] as const] : [])));
  const rects = recordedRects(records, sheets);
  if (rects.size === 0) return [...reads];
  const ranges = new Map([...rects].map(([block, r]) => [block, context.workbook.worksheets.getItem(r.sheet).getRange(rangeA1(r.top, r.left, r.bottom, r.right)).load(AREA)]));
  await context.sync();
  return reads.map((read) => {
    const range = ranges.get(read.block);
    const rect = rects.get(read.block);
    if (!range || !rect) return read;
    return { ...read, area: { sheet: rect.sheet, top: range.rowIndex, left: range.columnIndex, formulas: range.formulas, values: range.values }, lostMarker: rect };
  });
}

/** Reads every block's area and record, the names and the sheets' protection. */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const wb = context.workbook;
  // Each sheet's own names and every table's columns in the same read (nested loads): the change
  // log is recognised by its columns, and a new one avoids every name.
  const SHEETS = `items/name,items/protection/protected,${SHEET_NAMES_LOAD}`;
  const sheets = wb.worksheets.load(SHEETS);
  const names = wb.names.load("items/name,items/type,items/value,items/comment");
  const tables = wb.tables.load("items/name,items/columns/items/name");
  let loaded = queueBlocks(wb, () => true);
  try {
    await context.sync();
  } catch (err) {
    if ((err as { code?: unknown }).code !== "ItemNotFound") throw err;
    const existing = wb.names.load("items/name");
    await context.sync();
    const have = new Set(existing.items.map((n) => n.name.toUpperCase()));
    loaded = queueBlocks(wb, (name) => have.has(name));
    sheets.load(SHEETS);
    names.load("items/name,items/type,items/value,items/comment");
    tables.load("items/name,items/columns/items/name");
    await context.sync();
  }
  const nameInfos = names.items.map((n) => ({ name: n.name, type: String(n.type), value: String(n.value), comment: n.comment ?? "" }));
  const sheetNames = sheets.items.map((s) => s.name);
  return {
    blocks: await withLostMarkers(context, BLOCKS.map((b) => blockRead(b, loaded.get(b))), nameInfos, sheetNames),
    names: nameInfos,
    protectedSheets: new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name)),
    sheets: sheetNames,
    changeLog: findChangeLog(tables.items.map((t) => ({ name: t.name, columns: t.columns.items.map((c) => c.name) }))),
    takenNames: [
      ...tables.items.map((t) => t.name),
      ...names.items.map((n) => n.name),
      ...sheets.items.flatMap(ownNamesOf),
    ],
  };
}
