/**
 * Rows an update adds at the end of a table move what is below the table in its columns down, as
 * Excel's TableRowCollection.add does ("Any rows below the inserted row are shifted downwards",
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)).
 * Apply adds the rows first, top table first, and then writes everything else where it is after
 * them: this module says where that is, and rewrites a formula's references the way Excel does.
 * Pure.
 */
import { toA1 } from "../sheets/a1";
import { mapReferences } from "./formula-refs";
import type { Written } from "./written";

/** Rows added at the end of one table: its sheet, last row and columns before any addition. */
export interface Growth {
  readonly sheet: string;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly count: number;
}

export interface Shift {
  /** Where the cell at (row, col) of `sheet` is once the rows are added. */
  row(sheet: string, row: number, col: number): number;
  /** The first row a growth's new rows take once every growth above it is added. */
  firstNewRow(growth: Growth): number;
  /** The formula of a cell on `sheet`, its references to cells of that sheet moved as Excel moves them. */
  formula(sheet: string, w: Written): Written;
  readonly none: boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The shift that `growths` make (growths on one sheet never overlap: each is a table's end). */
export function shiftOf(growths: readonly Growth[]): Shift {
  const below = (g: Growth, sheet: string, row: number, col: number) =>
    same(g.sheet, sheet) && row > g.bottom && col >= g.left && col <= g.right;
  const row = (sheet: string, r: number, col: number) => r + growths.reduce((n, g) => n + (below(g, sheet, r, col) ? g.count : 0), 0);
  return {
    row,
    firstNewRow: (growth) => row(growth.sheet, growth.bottom, growth.left) + 1,
    formula(sheet, w) {
      if (w === null || typeof w !== "object" || growths.length === 0) return w;
      return { formula: mapReferences(w.formula, (r, c) => ({ row: row(sheet, r, c), col: c })) };
    },
    none: growths.every((g) => g.count === 0),
  };
}

/** "B5" at its place once the rows are added. */
export function shiftedAddress(shift: Shift, sheet: string, row: number, col: number): string {
  return toA1(shift.row(sheet, row, col), col);
}
