/**
 * DEAL.CAGR in double arithmetic, within 2 units in the last place of the exact rate, as a
 * spreadsheet's RRI computes it with pow but without pow's error: rate = e^z − 1 with
 * z = ln(end ÷ start) ÷ years. A rate of 1,000% a year has z ≈ 2.4, and z's own rounding
 * (a relative 2^-53) would already cost z units in the last place; so ln(end ÷ start) and the
 * division by years are carried to about 2^-100 in two doubles, a high part and a low part, with
 * exact sums and products of doubles (Knuth's two-sum, Dekker's product). Math.expm1 (fdlibm, under
 * one unit) and the final sum add at most one and a half units. Inputs are their shortest decimals,
 * as everywhere in src/calc: the low parts carry the difference from the binary values.
 */
import { compute, type Formula } from "./arithmetic";
import { ERRORS, nonFinite, type CalcError } from "./errors";
import { POW10, decimals } from "./scaled";

/** A value hi + lo with |lo| far below |hi|. */
type Pair = readonly [number, number];

/** s + e = a + b exactly, s = fl(a + b) (Knuth). */
function twoSum(a: number, b: number): Pair {
  const s = a + b;
  const v = s - a;
  return [s, a - (s - v) + (b - v)];
}

/** 2^27 + 1: splits a double into two halves of 26 bits whose products are exact (Veltkamp). */
const SPLITTER = 134217729;

/** p + e = a·b exactly, p = fl(a·b) (Dekker); |a|, |b| below 2^996. */
function twoProduct(a: number, b: number): Pair {
  const p = a * b;
  const ta = SPLITTER * a;
  const ah = ta - (ta - a);
  const tb = SPLITTER * b;
  const bh = tb - (tb - b);
  const al = a - ah;
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** (hi + lo) ÷ y, with y = y0 + y1, as a pair. */
function divide([hi, lo]: Pair, [y0, y1]: Pair): Pair {
  const q = hi / y0;
  const [p, e] = twoProduct(q, y0);
  return twoSum(q, (hi - p - e + lo - q * y1) / y0);
}

/** ln 2 in two parts; LN2_HI has 32 significant bits, so k·LN2_HI is exact for |k| < 2^21 (fdlibm's split). */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** 1/25, 1/23, …, 1/3: the series' coefficients, each the same double as dividing in the loop, out of its dependency chain. */
const ODD_INVERSES: readonly number[] = Array.from({ length: 12 }, (_, i) => 1 / (25 - 2 * i));

/**
 * ln((hi + lo)·2^-p) for hi > 0 normal: hi = 2^k·m with m in [√½, √2), ln m = 2·atanh(t) with
 * t = (m − 1) ÷ (m + 1), |t| ≤ 0.172; t in two parts, the series' tail (below 0.0035·|t|) in
 * plain doubles to 2^-60 of t.
 */
function lnPair([hi, lo]: Pair, p: number): Pair {
  let k = Math.floor(Math.log2(hi));
  let m = hi / 2 ** k;
  if (m >= 2) [m, k] = [m / 2, k + 1];
  if (m < 1) [m, k] = [m * 2, k - 1];
  if (m > Math.SQRT2) [m, k] = [m / 2, k + 1];
  const f = m - 1;
  const t = divide([f, 0], twoSum(2, f));
  const t2 = t[0] * t[0];
  let series = ODD_INVERSES[0];
  for (let i = 1; i < ODD_INVERSES.length; i++) series = ODD_INVERSES[i] + t2 * series;
  k -= p;
  const small = k * LN2_LO + 2 * t[1] + 2 * t[0] * t2 * series + lo / hi;
  const [a, b] = twoSum(k * LN2_HI, 2 * t[0]);
  return twoSum(a, b + small);
}

/**
 * x's shortest decimal D·10^q times 2^p as hi + lo, with hi = x·2^p: the low part is the decimal
 * minus x's binary value. p = 200 for x below 10^-290, whose low part would otherwise fall under
 * the normal doubles. D has up to 17 digits: it is split into two exact integers, then scaled by
 * exact powers of ten (at most 10^22 at a time) with exact products or exact remainders, each
 * step within 2^-104.
 */
function decimalPair(x: number, p: number): Pair {
  const k = decimals(x);
  if (k >= 0) {
    const [hi, e] = twoProduct(x, POW10[k]);
    return [x, (Math.round(x * POW10[k]) - hi - e) / POW10[k]];
  }
  const [, digits, point = "", exponent = "0"] = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
  const all = digits + point;
  // D·2^p = high·10^8·2^p + low·2^p, each part exact.
  const [h, hl] = twoProduct(Number(all.slice(0, -8) || "0") * 2 ** p, 1e8);
  let d = twoSum(h, hl + Number(all.slice(-8)) * 2 ** p);
  for (let q = Number(exponent) - point.length; q !== 0;) {
    const step = Math.max(-22, Math.min(22, q));
    d = step > 0 ? scale(d, POW10[step]) : divide(d, [POW10[-step], 0]);
    q -= step;
  }
  const hi = x * 2 ** p;
  return [hi, d[0] - hi + d[1]];
}

/** (hi + lo)·f as a pair. */
function scale([hi, lo]: Pair, f: number): Pair {
  const [p, e] = twoProduct(hi, f);
  return twoSum(p, e + lo * f);
}

/** Inputs below this have their decimals scaled by 2^200 (see decimalPair). */
const TINY = 1e-290;

/** (x − y) ÷ y, correctly rounded (src/calc/arithmetic.ts). */
const GROWTH: Formula = (o, x, y) => o.quotient(o.sub(o.read(x), o.read(y)), o.read(y));

/** ln(end ÷ start) as a pair, from the inputs' decimals, end ÷ start in two parts. */
function lnRatio(start: number, end: number): Pair {
  const ps = start < TINY ? 200 : 0;
  const pe = end < TINY ? 200 : 0;
  const s = decimalPair(start, ps);
  const e = decimalPair(end, pe);
  if (ps === pe) {
    const r = divide(e, s);
    // Near 1 the ratio's 2^-104 is too coarse for ln R ≈ u: take u = (end − start) ÷ start
    // correctly rounded and ln(1 + u) = u − u²/2 + u³/3 (the next term is below 2^-80 of u).
    if (Math.abs(r[0] - 1) < 2 ** -20) {
      const u = compute(GROWTH, end, start);
      return twoSum(u, u * u * (u / 3 - 1 / 2));
    }
    if (r[0] >= 2 ** -1022 && r[0] < Infinity) return lnPair(r, 0);
  }
  const [a, b] = lnPair(e, pe);
  const [c, d] = lnPair(s, ps);
  return twoSum(a - c, b - d);
}

/**
 * The compound annual growth rate: (endvalue ÷ startvalue)^(1 ÷ years) − 1, within 2 units in the
 * last place; over one year exactly (endvalue − startvalue) ÷ startvalue, correctly rounded.
 */
export function cagr(startvalue: number, endvalue: number, years: number): number | CalcError {
  const bad = nonFinite("startvalue", startvalue) ?? nonFinite("endvalue", endvalue) ?? nonFinite("years", years);
  if (bad) return bad;
  // Negative inputs are typing errors with a message; endvalue ÷ 0 and 1 ÷ 0 are Excel's #DIV/0!.
  if (startvalue < 0) return ERRORS.notPositive("startvalue", startvalue);
  if (endvalue < 0) return ERRORS.negative("endvalue", endvalue);
  if (years < 0) return ERRORS.notPositive("years", years);
  if (startvalue === 0) return ERRORS.zeroDivisor("startvalue");
  if (years === 0) return ERRORS.zeroDivisor("years");
  if (endvalue === 0) return -1;
  if (years === 1) return finish(compute(GROWTH, endvalue, startvalue));
  let ln = lnRatio(startvalue, endvalue);
  let y = decimalPair(years, 0);
  // Dekker's product needs factors below 2^996: scale both by 2^-200, which leaves z as it is.
  if (years > 2 ** 900)
    [ln, y] = [
      [ln[0] * 2 ** -200, ln[1] * 2 ** -200],
      [y[0] * 2 ** -200, y[1] * 2 ** -200],
    ];
  const [z, dz] = divide(ln, y);
  if (!(z < 710)) return ERRORS.overflow("the growth rate");
  const g = Math.expm1(z);
  return finish(g + (1 + g) * dz);
}

function finish(rate: number): number | CalcError {
  return Number.isFinite(rate) ? rate + 0 : ERRORS.overflow("the growth rate");
}
