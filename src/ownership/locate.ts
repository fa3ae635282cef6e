/**
 * Where each recorded cell of a block is now, by identity, never by a remembered position alone:
 * - a cell outside the block's tables (headers included) by its reference in the record, which
 *   Excel keeps current through inserted and deleted rows and columns, renamed sheets and cuts,
 *   onto whichever sheet it went;
 * - a table's body cell by its row's id and its column's header: the header found by its own
 *   reference, the row by the id in the Id column, or, where the user deleted or typed over the Id,
 *   by what else names the row (the label the add-in wrote there); a sort, a cut of the whole
 *   table or rows inserted inside it move nothing that matters.
 * A row found twice is "duplicated" and a cell whose row or column is gone "deleted": neither is
 * ever written. Pure: works on what the Excel writer read (cells.ts).
 */
import { ID_HEADER } from "./keys";
import { cellAt, lastRowRead, parseRef, regionOf, tableRead, type BlockCells, type Region, type TableRead } from "./cells";
import { mostCommon, recordedLines } from "./lost-area";
import type { BlockRecord, TrackedCell } from "./record";
import { cellAddress } from "./cells";
import type { Written } from "./written";

export type Place =
  | { readonly state: "here"; readonly sheet: string; readonly row: number; readonly col: number; readonly now: Written }
  /** "unread": the reference points at a cell the writer did not read (never written, said as moved). */
  | { readonly state: "deleted" | "duplicated" | "unread" };

/** Where one of the block's tables is now. */
export interface TablePlace {
  /** The table's name in the spec (DealFigures). */
  readonly name: string;
  /** The workbook table, when it still exists where the header row is. */
  readonly table: TableRead | null;
  readonly sheet: string;
  readonly headerRow: number;
  /** The last body row: the workbook table's, or the last row read below the header. */
  readonly bottom: number;
  readonly col: (header: string) => number | null;
  /** Each row's id → the body rows holding it (more than one: the row was copied). */
  readonly rows: ReadonlyMap<string, readonly number[]>;
}

export interface Located {
  readonly places: ReadonlyMap<string, Place>;
  readonly tables: ReadonlyMap<string, TablePlace>;
}

function placeByRef(cells: BlockCells, cell: TrackedCell): Place {
  if (cell.ref.includes("#REF!")) return { state: "deleted" };
  const at = parseRef(cell.ref);
  if (!at) return { state: "deleted" };
  const now = cellAt(cells, at.sheet, at.row, at.col);
  return now === undefined ? { state: "unread" } : { state: "here", sheet: at.sheet, row: at.row, col: at.col, now };
}

/** The figure or source id of a table cell's key: "fig|deal.amount|Used" → "deal.amount". */
export function rowIdOf(key: string): string {
  return key.split("|")[1];
}

/**
 * Each body row's id: the Id column's value where it is a known id; otherwise the label the add-in
 * wrote in the row, where that label is the row's alone (a table whose Id column the user deleted,
 * or a row whose Id they typed over). The label column is the table's first column that holds
 * text in every recorded row; no weaker column is trusted, so a row nobody can tell stays unread.
 */
function identifyRows(
  cells: BlockCells,
  at: { sheet: string; headerRow: number; bottom: number },
  col: (header: string) => number | null,
  recorded: readonly TrackedCell[],
  known: ReadonlySet<string>,
): Map<string, number[]> {
  const idCol = col(ID_HEADER);
  const headers = [...new Set(recorded.map((c) => c.table?.header ?? ""))].filter((h) => h !== ID_HEADER);
  const label = headers.find((h) =>
    recorded.filter((c) => c.table?.header === h).every((c) => typeof c.written === "string" && c.written !== ""),
  );
  const labelCol = label === undefined ? null : col(label);
  const ids = new Map<string, string | null>();
  for (const cell of recorded.filter((x) => x.table?.header === label)) {
    const text = cell.written as string;
    ids.set(text, ids.has(text) && ids.get(text) !== rowIdOf(cell.key) ? null : rowIdOf(cell.key));
  }
  const rows = new Map<string, number[]>();
  for (let row = at.headerRow + 1; row <= at.bottom; row++) {
    const idNow = idCol === null ? undefined : cellAt(cells, at.sheet, row, idCol);
    let id = typeof idNow === "string" && known.has(idNow) ? idNow : undefined;
    if (id === undefined && labelCol !== null) {
      const text = cellAt(cells, at.sheet, row, labelCol);
      if (typeof text === "string") id = ids.get(text) ?? undefined;
    }
    if (id !== undefined) rows.set(id, [...(rows.get(id) ?? []), row]);
  }
  return rows;
}

/**
 * A table whose header row was deleted (its header references are #REF!) but whose rows are
 * there: the Id column is the column where most of the table's ids are; each other column is
 * found from the block's referenced cells, or not at all (its cells then count as deleted and are
 * never written: a column deleted with the header row must not be taken for its neighbour, which
 * may be the user's Override column).
 */
function headerless(
  record: BlockRecord,
  region: Region,
  name: string,
  known: ReadonlySet<string>,
): Omit<TablePlace, "rows" | "table" | "name"> | null {
  let best: { col: number; rows: number[] } | null = null;
  for (let col = region.left; col < region.left + (region.values[0]?.length ?? 0); col++) {
    const rows: number[] = [];
    for (let row = region.top; row < region.top + region.values.length; row++) {
      const v = cellAt({ regions: [region] }, region.sheet, row, col);
      if (typeof v === "string" && known.has(v)) rows.push(row);
    }
    if (rows.length > (best?.rows.length ?? 0)) best = { col, rows };
  }
  const atCol = (header: string) => {
    const head = record.cells.find((c) => c.key === `head|${name}|${header}`);
    return head ? (cellAddress(head.at)?.col ?? null) : null;
  };
  if (!best || atCol(ID_HEADER) === null) return null;
  const idCol = best.col;
  const lines = recordedLines(record, region.sheet)?.cols ?? new Map<number, number | "deleted">();
  const moved = new Map([...lines].filter((l): l is [number, number] => l[1] !== "deleted"));
  const col = (header: string) => {
    if (header === ID_HEADER) return idCol;
    const at = atCol(header);
    if (at === null || lines.get(at) === "deleted") return null;
    const known = moved.get(at);
    if (known !== undefined) return known;
    const left = Math.max(...[...moved.keys()].filter((c) => c < at));
    const right = Math.min(...[...moved.keys()].filter((c) => c > at));
    if (!Number.isFinite(left) || !Number.isFinite(right)) return null;
    const [l, r] = [moved.get(left) as number, moved.get(right) as number];
    return r - l === right - left ? l + at - left : null;
  };
  return { sheet: region.sheet, headerRow: Math.min(...best.rows) - 1, bottom: region.top + region.values.length - 1, col };
}

function tablePlace(
  record: BlockRecord,
  cells: BlockCells,
  places: ReadonlyMap<string, Place>,
  name: string,
  known: ReadonlySet<string>,
): TablePlace | null {
  const heads = record.cells.filter((c) => c.key.startsWith(`head|${name}|`));
  const here = heads.flatMap((c) => {
    const p = places.get(c.key);
    return p?.state === "here" ? [p] : [];
  });
  let workbookTable = tableRead(cells, record.meta.tables[name]) ?? null;
  let at: Omit<TablePlace, "rows" | "table" | "name"> | null = null;
  if (here.length > 0) {
    const sheet = mostCommon(here.map((p) => p.sheet)) as string;
    const headerRow = mostCommon(here.filter((p) => p.sheet === sheet).map((p) => p.row)) as number;
    const col = (header: string) => {
      const p = places.get(`head|${name}|${header}`);
      return p?.state === "here" && p.sheet === sheet && p.row === headerRow ? p.col : null;
    };
    const anyCol = here[0].col;
    const headerCols = here.filter((p) => p.sheet === sheet && p.row === headerRow).map((p) => p.col);
    const [first, last] = [Math.min(...headerCols), Math.max(...headerCols)];
    const over = (t: TableRead) =>
      t.sheet.toLowerCase() === sheet.toLowerCase() && t.top === headerRow && t.left <= first && last <= t.right;
    // The table whose header row is the one found, over every header found: as recorded, or one the
    // user renamed or made again over the same cells (Insert › Table after Convert to Range). A
    // narrower table over part of the header row is not it: its new rows would be part of a row.
    const named = workbookTable;
    const table = named && over(named) ? named : ([...cells.tables.values()].find(over) ?? null);
    if (table) workbookTable = table;
    at = { sheet, headerRow, bottom: table ? table.bottom : lastRowRead(cells, sheet, headerRow, anyCol), col };
  } else if (places.get(`head|${name}|${ID_HEADER}`)?.state === "deleted") {
    const region = workbookTable
      ? regionOf(cells, workbookTable.sheet, workbookTable.top, workbookTable.left)
      : cells.regions.find((r) => r.sheet.toLowerCase() === cells.sheet.toLowerCase());
    at = region ? headerless(record, region, name, known) : null;
  }
  if (!at) return null;
  const recorded = record.cells.filter((c) => c.table?.name === name);
  const fits = workbookTable && workbookTable.sheet.toLowerCase() === at.sheet.toLowerCase();
  return { ...at, name, table: fits ? workbookTable : null, rows: identifyRows(cells, at, at.col, recorded, known) };
}

/**
 * Where every recorded cell is now, and where each table is. `specIds` lists, by table, the ids the
 * new figures give it, so a row of a new figure already in the table is recognised as such.
 */
export function locate(record: BlockRecord, cells: BlockCells, specIds: ReadonlyMap<string, ReadonlySet<string>> = new Map()): Located {
  const places = new Map<string, Place>();
  for (const cell of record.cells) if (!cell.table) places.set(cell.key, placeByRef(cells, cell));
  const names = new Set([...record.cells.flatMap((c) => (c.table ? [c.table.name] : [])), ...specIds.keys()]);
  const tables = new Map<string, TablePlace>();
  for (const name of names) {
    const recordedIds = record.cells.filter((c) => c.table?.name === name).map((c) => rowIdOf(c.key));
    const known = new Set([...recordedIds, ...(specIds.get(name) ?? [])]);
    const t = tablePlace(record, cells, places, name, known);
    if (t) tables.set(name, t);
  }
  for (const cell of record.cells) {
    if (!cell.table) continue;
    const t = tables.get(cell.table.name);
    const col = t ? t.col(cell.table.header) : null;
    const rows = t?.rows.get(rowIdOf(cell.key)) ?? [];
    if (!t || col === null || rows.length === 0) places.set(cell.key, { state: "deleted" });
    else if (rows.length > 1) places.set(cell.key, { state: "duplicated" });
    else {
      const now = cellAt(cells, t.sheet, rows[0], col);
      places.set(cell.key, now === undefined ? { state: "unread" } : { state: "here", sheet: t.sheet, row: rows[0], col, now });
    }
  }
  return { places, tables };
}

/** Each recorded cell's address when written → where it is now, for rewriting formulas. */
export function movesOf(record: BlockRecord, places: ReadonlyMap<string, Place>): Map<string, { row: number; col: number }> {
  const moves = new Map<string, { row: number; col: number }>();
  for (const cell of record.cells) {
    const place = places.get(cell.key);
    if (place?.state === "here") moves.set(cell.at, { row: place.row, col: place.col });
  }
  return moves;
}
