/**
 * The exact rational oracle the deal-math tests compare against, written independently of
 * src/calc: BigInt fractions, a decimal parser of its own, and rounding to the nearest double by
 * comparing with the exact midpoints between neighbouring doubles (src/calc shifts and divides
 * instead). No decimal.js.
 */

export interface Frac {
  readonly num: bigint;
  readonly den: bigint; // > 0
}

const big = (x: number | string) => BigInt(x);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function frac(num: bigint, den: bigint = 1n): Frac {
  if (den === 0n) throw new Error("zero denominator in the oracle");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** The decimal a person reads for x: JavaScript's shortest round-trip String(x), as a fraction. */
export function dec(x: number): Frac {
  return parseDecimal(String(x));
}

/** A decimal literal ("-12.5e-3", "1e+21", "0.1") as an exact fraction. */
export function parseDecimal(text: string): Frac {
  const lower = text.toLowerCase();
  const [mantissa, exponentText] = lower.includes("e") ? lower.split("e") : [lower, "0"];
  const negative = mantissa.startsWith("-");
  const digitsPart = mantissa.replace(/^[+-]/, "");
  const point = digitsPart.indexOf(".");
  const intDigits = point < 0 ? digitsPart : digitsPart.slice(0, point);
  const fracDigits = point < 0 ? "" : digitsPart.slice(point + 1);
  let num = big((intDigits + fracDigits).replace(/^0+(?=\d)/, "") || "0");
  if (negative) num = -num;
  const exponent = Number(exponentText) - fracDigits.length;
  return exponent >= 0 ? frac(num * 10n ** big(exponent)) : frac(num, 10n ** big(-exponent));
}

export const plus = (a: Frac, b: Frac) => frac(a.num * b.den + b.num * a.den, a.den * b.den);
export const minus = (a: Frac, b: Frac) => frac(a.num * b.den - b.num * a.den, a.den * b.den);
export const times = (a: Frac, b: Frac) => frac(a.num * b.num, a.den * b.den);
export const over = (a: Frac, b: Frac) => frac(a.num * b.den, a.den * b.num);
export const cmp = (a: Frac, b: Frac) => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

const view = new DataView(new ArrayBuffer(8));

function bits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

function fromBits(b: bigint): number {
  view.setBigUint64(0, b);
  return view.getFloat64(0);
}

/** The exact value of a finite double, from its IEEE 754 fields. */
export function binaryValue(x: number): Frac {
  const b = bits(x);
  const negative = b >> 63n === 1n;
  const biased = Number((b >> 52n) & 0x7ffn);
  const fraction = b & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const magnitude = exponent >= 0 ? frac(mantissa << big(exponent)) : frac(mantissa, 1n << big(-exponent));
  return negative ? frac(-magnitude.num, magnitude.den) : magnitude;
}

/** The next double up (towards +∞) from a finite x. */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  return x > 0 ? fromBits(bits(x) + 1n) : fromBits(bits(x) - 1n);
}

export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** A first guess within a few units in the last place, from 40 decimal digits of f. */
function estimate(f: Frac): number {
  if (f.num === 0n) return 0;
  const negative = f.num < 0n;
  const n = negative ? -f.num : f.num;
  const e = n.toString().length - f.den.toString().length;
  const shift = 40 - e;
  const scaled = shift >= 0 ? (n * 10n ** big(shift)) / f.den : n / (f.den * 10n ** big(-shift));
  const value = Number(`${scaled}e${-shift}`);
  return negative ? -value : value;
}

const MAX = Number.MAX_VALUE;
/** Values from MAX + half its last unit upwards round to Infinity (IEEE 754 round to nearest). */
const OVERFLOW = plus(binaryValue(MAX), frac(1n << 970n));

/** f rounded to the nearest double, ties to the even one; ±Infinity beyond the double range. */
export function nearestDouble(f: Frac): number {
  if (cmp(f, OVERFLOW) >= 0) return Infinity;
  if (cmp(f, frac(-OVERFLOW.num, OVERFLOW.den)) <= 0) return -Infinity;
  let x = estimate(f);
  if (x === Infinity) x = MAX;
  if (x === -Infinity) x = -MAX;
  for (;;) {
    const up = x === MAX ? null : nextUp(x);
    const down = x === -MAX ? null : nextDown(x);
    const above =
      up === null
        ? null
        : frac(
            binaryValue(x).num * binaryValue(up).den + binaryValue(up).num * binaryValue(x).den,
            2n * binaryValue(x).den * binaryValue(up).den,
          );
    const below =
      down === null
        ? null
        : frac(
            binaryValue(x).num * binaryValue(down).den + binaryValue(down).num * binaryValue(x).den,
            2n * binaryValue(x).den * binaryValue(down).den,
          );
    if (above && cmp(f, above) > 0) x = up as number;
    else if (below && cmp(f, below) < 0) x = down as number;
    else if (above && cmp(f, above) === 0) return isEven(x) ? x : (up as number);
    else if (below && cmp(f, below) === 0) return isEven(x) ? x : (down as number);
    else return x === 0 ? 0 : x;
  }
}

function isEven(x: number): boolean {
  return (bits(x) & 1n) === 0n;
}

/** One unit in the last place at |x|: the gap to the next double away from zero. */
export function ulp(x: number): Frac {
  const a = Math.abs(x);
  return minus(binaryValue(nextUp(a)), binaryValue(a));
}

/** floor(v^(1/k)) for a non-negative integer v, by Newton's method. */
function integerRoot(v: bigint, k: bigint): bigint {
  if (v < 2n) return v;
  let x = 1n << (big(v.toString(2).length) / k + 1n);
  for (;;) {
    const y = ((k - 1n) * x + v / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * Bounds [lo, hi] with hi − lo = 2^-precision·den on (end/start)^(1/years) − 1, for years a
 * decimal p/q: the growth factor is the q·-th power's p-th root, taken on integers.
 */
export function cagrBounds(start: number, end: number, years: number, precision = 200): [Frac, Frac] {
  const ratio = over(dec(end), dec(start));
  const y = dec(years);
  // (end/start)^(1/years) = (end/start)^(y.den / y.num)
  const power = frac(ratio.num ** y.den, ratio.den ** y.den);
  const k = y.num;
  const scale = 1n << big(precision);
  // root(n/d) = root(n·d^(k−1)) / d; scaled by 2^precision inside the root.
  const inside = power.num * power.den ** (k - 1n) * scale ** k;
  const root = integerRoot(inside, k);
  const denominator = power.den * scale;
  return [minus(frac(root, denominator), frac(1n)), minus(frac(root + 1n, denominator), frac(1n))];
}
