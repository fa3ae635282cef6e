/**
 * The fast path: inputs whose shortest decimal is M·10^-k with a small integer M (whole dollars are
 * k = 0, cents k = 2). Scaled by powers of ten the deal formulas become sums, products and one
 * quotient of integers; while every integer stays below 2^53, double arithmetic on them is exact,
 * and the one final IEEE division is correctly rounded by IEEE 754. Any step that would leave that
 * range gives NaN, and the formula runs again on decimal.js (src/calc/decimal.ts).
 */
import type { Arithmetic } from "./arithmetic";

/** 2^53: every integer of smaller magnitude is a double, and integer + − × below it are exact. */
export const SAFE = 2 ** 53;

/** Inputs stay below 2^51 so that x·10^k is within ¼ of M (see `decimals`). */
const SCALED_LIMIT = 2 ** 51;

/** Powers of ten that are exact doubles (10^22 is the last). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** The most decimals the fast path reads; inputs with more take decimal.js. */
const MAX_DECIMALS = 15;

/**
 * The number of digits after the point in x's shortest decimal, when that decimal is M·10^-k with
 * |M| < 2^51 and k ≤ 15; otherwise -1. M is then Math.round(x·10^k).
 *
 * Why this is the shortest decimal: M ÷ 10^k divides two exact doubles, so by IEEE 754 it is the
 * double nearest the decimal M·10^-k; equality with x means that decimal reads back as x. The
 * decimals that read back as x lie in an interval of width ulp(x) ≤ 2^-52·|x|; scaled by 10^k
 * that width is below 2^-52·(2^51 + 1) < 1, so at most one k-digit decimal lies in it, and when
 * one does, x·10^k is within 2^-53·|M| ≤ ¼ of it plus the product's own rounding (≤ ¼), so
 * Math.round finds it. Trying k = 0, 1, 2, … finds the fewest decimals, which is what String(x)
 * prints. The property tests compare this with String(x).
 */
export function decimals(x: number): number {
  if (Number.isInteger(x)) return x < SCALED_LIMIT && x > -SCALED_LIMIT ? 0 : -1;
  for (let k = 1; k <= MAX_DECIMALS; k++) {
    const m = Math.round(x * POW10[k]);
    if (!(Math.abs(m) < SCALED_LIMIT)) return -1;
    if (m / POW10[k] === x) return k;
  }
  return -1;
}

/** v when it is an integer of magnitude below 2^53 (so the operation that made it was exact), else NaN. */
export function int(v: number): number {
  return v < SAFE && v > -SAFE ? v : NaN;
}

/** A value M·10^-k with M an exact integer; M is NaN once the fast path cannot go on. */
export interface Scaled {
  readonly m: number;
  readonly k: number;
}

/** m·10^d, an exact integer for d ≥ 0 (NaN beyond 2^53). Takes numbers, not a Scaled, so that no value escapes. */
function up(m: number, d: number): number {
  return d === 0 ? m : int(m * POW10[d]);
}

export const scaledArithmetic: Arithmetic<Scaled> = {
  // Each operation makes its result at one place, so that V8 can keep it in registers
  // (escape analysis) rather than allocate it, once the formula is inlined.
  read(x) {
    const k = decimals(x);
    return { m: k < 0 ? NaN : Math.round(x * POW10[k]), k: k < 0 ? 0 : k };
  },
  add(a, b) {
    const k = a.k > b.k ? a.k : b.k;
    return { m: int(up(a.m, k - a.k) + up(b.m, k - b.k)), k };
  },
  sub(a, b) {
    const k = a.k > b.k ? a.k : b.k;
    return { m: int(up(a.m, k - a.k) - up(b.m, k - b.k)), k };
  },
  mul(a, b) {
    const k = a.k + b.k;
    return { m: k < POW10.length ? int(a.m * b.m) : NaN, k };
  },
  sign(a) {
    return Math.sign(a.m);
  },
  quotient(a, b) {
    const k = a.k > b.k ? a.k : b.k;
    return up(a.m, k - a.k) / up(b.m, k - b.k);
  },
};
