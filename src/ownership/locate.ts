/**
 * Where each recorded cell of a block is now, from what Excel keeps current: the reference in
 * the record (rows and columns inserted or deleted, the sheet renamed, cells moved) and, for a
 * figures table, the figure's id in the Id column (rows sorted). Pure: works on what the Excel
 * writer read.
 */
import { MAX_COL, MAX_ROW, parseA1 } from "../sheets/a1";
import { ID_HEADER } from "./keys";
import type { BlockRecord, TrackedCell } from "./record";
import { writtenFromExcel, type Written } from "./written";

/** A block's area as read: the sheet, its top-left cell and the cells' formulas and values. */
export interface BlockArea {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
}

export type Place =
  | { readonly state: "here"; readonly row: number; readonly col: number; readonly now: Written }
  | { readonly state: "deleted" | "moved-away" | "duplicated" };

/** "=Deal!$B$6", "='Capex 2026'!$B$6" → sheet and cell; null for #REF! or anything else. */
export function parseRef(ref: string): { sheet: string; row: number; col: number } | null {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+)$/.exec(ref);
  if (!m) return null;
  try {
    const at = parseA1(m[3]);
    return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], row: at.row, col: at.col };
  } catch {
    return null;
  }
}

function contentAt(area: BlockArea, row: number, col: number): Written | undefined {
  const r = row - area.top;
  const c = col - area.left;
  if (r < 0 || c < 0 || r >= area.formulas.length || c >= (area.formulas[r]?.length ?? 0)) return undefined;
  return writtenFromExcel(area.formulas[r][c], area.values[r][c]);
}

function placeOf(area: BlockArea, row: number, col: number): Place {
  const now = contentAt(area, row, col);
  return now === undefined ? { state: "moved-away" } : { state: "here", row, col, now };
}

function placeByRef(area: BlockArea, cell: TrackedCell): Place {
  if (cell.ref.includes("#REF!")) return { state: "deleted" };
  const at = parseRef(cell.ref);
  if (!at || at.sheet.toLowerCase() !== area.sheet.toLowerCase()) return { state: "moved-away" };
  return placeOf(area, at.row, at.col);
}

/** Each figure id's rows in a table's Id column, below its header row. */
function idRows(area: BlockArea, headerRow: number, idCol: number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (let row = headerRow + 1; row < area.top + area.values.length; row++) {
    const id = contentAt(area, row, idCol);
    if (typeof id === "string" && id !== "") rows.set(id, [...(rows.get(id) ?? []), row]);
  }
  return rows;
}

/** Where every cell of the record is now, by key. */
export function locate(record: BlockRecord, area: BlockArea): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const cell of record.cells) if (!cell.table) places.set(cell.key, placeByRef(area, cell));
  const byTable = new Map<string, Map<string, number[]> | null>();
  const headerPlace = (table: string, header: string) => places.get(`head|${table}|${header}`);
  for (const cell of record.cells) {
    if (!cell.table) continue;
    const { name, header } = cell.table;
    if (!byTable.has(name)) {
      const idHead = headerPlace(name, ID_HEADER);
      byTable.set(name, idHead?.state === "here" ? idRows(area, idHead.row, idHead.col) : null);
    }
    const ids = byTable.get(name);
    const column = headerPlace(name, header);
    const figureId = cell.key.split("|")[1];
    const rows = ids?.get(figureId) ?? [];
    if (!ids || column?.state !== "here" || rows.length === 0) places.set(cell.key, { state: column?.state === "moved-away" ? "moved-away" : "deleted" });
    else if (rows.length > 1) places.set(cell.key, { state: "duplicated" });
    else places.set(cell.key, placeOf(area, rows[0], column.col));
  }
  return places;
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


/** A rectangle of cells on a sheet, by its first and last row and column. */
export interface SheetRect {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Where a block is now when its marker name is gone (the user deleted it in the Name Manager),
 * from its record alone: the cells as last written (`at`) moved as Excel moved their references.
 * Each referenced cell shows how far its part of the block moved; the block's last-written
 * rectangle stretched by the smallest and the largest of those moves covers every cell, rows
 * inserted inside the block included. The sheet is the one most references are on; null when
 * none is on cells (the sheet was deleted).
 */
export function areaOfRecord(record: BlockRecord): SheetRect | null {
  const written = record.cells.flatMap((c) => {
    const at = cellAt(c.at);
    return at ? [{ at, now: c.ref ? parseRef(c.ref) : null }] : [];
  });
  const counts = new Map<string, number>();
  for (const { now } of written) if (now) counts.set(now.sheet, (counts.get(now.sheet) ?? 0) + 1);
  const sheet = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (sheet === undefined) return null;
  const moved = written.flatMap(({ at, now }) => (now && now.sheet === sheet ? [{ rows: now.row - at.row, cols: now.col - at.col }] : []));
  const rows = moved.map((m) => m.rows);
  const cols = moved.map((m) => m.cols);
  return {
    sheet,
    top: Math.max(0, Math.min(...written.map((w) => w.at.row)) + Math.min(...rows)),
    left: Math.max(0, Math.min(...written.map((w) => w.at.col)) + Math.min(...cols)),
    bottom: Math.min(MAX_ROW, Math.max(...written.map((w) => w.at.row)) + Math.max(...rows)),
    right: Math.min(MAX_COL, Math.max(...written.map((w) => w.at.col)) + Math.max(...cols)),
  };
}

/** "B6" → its row and column; null for anything else. */
function cellAt(address: string): { row: number; col: number } | null {
  try {
    return parseA1(address);
  } catch {
    return null;
  }
}
