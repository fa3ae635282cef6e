import fc from "fast-check";
import { decimals, scaledArithmetic as o } from "../../src/calc/scaled";
import { dec } from "./support/oracle";
import { propertyRuns } from "../support/property-runs";

/** Digits after the point in String(x), or -1 when the scaled digits reach 2^51 or there are more than 15. */
function expectedDecimals(x: number): number {
  const f = dec(x);
  let k = 0;
  while ((f.num * 10n ** BigInt(k)) % f.den !== 0n) k++;
  const scaled = (f.num * 10n ** BigInt(k)) / f.den;
  const magnitude = scaled < 0n ? -scaled : scaled;
  return k <= 15 && magnitude < 2n ** 51n ? k : -1;
}

const doubles = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).chain((d) => fc.integer({ min: -20, max: 5 }).map((e) => Number(`${d}e${e}`))),
);

describe("decimals: the fast path's reading of a double", () => {
  test.each([
    [0, 0],
    [50e9, 0],
    [12.34, 2],
    [0.1, 1],
    [0.3, 1],
    [1.14, 2],
    [0.0602, 4],
    [2 ** 51, -1],
    [2 ** 51 - 1, 0],
    [1e-16, -1],
    [0.1 + 0.2, -1],
    [1e23, -1],
  ])("decimals(%p) is %p", (x, k) => {
    expect(decimals(x)).toBe(k);
  });

  test("agrees with String(x) on doubles of every kind", () => {
    fc.assert(
      fc.property(doubles, (x) => expect(decimals(x)).toBe(expectedDecimals(x))),
      { numRuns: propertyRuns(2000, 20000) },
    );
  });

  test("gives the same answer however often it is asked (it remembers nothing)", () => {
    expect([decimals(0.1), decimals(0.1 + 0.2), decimals(0.1), decimals(12.34)]).toEqual([1, -1, 1, 2]);
  });
});

describe("the fast path's arithmetic", () => {
  test("is exact on scaled integers and rounds only the quotient", () => {
    expect(o.quotient(o.add(o.read(0.1), o.read(0.2)), o.read(1))).toBe(0.3);
    expect(o.quotient(o.sub(o.read(0.3), o.read(0.1)), o.read(1))).toBe(0.2);
    expect(o.quotient(o.mul(o.read(0.1), o.read(830e9)), o.read(1))).toBe(83e9);
    expect(o.quotient(o.read(50e9), o.add(o.read(830e9), o.read(100e9)))).toBe(50 / 930);
  });

  test("gives NaN, so decimal.js takes over, for inputs and intermediates beyond 2^53", () => {
    expect(o.quotient(o.read(0.1 + 0.2), o.read(1))).toBeNaN();
    expect(o.quotient(o.read(1e23), o.read(1))).toBeNaN();
    expect(o.quotient(o.mul(o.read(2 ** 50), o.read(16)), o.read(1))).toBeNaN();
    expect(o.quotient(o.add(o.read(2 ** 50), o.read(0.001)), o.read(1))).toBeNaN();
    expect(o.sign(o.sub(o.read(1e-15), o.read(2 ** 50)))).toBeNaN();
  });
});
