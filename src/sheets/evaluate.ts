/**
 * Computes the blocks' formulas the way Excel does, without Excel: for the tests, the pane's
 * preview and the writers' checks. Pure and bundle-able (no Node imports).
 *
 * Excel semantics it keeps (the value rules in excel-values.ts):
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
import { quoteSheetName, toA1 } from "./a1";
import { type FormulaNode, parseFormula } from "./formula";
import { formatNumber } from "./formats";
import type { CellSpec, SheetSpec } from "./spec";
import {
  arithmetic,
  compare,
  eager,
  errorValue,
  finite,
  isFormulaError,
  toCondition,
  toNumber,
  toText,
  type CellValue,
  type Override,
} from "./excel-values";

export type { ErrorCode } from "./formula";
export { isFormulaError, type CellValue, type FormulaError, type Override } from "./excel-values";

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
