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

/** Turns -0 into 0 (Excel has no negative zero) and a non-finite result into #NUM!. */
function finish(result: number, what: string): number | CalcError {
  return Number.isFinite(result) ? result + 0 : ERRORS.nonFinite(what);
}

function checkStake(arg: string, stake: number): CalcError | null {
  return stake > 0 && stake <= 1 ? null : ERRORS.stakeRange(arg);
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
 * The share of the company that `amount` buys: amount ÷ valuation (basis "post"), or
 * amount ÷ (valuation + roundsize) (basis "pre"; roundsize defaults to amount).
 */
export function stake(amount: number, valuation: number, basis: Basis = "post", roundsize: number = amount): number | CalcError {
  const bad = nonFinite("amount", amount) ?? nonFinite("valuation", valuation) ?? nonFinite("roundsize", roundsize);
  if (bad) return bad;
  if (amount < 0) return ERRORS.negative("amount");
  if (valuation < 0) return ERRORS.negative("valuation");
  if (basis === "post") {
    if (valuation === 0) return ERRORS.zeroDivisor("valuation");
    if (amount > valuation) return ERRORS.stakeAbove100();
    return finish(ratio(amount, valuation), "the stake");
  }
  if (roundsize < amount) return ERRORS.roundsizeBelowAmount();
  if (valuation === 0 && roundsize === 0) return ERRORS.zeroSum("valuation + roundsize");
  return finish(compute(SHARE_OF_SUM, amount, valuation, roundsize), "the stake");
}

/** The valuation after a round: premoney + amount. */
export function postMoney(premoney: number, amount: number): number | CalcError {
  const bad = nonFinite("premoney", premoney) ?? nonFinite("newmoney", amount);
  if (bad) return bad;
  if (premoney < 0) return ERRORS.negative("premoney");
  if (amount < 0) return ERRORS.negative("newmoney");
  return finish(compute(SUM, premoney, amount), "the post-money valuation");
}

/** The valuation before a round: postmoney − amount. */
export function preMoney(postmoney: number, amount: number): number | CalcError {
  const bad = nonFinite("postmoney", postmoney) ?? nonFinite("newmoney", amount);
  if (bad) return bad;
  if (postmoney < 0) return ERRORS.negative("postmoney");
  if (amount < 0) return ERRORS.negative("newmoney");
  if (amount > postmoney) return ERRORS.amountAbovePostmoney();
  return finish(compute(DIFFERENCE, postmoney, amount), "the pre-money valuation");
}

/**
 * The valuation at which `amount` buys `stake`: amount ÷ stake (basis "post"), or
 * amount ÷ stake − roundsize (basis "pre"; roundsize defaults to amount).
 */
export function impliedValuation(amount: number, stake: number, basis: Basis = "post", roundsize: number = amount): number | CalcError {
  const bad = nonFinite("amount", amount) ?? nonFinite("stake", stake) ?? nonFinite("roundsize", roundsize) ?? checkStake("stake", stake);
  if (bad) return bad;
  if (amount < 0) return ERRORS.negative("amount");
  if (basis === "post") return finish(ratio(amount, stake), "the implied valuation");
  if (roundsize < amount) return ERRORS.roundsizeBelowAmount();
  // amount ÷ stake − roundsize = (amount − roundsize·stake) ÷ stake; a negative one is #NUM!, marked by -Infinity.
  const value = compute(LESS_ROUND, amount, stake, roundsize);
  return value === -Infinity ? ERRORS.negativePremoney() : finish(value, "the implied valuation");
}

/** An existing holder's stake after a round of `amount` at `premoney`: stake × premoney ÷ (premoney + amount). */
export function dilute(stake: number, amount: number, premoney: number): number | CalcError {
  const bad = nonFinite("stake", stake) ?? nonFinite("newmoney", amount) ?? nonFinite("premoney", premoney) ?? checkStake("stake", stake);
  if (bad) return bad;
  if (amount < 0) return ERRORS.negative("newmoney");
  if (premoney < 0) return ERRORS.negative("premoney");
  if (premoney === 0 && amount === 0) return ERRORS.zeroSum("premoney + newmoney");
  return finish(
    compute(DILUTED, stake, premoney, amount),

    "the diluted stake",
  );
}

/** What a stake is worth: stake × valuation. */
export function stakeValue(stake: number, valuation: number): number | CalcError {
  const bad = nonFinite("stake", stake) ?? nonFinite("valuation", valuation) ?? checkStake("stake", stake);
  if (bad) return bad;
  if (valuation < 0) return ERRORS.negative("valuation");
  return finish(compute(PRODUCT, stake, valuation), "the stake's value");
}

/** How many times the new valuation is the old one. */
export function stepUp(newvaluation: number, oldvaluation: number): number | CalcError {
  const bad = nonFinite("newvaluation", newvaluation) ?? nonFinite("oldvaluation", oldvaluation);
  if (bad) return bad;
  if (newvaluation < 0) return ERRORS.negative("newvaluation");
  if (oldvaluation < 0) return ERRORS.negative("oldvaluation");
  if (oldvaluation === 0) return ERRORS.zeroDivisor("oldvaluation");
  return finish(ratio(newvaluation, oldvaluation), "the step-up");
}

/** The multiple on invested capital: value ÷ invested. */
export function moic(invested: number, value: number): number | CalcError {
  const bad = nonFinite("invested", invested) ?? nonFinite("value", value);
  if (bad) return bad;
  if (invested < 0) return ERRORS.negative("invested");
  if (value < 0) return ERRORS.negative("value");
  if (invested === 0) return ERRORS.zeroDivisor("invested");
  return finish(ratio(value, invested), "the multiple");
}

/** The value before a total return: value ÷ (1 + totalreturn). */
export function priorValue(value: number, totalreturn: number): number | CalcError {
  const bad = nonFinite("value", value) ?? nonFinite("gain", totalreturn);
  if (bad) return bad;
  if (value < 0) return ERRORS.negative("value");
  if (!(totalreturn > -1)) return ERRORS.totalReturnRange();
  return finish(compute(OVER_ONE_PLUS, value, totalreturn), "the prior value");
}

export { cagr } from "./cagr";
