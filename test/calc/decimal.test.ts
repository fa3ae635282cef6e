import fc from "fast-check";
import { Dec, exactValue, quotient } from "../../src/calc/decimal";
import { binaryValue, dec, frac, nearestDouble, over, parseDecimal, type Frac } from "./support/oracle";
import { propertyRuns } from "../support/property-runs";

const toFrac = (d: InstanceType<typeof Dec>) => parseDecimal(d.toFixed());
const fromFrac = (f: Frac) => [new Dec(f.num.toString()), new Dec(f.den.toString())] as const;

describe("the decimal.js configuration", () => {
  test("rounds half to even and keeps sums of far-apart magnitudes exact", () => {
    expect(Dec.rounding).toBe(Dec.ROUND_HALF_EVEN);
    expect(new Dec("1e23").plus("1e-300").toFixed()).toBe(`1${"0".repeat(23)}.${"0".repeat(299)}1`);
    expect(new Dec(0.1).toFixed()).toBe("0.1");
  });
});

describe("exactValue: every binary digit of a double", () => {
  test("of 0.1, the smallest subnormal, the largest double and a negative", () => {
    expect(toFrac(exactValue(0.1))).toEqual(frac(3602879701896397n, 2n ** 55n));
    expect(toFrac(exactValue(5e-324))).toEqual(frac(1n, 2n ** 1074n));
    expect(toFrac(exactValue(Number.MAX_VALUE))).toEqual(frac((2n ** 53n - 1n) * 2n ** 971n));
    expect(toFrac(exactValue(-2.5))).toEqual(frac(-5n, 2n));
  });

  test("agrees with the oracle on doubles of every magnitude", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => expect(toFrac(exactValue(x))).toEqual(binaryValue(x))),
      { numRuns: propertyRuns(500) },
    );
  });
});

describe("quotient: n ÷ d rounded to the nearest double", () => {
  test("agrees with the oracle on quotients of doubles of every magnitude", () => {
    const positive = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).filter((x) => x > 0);
    fc.assert(
      fc.property(positive, positive, (a, b) => expect(quotient(new Dec(a), new Dec(b))).toBe(nearestDouble(over(dec(a), dec(b))))),
      { numRuns: propertyRuns(1000) },
    );
  });

  test.each([
    ["a tie to even, down: (2^53 + 1) ÷ 2^53", frac(2n ** 53n + 1n, 2n ** 53n)],
    ["a tie to even, up: (2^53 + 3) ÷ 2^53", frac(2n ** 53n + 3n, 2n ** 53n)],
    ["a tie broken by a tiny part: 1e23 + 1e-300", parseDecimal(`1${"0".repeat(23)}.${"0".repeat(299)}1`)],
    ["just below a midpoint: 5e22 ÷ (1 + 1e-300)", frac(5n * 10n ** 322n, 10n ** 300n + 1n)],
    ["the largest double plus half its last unit, a tie that overflows", frac((2n ** 54n - 1n) * 2n ** 970n)],
    ["just below that", frac((2n ** 54n - 1n) * 2n ** 970n * 10n ** 20n - 1n, 10n ** 20n)],
    ["half the smallest subnormal, a tie to 0", frac(1n, 2n ** 1075n)],
    ["a third", frac(1n, 3n)],
  ])("%s", (_, f) => {
    const [n, d] = fromFrac(f);
    expect(quotient(n, d)).toBe(nearestDouble(f));
    expect(quotient(n.neg(), d)).toBe(-nearestDouble(f));
  });
});
