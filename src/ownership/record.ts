/**
 * The ownership record: for each block, every cell the add-in placed, with what it last wrote
 * there and an Excel reference to the cell. It lives in the workbook, on a very hidden sheet, so
 * it travels with the file and any build of the add-in reads it (Office's document settings are
 * scoped to one add-in Id and would not). Excel itself keeps the references current when the user
 * inserts, deletes or moves cells, renames or deletes the sheet: the record never relies on a
 * remembered address alone. Rows of a figures table are found by their Id instead, since sorting
 * moves cells without moving references.
 *
 * Each block has a band of RECORD_COLUMNS columns on the record sheet: a first row with the
 * block's facts (JSON), then one row per cell: key, reference formula, address when written,
 * what was written (JSON), owner, note text, table column (JSON).
 */
import { sheetRef, toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { keyCells } from "./keys";
import { isWritten, writtenOf, type Written } from "./written";

export const RECORD_SHEET = "DealDesk Record";
export const RECORD_COLUMNS = 7;
const META_TAG = "#block";
/** How the band says "what was written here is not known" (JSON has no undefined). */
const UNKNOWN = { unknown: true };
const BLOCK_IDS: readonly BlockId[] = ["deal", "amzn", "capex", "sensitivity", "sources"];

export interface TrackedCell {
  readonly key: string;
  /** The reference formula Excel keeps current ("=Deal!$B$6", "=Deal!#REF!"); "" for table rows. */
  readonly ref: string;
  /** The cell's address when it was last written, on the block's sheet. */
  readonly at: string;
  /** What the add-in last wrote; undefined when unknown (a record rebuilt from the sheet). */
  readonly written: Written | undefined;
  readonly owner: "addin" | "user";
  /** The note the add-in last wrote on the cell. */
  readonly note?: string;
  /** A figures table's column: the row is found by the figure's id in the Id column. */
  readonly table?: { readonly name: string; readonly header: string };
}

export interface BlockMeta {
  readonly block: BlockId;
  readonly sheetName: string;
  /** The origin the block's spec was built at when last written. */
  readonly origin: { readonly row: number; readonly col: number };
  readonly target: "new-sheet" | "selection";
  readonly includeStockHistory: boolean;
  /** Names the block created (not ones it found and left alone). */
  readonly names: readonly string[];
  /** The tables as created: the spec's name → the name in the workbook. */
  readonly tables: Readonly<Record<string, string>>;
}

/**
 * A name the add-in made for the block, with a reference to the cell it made it on. Excel moves
 * the reference exactly as it moves the name (rows and columns inserted or deleted, cuts, renamed
 * sheets) and neither follows a sort: while the name still refers where the reference does, it is as
 * the add-in left it; once they differ, the user re-pointed it and it is theirs.
 */
export interface TrackedName {
  readonly name: string;
  /** "=Deal!$D$5", as Excel keeps it current; "=#REF!" once the cell was deleted. */
  readonly ref: string;
  /** "user" once the user declined a change to it: never proposed again. */
  readonly owner: "addin" | "user";
}

export interface BlockRecord {
  readonly meta: BlockMeta;
  readonly cells: readonly TrackedCell[];
  /** The names the add-in made (records written before names were tracked have none). */
  readonly names?: readonly TrackedName[];
  /** False for a record rebuilt from the sheet (what was written is unknown). */
  readonly complete: boolean;
}

/** The hidden name on a block's band of the record sheet. */
export function recordName(block: BlockId): string {
  return `DEALDESK_RECORD_${block.toUpperCase()}`;
}

/** The hidden name that covers a block's area on its sheet. */
export function markerName(block: BlockId): string {
  return `DEALDESK_BLOCK_${block.toUpperCase()}`;
}

/** The block a marker name stands for, or null when the name is not a marker. */
export function blockOfMarker(name: string): BlockId | null {
  const m = /^DEALDESK_BLOCK_([A-Z]+)$/i.exec(name);
  return m ? (BLOCK_IDS.find((b) => b === m[1].toLowerCase()) ?? null) : null;
}

/** The first column of a block's band on the record sheet. */
export function bandColumn(block: BlockId): number {
  return BLOCK_IDS.indexOf(block) * RECORD_COLUMNS;
}

/** The record of a block just written from `spec` on `sheetName`. */
export function recordOfSpec(spec: SheetSpec, meta: Omit<BlockMeta, "block" | "origin">): BlockRecord {
  const made = new Set(meta.names.map((n) => n.toUpperCase()));
  const names = spec.names
    .filter((n) => made.has(n.name.toUpperCase()))
    .map((n): TrackedName => ({ name: n.name, ref: `=${sheetRef(meta.sheetName, n.row, n.col)}`, owner: "addin" }));
  const cells = keyCells(spec).map(({ key, cell, table }): TrackedCell => ({
    key,
    ref: table ? "" : `=${sheetRef(meta.sheetName, cell.row, cell.col)}`,
    at: toA1(cell.row, cell.col),
    written: cell.owner === "addin" ? writtenOf(cell) : null,
    owner: cell.owner,
    ...(cell.note !== undefined ? { note: cell.note } : {}),
    ...(table ? { table } : {}),
  }));
  return { meta: { ...meta, block: spec.block, origin: { ...spec.origin } }, cells, names, complete: true };
}

/** The rows of a block's band after its head: one per cell, one per name. */
export function recordRowCount(record: BlockRecord): number {
  return 1 + record.cells.length + (record.names?.length ?? 0);
}

/** A name's band row is keyed so: a key no cell has. */
const NAME_KEY = "name|";

/** The band's rows as `Range.formulas` input: text with its apostrophe, the reference as a formula. */
export function recordRows(record: BlockRecord): (string | number)[][] {
  const text = (s: string) => `'${s}`;
  // The head says how many rows follow, so a band read without its name (by its place on the
  // record sheet) stops there, before any rows an older, longer band left below.
  const names = record.names ?? [];
  const head = [text(META_TAG), text(JSON.stringify({ ...record.meta, rows: record.cells.length + names.length })), "", "", "", "", ""];
  return [
    head,
    ...names.map((n) => [text(`${NAME_KEY}${n.name}`), n.ref, text(""), text("null"), text(n.owner), "", ""]),
    ...record.cells.map((c) => [
      text(c.key),
      c.ref,
      text(c.at),
      text(JSON.stringify(c.written === undefined ? UNKNOWN : c.written)),
      text(c.owner),
      c.note === undefined ? "" : text(c.note),
      c.table ? text(JSON.stringify(c.table)) : "",
    ]),
  ];
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isMeta(v: unknown): v is BlockMeta {
  const m = v as Partial<BlockMeta> | undefined;
  return (
    typeof m === "object" &&
    m !== null &&
    BLOCK_IDS.includes(m.block as BlockId) &&
    typeof m.sheetName === "string" &&
    typeof m.origin === "object" &&
    m.origin !== null &&
    Number.isInteger(m.origin.row) &&
    Number.isInteger(m.origin.col) &&
    (m.target === "new-sheet" || m.target === "selection") &&
    typeof m.includeStockHistory === "boolean" &&
    Array.isArray(m.names) &&
    m.names.every((n) => typeof n === "string") &&
    typeof m.tables === "object" &&
    m.tables !== null &&
    Object.values(m.tables).every((n) => typeof n === "string")
  );
}

function parseRow(formulas: readonly unknown[], values: readonly unknown[]): TrackedCell | null {
  const [key, , at, written, owner, note, table] = values;
  const ref = formulas[1];
  const parsed = parseJson(written);
  const unknown = typeof parsed === "object" && parsed !== null && (parsed as { unknown?: unknown }).unknown === true;
  const writtenValue = unknown ? undefined : parsed;
  const tableValue = table === "" || table === null || table === undefined ? undefined : parseJson(table);
  const tableOk =
    tableValue === undefined ||
    (typeof tableValue === "object" &&
      tableValue !== null &&
      typeof (tableValue as { name?: unknown }).name === "string" &&
      typeof (tableValue as { header?: unknown }).header === "string");
  if (
    typeof key !== "string" ||
    key === "" ||
    typeof at !== "string" ||
    (!unknown && !isWritten(writtenValue)) ||
    (owner !== "addin" && owner !== "user") ||
    !tableOk
  )
    return null;
  if (typeof ref !== "string" || (ref !== "" && !ref.startsWith("="))) return null;
  if (ref === "" && tableValue === undefined) return null;
  return {
    key,
    ref,
    at,
    written: writtenValue as Written | undefined,
    owner,
    ...(typeof note === "string" && note !== "" ? { note } : {}),
    ...(tableValue ? { table: tableValue as TrackedCell["table"] & object } : {}),
  };
}

/**
 * A block's record from its band as read (`formulas` and `values` of the same rows), or null when
 * the band does not hold a whole record of this block: the caller then rebuilds it from the sheet.
 */
export function parseRecord(
  block: BlockId,
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
): BlockRecord | null {
  if (values.length === 0 || values[0][0] !== META_TAG) return null;
  const head = parseJson(values[0][1]);
  if (!isMeta(head) || head.block !== block) return null;
  // Bands written before the head counted its rows are read to their end.
  const { rows, ...meta } = head as BlockMeta & { rows?: unknown };
  const end = typeof rows === "number" && Number.isInteger(rows) && rows >= 0 ? Math.min(values.length, 1 + rows) : values.length;
  const cells: TrackedCell[] = [];
  const names: TrackedName[] = [];
  for (let r = 1; r < end; r++) {
    if (values[r].every((v) => v === "" || v === null)) continue;
    const cell = parseRow(formulas[r] ?? [], values[r]);
    if (!cell) return null;
    if (cell.key.startsWith(NAME_KEY)) names.push({ name: cell.key.slice(NAME_KEY.length), ref: cell.ref, owner: cell.owner });
    else cells.push(cell);
  }
  // A record with names the add-in made but no name rows was written before names were tracked.
  return { meta, cells, ...(names.length > 0 || meta.names.length === 0 ? { names } : {}), complete: true };
}

/**
 * A record rebuilt from the block's spec placed where the marker says the block is: positions
 * as the spec has them and nothing known of what was written, so every cell that differs from
 * the new figures counts as the user's.
 */
export function rebuiltRecord(spec: SheetSpec, sheetName: string): BlockRecord {
  const cells = keyCells(spec).map(({ key, cell }): TrackedCell => ({
    key,
    ref: `=${sheetRef(sheetName, cell.row, cell.col)}`,
    at: toA1(cell.row, cell.col),
    written: undefined,
    owner: cell.owner,
  }));
  const meta: BlockMeta = {
    block: spec.block,
    sheetName,
    origin: { ...spec.origin },
    target: "new-sheet",
    includeStockHistory: false,
    names: [],
    tables: {},
  };
  return { meta, cells, complete: false };
}
