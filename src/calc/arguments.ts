/**
 * Arguments as Excel's own arithmetic treats them, in one place: coercion of a cell to a number
 * or to text, and broadcasting of single values, rows, columns and ranges to one result grid.
 * Pure: cells in, results and CalcErrors out; src/functions maps the errors to Excel's.
 */
import { ERRORS, type CalcError } from "./errors";
import { GRID_COLS, GRID_ROWS, MAX_RESULT_CELLS, MAX_ROUNDS } from "./limits";
import { numericText } from "./numeric-text";

/** What one cell of a result holds. */
export type CellResult = number | string | CalcError;

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
    return Number.isNaN(cell) ? ERRORS.notNumber(arg, cell) : ERRORS.inputTooLarge(arg);
  }
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") {
    if (cell.trim() === "") return 0;
    const value = numericText(cell);
    if (value === null) return ERRORS.notNumber(arg, cell);
    return Number.isFinite(value) ? value : ERRORS.inputTooLarge(arg);
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

/**
 * An argument as Excel passed it: `single` for one value (coerced once), or a range read cell by
 * cell as the loop reaches it (`cells` row by row; a row may be shorter than `cols`).
 */
interface Argument {
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly unknown[] | null;
  readonly single: ArgValue | CalcError;
  readonly read: (arg: string, cell: unknown) => ArgValue | CalcError;
  readonly name: string;
  /** The #N/A of a cell past this argument's end. */
  readonly pastEnd: CalcError;
}

function argument({ name, kind }: Param, arg: unknown): Argument {
  const read = kind === "number" ? toNumber : toText;
  const list = Array.isArray(arg) ? (arg as unknown[]) : null;
  let cols = list ? 0 : 1;
  for (const row of list ?? []) cols = Math.max(cols, Array.isArray(row) ? row.length : 1);
  const rows = list ? list.length : 1;
  const cells = rows * cols > 1 ? list : null;
  // A single value or a 1×1 range is coerced once; an omitted argument (or an empty range) stays undefined.
  const first: unknown = list ? (Array.isArray(list[0]) ? (list[0] as unknown[])[0] : list[0]) : arg;
  const single = cells || rows * cols === 0 || arg === undefined || arg === null ? undefined : read(name, first);
  return { rows, cols, cells, single, read, name, pastEnd: ERRORS.pastEnd(name) };
}

/** Cell (i, j) of a range argument, coerced; #N/A past its end. */
function cellOf(a: Argument, i: number, j: number): ArgValue | CalcError {
  const r = a.rows === 1 ? 0 : i;
  const c = a.cols === 1 ? 0 : j;
  if (r >= a.rows || c >= a.cols) return a.pastEnd;
  const row = (a.cells as readonly unknown[])[r];
  if (!Array.isArray(row)) return c === 0 ? a.read(a.name, row) : a.pastEnd;
  return c < row.length ? a.read(a.name, row[c]) : a.pastEnd;
}

/**
 * Applies `cell` to every element of the broadcast arguments, as Excel's arithmetic does: a
 * single value applies to every element, a single row to every row, a single column to every
 * column; a column against a row makes a grid. Where an argument is smaller than the result, the
 * cells past its end are #N/A. A coercion error is that cell's result; `cell` then isn't called.
 * An omitted argument reaches `cell` as undefined, so the function's default applies. When
 * `cell` throws, `onThrow` gives that cell's result instead.
 * A single value is coerced once; a range's cells as the loop reaches them, so no copy of the
 * arguments is made and the work is at most one coercion per argument per result cell.
 */
export function broadcast(
  params: readonly Param[],
  args: readonly unknown[],
  cell: (values: ArgValue[]) => CellResult,
  onThrow: (err: unknown) => CellResult = (err) => {
    throw err;
  },
): CellResult[][] {
  const all = params.map((param, p) => argument(param, args[p]));
  let rows = 1;
  let cols = 1;
  for (const a of all) {
    if (a.rows > rows) rows = a.rows;
    if (a.cols > cols) cols = a.cols;
  }
  if (rows > GRID_ROWS || cols > GRID_COLS || rows * cols > MAX_RESULT_CELLS) return [[ERRORS.tooManyCells(rows, cols, MAX_RESULT_CELLS)]];
  // A single value is the same in every cell: read it once; ranges are read cell by cell.
  const values: ArgValue[] = all.map(() => undefined);
  const ranges = all.filter((a) => a.cells !== null);
  const at = ranges.map((a) => all.indexOf(a));
  let constantError: CalcError | null = null;
  all.forEach((a, p) => {
    if (a.cells !== null) return;
    if (typeof a.single === "object" && a.single !== null) constantError ??= a.single;
    else values[p] = a.single;
  });
  const one = (i: number, j: number): CellResult => {
    if (constantError !== null) return constantError;
    for (let v = 0; v < ranges.length; v++) {
      const value = cellOf(ranges[v], i, j);
      if (typeof value === "object" && value !== null) return value;
      values[at[v]] = value;
    }
    try {
      return cell(values);
    } catch (err) {
      return onThrow(err);
    }
  };
  const out: CellResult[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    if (cols === 1) {
      out[i] = [one(i, 0)];
      continue;
    }
    const line: CellResult[] = new Array(cols);
    for (let j = 0; j < cols; j++) line[j] = one(i, j);
    out[i] = line;
  }
  return out;
}

/** The number of values in a range argument that is one row or one column. */
const lengthOf = (a: Argument) => a.rows * a.cols;

/** The i-th value of a range argument that is one row or one column, coerced; its message names the round. */
function nthOf(a: Argument, i: number): ArgValue | CalcError {
  const row = (a.cells as readonly unknown[])[a.cols === 1 ? i : 0];
  const cell = Array.isArray(row) ? row[a.cols === 1 ? 0 : i] : row;
  return a.read(`${a.name} (round ${i + 1})`, cell);
}

/**
 * The arguments of a function over a series of rounds (DEAL.TRANCHES), round by round: each
 * argument is one value for every round, or a column (a round per row) or a row (a round per
 * column), in order. A block of several rows and columns, or more than MAX_ROUNDS values, is
 * #VALUE!; ranges of different lengths are #N/A; a cell that is not a number is its error, naming
 * its round. Every size is checked before a cell is read, so a whole column answers at once.
 */
export function seriesArguments(params: readonly Param[], args: readonly unknown[]): ArgValue[][] | CalcError {
  const all = params.map((param, p) => argument(param, args[p]));
  const ranges = all.filter((a) => a.cells !== null);
  for (const a of ranges) {
    if (a.rows > 1 && a.cols > 1) return ERRORS.notALine(a.name, a.rows, a.cols);
    if (lengthOf(a) > MAX_ROUNDS) return ERRORS.tooManyRounds(a.name, lengthOf(a), MAX_ROUNDS);
  }
  const count = ranges.length > 0 ? lengthOf(ranges[0]) : 1;
  const other = ranges.find((a) => lengthOf(a) !== count);
  if (other) return ERRORS.roundsDiffer(other.name, lengthOf(other), ranges[0].name, count);
  const rounds: ArgValue[][] = [];
  for (let i = 0; i < count; i++) {
    const values: ArgValue[] = [];
    for (const a of all) {
      const value = a.cells === null ? a.single : nthOf(a, i);
      if (typeof value === "object" && value !== null) return value;
      values.push(value);
    }
    rounds.push(values);
  }
  return rounds;
}
