/**
 * Excel's rules for values, as the workbook evaluator (evaluate.ts) computes them: what an error
 * value is, how a value reads as a number, text or condition, how values compare, arithmetic that
 * yields #DIV/0! and #NUM! as Excel does, and the functions whose arguments are all computed first.
 * Pure.
 */
import { numericText } from "../calc/numeric-text";
import type { ErrorCode } from "./formula";

/** An Excel error value, e.g. { error: "#DIV/0!" }. */
export interface FormulaError {
  readonly error: ErrorCode;
}

/** What a cell holds once computed; null is a blank cell. */
export type CellValue = number | string | boolean | null | FormulaError;

/** A value to put in a cell before computing, as if the user had typed it. */
export type Override =
  | { readonly sheet: string; readonly row: number; readonly col: number; readonly value: number | string | boolean | null }
  | { readonly name: string; readonly value: number | string | boolean | null };

export function isFormulaError(value: unknown): value is FormulaError {
  return typeof value === "object" && value !== null && typeof (value as FormulaError).error === "string";
}

export const errorValue = (error: ErrorCode): FormulaError => Object.freeze({ error });

/** A value in arithmetic: numeric text by the rules the DEAL.* functions share (src/calc/numeric-text.ts). */
export function toNumber(v: CellValue): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = numericText(v);
    return n === null || !Number.isFinite(n) ? errorValue("#VALUE!") : n;
  }
  return v;
}

/** A number as Excel's & shows it: up to 15 significant digits. */
function numberText(n: number): string {
  const text = String(Number(n.toPrecision(15)));
  return text.replace(/e\+?/, (m) => (m === "e+" ? "E+" : "E"));
}

export function toText(v: CellValue): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numberText(v);
  return v;
}

export function toCondition(v: CellValue): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const upper = v.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
    return errorValue("#VALUE!");
  }
  return v;
}

/** AND or OR over computed arguments (no errors among them): blanks are skipped, and all blank is #VALUE!, as in Excel. */
function logical(fn: "AND" | "OR", values: readonly CellValue[]): boolean | FormulaError {
  const conditions: boolean[] = [];
  for (const v of values) {
    if (v === null) continue;
    const c = toCondition(v);
    if (isFormulaError(c)) return c;
    conditions.push(c);
  }
  if (conditions.length === 0) return errorValue("#VALUE!");
  return fn === "AND" ? conditions.every(Boolean) : conditions.some(Boolean);
}

/**
 * Excel's ROUND: half away from zero, on the number as Excel shows it (15 significant digits), so
 * ROUND(2.675,2) is 2.68 although the double is a little under 2.675.
 */
function round(x: CellValue, digits: CellValue): number | FormulaError {
  const [n, d] = [toNumber(x), toNumber(digits)];
  if (isFormulaError(n)) return n;
  if (isFormulaError(d)) return d;
  const places = Math.trunc(d);
  const [mantissa, exponent] = Math.abs(n).toExponential(14).split("e");
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + places}`));
  return finite(Math.sign(n) * Number(`${scaled}e${-places}`));
}

function typeRank(v: number | string | boolean): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

/** -1, 0 or 1 as Excel orders two non-error values. */
export function compare(a: CellValue, b: CellValue): number {
  const blankAs = (other: CellValue): number | string | boolean =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = (a === null ? blankAs(b) : a) as number | string | boolean;
  const y = (b === null ? blankAs(a) : b) as number | string | boolean;
  if (typeRank(x) !== typeRank(y)) return Math.sign(typeRank(x) - typeRank(y));
  if (typeof x === "string") {
    const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const [p, q] = [Number(x), Number(y)];
  return p < q ? -1 : p > q ? 1 : 0;
}

export function finite(n: number): number | FormulaError {
  if (!Number.isFinite(n)) return errorValue("#NUM!");
  return n === 0 ? 0 : n;
}

export function arithmetic(op: string, a: number, b: number): number | FormulaError {
  switch (op) {
    case "+":
      return finite(a + b);
    case "-":
      return finite(a - b);
    case "*":
      return finite(a * b);
    case "/":
      return b === 0 ? errorValue("#DIV/0!") : finite(a / b);
    default:
      if (a === 0 && b === 0) return errorValue("#NUM!");
      if (a === 0 && b < 0) return errorValue("#DIV/0!");
      return finite(Math.pow(a, b));
  }
}

/** A function whose arguments are all computed first. */
export function eager(fn: string, values: readonly CellValue[], arity: (min: number, max: number) => void): CellValue {
  const error = values.find(isFormulaError);
  switch (fn) {
    case "ISBLANK":
      arity(1, 1);
      return values[0] === null;
    case "ISNUMBER":
      arity(1, 1);
      return typeof values[0] === "number";
    case "NOT": {
      arity(1, 1);
      const c = toCondition(values[0]);
      return isFormulaError(c) ? c : !c;
    }
    case "AND":
    case "OR":
      arity(1, 255);
      return error ?? logical(fn, values);
    case "ROUND":
      arity(2, 2);
      return error ?? round(values[0], values[1]);
    case "NA":
      arity(0, 0);
      return errorValue("#N/A");
    case "ROWS":
      arity(1, 1);
      return error ?? 1;
    default: {
      // INDEX on a single value: row and column 1 (or omitted) give the value itself.
      arity(2, 3);
      if (error) return error;
      const positions = values.slice(1).map(toNumber);
      const bad = positions.find(isFormulaError);
      if (bad) return bad;
      return positions.every((p) => Math.trunc(p as number) === 1) ? values[0] : errorValue("#REF!");
    }
  }
}
