/**
 * What a cell holds, as plain JSON-safe data, and the conversions to and from what Office.js
 * reads and writes. Shared by the planner, the Excel writer and the record.
 */
import type { CellSpec } from "../sheets/spec";

/** A constant, an empty cell (null) or a formula. */
export type Written = number | boolean | string | null | { readonly formula: string };

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

export function isWritten(v: unknown): v is Written {
  if (v === null || typeof v === "number" || typeof v === "boolean" || typeof v === "string") return true;
  return typeof v === "object" && typeof (v as { formula?: unknown }).formula === "string" && Object.keys(v as object).length === 1;
}
