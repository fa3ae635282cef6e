/**
 * Errors are values, never exceptions: every function in src/calc returns a result or a
 * CalcError, and src/functions maps the kind to Excel's error. Every message comes from the one
 * table below, names the argument and states the rule, so the user knows what to fix.
 */

/** The Excel error a failure shows as. */
export type CalcErrorKind = "#DIV/0!" | "#NUM!" | "#VALUE!" | "#N/A";

export interface CalcError {
  readonly kind: CalcErrorKind;
  readonly message: string;
}

/** True for a CalcError value (and for nothing a calculation returns as a result). */
export function isCalcError(value: unknown): value is CalcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CalcError).kind === "string" &&
    typeof (value as CalcError).message === "string"
  );
}

/** A fresh value each time (so nothing shared needs freezing; the type is read-only). */
function error(kind: CalcErrorKind, message: string): CalcError {
  return { kind, message };
}

/** Shows a cell value in a message: text quoted, at most 40 characters. */
function shown(value: unknown): string {
  const text = typeof value === "string" ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The one table of error messages; `arg` is the argument's name as Excel shows it. */
export const ERRORS = {
  zeroDivisor: (arg: string) => error("#DIV/0!", `${arg} is 0, and it is a divisor here: it must not be 0.`),
  zeroSum: (args: string) => error("#DIV/0!", `${args} is 0, and it is a divisor here: it must not be 0.`),
  negative: (arg: string) => error("#NUM!", `${arg} is negative: it must be 0 or more.`),
  notPositive: (arg: string) => error("#NUM!", `${arg} must be greater than 0.`),
  stakeRange: (arg: string) => error("#NUM!", `${arg} must be above 0 and at most 1 (100%).`),
  stakeAbove100: () => error("#NUM!", 'amount is larger than valuation: with basis "post" the stake would be above 100%.'),
  amountAbovePostmoney: () => error("#NUM!", "newmoney is larger than postmoney: the pre-money valuation would be negative."),
  roundsizeBelowAmount: () => error("#NUM!", "roundsize is smaller than amount: the round's new money includes amount."),
  negativePremoney: () =>
    error("#NUM!", 'roundsize is larger than amount ÷ stake: with basis "pre" the implied valuation would be negative.'),
  totalReturnRange: () => error("#NUM!", "gain must be greater than −1 (a fall of 100% or more has no prior value)."),
  nonFinite: (what: string) => error("#NUM!", `${what} is too large for Excel (beyond ±1.8e308).`),
  notNumber: (arg: string, value: unknown) => error("#VALUE!", `${arg} is ${shown(value)}, which is not a number.`),
  notText: (arg: string, value: unknown) => error("#VALUE!", `${arg} is ${shown(value)}, which is not text.`),
  unknownBasis: (value: unknown) => error("#VALUE!", `basis is ${shown(value)}: use "post" or "pre".`),
  unknownField: (value: unknown, fields: readonly string[]) =>
    error("#VALUE!", `field is ${shown(value)}: use one of ${fields.map((f) => `"${f}"`).join(", ")}.`),
  missing: (arg: string) => error("#VALUE!", `${arg} is required.`),
  unknownId: (message: string) => error("#N/A", message),
  noAsOfDate: (id: string) => error("#N/A", `No article gives or implies a date for ${id}; DEAL.FIGURE("${id}", "asof") says why.`),
  pastEnd: (arg: string) => error("#N/A", `${arg} has fewer rows or columns than the other arguments, so this cell has no ${arg}.`),
  tooLarge: (rows: number, cols: number) =>
    error(
      "#VALUE!",
      `The result would be ${rows.toLocaleString("en-US")} rows × ${cols.toLocaleString("en-US")} columns, larger than Excel's grid (1,048,576 rows × 16,384 columns): use smaller ranges.`,
    ),
  unexpected: (fn: string, detail: string) => error("#VALUE!", `DEAL.${fn} failed unexpectedly (${detail}); please report it.`),
} as const;

/** #VALUE! for NaN and #NUM! for ±Infinity, naming the argument; null for a finite number. */
export function nonFinite(arg: string, x: number): CalcError | null {
  if (Number.isFinite(x)) return null;
  return x === x ? ERRORS.nonFinite(arg) : ERRORS.notNumber(arg, x);
}
