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

/** What a cell of the area holds now; undefined outside the area. */
export function cellIn(area: BlockArea, row: number, col: number): Written | undefined {
  const r = row - area.top;
  const c = col - area.left;
  if (r < 0 || c < 0 || r >= area.formulas.length || c >= (area.formulas[r]?.length ?? 0)) return undefined;
  return writtenFromExcel(area.formulas[r][c], area.values[r][c]);
}

function placeOf(area: BlockArea, row: number, col: number): Place {
  const now = cellIn(area, row, col);
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
    const id = cellIn(area, row, idCol);
    if (typeof id === "string" && id !== "") rows.set(id, [...(rows.get(id) ?? []), row]);
  }
  return rows;
}

/**
 * A table whose header row was deleted (its header references are #REF!) but whose rows are
 * there: the Id column is the column of the area where most of the table's figure ids are; each
 * other column is found from the block's referenced cells (see `col` below), or not at all, and
 * then its cells count as deleted and are never written.
 */
function headerlessColumns(
  record: BlockRecord,
  area: BlockArea,
  table: string,
): { idCol: number; headerRow: number; col: (header: string) => number | null } | null {
  const cells = record.cells.filter((c) => c.table?.name === table);
  const ids = new Set(cells.map((c) => c.key.split("|")[1]));
  let best: { col: number; rows: number[] } | null = null;
  for (let col = area.left; col < area.left + (area.values[0]?.length ?? 0); col++) {
    const rows: number[] = [];
    for (let row = area.top; row < area.top + area.values.length; row++) {
      const v = cellIn(area, row, col);
      if (typeof v === "string" && ids.has(v)) rows.push(row);
    }
    if (rows.length > (best?.rows.length ?? 0)) best = { col, rows };
  }
  const atCol = (header: string) => {
    const head = record.cells.find((c) => c.key === `head|${table}|${header}`);
    try {
      return head ? parseA1(head.at).col : null;
    } catch {
      return null;
    }
  };
  if (!best || atCol(ID_HEADER) === null) return null;
  // A column where other cells of the block still have references went where most of them went.
  // Any other is placed only between two such columns that kept their distance (no column was
  // inserted or deleted between them): a column deleted with the header row must not be taken
  // for its neighbour, which may be the user's Override column.
  const lines = recordedLines(record, area.sheet)?.cols ?? new Map<number, number | "deleted">();
  const moved = new Map([...lines].filter((l): l is [number, number] => l[1] !== "deleted"));
  const col = (header: string) => {
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
  return { idCol: best.col, headerRow: Math.min(...best.rows) - 1, col };
}

/** Where every cell of the record is now, by key. */
export function locate(record: BlockRecord, area: BlockArea): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const cell of record.cells) if (!cell.table) places.set(cell.key, placeByRef(area, cell));
  const byTable = new Map<string, { ids: Map<string, number[]>; col: (header: string) => number | null } | null>();
  const headerPlace = (table: string, header: string) => places.get(`head|${table}|${header}`);
  const tableOf = (name: string) => {
    const idHead = headerPlace(name, ID_HEADER);
    if (idHead?.state === "here") {
      const col = (header: string) => {
        const p = headerPlace(name, header);
        return p?.state === "here" ? p.col : null;
      };
      return { ids: idRows(area, idHead.row, idHead.col), col };
    }
    const headerless = idHead?.state === "deleted" ? headerlessColumns(record, area, name) : null;
    return headerless ? { ids: idRows(area, headerless.headerRow, headerless.idCol), col: headerless.col } : null;
  };
  for (const cell of record.cells) {
    if (!cell.table) continue;
    const { name, header } = cell.table;
    if (!byTable.has(name)) byTable.set(name, tableOf(name));
    const table = byTable.get(name);
    const col = table ? table.col(header) : null;
    const figureId = cell.key.split("|")[1];
    const rows = table?.ids.get(figureId) ?? [];
    if (!table || col === null || rows.length === 0)
      places.set(cell.key, { state: headerPlace(name, header)?.state === "moved-away" ? "moved-away" : "deleted" });
    else if (rows.length > 1) places.set(cell.key, { state: "duplicated" });
    else places.set(cell.key, placeOf(area, rows[0], col));
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
 * Where a block's cells outside its tables are now, when its marker name is gone (deleted by a
 * macro), from its record alone: the rectangle they had when last written (`at`), each edge
 * moved as Excel moved the references of the cells nearest it. A row of the block as written goes
 * where most of its referenced cells went, so one cell cut and pasted elsewhere does not drag the
 * block; a row whose references are all #REF! was deleted, and the edge beyond it moves in by one.
 * Rows inserted inside the block move the edge below them. Columns alike. The sheet is the one
 * most references are on; null when none is on cells (the sheet was deleted). A figures table's
 * rows have no reference (they are found by their Id): the caller adds the tables' ranges as
 * Excel kept them (src/excel/recover.ts).
 */
export function areaOfRecord(record: BlockRecord): SheetRect | null {
  const recorded = recordedLines(record);
  if (!recorded) return null;
  const { sheet, ats, rows, cols } = recorded;
  // Edges in order, within the grid (a first row cut and pasted below could otherwise come last).
  const [top, bottom] = [
    edge(rows, Math.min(...ats.map((a) => a.row)), "first"),
    edge(rows, Math.max(...ats.map((a) => a.row)), "last"),
  ].sort((a, b) => a - b);
  const [left, right] = [
    edge(cols, Math.min(...ats.map((a) => a.col)), "first"),
    edge(cols, Math.max(...ats.map((a) => a.col)), "last"),
  ].sort((a, b) => a - b);
  return { sheet, top: Math.max(0, top), left: Math.max(0, left), bottom: Math.min(MAX_ROW, bottom), right: Math.min(MAX_COL, right) };
}

/**
 * The block's cells outside its tables as written (`ats`), and where each of their rows and
 * columns is now (see linesNow), on `sheet` or else on the sheet most of their references are
 * on; null when no reference is on cells.
 */
function recordedLines(
  record: BlockRecord,
  sheet?: string,
): {
  sheet: string;
  ats: { row: number; col: number }[];
  rows: Map<number, number | "deleted">;
  cols: Map<number, number | "deleted">;
} | null {
  const written = record.cells
    .filter((c) => !c.table)
    .flatMap((c) => {
      const at = cellAt(c.at);
      return at ? [{ at, now: c.ref ? parseRef(c.ref) : null, gone: c.ref.includes("#REF!") }] : [];
    });
  const on = sheet ?? mostCommon(written.flatMap(({ now }) => (now ? [now.sheet] : [])));
  if (on === undefined) return null;
  const live = written.flatMap(({ at, now }) => (now && now.sheet.toLowerCase() === on.toLowerCase() ? [{ at, now }] : []));
  const gone = written.filter((w) => w.gone).map((w) => w.at);
  const liveRows = new Set(live.map((w) => w.at.row));
  const liveCols = new Set(live.map((w) => w.at.col));
  return {
    sheet: on,
    ats: written.map((w) => w.at),
    rows: linesNow(
      live.map((w) => [w.at.row, w.now.row]),
      gone.filter((g) => liveCols.has(g.col)).map((g) => g.row),
    ),
    cols: linesNow(
      live.map((w) => [w.at.col, w.now.col]),
      gone.filter((g) => liveRows.has(g.row)).map((g) => g.col),
    ),
  };
}

/** The value that occurs most often (the first of them on a tie); undefined for none. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * Each row (or column) as written → where most of its live referenced cells are now; or
 * "deleted" when none of its references is live and one of them is a #REF! whose column (row)
 * is still there, so the #REF! came from deleting this line. `live` pairs a line with its place
 * now; `gone` lists the lines of those #REF! cells.
 */
function linesNow(live: readonly (readonly [number, number])[], gone: readonly number[]): Map<number, number | "deleted"> {
  const byLine = new Map<number, number[]>();
  for (const [at, now] of live) byLine.set(at, [...(byLine.get(at) ?? []), now]);
  const lines = new Map<number, number | "deleted">([...byLine].map(([at, nows]) => [at, mostCommon(nows) as number]));
  for (const line of gone) if (!lines.has(line)) lines.set(line, "deleted");
  return lines;
}

/**
 * The block's first or last line now: the nearest line to it that is still there, moved by the
 * lines between them that were not deleted (a line without references counts as still there).
 */
function edge(lines: ReadonlyMap<number, number | "deleted">, at: number, which: "first" | "last"): number {
  const kept = [...lines].filter((l): l is [number, number] => l[1] !== "deleted").map(([line]) => line);
  if (kept.length === 0) return at;
  const nearest = which === "first" ? Math.min(...kept) : Math.max(...kept);
  // The lines from the edge up to the nearest kept one (first), or from it to the edge (last).
  const [from, to] = which === "first" ? [at, nearest - 1] : [nearest + 1, at];
  let between = 0;
  for (let line = from; line <= to; line++) if (lines.get(line) !== "deleted") between++;
  return (lines.get(nearest) as number) + (which === "first" ? -between : between);
}

/** "B6" → its row and column; null for anything else. */
function cellAt(address: string): { row: number; col: number } | null {
  try {
    return parseA1(address);
  } catch {
    return null;
  }
}
