/**
 * What the Excel writer read of a block's cells, as plain data for the planners: rectangles of
 * formulas and values on one or more sheets (the block's marker area, its tables wherever they are
 * now, and any cell a reference says moved elsewhere), and the block's workbook tables. Cells are
 * looked up by sheet and position; a cell outside every rectangle read is `undefined`, never a guess.
 */
import { parseA1 } from "../sheets/a1";
import { writtenFromExcel, type Written } from "./written";

/** A rectangle of cells as read: `formulas` and `values` of the same rows from (top, left). */
export interface Region {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
}

/** A rectangle of cells on a sheet, by its first and last row and column. */
export interface SheetRect {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A workbook table as read: its name in the workbook and its whole range, header row included. */
export interface TableRead extends SheetRect {
  readonly name: string;
}

/** Everything read of one block's cells. */
export interface BlockCells {
  /** The block's home sheet: where its marker is (new cells of the block go there). */
  readonly sheet: string;
  readonly regions: readonly Region[];
  /** The workbook's tables that were read, by their upper-case name. */
  readonly tables: ReadonlyMap<string, TableRead>;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The region holding a cell, or undefined. */
export function regionOf(cells: Pick<BlockCells, "regions">, sheet: string, row: number, col: number): Region | undefined {
  return cells.regions.find(
    (r) =>
      same(r.sheet, sheet) &&
      row >= r.top &&
      col >= r.left &&
      row < r.top + r.formulas.length &&
      col < r.left + (r.formulas[row - r.top]?.length ?? 0),
  );
}

/** What a cell holds now; undefined when it was not read. */
export function cellAt(cells: Pick<BlockCells, "regions">, sheet: string, row: number, col: number): Written | undefined {
  const r = regionOf(cells, sheet, row, col);
  return r ? writtenFromExcel(r.formulas[row - r.top][col - r.left], r.values[row - r.top][col - r.left]) : undefined;
}

/** The last row read below `row` in the column, on the region holding the cell (to scan a table whose end is unknown). */
export function lastRowRead(cells: Pick<BlockCells, "regions">, sheet: string, row: number, col: number): number {
  const r = regionOf(cells, sheet, row, col);
  return r ? r.top + r.formulas.length - 1 : row;
}

/** The workbook table of that name, as read. */
export function tableRead(cells: Pick<BlockCells, "tables">, name: string | undefined): TableRead | undefined {
  return name === undefined ? undefined : cells.tables.get(name.toUpperCase());
}

/** "=Deal!$B$6", "='Capex 2026'!$B$6", "Deal!$B$6" → sheet and cell; null for #REF! or anything else. */
export function parseRef(ref: string): { sheet: string; row: number; col: number } | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!=]+))!(\$?[A-Z]{1,3}\$?\d+)$/.exec(ref);
  if (!m) return null;
  try {
    const at = parseA1(m[3]);
    return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], row: at.row, col: at.col };
  } catch {
    return null;
  }
}

/** "B6" → its row and column; null for anything else. */
export function cellAddress(address: string): { row: number; col: number } | null {
  try {
    return parseA1(address);
  } catch {
    return null;
  }
}
