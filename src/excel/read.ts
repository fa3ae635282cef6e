/**
 * Reading the workbook for an update, in one sync: each block's area through its marker name,
 * its band of the ownership record through its record name, the names and the sheets'
 * protection. Returns plain data for the pure planner (src/ownership).
 *
 * Insert writes a marker and a record name for every block (on =FALSE until the block is
 * inserted), so the names always exist; only a workbook from before that (or one whose names the
 * user deleted) takes a second sync to learn which names exist; a band whose record name was
 * deleted is then read at its place on the record sheet. (recover.ts finds a block whose marker
 * name was deleted.)
 */
import { BLOCKS } from "../sheets";
import type { BlockId } from "../sheets/spec";
import { columnLetters } from "../sheets/a1";
import type { Region, SheetRect } from "../ownership/cells";
import type { NameInfo } from "../ownership/insert";
import { findChangeLog, type TableColumns } from "../ownership/changelog";
import {
  RECORD_COLUMNS,
  RECORD_SHEET,
  bandColumn,
  markerName,
  parseRecord,
  recordName,
  recordRowCount,
  type BlockRecord,
} from "../ownership/record";
import { sheetOfReference } from "../ownership/insert";
import { SHEET_NAMES_LOAD, sheetScopedNames } from "./sheet-names";

export type Loaded = Excel.Range & { isNullObject: boolean };

/** What is read of a block's area and of a band. */
export const AREA = "address,rowIndex,columnIndex,formulas,values";

export interface BlockRead {
  readonly block: BlockId;
  /** The block's marker area as read, or null when its marker is missing or not on cells (deleted sheet, =FALSE). */
  readonly area: Region | null;
  /** The band as read: a complete record, null when missing or unreadable. */
  readonly record: BlockRecord | null;
  /** The band's place on the record sheet, to rewrite it. */
  readonly band: { readonly sheet: string; readonly top: number; readonly left: number; readonly rows: number } | null;
  /** The block's marker name was gone and its area was found from the record: Apply puts the name back here. */
  readonly lostMarker: SheetRect | null;
  /** The block's record name was gone and its band was found at its place on the record sheet: Apply names it again. */
  readonly lostRecord: boolean;
}

export interface WorkbookRead {
  readonly blocks: readonly BlockRead[];
  readonly names: readonly NameInfo[];
  readonly protectedSheets: ReadonlySet<string>;
  /** The workbook's structure is protected: no sheet can be added. */
  readonly structureProtected: boolean;
  readonly sheets: readonly string[];
  /** The sheet of the record bands (see recordSheetIn), or null when there is none yet. */
  readonly recordSheet: string | null;
  /** The workbook's tables, with their columns' headers. */
  readonly tables: readonly TableColumns[];
  /** The add-in's change log table (Apply appends to it), or null (Apply creates it). */
  readonly changeLog: TableColumns | null;
  /** Every name a new table must not take: tables, workbook names, each sheet's own names. */
  readonly takenNames: readonly string[];
}

/** What is read of each name; nameInfosOf gives it as plain data for the planners. */
export const NAMES_LOAD = "items/name,items/type,items/value,items/comment";

export function nameInfosOf(names: Excel.NamedItemCollection): NameInfo[] {
  return names.items.map((n) => ({ name: n.name, type: String(n.type), value: String(n.value), comment: n.comment ?? "" }));
}

/** The sheets' names and visibility (the record sheet is the very hidden one), as loaded. */
export function sheetInfosOf(sheets: Excel.WorksheetCollection): { name: string; visibility: string }[] {
  return sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) }));
}

/** "'Capex 2026'!A4:J16" → "Capex 2026". */
export function sheetOf(address: string): string {
  return sheetOfReference(address) ?? "";
}

export interface Queued {
  readonly area: Loaded | null;
  readonly band: Loaded | null;
  /** The band was read at its place on the record sheet, its name being gone. */
  readonly byPlace?: boolean;
}

/**
 * The sheet of the record bands: where a record name points, or else the very hidden sheet the
 * add-in made (only code can make a sheet very hidden, so a user's sheet is never taken for it).
 */
export function recordSheetIn(names: readonly NameInfo[], sheets: readonly { name: string; visibility: string }[]): string | null {
  const bands = new Set(BLOCKS.map(recordName));
  const named = names.find((n) => bands.has(n.name.toUpperCase()) && n.type === "Range");
  const sheet = named ? sheetOfReference(named.value) : null;
  if (sheet) return sheet;
  const prefix = RECORD_SHEET.toLowerCase();
  return sheets.find((s) => s.visibility === "VeryHidden" && s.name.toLowerCase().startsWith(prefix))?.name ?? null;
}

/** A block's band: through its record name when it exists, else the used cells of its columns on the record sheet. */
export function queueBand(wb: Excel.Workbook, block: BlockId, named: boolean, recordSheet: string | null): Loaded | null {
  if (named) return wb.names.getItem(recordName(block)).getRangeOrNullObject().load(AREA) as Loaded;
  if (!recordSheet) return null;
  const left = bandColumn(block);
  // Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells of the band's columns, or a null object.
  return wb.worksheets
    .getItem(recordSheet)
    .getRange(`${columnLetters(left)}:${columnLetters(left + RECORD_COLUMNS - 1)}`)
    .getUsedRangeOrNullObject()
    .load(AREA) as Loaded;
}

function queueBlocks(wb: Excel.Workbook, has: (name: string) => boolean, recordSheet: string | null = null): Map<BlockId, Queued> {
  const area = (name: string) => (has(name) ? (wb.names.getItem(name).getRangeOrNullObject().load(AREA) as Loaded) : null);
  return new Map(
    BLOCKS.map((b) => [
      b,
      { area: area(markerName(b)), band: queueBand(wb, b, has(recordName(b)), recordSheet), byPlace: !has(recordName(b)) },
    ]),
  );
}

export function blockRead(block: BlockId, loaded: Queued | undefined): BlockRead {
  const area = loaded?.area && !loaded.area.isNullObject ? loaded.area : null;
  const band = loaded?.band && !loaded.band.isNullObject ? loaded.band : null;
  const record = band ? parseRecord(block, band.formulas, band.values) : null;
  return {
    block,
    area: area
      ? { sheet: sheetOf(area.address), top: area.rowIndex, left: area.columnIndex, formulas: area.formulas, values: area.values }
      : null,
    record,
    // Read by place, the band is its record's rows: the used cells below may be an older band's.
    band:
      band && (record || !loaded?.byPlace)
        ? {
            sheet: sheetOf(band.address),
            top: band.rowIndex,
            left: band.columnIndex,
            rows: loaded?.byPlace && record ? recordRowCount(record) : band.formulas.length,
          }
        : null,
    lostMarker: null,
    lostRecord: record !== null && loaded?.byPlace === true,
  };
}

/** Reads every block's area and record, the names and the sheets' protection. */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const wb = context.workbook;
  // Each sheet's own names and every table's columns in the same read (nested loads): the change
  // log is recognised by its columns, and a new one avoids every name.
  const SHEETS = `items/name,items/visibility,items/protection/protected,${SHEET_NAMES_LOAD}`;
  const sheets = wb.worksheets.load(SHEETS);
  const names = wb.names.load(NAMES_LOAD);
  const tables = wb.tables.load("items/name,items/columns/items/name");
  const structure = wb.protection.load("protected");
  let loaded = queueBlocks(wb, () => true);
  try {
    await context.sync();
  } catch (err) {
    if ((err as { code?: unknown }).code !== "ItemNotFound") throw err;
    const existing = wb.names.load(NAMES_LOAD);
    const all = wb.worksheets.load("items/name,items/visibility");
    await context.sync();
    const have = new Set(existing.items.map((n) => n.name.toUpperCase()));
    loaded = queueBlocks(wb, (name) => have.has(name), recordSheetIn(nameInfosOf(existing), sheetInfosOf(all)));
    sheets.load(SHEETS);
    names.load(NAMES_LOAD);
    tables.load("items/name,items/columns/items/name");
    await context.sync();
  }
  const nameInfos = nameInfosOf(names);
  const sheetNames = sheets.items.map((s) => s.name);
  const tableColumns = tables.items.map((t) => ({ name: t.name, columns: t.columns.items.map((c) => c.name) }));
  const ownNames = await sheetScopedNames(context, sheets);
  return {
    blocks: BLOCKS.map((b) => blockRead(b, loaded.get(b))),
    names: nameInfos,
    protectedSheets: new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name)),
    structureProtected: structure.protected,
    sheets: sheetNames,
    recordSheet: recordSheetIn(nameInfos, sheetInfosOf(sheets)),
    tables: tableColumns,
    changeLog: findChangeLog(tableColumns),
    takenNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name), ...[...ownNames.values()].flat()],
  };
}
