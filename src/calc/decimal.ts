/**
 * The exact path: decimal.js, in the project's one configuration. `Decimal.clone` gives an
 * independent constructor, so these settings never leak into (or from) any other user of it.
 *
 * Inputs are read as their shortest decimals (17 significant digits at most, exponents from
 * −324 to 308). The deal formulas add, subtract and multiply at most three of them, which
 * `precision` keeps exact; the one quotient is rounded to the nearest double by `quotient`, which
 * never calls decimal.js's division at full precision (it only asks for 21 integer digits).
 */
import Decimal from "decimal.js";
import type { Arithmetic } from "./arithmetic";
import { MAX_ROUNDS } from "./limits";

export const Dec = Decimal.clone({
  // Enough digits that every sum and product the formulas form is exact: a sum of the largest and
  // the smallest input needs about 650 digits, a − r·s about 1,000, and the exact check in
  // `quotient` (a midpoint of up to 770 digits times a divisor of up to 650) about 1,450.
  // DEAL.TRANCHES' numerator and denominator are products with one factor per round, each factor
  // a sum of two inputs: at most 700 more digits a round. Work is proportional to the digits a
  // number actually has, not to this limit.
  precision: 1500 + 700 * MAX_ROUNDS,
  // Round half to even, as IEEE 754 does, so no rounding direction is favoured.
  rounding: Decimal.ROUND_HALF_EVEN,
  // Exponents as wide as decimal.js allows: no intermediate overflows or underflows.
  minE: -9e15,
  maxE: 9e15,
  // Exponential notation in toString() from 1e21 and below 1e-7, as JavaScript prints numbers.
  toExpNeg: -7,
  toExpPos: 21,
  crypto: false,
});

export type Dec = InstanceType<typeof Dec>;

const TWO = new Dec(2);
const FIVE = new Dec(5);

/** The exact value of a finite double x = M·2^E, every binary digit of it, as a decimal. */
export function exactValue(x: number): Dec {
  const [m, e] = mantissaExponent(Math.abs(x));
  const value = scaleByTwo(new Dec(m), e);
  return x < 0 ? value.neg() : value;
}

/** M and E with |x| = M·2^E, M an integer below 2^53 (E = −1074 for subnormals and 0). */
function mantissaExponent(x: number): [number, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (high & 0xfffff) * 2 ** 32 + view.getUint32(4);
  return biased === 0 ? [fraction, -1074] : [fraction + 2 ** 52, biased - 1075];
}

/** v·2^e exactly: 2^e for e < 0 is 5^-e·10^e, an exact decimal. */
function scaleByTwo(v: Dec, e: number): Dec {
  return e >= 0 ? v.times(TWO.pow(e)) : v.times(FIVE.pow(-e)).times(new Dec(`1e${e}`));
}

/** True when the double's last binary digit is 0 (so a tie goes to it); ±Infinity counts as even. */
function isEven(x: number): boolean {
  return !Number.isFinite(x) || mantissaExponent(Math.abs(x))[0] % 2 === 0;
}

/**
 * n ÷ d rounded to the nearest double, ties to even; ±Infinity beyond the doubles. q, the first
 * 21 digits of |n ÷ d|, is exact integer division; the answer lies between the doubles nearest q
 * and q + 1 (in units of the 21st digit). Those are one double almost always; otherwise the
 * midpoint between the two is compared with n ÷ d exactly.
 */
export function quotient(n: Dec, d: Dec): number {
  if (n.isZero()) return 0;
  const sign = n.s * d.s;
  const num = n.abs();
  const den = d.abs();
  // A sum or product over 1: its exact decimal, which JavaScript's parser rounds correctly.
  if (den.eq(1)) return sign * num.toNumber();
  const shift = 20 - (num.e - den.e);
  const scaled = num.times(new Dec(`1e${shift}`));
  const q = scaled.divToInt(den);
  const low = Number(`${q.toFixed()}e${-shift}`);
  const high = Number(`${q.plus(1).toFixed()}e${-shift}`);
  if (low === high || q.times(den).eq(scaled)) return sign * low;
  const [m, e] = mantissaExponent(low);
  const midpoint = scaleByTwo(new Dec(m).times(2).plus(1), e - 1);
  const order = num.cmp(midpoint.times(den));
  const rounded = order < 0 ? low : order > 0 ? high : isEven(low) ? low : high;
  return sign * rounded;
}

export const decimalArithmetic: Arithmetic<Dec> = {
  read: (x) => new Dec(x),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  sign: (a) => (a.isZero() ? 0 : a.s),
  quotient,
};
