/**
 * A cell of the fake Excel and Excel's parsing of what is typed or written into it: "=…" is a
 * formula, "'…" is text without the apostrophe, numeric text a number, "12%" a percentage,
 * TRUE/FALSE a boolean, an ISO date a date serial; a cell formatted as text ("@") keeps the text.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
import type { ValidationModel } from "./data-validation";

export type Scalar = string | number | boolean;

/** One cell as the fake stores it. `value` is null for an empty cell. */
export interface FakeCell {
  value: Scalar | null;
  formula: string | null;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  /** Data validation (data-validation.ts); absent: none. */
  validation?: ValidationModel;
}

export function emptyCell(): FakeCell {
  return { value: null, formula: null, numberFormat: "General" };
}

/**
 * Excel's date serial of an ISO date in the 1900 date system: days since 1899-12-30, which is
 * Excel's numbering from 1900-03-01 on (Excel counts a 29 February 1900 that never was).
 */
export function dateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What a cell holds after the user (or a `values`/`formulas` write) enters `input`. */
export function parseInput(input: Scalar, numberFormat: string): { value: Scalar | null; formula: string | null; numberFormat: string } {
  if (typeof input !== "string") return { value: input, formula: null, numberFormat };
  if (input === "") return { value: null, formula: null, numberFormat };
  if (numberFormat === "@") return { value: input, formula: null, numberFormat };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, numberFormat };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input, numberFormat };
  const t = input.trim();
  const num = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : null;
  if (num !== null) return { value: num, formula: null, numberFormat };
  const pct = /^([-+]?(\d+(\.\d*)?|\.\d+))%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, formula: null, numberFormat: numberFormat === "General" ? "0%" : numberFormat };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE", formula: null, numberFormat };
  const serial = dateSerial(t);
  if (serial !== null) return { value: serial, formula: null, numberFormat: numberFormat === "General" ? "yyyy-mm-dd" : numberFormat };
  if (/^[+\-@]/.test(input) && input.length > 1) return { value: null, formula: "=" + input.replace(/^@/, ""), numberFormat };
  return { value: input, formula: null, numberFormat };
}

/** Whether a formula's parentheses balance outside string literals (Excel refuses it otherwise). */
export function balanced(formula: string): boolean {
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === "(") depth++;
    else if (!inString && ch === ")") depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && !inString;
}
