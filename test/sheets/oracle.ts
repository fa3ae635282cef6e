/**
 * Exact rational arithmetic on BigInt, the tests' oracle: a formula's expected value is the
 * exact result of the dataset's decimal strings, rounded once to the nearest double.
 */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new Error("Fraction with a zero denominator.");
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num < 0n ? -num : num, den < 0n ? -den : den) || 1n;
    this.num = (sign * num) / g;
    this.den = (sign * den) / g;
  }

  /** "241.73" → 24173/100; "-1.5" → -3/2. */
  static of(decimal: string | number): Fraction {
    const text = typeof decimal === "number" ? String(decimal) : decimal;
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) throw new Error(`Oracle cannot read "${text}" as a decimal.`);
    const fraction = match[3] ?? "";
    const num = BigInt(match[2] + fraction) * (match[1] ? -1n : 1n);
    return new Fraction(num, 10n ** BigInt(fraction.length));
  }

  add(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Fraction): Fraction {
    return new Fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Fraction): Fraction {
    return new Fraction(this.num * o.num, this.den * o.den);
  }

  div(o: Fraction): Fraction {
    return new Fraction(this.num * o.den, this.den * o.num);
  }

  pow(n: number): Fraction {
    let result = new Fraction(1n);
    for (let i = 0; i < n; i++) result = result.mul(this);
    return result;
  }

  compare(o: Fraction): number {
    const d = this.num * o.den - o.num * this.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }

  /** The nearest double (ties to even), for values in the normal range. */
  toNumber(): number {
    if (this.num === 0n) return 0;
    const negative = this.num < 0n;
    const n = negative ? -this.num : this.num;
    const d = this.den;
    let e = bitLength(n) - bitLength(d) - 53;
    const quotient = (exp: number): [bigint, bigint, bigint] => {
      const [top, bottom] = exp >= 0 ? [n, d << BigInt(exp)] : [n << BigInt(-exp), d];
      return [top / bottom, top % bottom, bottom];
    };
    let [q, r, divisor] = quotient(e);
    while (q >= 1n << 53n) [q, r, divisor] = quotient(++e);
    while (q < 1n << 52n) [q, r, divisor] = quotient(--e);
    if (2n * r > divisor || (2n * r === divisor && (q & 1n) === 1n)) q += 1n;
    const value = Number(q) * Math.pow(2, e);
    return negative ? -value : value;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** The exact rational value of a double. */
export function exactOf(x: number): Fraction {
  if (!Number.isFinite(x)) throw new Error(`Oracle cannot hold ${x}.`);
  if (Number.isInteger(x)) return new Fraction(BigInt(x));
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return new Fraction(BigInt(m), 1n << BigInt(e));
}

/**
 * The spacing of doubles at x: a result computed in several double operations (as Excel does)
 * may differ from the once-rounded exact value by a few of these.
 */
export function ulp(x: number): number {
  const exponent = Math.floor(Math.log2(Math.abs(x)));
  return Math.pow(2, exponent - 52);
}
