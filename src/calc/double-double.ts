/**
 * Double-double arithmetic (Dekker 1971; Hida, Li and Bailey's QD library): a value is hi + lo
 * with |lo| ≤ ½ ulp(hi), about 106 significant bits. CAGR's fast path computes
 * expm1(ln(end ÷ start) ÷ years) with it: each operation's relative error is below 2^-104, the
 * whole chain stays below 2^-90, so hi + lo rounded once is within half a unit in the last place
 * plus a vanishing fraction of one — inside the one unit CAGR promises. The property tests check
 * it against the exact oracle.
 */

export interface DD {
  readonly hi: number;
  readonly lo: number;
}

const dd = (hi: number, lo = 0): DD => ({ hi, lo });

/** hi + lo = a + b exactly, hi = fl(a + b). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

/** Like twoSum when |a| ≥ |b|. */
function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

/** 2^27 + 1: splits a double into two 26-bit halves (Veltkamp). Inputs stay below 2^996. */
const SPLITTER = 134217729;

/** hi + lo = a·b exactly, hi = fl(a·b). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ta = SPLITTER * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLITTER * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

export function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

export function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

export function mulD(a: DD, b: number): DD {
  const p = twoProd(a.hi, b);
  return quickTwoSum(p.hi, p.lo + a.lo * b);
}

/** a ÷ b for a double b (exactly, to double-double precision; 1/b would round first). */
export function divD(a: DD, b: number): DD {
  const q1 = a.hi / b;
  const p = twoProd(q1, b);
  const s = twoSum(a.hi, -p.hi);
  const q2 = (s.hi + (s.lo - p.lo + a.lo)) / b;
  return quickTwoSum(q1, q2);
}

export function div(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = add(a, mulD(b, -q1));
  const q2 = r.hi / b.hi;
  r = add(r, mulD(b, -q2));
  const q3 = r.hi / b.hi;
  return add(quickTwoSum(q1, q2), dd(q3));
}

export function sub(a: DD, b: DD): DD {
  const s = twoSum(a.hi, -b.hi);
  const t = twoSum(a.lo, -b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

/** x^n for an integer n ≥ 1, by squaring: about log2(n) products, each within 2^-104. */
export function powInt(x: DD, n: number): DD {
  let result: DD | null = null;
  let base = x;
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = result === null ? base : mul(result, base);
    if (e > 1) base = mul(base, base);
  }
  return result as DD;
}

/** ln 2 as a double-double. */
const LN2: DD = { hi: 0.6931471805599453, lo: 2.3190468138462996e-17 };
/** The argument is divided by 2^9 before the series and squared back nine times. */
const HALVINGS = 9;
const TERMS = 11;

/**
 * e^x as 2^k·(1 + m), with m = expm1 of the reduced argument, so callers can form e^x − 1
 * without cancellation; |x| ≤ 700.
 */
function expParts(x: DD): { k: number; m: DD } {
  const k = Math.round(x.hi / LN2.hi);
  const r = add(x, mulD(LN2, -k));
  const s = dd(r.hi / 2 ** HALVINGS, r.lo / 2 ** HALVINGS);
  // expm1(s) = s·(1 + s/2·(1 + s/3·(1 + …))), |s| < 7e-4, so eleven terms reach 2^-120.
  let t = dd(1);
  for (let i = TERMS; i >= 2; i--) t = add(dd(1), divD(mul(s, t), i));
  let m = mul(s, t);
  // expm1(2s) = 2·expm1(s) + expm1(s)²
  for (let i = 0; i < HALVINGS; i++) m = add(mulD(m, 2), mul(m, m));
  return { k, m };
}

/** a·2^k, exact (no splitting, so no overflow inside for large k). */
function scale(a: DD, k: number): DD {
  const f = 2 ** k;
  return { hi: a.hi * f, lo: a.lo * f };
}

/** e^x − 1; |x| ≤ 700. */
export function expm1(x: DD): DD {
  const { k, m } = expParts(x);
  if (k === 0) return m;
  return add(scale(m, k), twoSum(2 ** k, -1));
}

/** e^x; |x| ≤ 700. */
export function exp(x: DD): DD {
  const { k, m } = expParts(x);
  return scale(add(dd(1), m), k);
}

export { dd };
