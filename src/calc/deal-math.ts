/**
 * The deal math behind DEAL.*: pure functions on plain numbers that return the result or a
 * CalcError, never throw. Each result is the exact result of the inputs' shortest decimals,
 * rounded once to the nearest double (CAGR, in src/calc/cagr.ts: within 2 units in the last place).
 *
 * Each formula is written once, against `Arithmetic`, and runs on the fast path first
 * (src/calc/scaled.ts); when an input or an intermediate leaves it, the same formula runs on
 * decimal.js (src/calc/decimal.ts).
 */
import { compute, type Formula } from "./arithmetic";
import { ERRORS, nonFinite, type CalcError } from "./errors";

export type Basis = "post" | "pre";

/** Turns -0 into 0 (Excel has no negative zero) and a result beyond the doubles into #NUM!, as Excel's arithmetic. */
function finish(result: number, what: string): number | CalcError {
  return Number.isFinite(result) ? result + 0 : ERRORS.overflow(what);
}

function checkStake(arg: string, stake: number): CalcError | null {
  return stake > 0 && stake <= 1 ? null : ERRORS.stakeRange(arg, stake);
}

/** The first of `values` (argument name, value) that is negative, as its error; null when none is. */
function firstNegative(...values: [string, number][]): CalcError | null {
  for (const [arg, x] of values) if (x < 0) return ERRORS.negative(arg, x);
  return null;
}

// The formulas, each once; `compute` runs them on the fast path, then if need be on decimal.js.
/** x ÷ y */
const RATIO: Formula = (o, x, y) => o.quotient(o.read(x), o.read(y));
/** x + y */
const SUM: Formula = (o, x, y) => o.quotient(o.add(o.read(x), o.read(y)), o.read(1));
/** x − y */
const DIFFERENCE: Formula = (o, x, y) => o.quotient(o.sub(o.read(x), o.read(y)), o.read(1));
/** x × y */
const PRODUCT: Formula = (o, x, y) => o.quotient(o.mul(o.read(x), o.read(y)), o.read(1));
/** x ÷ (y + z) */
const SHARE_OF_SUM: Formula = (o, x, y, z) => o.quotient(o.read(x), o.add(o.read(y), o.read(z)));
/** x × y ÷ (y + z) */
const DILUTED: Formula = (o, x, y, z) => {
  const p = o.read(y);
  return o.quotient(o.mul(o.read(x), p), o.add(p, o.read(z)));
};
/** x ÷ y − z = (x − z·y) ÷ y; -Infinity when negative */
const LESS_ROUND: Formula = (o, x, y, z) => {
  const s = o.read(y);
  const n = o.sub(o.read(x), o.mul(o.read(z), s));
  const sign = o.sign(n);
  return sign < 0 ? -Infinity : sign === sign ? o.quotient(n, s) : NaN;
};
/** x ÷ (1 + y) */
const OVER_ONE_PLUS: Formula = (o, x, y) => o.quotient(o.read(x), o.add(o.read(1), o.read(y)));

/** a ÷ b, correctly rounded. */
const ratio = (a: number, b: number) => compute(RATIO, a, b);

/**
 * The round's new money for basis "pre", checked: required (undefined means blank or 0) and at
 * least amount; the number, or the error.
 */
function preRoundsize(amount: number, roundsize: number | undefined): number | CalcError {
  if (roundsize === undefined) return ERRORS.roundsizeRequired("roundsize");
  return roundsize < amount ? ERRORS.roundsizeBelowAmount("roundsize", roundsize, "amount", amount) : roundsize;
}

/**
 * The share of the company that `amount` buys: amount ÷ valuation (basis "post"), or
 * amount ÷ (valuation + roundsize) (basis "pre", where roundsize, all the round's new money, is
 * required: without it the sheet and the function would silently disagree).
 */
export function stake(amount: number, valuation: number, basis: Basis = "post", roundsize?: number): number | CalcError {
  const bad =
    nonFinite("amount", amount) ??
    nonFinite("valuation", valuation) ??
    (roundsize === undefined ? null : nonFinite("roundsize", roundsize)) ??
    firstNegative(["amount", amount], ["valuation", valuation]);
  if (bad) return bad;
  if (basis === "post") {
    if (valuation === 0) return ERRORS.zeroDivisor("valuation");
    if (amount > valuation) return ERRORS.stakeAbove100("amount", amount, "valuation", valuation);
    return finish(ratio(amount, valuation), "the stake");
  }
  const size = preRoundsize(amount, roundsize);
  if (typeof size !== "number") return size;
  if (valuation === 0 && size === 0) return ERRORS.zeroSum("valuation + roundsize");
  return finish(compute(SHARE_OF_SUM, amount, valuation, size), "the stake");
}

/** The valuation after a round: premoney + amount. */
export function postMoney(premoney: number, amount: number): number | CalcError {
  const bad =
    nonFinite("premoney", premoney) ?? nonFinite("newmoney", amount) ?? firstNegative(["premoney", premoney], ["newmoney", amount]);
  if (bad) return bad;
  return finish(compute(SUM, premoney, amount), "the post-money valuation");
}

/** The valuation before a round: postmoney − amount. */
export function preMoney(postmoney: number, amount: number): number | CalcError {
  const bad =
    nonFinite("postmoney", postmoney) ?? nonFinite("newmoney", amount) ?? firstNegative(["postmoney", postmoney], ["newmoney", amount]);
  if (bad) return bad;
  if (amount > postmoney) return ERRORS.amountAbovePostmoney(amount, postmoney);
  return finish(compute(DIFFERENCE, postmoney, amount), "the pre-money valuation");
}

/**
 * The valuation at which `amount` buys `stake`: amount ÷ stake (basis "post"), or
 * amount ÷ stake − roundsize (basis "pre", where roundsize is required, as for STAKE).
 */
export function impliedValuation(amount: number, stake: number, basis: Basis = "post", roundsize?: number): number | CalcError {
  const bad =
    nonFinite("amount", amount) ??
    nonFinite("stake", stake) ??
    (roundsize === undefined ? null : nonFinite("roundsize", roundsize)) ??
    firstNegative(["amount", amount]);
  if (bad) return bad;
  // amount ÷ 0 is Excel's #DIV/0!; any other stake outside (0, 1] is a typing error with a message.
  if (stake === 0) return ERRORS.zeroDivisor("stake");
  const badStake = checkStake("stake", stake);
  if (badStake) return badStake;
  if (basis === "post") return finish(ratio(amount, stake), "the implied valuation");
  const size = preRoundsize(amount, roundsize);
  if (typeof size !== "number") return size;
  // amount ÷ stake − roundsize = (amount − roundsize·stake) ÷ stake; a negative one is an error, marked by -Infinity.
  const value = compute(LESS_ROUND, amount, stake, size);
  return value === -Infinity ? ERRORS.negativePremoney() : finish(value, "the implied valuation");
}

/** An existing holder's stake after a round of `amount` at `premoney`: stake × premoney ÷ (premoney + amount). */
export function dilute(stake: number, amount: number, premoney: number): number | CalcError {
  const bad =
    nonFinite("stake", stake) ??
    nonFinite("newmoney", amount) ??
    nonFinite("premoney", premoney) ??
    checkStake("stake", stake) ??
    firstNegative(["newmoney", amount], ["premoney", premoney]);
  if (bad) return bad;
  if (premoney === 0 && amount === 0) return ERRORS.zeroSum("premoney + newmoney");
  return finish(compute(DILUTED, stake, premoney, amount), "the diluted stake");
}

/** What a stake is worth: stake × valuation. */
export function stakeValue(stake: number, valuation: number): number | CalcError {
  const bad =
    nonFinite("stake", stake) ?? nonFinite("valuation", valuation) ?? checkStake("stake", stake) ?? firstNegative(["valuation", valuation]);
  if (bad) return bad;
  return finish(compute(PRODUCT, stake, valuation), "the stake's value");
}

/** How many times the new valuation is the old one. */
export function stepUp(newvaluation: number, oldvaluation: number): number | CalcError {
  const bad =
    nonFinite("newvaluation", newvaluation) ??
    nonFinite("oldvaluation", oldvaluation) ??
    firstNegative(["newvaluation", newvaluation], ["oldvaluation", oldvaluation]);
  if (bad) return bad;
  if (oldvaluation === 0) return ERRORS.zeroDivisor("oldvaluation");
  return finish(ratio(newvaluation, oldvaluation), "the step-up");
}

/** The multiple on invested capital: value ÷ invested. */
export function moic(invested: number, value: number): number | CalcError {
  const bad = nonFinite("invested", invested) ?? nonFinite("value", value) ?? firstNegative(["invested", invested], ["value", value]);
  if (bad) return bad;
  if (invested === 0) return ERRORS.zeroDivisor("invested");
  return finish(ratio(value, invested), "the multiple");
}

/** The value before a total return: value ÷ (1 + totalreturn). */
export function priorValue(value: number, totalreturn: number): number | CalcError {
  const bad = nonFinite("value", value) ?? nonFinite("gain", totalreturn) ?? firstNegative(["value", value]);
  if (bad) return bad;
  // value ÷ (1 + −1) is Excel's #DIV/0!; a fall of more than 100% is a typing error with a message.
  if (totalreturn === -1) return ERRORS.zeroSum("1 + gain");
  if (totalreturn < -1) return ERRORS.gainBelowMinus100(totalreturn);
  return finish(compute(OVER_ONE_PLUS, value, totalreturn), "the prior value");
}

export { cagr } from "./cagr";
export { tranches, type Round } from "./tranches";
