/**
 * Computes the blocks' formulas the way Excel does, without Excel: for the tests, the pane's
 * preview and the writers' checks. Pure and bundle-able (no Node imports).
 *
 * Excel semantics it keeps:
 * - a blank cell is 0 in arithmetic, "" beside text and FALSE beside a boolean in comparisons;
 *   a formula that returns a blank shows 0;
 * - numeric text is a number in arithmetic ("2"+1 is 3, "$1,000"+1 is 1001), other text is #VALUE!;
 * - errors propagate through operators and functions, the left operand's first;
 * - x/0 is #DIV/0!, a non-real or overflowing power is #NUM!;
 * - text compares case-insensitively, and numbers < text < booleans;
 * - a name the workbook lacks is #NAME? and a sheet it lacks is #REF!.
 * STOCKHISTORY needs live market data: here it is #N/A, as Excel shows it offline. A function
 * outside EVALUATED_FUNCTIONS, or syntax outside the parser's subset, throws: the blocks never
 * write one, so meeting one is a builder bug.
 */
import { numericText } from "../calc/numeric-text";
import { quoteSheetName, toA1 } from "./a1";
import { type ErrorCode, type FormulaNode, parseFormula } from "./formula";
import { formatNumber } from "./formats";
import type { CellSpec, SheetSpec } from "./spec";

export type { ErrorCode } from "./formula";

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

const errorValue = (error: ErrorCode): FormulaError => Object.freeze({ error });

/** The functions this evaluator computes, upper case. */
export const EVALUATED_FUNCTIONS = Object.freeze([
  "IF",
  "IFERROR",
  "ISBLANK",
  "ISNUMBER",
  "NOT",
  "AND",
  "OR",
  "ROUND",
  "NA",
  "INDEX",
  "ROWS",
  "STOCKHISTORY",
] as const);

/** Functions whose arguments are not computed first (they decide what to compute). */
const LAZY = new Set(["IF", "IFERROR", "STOCKHISTORY"]);

/** A value in arithmetic: numeric text by the rules the DEAL.* functions share (src/calc/numeric-text.ts). */
function toNumber(v: CellValue): number | FormulaError {
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

function toText(v: CellValue): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numberText(v);
  return v;
}

function toCondition(v: CellValue): boolean | FormulaError {
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
function compare(a: CellValue, b: CellValue): number {
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

function finite(n: number): number | FormulaError {
  if (!Number.isFinite(n)) return errorValue("#NUM!");
  return n === 0 ? 0 : n;
}

function arithmetic(op: string, a: number, b: number): number | FormulaError {
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

interface Location {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * The computed values of a set of blocks, as a workbook holding them would show. Values are
 * computed on first request and kept; overrides are fixed at construction.
 */
export class WorkbookEvaluator {
  private readonly sheets = new Map<string, { name: string; cells: Map<string, CellSpec> }>();
  private readonly names = new Map<string, Location>();
  private readonly overrides = new Map<string, CellValue>();
  private readonly computed = new Map<string, CellValue>();
  private readonly inProgress = new Set<string>();

  constructor(specs: readonly SheetSpec[], overrides: readonly Override[] = []) {
    for (const spec of specs) {
      const key = spec.sheetName.toLowerCase();
      if (this.sheets.has(key)) throw new Error(`Two blocks use the sheet name "${spec.sheetName}".`);
      this.sheets.set(key, { name: spec.sheetName, cells: new Map(spec.cells.map((c) => [`${c.row},${c.col}`, c])) });
      for (const n of spec.names) {
        const nameKey = n.name.toUpperCase();
        if (this.names.has(nameKey)) throw new Error(`The name ${n.name} is defined twice.`);
        this.names.set(nameKey, { sheet: spec.sheetName, row: n.row, col: n.col });
      }
    }
    for (const o of overrides) {
      const at = "name" in o ? this.names.get(o.name.toUpperCase()) : o;
      if (!at) throw new Error(`Cannot override ${"name" in o ? o.name : ""}: no block defines that name.`);
      const sheet = this.sheets.get(at.sheet.toLowerCase());
      if (!sheet) throw new Error(`Cannot override a cell on "${at.sheet}": no block has that sheet.`);
      this.overrides.set(this.key(sheet.name, at.row, at.col), o.value);
    }
  }

  private key(sheet: string, row: number, col: number): string {
    return `${sheet.toLowerCase()}!${row},${col}`;
  }

  /** The value a cell shows: null when blank; a formula that returns a blank shows 0. */
  value(sheet: string, row: number, col: number): CellValue {
    return this.cellValue(sheet, row, col);
  }

  /** The value of the cell a workbook name points to; #NAME? when no block defines it. */
  name(name: string): CellValue {
    const at = this.names.get(name.toUpperCase());
    return at ? this.value(at.sheet, at.row, at.col) : errorValue("#NAME?");
  }

  /** Computes a formula as if it were typed in a cell of `sheet` (for a preview of the user's own formulas). */
  evaluate(formula: string, sheet: string): CellValue {
    const result = this.node(parseFormula(formula), sheet, formula);
    return result === null ? 0 : result;
  }

  /** A cell's value as formulas see it: null when blank. */
  private cellValue(sheetName: string, row: number, col: number): CellValue {
    const sheet = this.sheets.get(sheetName.toLowerCase());
    if (!sheet) return errorValue("#REF!");
    const key = this.key(sheet.name, row, col);
    if (this.overrides.has(key)) return this.overrides.get(key) ?? null;
    if (this.computed.has(key)) return this.computed.get(key) ?? null;
    const cell = sheet.cells.get(`${row},${col}`);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    if (this.inProgress.has(key)) {
      throw new Error(`Circular reference through ${quoteSheetName(sheet.name)}!${toA1(row, col)} (${cell.formula}).`);
    }
    this.inProgress.add(key);
    try {
      const result = this.node(parseFormula(cell.formula), sheet.name, cell.formula) ?? 0;
      this.computed.set(key, result);
      return result;
    } finally {
      this.inProgress.delete(key);
    }
  }

  private node(n: FormulaNode, sheet: string, formula: string): CellValue {
    switch (n.kind) {
      case "number":
      case "string":
      case "boolean":
        return n.value;
      case "error":
        return errorValue(n.code);
      case "ref":
        return this.cellValue(n.sheet ?? sheet, n.row, n.col);
      case "name":
        return this.name(n.name);
      case "unary": {
        const x = toNumber(this.node(n.operand, sheet, formula));
        if (isFormulaError(x)) return x;
        return n.op === "-" ? finite(-x) : x;
      }
      case "percent": {
        const x = toNumber(this.node(n.operand, sheet, formula));
        return isFormulaError(x) ? x : x / 100;
      }
      case "binary": {
        const a = this.node(n.left, sheet, formula);
        const b = this.node(n.right, sheet, formula);
        if (isFormulaError(a)) return a;
        if (isFormulaError(b)) return b;
        if (n.op === "&") return (toText(a) as string) + (toText(b) as string);
        if (["=", "<>", "<", ">", "<=", ">="].includes(n.op)) {
          const c = compare(a, b);
          switch (n.op) {
            case "=":
              return c === 0;
            case "<>":
              return c !== 0;
            case "<":
              return c < 0;
            case ">":
              return c > 0;
            case "<=":
              return c <= 0;
            default:
              return c >= 0;
          }
        }
        const x = toNumber(a);
        if (isFormulaError(x)) return x;
        const y = toNumber(b);
        if (isFormulaError(y)) return y;
        return arithmetic(n.op, x, y);
      }
      case "call":
        return this.call(n.fn, n.args, sheet, formula);
    }
  }

  private call(fn: string, args: readonly FormulaNode[], sheet: string, formula: string): CellValue {
    const arity = (min: number, max: number) => {
      if (args.length < min || args.length > max) {
        throw new Error(`Formula ${formula}: ${fn} takes ${min === max ? min : `${min} to ${max}`} arguments, not ${args.length}.`);
      }
    };
    if (!(EVALUATED_FUNCTIONS as readonly string[]).includes(fn)) {
      throw new Error(`Formula ${formula} calls ${fn}, which the evaluator does not compute.`);
    }
    if (LAZY.has(fn)) {
      const at = (i: number) => this.node(args[i], sheet, formula);
      switch (fn) {
        case "IF": {
          arity(2, 3);
          const condition = toCondition(at(0));
          if (isFormulaError(condition)) return condition;
          if (condition) return at(1);
          return args.length === 3 ? at(2) : false;
        }
        case "IFERROR": {
          arity(2, 2);
          const x = at(0);
          return isFormulaError(x) ? at(1) : x;
        }
        default:
          arity(1, 11);
          return errorValue("#N/A");
      }
    }
    return eager(
      fn,
      args.map((a) => this.node(a, sheet, formula)),
      arity,
    );
  }
}

/** A function whose arguments are all computed first. */
function eager(fn: string, values: readonly CellValue[], arity: (min: number, max: number) => void): CellValue {
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

/** The computed workbook of these blocks, with the user's values put in first. */
export function evaluateWorkbook(specs: readonly SheetSpec[], options: { overrides?: readonly Override[] } = {}): WorkbookEvaluator {
  return new WorkbookEvaluator(specs, options.overrides ?? []);
}

/** A computed value as a cell shows it in this number format: "$50.0B", "6.02%", "#DIV/0!". */
export function displayText(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (isFormulaError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value, numberFormat);
  return value;
}
