/**
 * Result grids as Excel takes them back: numbers and text as they are, each CalcError replaced by
 * the Excel error that `toError` makes (functions.ts passes the CustomFunctions one; tests pass a
 * plain one). Pure, so it runs in Node.
 */
import type { CellResult } from "../calc/arguments";
import type { CalcError } from "../calc/errors";

/** Replaces the errors of a freshly computed grid in place (no copy of a 100,000-row result) and returns it. */
export function toExcelGrid<E>(grid: CellResult[][], toError: (error: CalcError) => E): (number | string | E)[][] {
  const out = grid as (number | string | E | CalcError)[][];
  for (const row of out) {
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (typeof cell === "object" && cell !== null) row[j] = toError(cell as CalcError);
    }
  }
  return out as (number | string | E)[][];
}
