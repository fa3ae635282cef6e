import fc from "fast-check";
import { binaryValue, cagrBounds, cmp, dec, frac, nearestDouble, nextUp, parseDecimal, ulp } from "./support/oracle";
import { propertyRuns } from "../support/property-runs";

describe("the test oracle itself", () => {
  test("reads decimals exactly", () => {
    expect(dec(0.1)).toEqual(frac(1n, 10n));
    expect(dec(1e21)).toEqual(frac(10n ** 21n));
    expect(dec(-2.5e-7)).toEqual(frac(-25n, 10n ** 8n));
    expect(parseDecimal("0012.50")).toEqual(frac(25n, 2n));
  });

  test("rounds like JavaScript's own decimal parser, which IEEE 754 requires to be correct", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: -340, max: 310 }), (digits, exponent) => {
        const text = `${digits}e${exponent}`;
        expect(nearestDouble(parseDecimal(text))).toBe(Number(text) + 0);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test("breaks ties to even and overflows to Infinity where IEEE 754 does", () => {
    expect(nearestDouble(frac(2n ** 53n + 1n))).toBe(2 ** 53);
    expect(nearestDouble(frac(2n ** 53n + 3n))).toBe(2 ** 53 + 4);
    expect(nearestDouble(frac(10n ** 23n))).toBe(1e23);
    expect(nearestDouble(frac(10n ** 309n))).toBe(Infinity);
    expect(nearestDouble(frac(1n, 10n ** 330n))).toBe(0);
  });

  test("knows the exact value and spacing of doubles", () => {
    expect(binaryValue(0.5)).toEqual(frac(1n, 2n));
    expect(ulp(1)).toEqual(frac(1n, 2n ** 52n));
    expect(cmp(binaryValue(nextUp(0.1)), binaryValue(0.1))).toBe(1);
  });

  test("brackets exact roots: (8/1)^(1/3) − 1 is 1, (1/4)^(1/2) − 1 is −0.5", () => {
    const [lo, hi] = cagrBounds(1, 8, 3);
    expect(cmp(lo, frac(1n))).toBeLessThanOrEqual(0);
    expect(cmp(hi, frac(1n))).toBeGreaterThanOrEqual(0);
    const [lo2, hi2] = cagrBounds(4, 1, 2);
    expect(cmp(lo2, frac(-1n, 2n))).toBeLessThanOrEqual(0);
    expect(cmp(hi2, frac(-1n, 2n))).toBeGreaterThanOrEqual(0);
  });
});
