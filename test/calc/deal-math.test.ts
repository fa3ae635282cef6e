import { cagr, dilute, impliedValuation, moic, postMoney, preMoney, priorValue, stake, stakeValue, stepUp } from "../../src/calc/deal-math";
import type { CalcError } from "../../src/calc/errors";
import { binaryValue, cagrBounds, cmp, dec, frac, minus, nearestDouble, over, plus, times, ulp, type Frac } from "./support/oracle";

const one = frac(1n);

/** The exact results, as fractions of the inputs' decimals. */
const exact = {
  stakePost: (a: number, v: number) => over(dec(a), dec(v)),
  stakePre: (a: number, v: number, r: number) => over(dec(a), plus(dec(v), dec(r))),
  postMoney: (p: number, a: number) => plus(dec(p), dec(a)),
  preMoney: (p: number, a: number) => minus(dec(p), dec(a)),
  impliedPost: (a: number, s: number) => over(dec(a), dec(s)),
  impliedPre: (a: number, s: number, r: number) => minus(over(dec(a), dec(s)), dec(r)),
  dilute: (s: number, a: number, p: number) => over(times(dec(s), dec(p)), plus(dec(p), dec(a))),
  stakeValue: (s: number, v: number) => times(dec(s), dec(v)),
  ratio: (top: number, bottom: number) => over(dec(top), dec(bottom)),
  priorValue: (v: number, t: number) => over(dec(v), plus(one, dec(t))),
};

const rounded = (f: Frac) => nearestDouble(f) + 0;

describe("the exact examples of the issue", () => {
  test("POSTMONEY(0.1, 0.2) is exactly 0.3 and PREMONEY(0.3, 0.1) exactly 0.2, where doubles are off", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(postMoney(0.1, 0.2)).toBe(0.3);
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(preMoney(0.3, 0.1)).toBe(0.2);
  });

  test('STAKE(50e9, 830e9, "pre", 100e9) is 50/930 correctly rounded', () => {
    expect(stake(50e9, 830e9, "pre", 100e9)).toBe(rounded(frac(50n, 930n)));
  });

  test("PRIORVALUE(241.73, 1.14) is 241.73 / 2.14 correctly rounded", () => {
    expect(priorValue(241.73, 1.14)).toBe(rounded(frac(24173n, 214n)));
  });
});

// Inputs of every kind: whole dollars, cents, long decimals, and magnitudes the fast path refuses.
const amounts = [
  0,
  1,
  50e9,
  100e9,
  8e9,
  12.34,
  0.1,
  0.3,
  1234567.89,
  123456789012345,
  9007199254740991,
  2 ** 60,
  1e23,
  1e-300,
  5e-324,
  3.3333333333333335,
];
const valuations = [1, 830e9, 500e9, 930e9, 0.7, 1000.01, 7e15, 1e23, 1.7976931348623157e308, 2e-300, 123456.789012345];
const stakes = [1, 0.5, 0.06, 0.0602, 0.1, 1e-9, 0.3333333333333333, 5e-324, 0.12345678901234568];

function pairs<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a) => bs.map((b) => [a, b] as [A, B]));
}

describe("results equal the exact result of the typed decimals, correctly rounded", () => {
  test.each(pairs(amounts, valuations).filter(([a, v]) => a <= v))("STAKE(%p, %p) post", (a, v) => {
    expect(stake(a, v)).toBe(rounded(exact.stakePost(a, v)));
    expect(stake(a, v, "post", 3 * a + 1)).toBe(rounded(exact.stakePost(a, v)));
  });

  test.each(pairs(amounts, valuations))("STAKE(%p, %p) pre, roundsize amount and 2×amount + 0.01", (a, v) => {
    expect(stake(a, v, "pre")).toBe(rounded(exact.stakePre(a, v, a)));
    const r = 2 * a + 0.01;
    expect(stake(a, v, "pre", r)).toBe(rounded(exact.stakePre(a, v, r)));
  });

  test.each(pairs(valuations, amounts))("POSTMONEY(%p, %p) and PREMONEY back", (p, a) => {
    const expected = nearestDouble(exact.postMoney(p, a));
    if (expected === Infinity) expect(postMoney(p, a)).toMatchObject({ kind: "#NUM!" });
    else expect(postMoney(p, a)).toBe(expected);
    if (a <= p) expect(preMoney(p, a)).toBe(rounded(exact.preMoney(p, a)));
  });

  test.each(pairs(amounts, stakes))("IMPLIEDVALUATION(%p, %p) post and pre", (a, s) => {
    const post = nearestDouble(exact.impliedPost(a, s));
    if (post === Infinity) expect(impliedValuation(a, s)).toMatchObject({ kind: "#NUM!" });
    else expect(impliedValuation(a, s)).toBe(post);
    const pre = exact.impliedPre(a, s, a);
    if (cmp(pre, frac(0n)) < 0) expect(impliedValuation(a, s, "pre")).toMatchObject({ kind: "#NUM!" });
    else if (nearestDouble(pre) === Infinity) expect(impliedValuation(a, s, "pre")).toMatchObject({ kind: "#NUM!" });
    else expect(impliedValuation(a, s, "pre")).toBe(rounded(pre));
  });

  test.each(stakes.flatMap((s) => pairs(amounts, valuations).map(([a, p]) => [s, a, p] as const)))("DILUTE(%p, %p, %p)", (s, a, p) => {
    expect(dilute(s, a, p)).toBe(rounded(exact.dilute(s, a, p)));
  });

  test.each(pairs(stakes, valuations))("STAKEVALUE(%p, %p)", (s, v) => {
    expect(stakeValue(s, v)).toBe(rounded(exact.stakeValue(s, v)));
  });

  test.each(pairs(valuations, valuations))("STEPUP(%p, %p) and MOIC(%p, value)", (n, o) => {
    const expected = nearestDouble(exact.ratio(n, o));
    if (expected === Infinity) {
      expect(stepUp(n, o)).toMatchObject({ kind: "#NUM!" });
      expect(moic(o, n)).toMatchObject({ kind: "#NUM!" });
    } else {
      expect(stepUp(n, o)).toBe(expected + 0);
      expect(moic(o, n)).toBe(expected + 0);
    }
  });

  test.each(pairs(amounts, [1.14, 0.5, -0.5, 0, -0.999999, 12.34, 1e-20, 3.3333333333333335]))("PRIORVALUE(%p, %p)", (v, t) => {
    expect(priorValue(v, t)).toBe(rounded(exact.priorValue(v, t)));
  });
});

describe("CAGR is within 2 units in the last place of the exact rate", () => {
  const cases: [number, number, number][] = [
    [100, 172.8, 3],
    [100, 216, 3],
    [112.96, 241.73, 3],
    [500e9, 830e9, 1],
    [500e9, 830e9, 0.25],
    [1, 2, 10],
    [1, 1.0000001, 1],
    [1, 1.0000000000001, 7],
    [100, 100.000000001, 30],
    [100, 99.99, 2.5],
    [100, 0.01, 4],
    [1, 1e300, 3],
    [1e-300, 1e300, 2],
    [0.1, 0.3, 1],
    [7, 7, 5],
    [112.95794392523365, 241.73, 3],
    [1.2345678901234567, 2, 2.5],
    [0.30000000000000004, 0.3000000000000001, 12],
    [Math.PI * 1e-295, 3.3e-280, 7.5],
    [Math.E * 1e20, Math.SQRT2 * 1e-20, 2.5],
    [1, 2, 61.5],
    [100 * Math.LN2, 1000 * Math.PI, 0.5],
    // A growth of −1e-16 over 3.75 years: the ratio in two doubles is too coarse here, u is not.
    [299.9666501725566, 299.96665017255657, 3.75],
  ];
  test.each(cases)("CAGR(%p, %p, %p)", (s, e, y) => {
    const result = cagr(s, e, y) as number;
    const [lo, hi] = cagrBounds(s, e, y);
    const unit = times(ulp(nearestDouble(lo)), frac(2n));
    expect(cmp(binaryValue(result), minus(lo, unit))).toBeGreaterThanOrEqual(0);
    expect(cmp(binaryValue(result), plus(hi, unit))).toBeLessThanOrEqual(0);
  });

  test("one year is the exact ratio minus one, correctly rounded", () => {
    expect(cagr(0.1, 0.3, 1)).toBe(rounded(minus(frac(3n), one)));
    expect(cagr(3, 10, 1)).toBe(rounded(frac(7n, 3n)));
  });

  test("an end value of 0 is a rate of −100%", () => {
    expect(cagr(100, 0, 3)).toBe(-1);
  });
});

describe("basis", () => {
  test('"post" is the default and equals an explicit "post"', () => {
    expect(stake(50e9, 830e9)).toBe(stake(50e9, 830e9, "post"));
    expect(impliedValuation(50e9, 0.05)).toBe(impliedValuation(50e9, 0.05, "post"));
  });

  test('"pre" without roundsize uses amount as the whole round', () => {
    expect(stake(50e9, 830e9, "pre")).toBe(rounded(frac(50n, 880n)));
    expect(impliedValuation(50e9, 0.05, "pre")).toBe(950e9);
  });
});

const err = (kind: CalcError["kind"], message: string) => ({ kind, message });

describe("errors name the argument and the rule", () => {
  const cases: [string, () => unknown, ReturnType<typeof err>][] = [
    ["a negative amount", () => stake(-1, 10), err("#NUM!", "amount is negative: it must be 0 or more.")],
    ["a negative valuation", () => stake(1, -10), err("#NUM!", "valuation is negative: it must be 0 or more.")],
    ["a zero valuation", () => stake(1, 0), err("#DIV/0!", "valuation is 0, and it is a divisor here: it must not be 0.")],
    [
      "a post-money stake above 100%",
      () => stake(11, 10),
      err("#NUM!", 'amount is larger than valuation: with basis "post" the stake would be above 100%.'),
    ],
    [
      "a roundsize below amount",
      () => stake(5, 10, "pre", 4),
      err("#NUM!", "roundsize is smaller than amount: the round's new money includes amount."),
    ],
    [
      "a zero pre-money round",
      () => stake(0, 0, "pre", 0),
      err("#DIV/0!", "valuation + roundsize is 0, and it is a divisor here: it must not be 0."),
    ],
    ["a negative premoney", () => postMoney(-1, 1), err("#NUM!", "premoney is negative: it must be 0 or more.")],
    ["a negative newmoney in POSTMONEY", () => postMoney(1, -1), err("#NUM!", "newmoney is negative: it must be 0 or more.")],
    [
      "a postmoney below newmoney",
      () => preMoney(1, 2),
      err("#NUM!", "newmoney is larger than postmoney: the pre-money valuation would be negative."),
    ],
    ["a stake of 0", () => impliedValuation(1, 0), err("#NUM!", "stake must be above 0 and at most 1 (100%).")],
    ["a stake above 1", () => dilute(1.01, 1, 1), err("#NUM!", "stake must be above 0 and at most 1 (100%).")],
    ["a negative stake", () => stakeValue(-0.1, 1), err("#NUM!", "stake must be above 0 and at most 1 (100%).")],
    [
      "an implied pre-money below 0",
      () => impliedValuation(10, 0.5, "pre", 30),
      err("#NUM!", 'roundsize is larger than amount ÷ stake: with basis "pre" the implied valuation would be negative.'),
    ],
    [
      "a round of nothing at nothing",
      () => dilute(0.1, 0, 0),
      err("#DIV/0!", "premoney + newmoney is 0, and it is a divisor here: it must not be 0."),
    ],
    ["an old valuation of 0", () => stepUp(1, 0), err("#DIV/0!", "oldvaluation is 0, and it is a divisor here: it must not be 0.")],
    ["nothing invested", () => moic(0, 5), err("#DIV/0!", "invested is 0, and it is a divisor here: it must not be 0.")],
    ["a negative value in MOIC", () => moic(1, -5), err("#NUM!", "value is negative: it must be 0 or more.")],
    ["a start value of 0", () => cagr(0, 5, 1), err("#NUM!", "startvalue must be greater than 0.")],
    ["years of 0", () => cagr(1, 5, 0), err("#NUM!", "years must be greater than 0.")],
    ["negative years", () => cagr(1, 5, -2), err("#NUM!", "years must be greater than 0.")],
    ["a negative end value", () => cagr(1, -5, 2), err("#NUM!", "endvalue is negative: it must be 0 or more.")],
    [
      "a total return of −100%",
      () => priorValue(5, -1),
      err("#NUM!", "gain must be greater than −1 (a fall of 100% or more has no prior value)."),
    ],
    [
      "a result beyond the doubles",
      () => postMoney(1.7976931348623157e308, 1e308),
      err("#NUM!", "the post-money valuation is too large for Excel (beyond ±1.8e308)."),
    ],
    [
      "an implied valuation beyond the doubles",
      () => impliedValuation(1e308, 1e-10),
      err("#NUM!", "the implied valuation is too large for Excel (beyond ±1.8e308)."),
    ],
    [
      "a growth rate beyond the doubles",
      () => cagr(1e-300, 1e300, 0.5),
      err("#NUM!", "the growth rate is too large for Excel (beyond ±1.8e308)."),
    ],
  ];
  test.each(cases)("%s", (_, call, expected) => {
    expect(call()).toEqual(expected);
  });
});

describe("results carry no negative zero", () => {
  test("a zero result is +0", () => {
    expect(Object.is(stake(0, 5), 0)).toBe(true);
    expect(Object.is(preMoney(5, 5), 0)).toBe(true);
    expect(Object.is(stake(-0, 5), 0)).toBe(true);
  });
});
