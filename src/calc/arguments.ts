/**
 * Arguments as Excel's own arithmetic treats them, in one place: coercion of a cell to a number
 * or to text, and broadcasting of single values, rows, columns and ranges to one result grid.
 * Pure: cells in, results and CalcErrors out; src/functions maps the errors to Excel's.
 */
import { ERRORS, type CalcError } from "./errors";
import { numericText } from "./numeric-text";

/** What one cell of a result holds. */
export type CellResult = number | string | CalcError;

/** Excel's grid: a result larger than this could never be shown, so it is an error at once. */
export const GRID_ROWS = 1_048_576;
export const GRID_COLS = 16_384;

/** A blank text argument: the parameter's default applies. */
export const BLANK = null;

/**
 * A cell as a number, as Excel's + and − read it: blank (null, undefined or "") is 0, TRUE is 1,
 * FALSE is 0, numeric text ("1,250.5", " 7 ", "6%", "$30", "1e9") is its number, read from its
 * decimal digits so "0.1" is the same as 0.1; anything else is #VALUE!.
 */
export function toNumber(arg: string, cell: unknown): number | CalcError {
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell + 0;
    return Number.isNaN(cell) ? ERRORS.notNumber(arg, cell) : ERRORS.nonFinite(arg);
  }
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") {
    if (cell.trim() === "") return 0;
    const value = numericText(cell);
    if (value === null) return ERRORS.notNumber(arg, cell);
    return Number.isFinite(value) ? value : ERRORS.nonFinite(arg);
  }
  return ERRORS.notNumber(arg, cell);
}

/**
 * A cell as text for a text parameter (basis, field, id): blank is BLANK, so the default applies;
 * Excel passes blanks as null or as 0 depending on its build, so 0 is blank too. Text is trimmed;
 * numbers other than 0 become their text; TRUE and FALSE are #VALUE!.
 */
export function toText(arg: string, cell: unknown): string | typeof BLANK | CalcError {
  if (cell === null || cell === undefined || cell === 0) return BLANK;
  if (typeof cell === "string") return cell.trim() === "" ? BLANK : cell.trim();
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return ERRORS.notText(arg, cell);
}

/** A coerced argument value: a number, text, BLANK, or undefined for an omitted argument. */
export type ArgValue = number | string | typeof BLANK | undefined;

export interface Param {
  readonly name: string;
  readonly kind: "number" | "text";
}

/** An argument coerced once, cell by cell, row-major; `cells` is null for an omitted argument. */
interface Coerced {
  readonly rows: number;
  readonly cols: number;
  readonly cells: (ArgValue | CalcError)[] | null;
  /** The #N/A of a cell past this argument's end. */
  readonly pastEnd: CalcError;
}

function coerce(param: Param, arg: unknown): Coerced {
  const read = param.kind === "number" ? toNumber : toText;
  const pastEnd = ERRORS.pastEnd(param.name);
  if (arg === undefined || arg === null) return { rows: 1, cols: 1, cells: null, pastEnd };
  if (!Array.isArray(arg)) return { rows: 1, cols: 1, cells: [read(param.name, arg)], pastEnd };
  const rows = arg.length;
  let cols = 0;
  for (const row of arg) cols = Math.max(cols, Array.isArray(row) ? row.length : 1);
  const cells: (ArgValue | CalcError)[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row: unknown = arg[i];
    const line: readonly unknown[] = Array.isArray(row) ? row : [row];
    for (let j = 0; j < cols; j++) cells[i * cols + j] = j < line.length ? read(param.name, line[j]) : pastEnd;
  }
  return { rows, cols, cells, pastEnd };
}

/**
 * Applies `cell` to every element of the broadcast arguments, as Excel's arithmetic does: a
 * single value applies to every element, a single row to every row, a single column to every
 * column; a column against a row makes a grid. Where an argument is smaller than the result, the
 * cells past its end are #N/A. A coercion error is that cell's result; `cell` then isn't called.
 * An omitted argument reaches `cell` as undefined, so the function's default applies. When
 * `cell` throws, `onThrow` gives that cell's result instead.
 * Each argument is coerced once up front, so a 100,000-row column costs one pass per argument.
 */
export function broadcast(
  params: readonly Param[],
  args: readonly unknown[],
  cell: (values: ArgValue[]) => CellResult,
  onThrow: (err: unknown) => CellResult = (err) => {
    throw err;
  },
): CellResult[][] {
  const coerced = params.map((param, p) => coerce(param, args[p]));
  let rows = 1;
  let cols = 1;
  for (const c of coerced) {
    if (c.rows > rows) rows = c.rows;
    if (c.cols > cols) cols = c.cols;
  }
  if (rows > GRID_ROWS || cols > GRID_COLS) return [[ERRORS.tooLarge(rows, cols)]];
  // A single value is the same in every cell: read it once; only ranges are read per cell.
  const values: ArgValue[] = new Array(params.length);
  const varying: number[] = [];
  let constantError: CalcError | null = null;
  coerced.forEach((c, p) => {
    if (c.cells !== null && (c.rows > 1 || c.cols > 1)) varying.push(p);
    else {
      const value = c.cells === null ? undefined : c.cells[0];
      if (typeof value === "object" && value !== null) constantError ??= value;
      else values[p] = value;
    }
  });
  const out: CellResult[][] = new Array(rows);
  const compute = (): CellResult => {
    try {
      return cell(values);
    } catch (err) {
      return onThrow(err);
    }
  };
  for (let i = 0; i < rows; i++) {
    const line: CellResult[] = cols === 1 ? [0] : new Array(cols);
    for (let j = 0; j < cols; j++) {
      let failed: CalcError | null = constantError;
      for (let v = 0; v < varying.length && failed === null; v++) {
        const p = varying[v];
        const c = coerced[p];
        const value =
          (c.rows !== 1 && i >= c.rows) || (c.cols !== 1 && j >= c.cols)
            ? c.pastEnd
            : (c.cells as (ArgValue | CalcError)[])[(c.rows === 1 ? 0 : i * c.cols) + (c.cols === 1 ? 0 : j)];
        if (typeof value === "object" && value !== null) failed = value;
        else values[p] = value;
      }
      line[j] = failed === null ? compute() : failed;
    }
    out[i] = line;
  }
  return out;
}
