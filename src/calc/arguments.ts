/**
 * Arguments as Excel's own arithmetic treats them, in one place: coercion of a cell to a number
 * or to text, and broadcasting of single values, rows, columns and ranges to one result grid.
 * Pure: cells in, results and CalcErrors out; src/functions maps the errors to Excel's.
 */
import { ERRORS, type CalcError } from "./errors";

/** What one cell of a result holds. */
export type CellResult = number | string | CalcError;

/** A blank text argument: the parameter's default applies. */
export const BLANK = null;

const NUMERIC_TEXT = /^([+-]?)\$?(\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.(\d*))?(?:e([+-]?\d+))?(%?)$/i;

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
    const text = cell.trim();
    if (text === "") return 0;
    const match = NUMERIC_TEXT.exec(text);
    if (!match) return ERRORS.notNumber(arg, cell);
    const [, sign, whole, fraction = "", exponent = "0", percent] = match;
    const value = Number(`${sign}${whole.replace(/,/g, "") || "0"}.${fraction}0e${Number(exponent) - (percent ? 2 : 0)}`);
    return Number.isFinite(value) ? value + 0 : ERRORS.nonFinite(arg);
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

interface Shaped {
  readonly grid: readonly (readonly unknown[])[] | null;
  readonly rows: number;
  readonly cols: number;
}

/** An argument as a grid: ranges as they come, a single value as 1×1, an omitted argument as null. */
function shape(arg: unknown): Shaped {
  if (arg === undefined || arg === null) return { grid: null, rows: 1, cols: 1 };
  if (!Array.isArray(arg)) return { grid: [[arg]], rows: 1, cols: 1 };
  const grid = arg.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  return { grid, rows: grid.length, cols: grid.reduce((most, row) => Math.max(most, row.length), 0) };
}

export interface Param {
  readonly name: string;
  readonly kind: "number" | "text";
}

/**
 * Applies `cell` to every element of the broadcast arguments, as Excel's arithmetic does: a
 * single value applies to every element, a single row to every row, a single column to every
 * column; a column against a row makes a grid. Where an argument is smaller than the result, the
 * cells past its end are #N/A. A coercion error is that cell's result; `cell` then isn't called.
 * An omitted argument reaches `cell` as undefined, so the function's default applies.
 */
export function broadcast(params: readonly Param[], args: readonly unknown[], cell: (values: ArgValue[]) => CellResult): CellResult[][] {
  const shaped = params.map((_, p) => shape(args[p]));
  let rows = 1;
  let cols = 1;
  for (const s of shaped) {
    if (s.rows > rows) rows = s.rows;
    if (s.cols > cols) cols = s.cols;
  }
  const values: ArgValue[] = new Array(params.length);
  const out: CellResult[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const line: CellResult[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      let failed: CalcError | null = null;
      for (let p = 0; p < params.length && failed === null; p++) {
        const s = shaped[p];
        let value: ArgValue | CalcError;
        if (s.grid === null) value = undefined;
        else {
          const row = s.rows === 1 ? s.grid[0] : s.grid[i];
          const c = s.cols === 1 ? 0 : j;
          if (row === undefined || c >= row.length) value = ERRORS.pastEnd(params[p].name);
          else value = params[p].kind === "number" ? toNumber(params[p].name, row[c]) : toText(params[p].name, row[c]);
        }
        if (typeof value === "object" && value !== null) failed = value;
        else values[p] = value;
      }
      line[j] = failed ?? cell(values);
    }
    out[i] = line;
  }
  return out;
}
