/**
 * Geometry of writes: free sheet and table names, the rectangles that carry a block's cells in
 * few Range writes, column widths. Pure.
 */
import { rangeA1 } from "../sheets/a1";
import type { SheetSpec } from "../sheets/spec";
import { excelInput, writtenOf, type Written } from "./written";

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
    return {
      ...r,
      address: rangeA1(r.top, r.left, r.bottom, r.right),
      formulas: anyContent ? formulas : null,
      numberFormat: anyFormat ? numberFormat : null,
    };
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
