/**
 * Where a block's cells are when its hidden marker name is gone (deleted by a macro), from its
 * record alone, and where each row and column of the block went: a row of the block as written
 * goes where most of its referenced cells went; a row whose references are all #REF! was deleted.
 * Pure.
 */
import { MAX_COL, MAX_ROW } from "../sheets/a1";
import { cellAddress, parseRef, type SheetRect } from "./cells";
import type { BlockRecord } from "./record";

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
export function recordedLines(
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
      const at = cellAddress(c.at);
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
export function mostCommon<T>(values: readonly T[]): T | undefined {
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
