/**
 * Excel's calculation for the fake host of the self-test: a formula cell of the fake workbook
 * reads back what src/sheets/evaluate.ts computes from the workbook's current cells and names,
 * and a =DEAL.NAME(…) formula calls the function the add-in registered with
 * CustomFunctions.associate, with each argument as a 1×1 grid, as Excel passes a single value, or
 * an array constant ({1;2}) as its grid.
 * An asynchronous function shows #BUSY! until its promise settles, as in Excel, then its result.
 * Recomputed at every read, so it follows every write and structural edit of the fake.
 */
import { WorkbookEvaluator, isFormulaError } from "../../src/sheets/evaluate";
import type { SheetSpec } from "../../src/sheets/spec";
import type { FakeWorkbook, Scalar } from "../fakes/fake-excel";

export type CustomFunction = (...args: unknown[][][]) => unknown[][] | Promise<unknown[][]>;

/** Results of asynchronous calls, by sheet, formula and arguments: null while still running. */
type Settled = Map<string, { value: Scalar } | null>;

function callFunction(fn: CustomFunction, args: unknown[][][], key: string, settled: Settled): Scalar {
  const known = settled.get(key);
  if (known !== undefined) return known === null ? "#BUSY!" : known.value;
  const result = fn(...args);
  if (!(result instanceof Promise)) return asScalar(result[0][0]);
  settled.set(key, null);
  result.then(
    (grid) => settled.set(key, { value: asScalar(grid[0][0]) }),
    () => settled.set(key, { value: "#VALUE!" }),
  );
  return "#BUSY!";
}

/** The fake workbook's cells and names in the shape the evaluator reads. */
function asSpecs(wb: FakeWorkbook): SheetSpec[] {
  const names = [...wb.names.values()].filter((n) => n.sheetId !== null);
  return wb.sheets.map((s) => ({
    sheetName: s.name,
    cells: [...s.cells].map(([key, c]) => {
      const [row, col] = key.split(",").map(Number);
      return c.formula !== null ? { row, col, formula: c.formula, owner: "addin" } : { row, col, value: c.value, owner: "addin" };
    }),
    names: names.filter((n) => n.sheetId === s.id).map((n) => ({ name: n.name, row: n.rect.top, col: n.rect.left, comment: "" })),
  })) as unknown as SheetSpec[];
}

/** The arguments of a call's text, split at the commas outside parentheses and quotes. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "(" || ch === "{")) depth++;
    else if (!quoted && (ch === ")" || ch === "}")) depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return text.trim() === "" ? [] : [...args, text.slice(start)];
}

function asScalar(value: unknown): Scalar {
  if (isFormulaError(value)) return value.error;
  // A CustomFunctions.Error: the cell shows its code.
  if (typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string")
    return (value as { code: string }).code;
  if (value === null || value === undefined) return 0;
  return value as Scalar;
}

function argument(evaluator: WorkbookEvaluator, text: string, sheet: string): unknown {
  const t = text.trim();
  // An array constant, as Excel passes it: {1;2} a column, {1,2} a row.
  if (/^\{.*\}$/.test(t))
    return t
      .slice(1, -1)
      .split(";")
      .map((row) => row.split(",").map((cell) => argument(evaluator, cell, sheet)));
  if (/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^"([^"]|"")*"$/.test(t)) return t.slice(1, -1).replace(/""/g, '"');
  return evaluator.evaluate(`=${t}`, sheet);
}

/** The `evaluate` option of a FakeWorkbook: what a formula cell of `sheet` shows. */
export function fakeCalculation(
  getWorkbook: () => FakeWorkbook,
  functions: ReadonlyMap<string, CustomFunction>,
): (formula: string, sheet: string) => Scalar {
  const settled: Settled = new Map();
  let cached: WorkbookEvaluator | null = null;
  // One evaluator for the cells a read evaluates together, in one synchronous stretch (a sync runs
  // its queue in one): building it reads the whole workbook. A sync that wrote and then read the
  // same cells would see them as they were before its writes; the add-in never reads after writing.
  const evaluatorOf = (wb: FakeWorkbook): WorkbookEvaluator => {
    if (!cached) {
      cached = new WorkbookEvaluator(asSpecs(wb));
      queueMicrotask(() => (cached = null));
    }
    return cached;
  };
  return (formula, sheet) => {
    try {
      const evaluator = evaluatorOf(getWorkbook());
      const call = /^=\s*DEAL\.([A-Z]+)\((.*)\)\s*$/i.exec(formula);
      if (!call) return asScalar(evaluator.evaluate(formula, sheet));
      const fn = functions.get(call[1].toUpperCase());
      if (!fn) return "#NAME?";
      const args = splitArguments(call[2]).map((a) => {
        const value = argument(evaluator, a, sheet);
        return Array.isArray(value) ? (value as unknown[][]) : [[value]];
      });
      return callFunction(fn, args, `${sheet}|${formula}|${JSON.stringify(args)}`, settled);
    } catch {
      // Syntax or a function the evaluator does not compute: Excel would show #NAME?.
      return "#NAME?";
    }
  };
}
