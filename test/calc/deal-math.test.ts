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
    if (a > 0 || v > 0) expect(stake(a, v, "pre", a)).toBe(rounded(exact.stakePre(a, v, a)));
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
    if (cmp(pre, frac(0n)) < 0) expect(impliedValuation(a, s, "pre", a)).toMatchObject({ kind: "#VALUE!" });
    else if (nearestDouble(pre) === Infinity) expect(impliedValuation(a, s, "pre", a)).toMatchObject({ kind: "#NUM!" });
    else expect(impliedValuation(a, s, "pre", a)).toBe(rounded(pre));
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

const err = (kind: CalcError["kind"], message: string) => ({ kind, message });

describe("basis", () => {
  test('"post" is the default and equals an explicit "post"', () => {
    expect(stake(50e9, 830e9)).toBe(stake(50e9, 830e9, "post"));
    expect(impliedValuation(50e9, 0.05)).toBe(impliedValuation(50e9, 0.05, "post"));
  });

  test('"pre" without roundsize is #VALUE! asking for it, so the function cannot quietly disagree with the sheet', () => {
    const asked = err(
      "#VALUE!",
      'roundsize is blank or 0, and basis "pre" needs it: give all the new money in the round, from every investor (the amount included), such as 100e9. For a round of this investor alone, give its amount.',
    );
    expect(stake(50e9, 830e9, "pre")).toEqual(asked);
    expect(impliedValuation(50e9, 0.05, "pre")).toEqual(asked);
    // With the round size, the sheet's DEAL_STAKE_PRE: 50 ÷ 930, not 50 ÷ 880.
    expect(stake(50e9, 830e9, "pre", 100e9)).toBe(rounded(frac(50n, 930n)));
  });

  test('"post" does not use roundsize', () => {
    expect(stake(50e9, 830e9, "post", 100e9)).toBe(stake(50e9, 830e9));
  });
});

describe("errors a user can fix are #VALUE! with a message naming the argument and the fix", () => {
  const V = (message: string) => err("#VALUE!", message);
  const cases: [string, () => unknown, ReturnType<typeof err>][] = [
    ["a negative amount", () => stake(-1, 10), V("amount is -1: it must be 0 or more. Check its sign, or the cell it comes from.")],
    ["a negative valuation", () => stake(1, -10), V("valuation is -10: it must be 0 or more. Check its sign, or the cell it comes from.")],
    [
      "mixed units: an amount in dollars against a valuation in billions",
      () => stake(50e9, 830),
      V(
        "amount (50,000,000,000) is larger than valuation (830), a post-money valuation: the stake would be above 100%. Are both in the same unit? Type both in full, such as 50e9 and 830e9 for $50 billion at $830 billion.",
      ),
    ],
    [
      "a roundsize below amount",
      () => stake(5, 10, "pre", 4),
      V(
        "roundsize (4) is smaller than amount (5): roundsize is all the round's new money, amount included. Check the units, or give the round's total.",
      ),
    ],
    ["a negative premoney", () => postMoney(-1, 1), V("premoney is -1: it must be 0 or more. Check its sign, or the cell it comes from.")],
    [
      "a negative newmoney in POSTMONEY",
      () => postMoney(1, -1),
      V("newmoney is -1: it must be 0 or more. Check its sign, or the cell it comes from."),
    ],
    [
      "a postmoney below newmoney",
      () => preMoney(1, 2),
      V("newmoney (2) is larger than postmoney (1): the pre-money valuation would be negative. Are both in the same unit?"),
    ],
    [
      "a stake typed as a whole percentage (5 for 5%)",
      () => impliedValuation(50e9, 5),
      V("stake is 5, above 1 (100%): a stake is a fraction. For 5% type 0.05 or 5%."),
    ],
    [
      "a stake of 12.5 for 12.5%",
      () => stakeValue(12.5, 830e9),
      V("stake is 12.5, above 1 (100%): a stake is a fraction. For 12.5% type 0.125 or 12.5%."),
    ],
    [
      "a stake above 100 (no percentage either)",
      () => dilute(250, 1, 1),
      V("stake is 250: a stake is a fraction above 0 and at most 1 (100%), such as 0.05 or 5% for 5%."),
    ],
    [
      "a negative stake",
      () => stakeValue(-0.1, 1),
      V("stake is -0.1: a stake is a fraction above 0 and at most 1 (100%), such as 0.05 or 5% for 5%."),
    ],
    [
      "a stake of 0 where it is not a divisor",
      () => dilute(0, 1, 1),
      V("stake is 0: a stake is a fraction above 0 and at most 1 (100%), such as 0.05 or 5% for 5%."),
    ],
    [
      "an implied pre-money below 0",
      () => impliedValuation(10, 0.5, "pre", 30),
      V(
        'roundsize is larger than amount ÷ stake: with basis "pre" the implied valuation would be negative. Check roundsize, and that stake is a fraction (0.05 for 5%).',
      ),
    ],
    ["a negative value in MOIC", () => moic(1, -5), V("value is -5: it must be 0 or more. Check its sign, or the cell it comes from.")],
    ["a negative start value", () => cagr(-1, 5, 1), V("startvalue is -1: it must be greater than 0. Check its sign.")],
    ["negative years", () => cagr(1, 5, -2), V("years is -2: it must be greater than 0. Check its sign.")],
    ["a negative end value", () => cagr(1, -5, 2), V("endvalue is -5: it must be 0 or more. Check its sign, or the cell it comes from.")],
    [
      "a fall of more than 100%",
      () => priorValue(5, -1.5),
      V("gain is -1.5: a fall cannot exceed 100% (−1). Type a fall of 20% as −0.2 or −20%."),
    ],
    ["NaN", () => stake(NaN, 1), V("amount is NaN, which is not a number: type the number alone, such as 35e9 for $35 billion.")],
    ["an infinite input", () => cagr(1, Infinity, 2), V("endvalue is beyond Excel's numbers (±1.8e308): check the cell it comes from.")],
  ];
  test.each(cases)("%s", (_, call, expected) => {
    expect(call()).toEqual(expected);
  });
});

describe("#DIV/0! and #NUM! only where Excel's own arithmetic gives them", () => {
  const D = (message: string) => err("#DIV/0!", message);
  const N = (message: string) => err("#NUM!", message);
  const cases: [string, () => unknown, ReturnType<typeof err>][] = [
    ["a zero valuation (=1/0)", () => stake(1, 0), D("valuation is 0, and it is a divisor here: it must not be 0.")],
    ["a zero pre-money round", () => stake(0, 0, "pre", 0), D("valuation + roundsize is 0, and it is a divisor here: it must not be 0.")],
    ["a stake of 0 as a divisor (=50e9/0)", () => impliedValuation(50e9, 0), D("stake is 0, and it is a divisor here: it must not be 0.")],
    ["a round of nothing at nothing", () => dilute(0.1, 0, 0), D("premoney + newmoney is 0, and it is a divisor here: it must not be 0.")],
    ["an old valuation of 0", () => stepUp(1, 0), D("oldvaluation is 0, and it is a divisor here: it must not be 0.")],
    ["nothing invested", () => moic(0, 5), D("invested is 0, and it is a divisor here: it must not be 0.")],
    ["a start value of 0 (=(5/0)^(1/1)−1)", () => cagr(0, 5, 1), D("startvalue is 0, and it is a divisor here: it must not be 0.")],
    ["years of 0 (=(5/1)^(1/0)−1)", () => cagr(1, 5, 0), D("years is 0, and it is a divisor here: it must not be 0.")],
    ["a gain of −1 (=5/(1−1))", () => priorValue(5, -1), D("1 + gain is 0, and it is a divisor here: it must not be 0.")],
    [
      "a result beyond the doubles (=1e308*10)",
      () => postMoney(1.7976931348623157e308, 1e308),
      N("the post-money valuation is beyond Excel's numbers (±1.8e308)."),
    ],
    [
      "an implied valuation beyond the doubles",
      () => impliedValuation(1e308, 1e-10),
      N("the implied valuation is beyond Excel's numbers (±1.8e308)."),
    ],
    ["a growth rate beyond the doubles", () => cagr(1e-300, 1e300, 0.5), N("the growth rate is beyond Excel's numbers (±1.8e308).")],
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
