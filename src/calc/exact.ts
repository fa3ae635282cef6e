/**
 * Exact arithmetic on the decimals the user typed, rounded once to the nearest double.
 *
 * A double x stands for its shortest decimal, String(x) (0.1 means 1/10, not the binary
 * 0.1000000000000000055…). Two paths give the same answer:
 *
 * - The fast path, for inputs whose shortest decimal is M·10^-k with a small integer M: the
 *   deal formulas are ratios of sums and products of such inputs, so after scaling by powers of
 *   ten the exact result is N ÷ D with integers N and D. While every integer stays below 2^53
 *   in magnitude, double arithmetic on them is exact, and the one final IEEE division N ÷ D is
 *   correctly rounded by IEEE 754. (Whole-dollar amounts are k = 0; cents are k = 2.)
 * - The exact path, for everything else: the same formula on BigInt fractions, rounded to the
 *   nearest double (ties to even) by `closestDouble`.
 */

/** 2^53: every integer of smaller magnitude is a double, and integer + − × below it are exact. */
export const SAFE = 2 ** 53;

/** Scaled inputs stay below 2^51 so that x·10^k is within ¼ of M (see `decimals`). */
const SCALED_LIMIT = 2 ** 51;

/** Powers of ten that are exact doubles (10^22 is the last). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** The most decimals the fast path reads; inputs with more take the exact path. */
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
 * Math.round finds it. Trying k = 0, 1, 2, … finds the fewest decimals, hence the fewest
 * significant digits, which is what String(x) prints (a power of ten in the interval has a single
 * digit and is found at its own k). The property tests compare this with String(x).
 */
export function decimals(x: number): number {
  if (Number.isInteger(x)) return x < SCALED_LIMIT && x > -SCALED_LIMIT ? 0 : -1;
  // A range against one value (a stake of 0.1 down a column) asks for the same x on every row.
  if (x === lastFraction) return lastDecimals;
  let found = -1;
  for (let k = 1; k <= MAX_DECIMALS; k++) {
    const m = Math.round(x * POW10[k]);
    if (!(Math.abs(m) < SCALED_LIMIT)) break;
    if (m / POW10[k] === x) {
      found = k;
      break;
    }
  }
  lastFraction = x;
  lastDecimals = found;
  return found;
}

/** The last non-integer decimals() read, and its answer (NaN never matches, so it starts empty). */
let lastFraction = NaN;
let lastDecimals = -1;

/** An exact fraction n / d with d > 0. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

const TEN = BigInt(10);
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);

function pow10(k: number): bigint {
  return TEN ** BigInt(k);
}

/** The exact value of x's shortest decimal (String(x)); x must be finite. */
export function ratio(x: number): Ratio {
  const text = String(x);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a finite number: ${text}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(sign + whole + fraction);
  return shift >= 0 ? { n: digits * pow10(shift), d: ONE } : { n: digits, d: pow10(-shift) };
}

export const add = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const mul = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
/** a ÷ b; b must not be 0. */
export const div = (a: Ratio, b: Ratio): Ratio => (b.n < ZERO ? { n: -a.n * b.d, d: -b.n * a.d } : { n: a.n * b.d, d: b.n * a.d });
/** -1, 0 or 1. */
export const sign = (a: Ratio): number => (a.n < ZERO ? -1 : a.n > ZERO ? 1 : 0);

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/**
 * The double nearest to n / d, ties to even, as IEEE 754 rounds: ±Infinity beyond the largest
 * double, subnormals below 2^-1022, 0 (signed) below half the smallest subnormal.
 */
export function closestDouble(r: Ratio): number {
  if (r.n === ZERO) return 0;
  const negative = r.n < ZERO;
  const n = negative ? -r.n : r.n;
  // Pick a power of two s so that q = floor(n·2^s / d) has 53 bits: 2^52 ≤ q < 2^53; the
  // exponent of the result is then 52 − s. Below the normal range the unit is fixed at 2^-1074.
  let s = 53 - (bitLength(n) - bitLength(r.d));
  let [q, rem, den] = quotient(n, r.d, s);
  if (q >= TWO ** BigInt(53)) [q, rem, den] = quotient(n, r.d, --s);
  if (52 - s < -1022) [q, rem, den] = quotient(n, r.d, (s = 1074));
  const twice = TWO * rem;
  if (twice > den || (twice === den && (q & ONE) === ONE)) q += ONE;
  // q ≤ 2^53 is exact as a double and scaling by a power of two is exact (or overflows to ±∞, as
  // the rounding requires); 2^-s is split in two so that neither factor underflows.
  const half = Math.trunc(s / 2);
  const value = Number(q) * 2 ** -half * 2 ** -(s - half);
  return negative ? -value : value;
}

/** floor(n·2^s / d), the remainder and the divisor it is measured against. */
function quotient(n: bigint, d: bigint, s: number): [bigint, bigint, bigint] {
  const num = s >= 0 ? n << BigInt(s) : n;
  const den = s >= 0 ? d : d << BigInt(-s);
  return [num / den, num % den, den];
}

/** The exact binary value of a finite double x, as a fraction (x = 0.1 gives 3602879701896397 / 2^55). */
export function binaryRatio(x: number): Ratio {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> BigInt(52)) & BigInt(0x7ff));
  const fraction = bits & ((ONE << BigInt(52)) - ONE);
  // Subnormals have no hidden bit and the exponent of the smallest normal.
  const mantissa = biased === 0 ? fraction : fraction | (ONE << BigInt(52));
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const signed = bits >> BigInt(63) === ONE ? -mantissa : mantissa;
  return exponent >= 0 ? { n: signed << BigInt(exponent), d: ONE } : { n: signed, d: ONE << BigInt(-exponent) };
}

/**
 * r as a double-double hi + lo: hi = r correctly rounded, lo = (r − hi) correctly rounded, so
 * hi + lo is within 2^-106 of r in relative terms while both stay in the normal range.
 */
export function splitDouble(r: Ratio): { readonly hi: number; readonly lo: number } {
  const hi = closestDouble(r);
  return { hi, lo: Number.isFinite(hi) ? closestDouble(sub(r, binaryRatio(hi))) : 0 };
}
