/**
 * Who owns which cell, and what an update may write. Pure: the Excel writer (src/excel) reads
 * the workbook, hands plain values here, and writes what comes back.
 *
 * The ownership record is what the add-in last wrote, kept in the workbook (as a document
 * setting) so an update can tell a cell the user changed from one the add-in may refresh:
 * - every add-in cell of a block, by its offset from the block's origin, with the value or
 *   formula last written there;
 * - the user's cells (overrides, inputs), which are written once at creation and never again;
 * - the text of each note it wrote, so an update changes a note only while it still says that;
 * - the names and tables the block created.
 * Each block also has a hidden workbook-scope marker name (DEALDESK_BLOCK_DEAL …) on its origin
 * cell: Excel moves it with the sheet when the user renames the sheet or inserts rows above the
 * block, so the writer finds its blocks again.
 */
import { rangeA1, toA1 } from "./a1";
import type { BlockId, CellSpec, SheetSpec } from "./spec";

/** What a cell holds: a constant, an empty cell (null) or a formula. JSON-safe. */
export type Written = number | boolean | string | null | { readonly formula: string };

/** One block as the add-in last wrote it. */
export interface OwnedBlock {
  readonly block: BlockId;
  /** The worksheet's name when the block was last written (the marker name has the current one). */
  readonly sheetName: string;
  /** The block's origin when it was last written, 0-based. */
  readonly origin: { readonly row: number; readonly col: number };
  readonly target: "new-sheet" | "selection";
  readonly includeStockHistory: boolean;
  /** Add-in cells: [row offset, column offset, what was last written]. */
  readonly cells: readonly (readonly [number, number, Written])[];
  /** User cells (overrides, inputs): [row offset, column offset]. */
  readonly userCells: readonly (readonly [number, number])[];
  /** Notes the add-in wrote: [row offset, column offset, text]. */
  readonly notes: readonly (readonly [number, number, string])[];
  /** Names this block created (not the ones it found and left alone). */
  readonly names: readonly string[];
  readonly tables: readonly string[];
}

export interface OwnershipRecord {
  readonly version: 1;
  readonly blocks: readonly OwnedBlock[];
}

/** The document setting that holds the record. */
export const RECORD_KEY = "DealDesk.Ownership";

export const EMPTY_RECORD: OwnershipRecord = Object.freeze({ version: 1, blocks: Object.freeze([]) as readonly OwnedBlock[] });

/** The hidden name that marks a block's origin cell. */
export function markerName(block: BlockId): string {
  return `DEALDESK_BLOCK_${block.toUpperCase()}`;
}

/** The block a marker name stands for, or null when the name is not a marker. */
export function blockOfMarker(name: string): BlockId | null {
  const m = /^DEALDESK_BLOCK_([A-Z]+)$/i.exec(name);
  if (!m) return null;
  const id = m[1].toLowerCase();
  return (["deal", "amzn", "capex", "sensitivity", "sources"] as const).find((b) => b === id) ?? null;
}

function isWritten(v: unknown): v is Written {
  if (v === null || typeof v === "number" || typeof v === "boolean" || typeof v === "string") return true;
  return typeof v === "object" && typeof (v as { formula?: unknown }).formula === "string" && Object.keys(v as object).length === 1;
}

function isOffset(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length >= 2 && Number.isInteger(v[0]) && Number.isInteger(v[1]) && v[0] >= 0 && v[1] >= 0;
}

/**
 * The record stored in a workbook, checked field by field. Anything that is not a record this
 * version wrote (a missing setting, a damaged one) reads as the empty record: the writer then
 * treats no sheet as the add-in's, which never overwrites a user's cell.
 */
export function readRecord(raw: unknown): OwnershipRecord {
  if (typeof raw === "string") {
    try {
      return readRecord(JSON.parse(raw));
    } catch {
      return EMPTY_RECORD;
    }
  }
  if (typeof raw !== "object" || raw === null || (raw as { version?: unknown }).version !== 1) return EMPTY_RECORD;
  const blocks = (raw as { blocks?: unknown }).blocks;
  if (!Array.isArray(blocks)) return EMPTY_RECORD;
  const valid = blocks.filter((b): b is OwnedBlock => {
    if (typeof b !== "object" || b === null) return false;
    const o = b as Record<string, unknown>;
    return (
      blockOfMarker(markerName(String(o.block) as BlockId)) === o.block &&
      typeof o.sheetName === "string" &&
      typeof o.origin === "object" && o.origin !== null &&
      Number.isInteger((o.origin as { row: unknown }).row) && Number.isInteger((o.origin as { col: unknown }).col) &&
      (o.target === "new-sheet" || o.target === "selection") &&
      typeof o.includeStockHistory === "boolean" &&
      Array.isArray(o.cells) && o.cells.every((c) => isOffset(c) && c.length === 3 && isWritten(c[2])) &&
      Array.isArray(o.userCells) && o.userCells.every((c) => isOffset(c) && c.length === 2) &&
      Array.isArray(o.notes) && o.notes.every((c) => isOffset(c) && c.length === 3 && typeof c[2] === "string") &&
      Array.isArray(o.names) && o.names.every((n) => typeof n === "string") &&
      Array.isArray(o.tables) && o.tables.every((n) => typeof n === "string")
    );
  });
  const seen = new Set<BlockId>();
  return { version: 1, blocks: valid.filter((b) => !seen.has(b.block) && seen.add(b.block) !== undefined) };
}

/** The record with `entry` replacing any earlier entry of the same block. */
export function withBlock(record: OwnershipRecord, entry: OwnedBlock): OwnershipRecord {
  return { version: 1, blocks: [...record.blocks.filter((b) => b.block !== entry.block), entry] };
}

/** Every name some block of the record created. */
export function ownedNames(record: OwnershipRecord): Set<string> {
  return new Set(record.blocks.flatMap((b) => b.names.map((n) => n.toUpperCase())));
}

// ---------------------------------------------------------------------------------------------
// Cells

/** What a spec cell puts in the workbook. */
export function writtenOf(cell: CellSpec): Written {
  if (cell.formula !== undefined) return { formula: cell.formula };
  return cell.value === undefined ? null : cell.value;
}

/**
 * What to assign to `Range.formulas` so the cell ends up holding `w`: text gets a leading
 * apostrophe, which Excel stores as "this is text" and does not show, so a label beginning with
 * =, +, - or @ (or one Excel would read as a number or date) stays the text it is.
 */
export function excelInput(w: Written): string | number | boolean {
  if (w === null) return "";
  if (typeof w === "object") return w.formula;
  if (typeof w === "string") return `'${w}`;
  return w;
}

/**
 * What a cell holds, from its `formulas` and `values` as Office.js reads them. A text cell
 * that begins with "=" reads the same in both, a formula cell does not (values holds its result).
 */
export function writtenFromExcel(formula: unknown, value: unknown): Written {
  if (typeof formula === "string" && formula.startsWith("=") && formula.length > 1 && value !== formula) return { formula };
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

export function sameWritten(a: Written, b: Written): boolean {
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") return a.formula === b.formula;
  return a === b;
}

/** A Written as one plain value for people: the formula text for a formula. */
export function displayWritten(w: Written): string | number | boolean | null {
  return w !== null && typeof w === "object" ? w.formula : w;
}

// ---------------------------------------------------------------------------------------------
// Names and rectangles

/** Excel's limit on a worksheet name. */
const SHEET_NAME_MAX = 31;

/**
 * The block's sheet name, or "Deal (2)", "Deal (3)" … when a sheet that is not the add-in's
 * has it (Excel compares sheet names ignoring case).
 */
export function uniqueSheetName(preferred: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(preferred.toLowerCase())) return preferred;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = preferred.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name not taken by a table or a defined name (they share one namespace): Name, Name_2 … */
export function uniqueTableName(preferred: string, taken: Iterable<string>): string {
  const upper = new Set([...taken].map((t) => t.toUpperCase()));
  if (!upper.has(preferred.toUpperCase())) return preferred;
  for (let n = 2; ; n++) {
    const candidate = `${preferred}_${n}`;
    if (!upper.has(candidate.toUpperCase())) return candidate;
  }
}

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Rectangles covering the given cells, for writing whole ranges at once: cells are grouped into
 * bands of rows no more than `maxGap` empty rows apart, each band's bounding box one rectangle.
 * Cells inside a rectangle that are not given are written as null, which Excel leaves unchanged.
 */
export function groupRectangles(points: readonly { readonly row: number; readonly col: number }[], maxGap = 2): Rect[] {
  const rows = [...new Set(points.map((p) => p.row))].sort((a, b) => a - b);
  const bands: number[][] = [];
  for (const r of rows) {
    const band = bands[bands.length - 1];
    if (band && r - band[band.length - 1] - 1 <= maxGap) band.push(r);
    else bands.push([r]);
  }
  return bands.map((band) => {
    const inBand = points.filter((p) => p.row >= band[0] && p.row <= band[band.length - 1]);
    return {
      top: band[0],
      bottom: band[band.length - 1],
      left: Math.min(...inBand.map((p) => p.col)),
      right: Math.max(...inBand.map((p) => p.col)),
    };
  });
}

/** One cell to write: its content (omitted: leave it) and number format (omitted: leave it). */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly content?: Written;
  readonly numberFormat?: string;
}

/** A rectangle with the 2-D arrays to assign; an array is null when it would hold only nulls. */
export interface RectWrite extends Rect {
  readonly address: string;
  readonly formulas: (string | number | boolean | null)[][] | null;
  readonly numberFormat: (string | null)[][] | null;
}

/** The cell writes as rectangles of 2-D arrays (null where a cell is left as it is). */
export function layoutWrites(writes: readonly CellWrite[]): RectWrite[] {
  const byKey = new Map(writes.map((w) => [`${w.row},${w.col}`, w]));
  return groupRectangles(writes).map((r) => {
    let anyContent = false;
    let anyFormat = false;
    const formulas: (string | number | boolean | null)[][] = [];
    const numberFormat: (string | null)[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const f: (string | number | boolean | null)[] = [];
      const n: (string | null)[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const w = byKey.get(`${row},${col}`);
        if (w?.content !== undefined) {
          f.push(excelInput(w.content));
          anyContent = true;
        } else f.push(null);
        if (w?.numberFormat !== undefined) {
          n.push(w.numberFormat);
          anyFormat = true;
        } else n.push(null);
      }
      formulas.push(f);
      numberFormat.push(n);
    }
    return { ...r, address: rangeA1(r.top, r.left, r.bottom, r.right), formulas: anyContent ? formulas : null, numberFormat: anyFormat ? numberFormat : null };
  });
}

/** The number of distinct cells a set of writes touches. */
export function countCells(writes: readonly CellWrite[]): number {
  return new Set(writes.filter((w) => w.content !== undefined || w.numberFormat !== undefined).map((w) => `${w.row},${w.col}`)).size;
}

/** Excel column width in points for a width in characters of the default font (7 px each, 5 px padding). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The cells a new block writes: every cell of the spec, content and format. */
export function creationWrites(spec: SheetSpec): CellWrite[] {
  return spec.cells
    .map((c) => ({
      row: c.row,
      col: c.col,
      ...(c.value !== undefined && c.value !== null ? { content: writtenOf(c) } : c.formula !== undefined ? { content: writtenOf(c) } : {}),
      ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
    }))
    .filter((w) => w.content !== undefined || w.numberFormat !== undefined);
}

/** The rectangle a spec's cells cover, relative to its origin: row and column counts. */
export function specExtent(spec: SheetSpec): { rows: number; cols: number } {
  const rows = Math.max(1, ...spec.cells.map((c) => c.row - spec.origin.row + 1));
  const cols = Math.max(spec.columnWidths.length, ...spec.cells.map((c) => c.col - spec.origin.col + 1));
  return { rows, cols };
}

/** The record entry for a block just written from `spec`. */
export function recordOf(spec: SheetSpec, sheetName: string, target: OwnedBlock["target"], includeStockHistory: boolean, names: readonly string[], tables: readonly string[]): OwnedBlock {
  const { row: r0, col: c0 } = spec.origin;
  return {
    block: spec.block,
    sheetName,
    origin: { row: r0, col: c0 },
    target,
    includeStockHistory,
    cells: spec.cells.filter((c) => c.owner === "addin").map((c) => [c.row - r0, c.col - c0, writtenOf(c)] as const),
    userCells: spec.cells.filter((c) => c.owner === "user").map((c) => [c.row - r0, c.col - c0] as const),
    notes: spec.cells.filter((c) => c.note !== undefined).map((c) => [c.row - r0, c.col - c0, c.note as string] as const),
    names: [...names],
    tables: [...tables],
  };
}

// ---------------------------------------------------------------------------------------------
// Update planning

/** A cell the user changed and the add-in would write: shown in the diff, kept unless accepted. */
export interface Conflict {
  /** "<sheet>!<address>", e.g. "Deal!B5". */
  readonly key: string;
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly cell: CellSpec;
  readonly userValue: Written;
  readonly lastWritten: Written;
  readonly newValue: Written;
}

/** A note whose text the spec changed: rewritten only where the note still reads `from`. */
export interface NoteChange {
  readonly row: number;
  readonly col: number;
  readonly from: string;
  readonly to: string;
}

export interface BlockUpdatePlan {
  readonly block: BlockId;
  readonly sheetName: string;
  readonly conflicts: readonly Conflict[];
  /** Add-in cells the user has not touched whose content changes. */
  readonly refreshes: readonly CellWrite[];
  readonly noteChanges: readonly NoteChange[];
  /** The record after the refreshes (conflicts keep what was last written). */
  readonly entry: OwnedBlock;
}

/**
 * Compares a block as it is in the workbook (`current`, by absolute position) with what the
 * add-in last wrote (`entry`) and with the new spec (built at the block's current origin):
 * - an add-in cell the user has not changed is refreshed when the spec changes it;
 * - an add-in cell the user changed is a conflict when the spec's content differs from the
 *   user's (it is kept unless accepted); when they agree the record adopts it;
 * - a cell the spec gives the add-in for the first time is written only when it is empty;
 * - user cells are never written.
 */
export function planBlockUpdate(entry: OwnedBlock, spec: SheetSpec, sheetName: string, current: (row: number, col: number) => Written): BlockUpdatePlan {
  const { row: r0, col: c0 } = spec.origin;
  const last = new Map(entry.cells.map(([dr, dc, w]) => [`${dr},${dc}`, w]));
  const userOffsets = new Set(entry.userCells.map(([dr, dc]) => `${dr},${dc}`));
  const conflicts: Conflict[] = [];
  const refreshes: CellWrite[] = [];
  const cells: [number, number, Written][] = [];
  for (const cell of spec.cells) {
    const dr = cell.row - r0;
    const dc = cell.col - c0;
    const k = `${dr},${dc}`;
    if (cell.owner !== "addin" || userOffsets.has(k)) continue;
    const next = writtenOf(cell);
    const now = current(cell.row, cell.col);
    const before = last.has(k) ? (last.get(k) as Written) : undefined;
    if (before === undefined) {
      if (now === null) {
        refreshes.push({ row: cell.row, col: cell.col, content: next, ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}) });
        cells.push([dr, dc, next]);
      } else if (sameWritten(now, next)) {
        cells.push([dr, dc, next]);
      } else {
        conflicts.push(conflict(sheetName, cell, now, null, next));
        cells.push([dr, dc, null]);
      }
      continue;
    }
    if (sameWritten(now, before)) {
      if (!sameWritten(before, next)) {
        refreshes.push({ row: cell.row, col: cell.col, content: next, ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}) });
      }
      cells.push([dr, dc, next]);
    } else if (sameWritten(now, next)) {
      cells.push([dr, dc, next]);
    } else {
      conflicts.push(conflict(sheetName, cell, now, before, next));
      cells.push([dr, dc, before]);
    }
  }
  const lastNotes = new Map(entry.notes.map(([dr, dc, text]) => [`${dr},${dc}`, text]));
  const noteChanges: NoteChange[] = [];
  for (const cell of spec.cells) {
    const from = lastNotes.get(`${cell.row - r0},${cell.col - c0}`);
    if (cell.note !== undefined && from !== undefined && from !== cell.note) noteChanges.push({ row: cell.row, col: cell.col, from, to: cell.note });
  }
  const specOffsets = new Set(spec.cells.map((c) => `${c.row - r0},${c.col - c0}`));
  const newUserCells = spec.cells.filter((c) => c.owner === "user").map((c) => [c.row - r0, c.col - c0] as const);
  const keptUser = entry.userCells.filter(([dr, dc]) => !specOffsets.has(`${dr},${dc}`));
  return {
    block: entry.block,
    sheetName,
    conflicts,
    refreshes,
    noteChanges,
    entry: { ...entry, sheetName, origin: { row: r0, col: c0 }, cells, userCells: [...newUserCells, ...keptUser] },
  };
}

function conflict(sheetName: string, cell: CellSpec, userValue: Written, lastWritten: Written, newValue: Written): Conflict {
  const address = toA1(cell.row, cell.col);
  return { key: `${sheetName}!${address}`, address, row: cell.row, col: cell.col, cell, userValue, lastWritten, newValue };
}

/** The writes and record of a plan once the user accepted the conflicts in `accepted` (keys). */
export function acceptConflicts(plan: BlockUpdatePlan, accepted: ReadonlySet<string>): { writes: CellWrite[]; entry: OwnedBlock; accepted: number; kept: number } {
  const taken = plan.conflicts.filter((c) => accepted.has(c.key));
  const writes: CellWrite[] = [
    ...plan.refreshes,
    ...taken.map((c) => ({ row: c.row, col: c.col, content: c.newValue, ...(c.cell.numberFormat !== undefined ? { numberFormat: c.cell.numberFormat } : {}) })),
  ];
  const r0 = plan.entry.origin.row;
  const c0 = plan.entry.origin.col;
  const acceptedOffsets = new Map(taken.map((c) => [`${c.row - r0},${c.col - c0}`, c.newValue]));
  const cells = plan.entry.cells.map(([dr, dc, w]) => {
    const k = `${dr},${dc}`;
    return acceptedOffsets.has(k) ? ([dr, dc, acceptedOffsets.get(k) as Written] as const) : ([dr, dc, w] as const);
  });
  return { writes, entry: { ...plan.entry, cells }, accepted: taken.length, kept: plan.conflicts.length - taken.length };
}

/**
 * The record after some note changes were made: a note the user edited or deleted keeps its old
 * recorded text, so it is never touched later either.
 */
export function withNotesChanged(entry: OwnedBlock, changed: readonly NoteChange[]): OwnedBlock {
  const r0 = entry.origin.row;
  const c0 = entry.origin.col;
  const next = new Map(changed.map((n) => [`${n.row - r0},${n.col - c0}`, n.to]));
  return { ...entry, notes: entry.notes.map(([dr, dc, text]) => [dr, dc, next.get(`${dr},${dc}`) ?? text] as const) };
}
