/**
 * DEAL.TRANCHES: an investor's stake built up over a series of rounds, in order, including rounds
 * it skips. Pure, like the rest of src/calc: rounds in, the stake or a CalcError out. The result is
 * the exact result of the inputs' shortest decimals, rounded once to the nearest double, on the
 * project's two number paths (src/calc/arithmetic.ts).
 */
import { computeSeries, type SeriesFormula } from "./arithmetic";
import type { Basis } from "./deal-math";
import { ERRORS, nonFinite, type CalcError } from "./errors";

/** One round as the user gave it; roundsize undefined (blank or 0) means "not given". */
export interface Round {
  readonly amount: number;
  readonly valuation: number;
  readonly basis: Basis;
  readonly roundsize?: number;
}

/** A round checked: its post-money valuation and its money are valuation ± roundsize. */
interface Checked {
  readonly amount: number;
  readonly valuation: number;
  readonly roundsize: number;
  readonly pre: boolean;
}

/**
 * The stake after the last round. After round i it is s × (1 − roundsize ÷ post) + amount ÷ post
 * = (s × premoney + amount) ÷ post, so with s = N ÷ D: N' = N × premoney + amount × D and
 * D' = D × post. N and D are exact (sums and products); the one quotient is the only rounding.
 */
const STAKE_AFTER_ROUNDS: SeriesFormula<Checked> = (o, rounds) => {
  let n = o.read(0);
  let d = o.read(1);
  for (const round of rounds) {
    const valuation = o.read(round.valuation);
    const size = o.read(round.roundsize);
    const post = round.pre ? o.add(valuation, size) : valuation;
    const premoney = round.pre ? valuation : o.sub(valuation, size);
    n = o.add(o.mul(n, premoney), o.mul(o.read(round.amount), d));
    d = o.mul(d, post);
  }
  return o.quotient(n, d);
};

/** An argument's name in a message: "valuations", or "valuations (round 2)" when there are several rounds. */
const nameOf = (arg: string, i: number, count: number) => (count > 1 ? `${arg} (round ${i + 1})` : arg);

/** Round i checked against the rules in the catalog, or the error that names what to fix. */
function check(round: Round, i: number, count: number): Checked | CalcError {
  const [amountArg, valuationArg, sizeArg] = ["amounts", "valuations", "roundsizes"].map((arg) => nameOf(arg, i, count));
  const { amount, valuation, basis } = round;
  const bad =
    nonFinite(amountArg, amount) ??
    nonFinite(valuationArg, valuation) ??
    (round.roundsize === undefined ? null : nonFinite(sizeArg, round.roundsize));
  if (bad) return bad;
  if (amount < 0) return ERRORS.negative(amountArg, amount);
  if (valuation < 0) return ERRORS.negative(valuationArg, valuation);
  if (basis === "pre" && round.roundsize === undefined) return ERRORS.roundsizeRequired(sizeArg);
  const roundsize = round.roundsize ?? amount;
  if (roundsize < amount) return ERRORS.roundsizeBelowAmount(sizeArg, roundsize, amountArg, amount);
  if (basis === "pre" && valuation === 0 && roundsize === 0) return ERRORS.zeroSum(`${valuationArg} + ${sizeArg}`);
  if (basis === "post") {
    if (valuation === 0) return ERRORS.zeroDivisor(valuationArg);
    if (amount > valuation) return ERRORS.stakeAbove100(amountArg, amount, valuationArg, valuation);
    if (roundsize > valuation) return ERRORS.roundsizeAbovePostmoney(sizeArg, roundsize, valuationArg, valuation);
  }
  return { amount, valuation, roundsize, pre: basis === "pre" };
}

/**
 * The stake after a series of rounds, in order: in round i the investor puts `amount` (0 for a
 * round it skips) into a round of `roundsize` new money (default: its own amount; required with
 * basis "pre") at `valuation` (post-money, or pre-money with basis "pre"). The first error, in
 * round order, is the result.
 */
export function tranches(rounds: readonly Round[]): number | CalcError {
  const checked: Checked[] = [];
  for (let i = 0; i < rounds.length; i++) {
    const round = check(rounds[i], i, rounds.length);
    if ("kind" in round) return round;
    checked.push(round);
  }
  return computeSeries(STAKE_AFTER_ROUNDS, checked) + 0;
}
