/**
 * Errors are values, never exceptions: every function in src/calc returns a result or a
 * CalcError, and src/functions maps the kind to Excel's error. Every message comes from the one
 * table below, names the argument, states the rule and the likely fix, so the user knows what to do.
 *
 * Excel shows a custom message only with #VALUE! and #N/A (CustomFunctions.ErrorCode:
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode).
 * So an error a user can cause is #VALUE! or #N/A; #DIV/0! and #NUM! appear only where Excel's
 * own arithmetic gives them for the same input: a divisor of 0, a result beyond its numbers.
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

/** A number as a message shows it: 50,000,000,000 and 0.05; very large or small ones as 1e+300. */
export function shownNumber(x: number): string {
  const size = Math.abs(x);
  if (size !== 0 && (size < 1e-6 || size >= 1e21)) return String(x);
  return x.toLocaleString("en-US", { maximumSignificantDigits: 17 });
}

/** Shows a cell value in a message: text quoted, numbers grouped, at most 40 characters. */
function shown(value: unknown): string {
  const text = typeof value === "string" ? `"${value}"` : typeof value === "number" ? shownNumber(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A stake typed as a whole percentage, as a fraction: 5 → 0.05 (to 15 digits, so 33.3 → 0.333). */
const asFraction = (percent: number) => Number((percent / 100).toPrecision(15));

const LIMIT = (n: number) => n.toLocaleString("en-US");

/** The one table of error messages; `arg` is the argument's name as Excel shows it. */
export const ERRORS = {
  zeroDivisor: (arg: string) => error("#DIV/0!", `${arg} is 0, and it is a divisor here: it must not be 0.`),
  zeroSum: (args: string) => error("#DIV/0!", `${args} is 0, and it is a divisor here: it must not be 0.`),
  overflow: (what: string) => error("#NUM!", `${what} is beyond Excel's numbers (±1.8e308).`),
  inputTooLarge: (arg: string) => error("#VALUE!", `${arg} is beyond Excel's numbers (±1.8e308): check the cell it comes from.`),
  negative: (arg: string, value: number) =>
    error("#VALUE!", `${arg} is ${shown(value)}: it must be 0 or more. Check its sign, or the cell it comes from.`),
  notPositive: (arg: string, value: number) => error("#VALUE!", `${arg} is ${shown(value)}: it must be greater than 0. Check its sign.`),
  stakeRange: (arg: string, value: number) =>
    value > 1 && value <= 100
      ? error(
          "#VALUE!",
          `${arg} is ${shown(value)}, above 1 (100%): a stake is a fraction. For ${shown(value)}% type ${shown(asFraction(value))} or ${shown(value)}%.`,
        )
      : error("#VALUE!", `${arg} is ${shown(value)}: a stake is a fraction above 0 and at most 1 (100%), such as 0.05 or 5% for 5%.`),
  stakeAbove100: (amountArg: string, amount: number, valuationArg: string, valuation: number) =>
    error(
      "#VALUE!",
      `${amountArg} (${shown(amount)}) is larger than ${valuationArg} (${shown(valuation)}), a post-money valuation: the stake would be above 100%. Are both in the same unit? Type both in full, such as 50e9 and 830e9 for $50 billion at $830 billion.`,
    ),
  amountAbovePostmoney: (newmoney: number, postmoney: number) =>
    error(
      "#VALUE!",
      `newmoney (${shown(newmoney)}) is larger than postmoney (${shown(postmoney)}): the pre-money valuation would be negative. Are both in the same unit?`,
    ),
  roundsizeRequired: (arg: string) =>
    error(
      "#VALUE!",
      `${arg} is blank or 0, and basis "pre" needs it: give all the new money in the round, from every investor (the amount included), such as 100e9. For a round of this investor alone, give its amount.`,
    ),
  roundsizeBelowAmount: (arg: string, roundsize: number, amountArg: string, amount: number) =>
    error(
      "#VALUE!",
      `${arg} (${shown(roundsize)}) is smaller than ${amountArg} (${shown(amount)}): ${arg} is all the round's new money, ${amountArg} included. Check the units, or give the round's total.`,
    ),
  roundsizeAbovePostmoney: (arg: string, roundsize: number, valuationArg: string, valuation: number) =>
    error(
      "#VALUE!",
      `${arg} (${shown(roundsize)}) is larger than ${valuationArg} (${shown(valuation)}), a post-money valuation that includes the round's money. Check the units, or use basis "pre".`,
    ),
  negativePremoney: () =>
    error(
      "#VALUE!",
      'roundsize is larger than amount ÷ stake: with basis "pre" the implied valuation would be negative. Check roundsize, and that stake is a fraction (0.05 for 5%).',
    ),
  gainBelowMinus100: (value: number) =>
    error("#VALUE!", `gain is ${shown(value)}: a fall cannot exceed 100% (−1). Type a fall of 20% as −0.2 or −20%.`),
  notNumber: (arg: string, value: unknown) =>
    error("#VALUE!", `${arg} is ${shown(value)}, which is not a number: type the number alone, such as 35e9 for $35 billion.`),
  notText: (arg: string, value: unknown) => error("#VALUE!", `${arg} is ${shown(value)}, which is not text: type it in quotes.`),
  unknownBasis: (arg: string, value: unknown) => error("#VALUE!", `${arg} is ${shown(value)}: use "post" or "pre".`),
  unknownField: (value: unknown, fields: readonly string[]) =>
    error("#VALUE!", `field is ${shown(value)}: use one of ${fields.map((f) => `"${f}"`).join(", ")}.`),
  missing: (arg: string) => error("#VALUE!", `${arg} is required.`),
  unknownId: (message: string) => error("#N/A", message),
  noAsOfDate: (id: string) => error("#N/A", `No article gives or implies a date for ${id}; DEAL.FIGURE("${id}", "asof") says why.`),
  pastEnd: (arg: string) => error("#N/A", `${arg} has fewer rows or columns than the other arguments, so this cell has no ${arg}.`),
  tooManyCells: (rows: number, cols: number, limit: number) =>
    error(
      "#VALUE!",
      `The result would be ${LIMIT(rows)} rows × ${LIMIT(cols)} columns (${LIMIT(rows * cols)} cells), more than a DEAL function returns (at most ${LIMIT(limit)} cells, within Excel's 1,048,576 rows × 16,384 columns): use the ranges that hold your data, such as A2:A100 rather than A:A.`,
    ),
  notALine: (arg: string, rows: number, cols: number) =>
    error(
      "#VALUE!",
      `${arg} is ${LIMIT(rows)} rows × ${LIMIT(cols)} columns: give one column (a round per row) or one row (a round per column).`,
    ),
  tooManyRounds: (arg: string, rounds: number, limit: number) =>
    error(
      "#VALUE!",
      `${arg} has ${LIMIT(rounds)} rounds, more than the ${LIMIT(limit)} DEAL.TRANCHES takes: use the range of the rounds only, such as A2:A9 rather than A:A.`,
    ),
  roundsDiffer: (arg: string, rounds: number, otherArg: string, otherRounds: number) =>
    error(
      "#N/A",
      `${arg} has ${LIMIT(rounds)} rounds and ${otherArg} ${LIMIT(otherRounds)}: give each argument one value per round, or one value for every round.`,
    ),
  unexpected: (fn: string, detail: string) => error("#VALUE!", `DEAL.${fn} failed unexpectedly (${detail}); please report it.`),
} as const;

/** #VALUE! for NaN or ±Infinity as an input, naming the argument; null for a finite number. */
export function nonFinite(arg: string, x: number): CalcError | null {
  if (Number.isFinite(x)) return null;
  return x === x ? ERRORS.inputTooLarge(arg) : ERRORS.notNumber(arg, x);
}
