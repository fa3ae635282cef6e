/**
 * DEAL.TRANCHES against exact rationals: the stake after round i is
 * s × (1 − roundsize ÷ post) + amount ÷ post, computed here on BigInt fractions round by round,
 * as the issue states it (src/calc keeps one fraction N ÷ D instead).
 */
import { Dec } from "../../src/calc/decimal";
import { evaluate } from "../../src/calc/dispatch";
import { MAX_ROUNDS } from "../../src/calc/limits";
import { tranches } from "../../src/calc/tranches";
import { frac, minus, nearestDouble, over, parseDecimal, plus, times, type Frac } from "./support/oracle";

const one = frac(1n);
const q = (text: string) => parseDecimal(text);
/** The stake after one more round: s × (1 − roundsize ÷ post) + amount ÷ post. */
const after = (s: Frac, amount: Frac, post: Frac, roundsize: Frac) => plus(times(s, minus(one, over(roundsize, post))), over(amount, post));
const rounded = (f: Frac) => nearestDouble(f) + 0;
const V = (message: string) => ({ kind: "#VALUE!", message });

describe("DEAL.TRANCHES gives the exact stake after the last round, correctly rounded", () => {
  test("{25e9;25e9} at {830e9;1200e9} post-money is 25/830 × (1 − 25/1200) + 25/1200", () => {
    const expected = plus(times(frac(25n, 830n), minus(one, frac(25n, 1200n))), frac(25n, 1200n));
    expect(
      evaluate("TRANCHES", [
        [[25e9], [25e9]],
        [[830e9], [1200e9]],
      ]),
    ).toEqual([[rounded(expected)]]);
    expect(rounded(expected)).toBe(0.050326305220883535);
  });

  test("a round the investor skips (amount 0) dilutes its stake by that round's money", () => {
    // $25B of a $100B round at $830B, then a $100B round at $1.2T without it: 25/830 × (1 − 100/1200).
    const expected = times(frac(25n, 830n), minus(one, frac(100n, 1200n)));
    expect(evaluate("TRANCHES", [[[25e9], [0]], [[830e9], [1200e9]], "post", [[100e9], [100e9]]])).toEqual([[rounded(expected)]]);
  });

  test('"pre" basis with round sizes: post-money is the valuation plus the round', () => {
    const first = after(frac(0n), frac(25n), frac(930n), frac(100n));
    const second = after(first, frac(25n), frac(1200n), frac(100n));
    expect(second).toEqual(plus(times(frac(25n, 930n), frac(1100n, 1200n)), frac(25n, 1200n)));
    expect(evaluate("TRANCHES", [[[25e9], [25e9]], [[830e9], [1100e9]], "pre", [[100e9], [100e9]]])).toEqual([[rounded(second)]]);
  });

  test("a basis per round, rounds in a row, and a single valuation for every round", () => {
    const first = after(frac(0n), q("12.5"), q("830"), q("100"));
    const second = after(first, q("0.1"), plus(q("830"), q("30")), q("30"));
    expect(evaluate("TRANCHES", [[[12.5, 0.1]], 830, [["post", "pre"]], [[100, 30]]])).toEqual([[rounded(second)]]);
  });

  test('one round is DEAL.STAKE: amount ÷ valuation, or amount ÷ (valuation + roundsize) with "pre"', () => {
    expect(evaluate("TRANCHES", [50e9, 830e9])).toEqual([[rounded(frac(50n, 830n))]]);
    expect(evaluate("TRANCHES", [50e9, 830e9, "pre", 100e9])).toEqual(evaluate("STAKE", [50e9, 830e9, "pre", 100e9]));
  });

  test("decimals are read as typed, on the fast path and beyond it", () => {
    const rounds = [
      ["0.1", "0.3", "0.2"],
      ["0.7", "1234.56", "0.7"],
      ["3.3333333333333335", "9007199254740993", "5"],
    ];
    let s = frac(0n);
    for (const [a, v, r] of rounds) s = after(s, q(a), q(v), q(r));
    const [amounts, valuations, sizes] = [0, 1, 2].map((k) => rounds.map((round) => [Number(round[k])]));
    expect(evaluate("TRANCHES", [amounts, valuations, "post", sizes])).toEqual([[rounded(s)]]);
  });

  test("inputs of every magnitude stay exact over many rounds", () => {
    const amounts = [1e-300, 5e-324, 1e300, 0, 7];
    const sizes = [1e-300, 2e-300, 1e300, 1e-300, 7];
    const valuations = [1e300, 1e-299, 1.7976931348623157e308, 3e-300, 1e10];
    let s = frac(0n);
    for (let i = 0; i < amounts.length; i++)
      s = after(s, parseDecimal(String(amounts[i])), parseDecimal(String(valuations[i])), parseDecimal(String(sizes[i])));
    const result = tranches(amounts.map((amount, i) => ({ amount, valuation: valuations[i], basis: "post", roundsize: sizes[i] })));
    expect(result).toBe(rounded(s));
  });
});

describe("DEAL.TRANCHES' errors name the argument, the round and the fix", () => {
  test("ranges with different numbers of rounds are #N/A with a message", () => {
    expect(
      evaluate("TRANCHES", [
        [[25e9], [25e9]],
        [[830e9], [1200e9], [1500e9]],
      ]),
    ).toEqual([
      [
        {
          kind: "#N/A",
          message: "valuations has 3 rounds and amounts 2: give each argument one value per round, or one value for every round.",
        },
      ],
    ]);
    expect(evaluate("TRANCHES", [[[25e9], [25e9]], 830e9, "post", [[100e9, 100e9, 100e9]]])).toMatchObject([[{ kind: "#N/A" }]]);
  });

  test('"pre" without round sizes asks for them, as DEAL.STAKE does', () => {
    expect(evaluate("TRANCHES", [[[25e9], [25e9]], [[830e9], [1100e9]], "pre"])).toEqual([
      [
        V(
          'roundsizes (round 1) is blank or 0, and basis "pre" needs it: give all the new money in the round, from every investor (the amount included), such as 100e9. For a round of this investor alone, give its amount.',
        ),
      ],
    ]);
  });

  test("mixed units in one round: the amount larger than its post-money valuation", () => {
    expect(
      evaluate("TRANCHES", [
        [[25e9], [25e9]],
        [[830e9], [1200]],
      ]),
    ).toEqual([
      [
        V(
          "amounts (round 2) (25,000,000,000) is larger than valuations (round 2) (1,200), a post-money valuation: the stake would be above 100%. Are both in the same unit? Type both in full, such as 50e9 and 830e9 for $50 billion at $830 billion.",
        ),
      ],
    ]);
  });

  test("a round larger than its post-money valuation, a round below the amount, a negative amount, an unknown basis", () => {
    expect(evaluate("TRANCHES", [25e9, 830e9, "post", 900e9])).toEqual([
      [
        V(
          'roundsizes (900,000,000,000) is larger than valuations (830,000,000,000), a post-money valuation that includes the round\'s money. Check the units, or use basis "pre".',
        ),
      ],
    ]);
    expect(evaluate("TRANCHES", [[[25e9], [25e9]], 830e9, "post", [[100e9], [10e9]]])).toEqual([
      [
        V(
          "roundsizes (round 2) (10,000,000,000) is smaller than amounts (round 2) (25,000,000,000): roundsizes (round 2) is all the round's new money, amounts (round 2) included. Check the units, or give the round's total.",
        ),
      ],
    ]);
    expect(evaluate("TRANCHES", [[[25e9], [-1]], 830e9])).toEqual([
      [V("amounts (round 2) is -1: it must be 0 or more. Check its sign, or the cell it comes from.")],
    ]);
    expect(evaluate("TRANCHES", [[[1], [1]], 830, [["post"], ["mid"]]])).toEqual([[V('basis (round 2) is "mid": use "post" or "pre".')]]);
  });

  test("a zero post-money valuation is #DIV/0!, as Excel's / gives", () => {
    expect(
      evaluate("TRANCHES", [
        [[0], [0]],
        [[10], [0]],
      ]),
    ).toEqual([[{ kind: "#DIV/0!", message: "valuations (round 2) is 0, and it is a divisor here: it must not be 0." }]]);
  });

  test("the first error in round order is the result", () => {
    expect(evaluate("TRANCHES", [[[-1], [-2]], 830])).toEqual([
      [V("amounts (round 1) is -1: it must be 0 or more. Check its sign, or the cell it comes from.")],
    ]);
  });
});

/** A decimal m·10^e held exactly in a BigInt, for counting the digits src/calc's fraction reaches. */
interface Exact {
  readonly m: bigint;
  readonly e: number;
}
const exactOf = (x: number): Exact => {
  const [digits, exponent = "0"] = String(x).split("e");
  const [whole, fraction = ""] = digits.split(".");
  return { m: BigInt(whole + fraction), e: Number(exponent) - fraction.length };
};
const align = (a: Exact, b: Exact): [bigint, bigint, number] => {
  const e = Math.min(a.e, b.e);
  return [a.m * 10n ** BigInt(a.e - e), b.m * 10n ** BigInt(b.e - e), e];
};
const add = (a: Exact, b: Exact, sign = 1n): Exact => {
  const [x, y, e] = align(a, b);
  return { m: x + sign * y, e };
};
const mul = (a: Exact, b: Exact): Exact => ({ m: a.m * b.m, e: a.e + b.e });
/** Significant digits: from the first to the last non-zero digit. */
const digitsOf = (a: Exact) => (a.m < 0n ? -a.m : a.m).toString().replace(/0+$/, "").length;

describe("decimal.js's one precision holds DEAL.TRANCHES' fraction exactly", () => {
  test(`${MAX_ROUNDS} rounds of the most distant magnitudes stay within the precision, the final quotient's check included`, () => {
    // Each round sets 1e308 against 1e-300 (a premoney or a post-money of about 630 digits), alternating bases.
    const patterns = [
      [1.2345678901234568e-300, 1.7976931348623157e308, 9.876543210987655e-300, false],
      [5e-324, 1.2345678901234566e-290, 1.7976931348623157e308, true],
      [1.7976931348623157e308, 1.7976931348623157e308, 1.7976931348623157e308, false],
      [2.2250738585072014e-308, 1.2345678901234567e300, 2.2250738585072014e-308, true],
    ] as const;
    let widest = 0;
    for (const [first, second] of [
      [0, 1],
      [2, 3],
    ]) {
      let n: Exact = { m: 0n, e: 0 };
      let d: Exact = { m: 1n, e: 0 };
      for (let i = 0; i < MAX_ROUNDS; i++) {
        const [a, v, r, pre] = patterns[i % 2 === 0 ? first : second];
        const post = pre ? add(exactOf(v), exactOf(r)) : exactOf(v);
        const premoney = pre ? exactOf(v) : add(exactOf(v), exactOf(r), -1n);
        n = add(mul(n, premoney), mul(exactOf(a), d));
        d = mul(d, post);
        widest = Math.max(widest, digitsOf(n), digitsOf(d) + 770, digitsOf(post), digitsOf(premoney));
      }
    }
    expect(widest).toBeGreaterThan(30_000);
    expect(widest).toBeLessThanOrEqual(Dec.precision);
  });
});
