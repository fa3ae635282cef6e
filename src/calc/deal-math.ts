/**
 * The deal math behind DEAL.*: pure functions on plain numbers that return the result or a
 * CalcError, never throw. Each result is the exact result of the inputs' shortest decimals,
 * rounded once to the nearest double (CAGR: within one unit in the last place); see exact.ts.
 *
 * Each function tries the fast path first: inputs scaled to integers (`decimals`), every
 * intermediate checked below 2^53 by `int`, one IEEE division at the end. When any input has no
 * small scaled form or an intermediate is too large, `int` yields NaN, NaN spreads through the
 * arithmetic, and the function takes the exact BigInt path for the same formula instead.
 */
import { Dec } from "./decimal";
import * as DD from "./double-double";
import { ERRORS, type CalcError } from "./errors";
import { POW10, SAFE, add, closestDouble, decimals, div, mul, ratio, sign, splitDouble, sub, type Ratio } from "./exact";

export type Basis = "post" | "pre";

/** v when it is an integer of magnitude below 2^53 (so the operation that made it was exact), else NaN. */
function int(v: number): number {
  return v < SAFE && v > -SAFE ? v : NaN;
}

/** x·10^(k − kx) as an exact integer (NaN when too large); kx = decimals(x) ≤ k. */
function scaled(x: number, kx: number, k: number): number {
  return int(Math.round(x * POW10[kx]) * POW10[k - kx]);
}

/** Turns -0 into 0 (Excel has no negative zero) and a non-finite result into #NUM!. */
function finish(result: number, what: string): number | CalcError {
  return Number.isFinite(result) ? result + 0 : ERRORS.nonFinite(what);
}

/** a ÷ b, correctly rounded; b ≠ 0. */
function quotient(a: number, b: number): number {
  const ka = decimals(a);
  const kb = decimals(b);
  if (ka >= 0 && kb >= 0) {
    const k = ka > kb ? ka : kb;
    const q = scaled(a, ka, k) / scaled(b, kb, k);
    if (q === q) return q;
  }
  return closestDouble(div(ratio(a), ratio(b)));
}

/** a + sb·b (sb = 1 or -1), correctly rounded. */
function sum(a: number, b: number, sb: 1 | -1): number {
  const ka = decimals(a);
  const kb = decimals(b);
  if (ka >= 0 && kb >= 0) {
    const k = ka > kb ? ka : kb;
    const s = int(scaled(a, ka, k) + sb * scaled(b, kb, k)) / POW10[k];
    if (s === s) return s;
  }
  return closestDouble(sb === 1 ? add(ratio(a), ratio(b)) : sub(ratio(a), ratio(b)));
}

/** #VALUE! for NaN and #NUM! for ±Infinity: the functions are also called directly, not only through coercion. */
function nonFinite(arg: string, x: number): CalcError | null {
  if (Number.isFinite(x)) return null;
  return x === x ? ERRORS.nonFinite(arg) : ERRORS.notNumber(arg, x);
}

function checkStake(arg: string, stake: number): CalcError | null {
  return stake > 0 && stake <= 1 ? null : ERRORS.stakeRange(arg);
}

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
    return finish(quotient(amount, valuation), "the stake");
  }
  if (roundsize < amount) return ERRORS.roundsizeBelowAmount();
  if (valuation === 0 && roundsize === 0) return ERRORS.zeroSum("valuation + roundsize");
  const ka = decimals(amount);
  const kv = decimals(valuation);
  const kr = decimals(roundsize);
  if (ka >= 0 && kv >= 0 && kr >= 0) {
    const k = Math.max(ka, kv, kr);
    const q = scaled(amount, ka, k) / int(scaled(valuation, kv, k) + scaled(roundsize, kr, k));
    if (q === q) return finish(q, "the stake");
  }
  return finish(closestDouble(div(ratio(amount), add(ratio(valuation), ratio(roundsize)))), "the stake");
}

/** The valuation after a round: premoney + amount. */
export function postMoney(premoney: number, amount: number): number | CalcError {
  const bad = nonFinite("premoney", premoney) ?? nonFinite("amount", amount);
  if (bad) return bad;
  if (premoney < 0) return ERRORS.negative("premoney");
  if (amount < 0) return ERRORS.negative("newmoney");
  return finish(sum(premoney, amount, 1), "the post-money valuation");
}

/** The valuation before a round: postmoney − amount. */
export function preMoney(postmoney: number, amount: number): number | CalcError {
  const bad = nonFinite("postmoney", postmoney) ?? nonFinite("amount", amount);
  if (bad) return bad;
  if (postmoney < 0) return ERRORS.negative("postmoney");
  if (amount < 0) return ERRORS.negative("newmoney");
  if (amount > postmoney) return ERRORS.amountAbovePostmoney();
  return finish(sum(postmoney, amount, -1), "the pre-money valuation");
}

/**
 * The valuation at which `amount` buys `stake`: amount ÷ stake (basis "post"), or
 * amount ÷ stake − roundsize (basis "pre"; roundsize defaults to amount).
 */
export function impliedValuation(amount: number, stake: number, basis: Basis = "post", roundsize: number = amount): number | CalcError {
  const bad = nonFinite("amount", amount) ?? nonFinite("stake", stake) ?? nonFinite("roundsize", roundsize) ?? checkStake("stake", stake);
  if (bad) return bad;
  if (amount < 0) return ERRORS.negative("amount");
  if (basis === "post") return finish(quotient(amount, stake), "the implied valuation");
  if (roundsize < amount) return ERRORS.roundsizeBelowAmount();
  // amount ÷ stake − roundsize = (amount − roundsize·stake) ÷ stake
  const ka = decimals(amount);
  const ks = decimals(stake);
  const kr = decimals(roundsize);
  if (ka >= 0 && ks >= 0 && kr >= 0) {
    const k = Math.max(ka, ks, kr);
    const s = scaled(stake, ks, k);
    const n = int(int(scaled(amount, ka, k) * POW10[k]) - int(scaled(roundsize, kr, k) * s));
    const q = n / int(s * POW10[k]);
    if (q === q) return n < 0 ? ERRORS.negativePremoney() : finish(q, "the implied valuation");
  }
  const s = ratio(stake);
  const n = sub(ratio(amount), mul(ratio(roundsize), s));
  if (sign(n) < 0) return ERRORS.negativePremoney();
  return finish(closestDouble(div(n, s)), "the implied valuation");
}

/** An existing holder's stake after a round of `amount` at `premoney`: stake × premoney ÷ (premoney + amount). */
export function dilute(stake: number, amount: number, premoney: number): number | CalcError {
  const bad = nonFinite("stake", stake) ?? nonFinite("amount", amount) ?? nonFinite("premoney", premoney) ?? checkStake("stake", stake);
  if (bad) return bad;
  if (amount < 0) return ERRORS.negative("newmoney");
  if (premoney < 0) return ERRORS.negative("premoney");
  if (premoney === 0 && amount === 0) return ERRORS.zeroSum("premoney + newmoney");
  const ks = decimals(stake);
  const ka = decimals(amount);
  const kp = decimals(premoney);
  if (ks >= 0 && ka >= 0 && kp >= 0) {
    // stake = S·10^-ks; premoney and amount share the scale k: (S·P) ÷ ((P + A)·10^ks)
    const k = ka > kp ? ka : kp;
    const p = scaled(premoney, kp, k);
    const q = int(scaled(stake, ks, ks) * p) / int(int(p + scaled(amount, ka, k)) * POW10[ks]);
    if (q === q) return finish(q, "the diluted stake");
  }
  const p = ratio(premoney);
  return finish(closestDouble(div(mul(ratio(stake), p), add(p, ratio(amount)))), "the diluted stake");
}

/** What a stake is worth: stake × valuation. */
export function stakeValue(stake: number, valuation: number): number | CalcError {
  const bad = nonFinite("stake", stake) ?? nonFinite("valuation", valuation) ?? checkStake("stake", stake);
  if (bad) return bad;
  if (valuation < 0) return ERRORS.negative("valuation");
  const ks = decimals(stake);
  const kv = decimals(valuation);
  if (ks >= 0 && kv >= 0 && ks + kv < POW10.length) {
    const q = int(scaled(stake, ks, ks) * scaled(valuation, kv, kv)) / POW10[ks + kv];
    if (q === q) return finish(q, "the stake's value");
  }
  return finish(closestDouble(mul(ratio(stake), ratio(valuation))), "the stake's value");
}

/** How many times the new valuation is the old one. */
export function stepUp(newvaluation: number, oldvaluation: number): number | CalcError {
  const bad = nonFinite("newvaluation", newvaluation) ?? nonFinite("oldvaluation", oldvaluation);
  if (bad) return bad;
  if (newvaluation < 0) return ERRORS.negative("newvaluation");
  if (oldvaluation < 0) return ERRORS.negative("oldvaluation");
  if (oldvaluation === 0) return ERRORS.zeroDivisor("oldvaluation");
  return finish(quotient(newvaluation, oldvaluation), "the step-up");
}

/** The multiple on invested capital: value ÷ invested. */
export function moic(invested: number, value: number): number | CalcError {
  const bad = nonFinite("invested", invested) ?? nonFinite("value", value);
  if (bad) return bad;
  if (invested < 0) return ERRORS.negative("invested");
  if (value < 0) return ERRORS.negative("value");
  if (invested === 0) return ERRORS.zeroDivisor("invested");
  return finish(quotient(value, invested), "the multiple");
}

/** The value before a total return: value ÷ (1 + totalreturn). */
export function priorValue(value: number, totalreturn: number): number | CalcError {
  const bad = nonFinite("value", value) ?? nonFinite("totalreturn", totalreturn);
  if (bad) return bad;
  if (value < 0) return ERRORS.negative("value");
  if (!(totalreturn > -1)) return ERRORS.totalReturnRange();
  const kv = decimals(value);
  const kt = decimals(totalreturn);
  if (kv >= 0 && kt >= 0) {
    // value = V·10^-k and totalreturn = T·10^-k: V ÷ (10^k + T)
    const k = kv > kt ? kv : kt;
    const q = scaled(value, kv, k) / int(POW10[k] + scaled(totalreturn, kt, k));
    if (q === q) return finish(q, "the prior value");
  }
  return finish(closestDouble(div(ratio(value), add({ n: BigInt(1), d: BigInt(1) }, ratio(totalreturn)))), "the prior value");
}

/** Below this size log1p and expm1 use their series: ln and exp of 1 + x would lose x's digits. */
const SERIES_LIMIT = new Dec("1e-12");

/** ln(1 + u) to 40 digits, given u and 1 + u as exact fractions. */
function log1p(u: Ratio, onePlusU: Ratio): Dec {
  const x = new Dec(u.n.toString()).div(u.d.toString());
  if (x.abs().lt(SERIES_LIMIT)) return x.minus(x.pow(2).div(2)).plus(x.pow(3).div(3));
  // 1 + u from its own fraction: forming it from x would drop the digits of a u near −1.
  return new Dec(onePlusU.n.toString()).div(onePlusU.d.toString()).ln();
}

/** e^x − 1 to 40 digits. */
function expm1(x: Dec): Dec {
  if (x.abs().lt(SERIES_LIMIT)) return x.plus(x.pow(2).div(2)).plus(x.pow(3).div(6));
  return x.exp().minus(1);
}

/** (endvalue − startvalue) ÷ startvalue, correctly rounded: CAGR over one year. */
function growthRatio(startvalue: number, endvalue: number): number {
  const ks = decimals(startvalue);
  const ke = decimals(endvalue);
  if (ks >= 0 && ke >= 0) {
    const k = ks > ke ? ks : ke;
    const s = scaled(startvalue, ks, k);
    const q = int(scaled(endvalue, ke, k) - s) / s;
    if (q === q) return q;
  }
  const start = ratio(startvalue);
  return closestDouble(div(sub(ratio(endvalue), start), start));
}

/** Below this |u|, ln(1 + u) is its series u − u²/2 + u³/3 − u⁴/4 (the next term is below 2^-130·u). */
const LOG_SERIES_LIMIT = 1e-8;

/** Whole years up to this take the n-th root by Newton's method instead of exp and log. */
const ROOT_MAX_YEARS = 100;

/**
 * R^(1/n) − 1 for whole years n: one Newton step x ← x0 − (x0^n − R)·x0 ÷ (n·x0^n) from
 * the double root x0 (Math.sqrt, Math.cbrt or Math.pow), with x0^n − R in double-double. The step is about 2^-52·x0, so doubles carry
 * it to 2^-104·x0; the Newton error left is near n·2^-105·x0. With |u| ≥ 10^-8 (so |rate| >
 * 10^-8 ÷ n) and n ≤ 100 both stay below 2^-60 of the rate: within one unit in the last place.
 */
function rootGrowth(r: DD.DD, n: number): number {
  const x0 = n === 2 ? Math.sqrt(r.hi) : n === 3 ? Math.cbrt(r.hi) : Math.pow(r.hi, 1 / n);
  const xn = DD.powInt(DD.dd(x0), n);
  const excess = DD.sub(xn, r);
  const step = (excess.hi * x0) / (n * xn.hi);
  const g = DD.add(DD.twoSum(x0, -1), DD.dd(-step));
  return g.hi + g.lo;
}

/** Ratios outside this range leave too little room below them for the double-double's low part. */
const RATIO_LIMIT = 1e290;

/**
 * CAGR in double-double arithmetic. R = end ÷ start and u = (end − start) ÷ start come from exact
 * double integers when the inputs have small scaled forms (see exact.ts), and otherwise from the
 * inputs' exact decimal fractions split into hi + lo (within 2^-106, as accurate as the integer
 * route), so a computed price with 17 significant digits stays on this path. Whole years up to
 * ROOT_MAX_YEARS take the n-th root (rootGrowth); the rest take ln R by one Newton step from
 * Math.log (y ← y − 1 + R·e^-y squares the error: 2^-52 becomes below 2^-100), z = ln R · 10^k ÷ Y
 * for years = Y·10^-k, then expm1(z). NaN when years has no small scaled form, R is beyond
 * RATIO_LIMIT or |z| > 700: decimal.js takes those.
 */
function cagrFast(startvalue: number, endvalue: number, years: number): number {
  const ky = decimals(years);
  if (ky < 0) return NaN;
  const rootPath = Number.isInteger(years) && years <= ROOT_MAX_YEARS;
  const ks = decimals(startvalue);
  const ke = decimals(endvalue);
  const k = ks > ke ? ks : ke;
  const s = ks >= 0 && ke >= 0 ? scaled(startvalue, ks, k) : NaN;
  const e = ks >= 0 && ke >= 0 ? scaled(endvalue, ke, k) : NaN;
  const d = int(e - s);
  let r: DD.DD;
  let u: DD.DD;
  let small: boolean;
  if (d === d) {
    r = DD.divD(DD.dd(e), s);
    small = Math.abs(d / s) < LOG_SERIES_LIMIT;
    if (!small && rootPath) return rootGrowth(r, years);
    u = DD.div(DD.dd(d), DD.dd(s));
  } else {
    const start = ratio(startvalue);
    const end = ratio(endvalue);
    r = splitDouble(div(end, start));
    if (!(r.hi > 1 / RATIO_LIMIT && r.hi < RATIO_LIMIT)) return NaN;
    u = splitDouble(div(sub(end, start), start));
    small = Math.abs(u.hi) < LOG_SERIES_LIMIT;
    if (!small && rootPath) return rootGrowth(r, years);
  }
  let y: DD.DD;
  if (small) {
    const u2 = DD.mul(u, u);
    const u3 = DD.mul(u2, u);
    y = DD.add(DD.add(u, DD.divD(u2, -2)), DD.add(DD.divD(u3, 3), DD.divD(DD.mul(u3, u), -4)));
  } else {
    const y0 = r.hi < 0.5 ? Math.log(r.hi) : Math.log1p(u.hi);
    y = DD.add(DD.dd(y0), DD.add(DD.mul(r, DD.exp(DD.dd(-y0))), DD.dd(-1)));
  }
  const z = DD.divD(DD.mulD(y, POW10[ky]), Math.round(years * POW10[ky]));
  if (!(Math.abs(z.hi) <= 700)) return NaN;
  const g = DD.expm1(z);
  return g.hi + g.lo;
}

/**
 * The compound annual growth rate: (endvalue ÷ startvalue)^(1 ÷ years) − 1, within one unit in
 * the last place. Computed as expm1(log1p(u) ÷ years) with u = (endvalue − startvalue) ÷
 * startvalue, so small rates keep all their digits; one year is the exact ratio u itself.
 */
export function cagr(startvalue: number, endvalue: number, years: number): number | CalcError {
  const bad = nonFinite("startvalue", startvalue) ?? nonFinite("endvalue", endvalue) ?? nonFinite("years", years);
  if (bad) return bad;
  if (!(startvalue > 0)) return ERRORS.notPositive("startvalue");
  if (endvalue < 0) return ERRORS.negative("endvalue");
  if (!(years > 0)) return ERRORS.notPositive("years");
  if (endvalue === 0) return -1;
  if (years === 1) return finish(growthRatio(startvalue, endvalue), "the growth rate");
  const fast = cagrFast(startvalue, endvalue, years);
  if (fast === fast) return fast;
  const start = ratio(startvalue);
  const end = ratio(endvalue);
  const rate = expm1(log1p(div(sub(end, start), start), div(end, start)).div(new Dec(String(years))));
  return finish(rate.toNumber(), "the growth rate");
}
