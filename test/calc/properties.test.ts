import fc from "fast-check";
import { CATALOG } from "../../src/calc/catalog";
import * as math from "../../src/calc/deal-math";
import { evaluate } from "../../src/calc/dispatch";
import { binaryValue, cagrBounds, cmp, dec, frac, minus, nearestDouble, over, plus, times, ulp, type Frac } from "./support/oracle";
import { propertyRuns } from "../support/property-runs";

const KINDS = ["#DIV/0!", "#NUM!", "#VALUE!", "#N/A"];

/** Numbers of every magnitude, money-like values, and the awkward ones. */
const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 2 ** 53 }),
  fc.integer({ min: -1e12, max: 1e14 }).map((c) => c / 100),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 1e23, 5e-324, Number.MAX_VALUE, 0.1, 0.2, 0.3, 2 ** 53 + 2),
);

const cell = fc.oneof(
  { weight: 6, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, "", " ") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "NaN",
      "Infinity",
      "-Infinity",
      "1e999",
      "abc",
      "post",
      "PRE",
      "value",
      "quote",
      "amzn.price",
      "deal.amount",
      "1,000",
      "6%",
      "$5",
      "--1",
      "0x10",
      "1e",
      ".",
      "e5",
    ),
  },
  { weight: 1, arbitrary: anyNumber.map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const grid = fc
  .integer({ min: 1, max: 3 })
  .chain((rows) =>
    fc
      .integer({ min: 1, max: 3 })
      .chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
  );
const argument = fc.oneof(cell, grid, grid, fc.constant(null));

const call = fc
  .constantFrom(...CATALOG)
  .chain((spec) => fc.tuple(fc.constant(spec.name), fc.array(argument, { minLength: spec.params.length, maxLength: spec.params.length })));

function isWellFormedError(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { kind, message } = value as { kind: unknown; message: unknown };
  return KINDS.includes(kind as string) && typeof message === "string" && message.length > 10 && Object.keys(value).length === 2;
}

/** 100,000 in the deep search. */
const GENERATED_CALLS = propertyRuns(5000, 100_000);

describe(`${GENERATED_CALLS.toLocaleString("en-US")} generated calls across all functions`, () => {
  test("none throws; every cell is a finite number, text, or a well-formed error; the shape is the broadcast shape", () => {
    fc.assert(
      fc.property(call, ([name, args]) => {
        const result = evaluate(name, args);
        const shapes = args.filter((a) => a !== null && a !== undefined).map((a) => (Array.isArray(a) ? [a.length, a[0].length] : [1, 1]));
        if (CATALOG.find((spec) => spec.name === name)!.series) {
          // A function over a series returns one cell.
          expect([result.length, result[0].length]).toEqual([1, 1]);
        } else if (name !== "FIGURES") {
          expect(result.length).toBe(Math.max(1, ...shapes.map((s) => s[0])));
          expect(result.every((row) => row.length === Math.max(1, ...shapes.map((s) => s[1])))).toBe(true);
        }
        for (const row of result) {
          for (const value of row) {
            const ok = (typeof value === "number" && Number.isFinite(value)) || typeof value === "string" || isWellFormedError(value);
            if (!ok) throw new Error(`${name}(${JSON.stringify(args)}) gave ${JSON.stringify(value)}`);
          }
        }
      }),
      { numRuns: GENERATED_CALLS },
    );
  });
});

describe("the pure math, called directly", () => {
  test("never throws for any doubles, NaN and infinities included, and returns a finite number or a well-formed error", () => {
    const x = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, 1));
    const basis = fc.constantFrom<math.Basis>("post", "pre");
    fc.assert(
      fc.property(x, x, x, x, basis, (a, b, c, d, bs) => {
        const results: (number | { kind: string })[] = [
          math.stake(a, b, bs, d),
          math.postMoney(a, b),
          math.preMoney(a, b),
          math.impliedValuation(a, b, bs, d),
          math.dilute(a, b, c),
          math.stakeValue(a, b),
          math.stepUp(a, b),
          math.moic(a, b),
          math.cagr(a, b, c),
          math.priorValue(a, b),
        ];
        results.push(
          math.tranches([
            { amount: a, valuation: b, basis: bs, roundsize: d },
            { amount: c, valuation: d, basis: bs, roundsize: a },
          ]),
        );
        for (const r of results) expect(typeof r === "number" ? Number.isFinite(r) : isWellFormedError(r)).toBe(true);
      }),
      { numRuns: propertyRuns(1000, 10000) },
    );
  });

  test("NaN and an infinity are #VALUE!, naming the argument (Excel's arithmetic cannot read them)", () => {
    expect(math.stake(NaN, 1)).toEqual({
      kind: "#VALUE!",
      message: "amount is NaN, which is not a number: type the number alone, such as 35e9 for $35 billion.",
    });
    expect(math.cagr(1, Infinity, 2)).toEqual({
      kind: "#VALUE!",
      message: "endvalue is beyond Excel's numbers (±1.8e308): check the cell it comes from.",
    });
  });
});

const nonNegative = fc.oneof(
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
  fc.integer({ min: 0, max: 1e15 }),
  fc.integer({ min: 0, max: 1e13 }).map((c) => c / 100),
);
const rounded = (f: Frac) => nearestDouble(f) + 0;

/** The oracle's answer: the correctly rounded double, or #NUM! beyond the doubles. */
function oracle(f: Frac): number | { kind: string } {
  const x = nearestDouble(f);
  return Number.isFinite(x) ? x + 0 : { kind: "#NUM!" };
}

function expectMatch(result: number | { kind: string; message?: string }, expected: number | { kind: string }) {
  if (typeof expected === "number") expect(result).toBe(expected);
  else expect(result).toMatchObject(expected);
}

describe("algebra within correct rounding", () => {
  const money = fc.integer({ min: 0, max: 1e13 }).map((c) => c / 100);

  test("PREMONEY(POSTMONEY(p, a), a) is p exactly for amounts in cents below $100 billion", () => {
    fc.assert(
      fc.property(money, money, (p, a) => expect(math.preMoney(math.postMoney(p, a) as number, a)).toBe(p)),
      { numRuns: propertyRuns(2000, 20000) },
    );
  });

  test("PREMONEY(POSTMONEY(p, a), a) is within the two roundings of p for doubles of every magnitude", () => {
    fc.assert(
      fc.property(nonNegative, nonNegative, (p, a) => {
        const q = math.postMoney(p, a);
        fc.pre(typeof q === "number");
        const r = math.preMoney(q, a) as number;
        const distance = minus(binaryValue(r), binaryValue(p));
        const bound = plus(ulp(q), times(ulp(r), frac(1n, 2n)));
        expect(cmp(distance.num < 0n ? frac(-distance.num, distance.den) : distance, bound)).toBeLessThanOrEqual(0);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test("IMPLIEDVALUATION(a, STAKE(a, v)) is v exactly when the stake is a short decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 10000 }), (units, basisPoints) => {
        const v = units * 1e6;
        const a = (v * basisPoints) / 10000;
        expect(math.impliedValuation(a, math.stake(a, v) as number)).toBe(v);
      }),
      { numRuns: propertyRuns(2000, 20000) },
    );
  });

  test("IMPLIEDVALUATION(a, STAKE(a, v)) is within 3 units in the last place of v for any amount and valuation", () => {
    fc.assert(
      fc.property(nonNegative, nonNegative, (x, y) => {
        const [a, v] = x <= y ? [x, y] : [y, x];
        fc.pre(a > 0);
        const s = math.stake(a, v) as number;
        // A subnormal stake has fewer than 53 bits, so it cannot carry v back to a few units.
        fc.pre(s >= 2 ** -1022);
        const r = math.impliedValuation(a, s);
        // Within 3 units of the largest double the way back may overflow: #NUM!, as any result beyond the doubles.
        if (typeof r !== "number") {
          expect([r.kind, v > Number.MAX_VALUE * (1 - 2 ** -50)]).toEqual(["#NUM!", true]);
        } else {
          const distance = minus(binaryValue(r), binaryValue(v));
          const bound = times(ulp(v), frac(3n));
          expect(cmp(distance.num < 0n ? frac(-distance.num, distance.den) : distance, bound)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test("pre-money STAKE and IMPLIEDVALUATION invert each other on round numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (billions, roundBillions) => {
        const v = billions * 1e9;
        const r = roundBillions * 1e9;
        const s = math.stake(r, v, "pre", r) as number;
        expect(s).toBe(rounded(over(dec(r), dec(v + r))));
        // Back from the rounded stake: r ÷ s − r, correctly rounded. The stake as read (its shortest
        // decimal) is within one unit of the exact r ÷ (v + r), a relative 2^-52, which moves r ÷ s by
        // at most 2 units of v + r; the result's own rounding adds half a unit of v.
        const back = math.impliedValuation(r, s, "pre", r) as number;
        expect(back).toBe(rounded(minus(over(dec(r), dec(s)), dec(r))));
        const distance = minus(binaryValue(back), binaryValue(v));
        expect(
          cmp(
            distance.num < 0n ? frac(-distance.num, distance.den) : distance,
            plus(times(ulp(v + r), frac(2n)), times(ulp(v), frac(1n, 2n))),
          ),
        ).toBeLessThanOrEqual(0);
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});

/**
 * CAGR(start, end, years) is within 2 units in the last place of the exact rate (the oracle's
 * bounds at 160 bits), its stated bound, or #NUM! where the exact rate is beyond the doubles.
 */
function expectCagrWithinTwoUlps(start: number, end: number, years: number): void {
  const result = math.cagr(start, end, years);
  const [lo, hi] = cagrBounds(start, end, years, 160);
  const expected = nearestDouble(lo);
  if (!Number.isFinite(expected)) {
    expect(result).toMatchObject({ kind: "#NUM!" });
  } else {
    const units = times(ulp(expected), frac(2n));
    expect(cmp(binaryValue(result as number), minus(lo, units))).toBeGreaterThanOrEqual(0);
    expect(cmp(binaryValue(result as number), plus(hi, units))).toBeLessThanOrEqual(0);
  }
}

describe("CAGR on generated inputs", () => {
  const positive = fc.oneof(
    fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
    fc.integer({ min: 1, max: 1e13 }).map((c) => c / 100),
  );
  const years = fc.oneof(
    fc.integer({ min: 1, max: 40 }),
    fc.integer({ min: 1, max: 80 }).map((h) => h / 2),
    fc.integer({ min: 1, max: 40 }).map((q) => q / 4),
  );

  test("is within 2 units in the last place of the exact rate", () => {
    fc.assert(
      fc.property(positive, positive, years, (start, end, y) => expectCagrWithinTwoUlps(start, end, y)),
      { numRuns: propertyRuns(300) },
    );
  });

  test("whole years up to 100, growth near 10^-8 included, are within 2 units in the last place", () => {
    const start = fc.oneof(
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.integer({ min: 1, max: 1e13 }).map((c) => c / 100),
    );
    const end = (s: number) =>
      fc.oneof(
        fc.integer({ min: 1, max: 1e12 }).map((c) => c / 100),
        fc.integer({ min: -3, max: 3 }).map((d) => s + s * 1e-8 + d),
        fc.constant(s * 3.7),
      );
    fc.assert(
      fc.property(
        start.chain((s) =>
          fc.tuple(
            fc.constant(s),
            end(s).filter((e) => e > 0),
          ),
        ),
        fc.integer({ min: 2, max: 100 }),
        ([s, e], n) => expectCagrWithinTwoUlps(s, e, n),
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  test("computed values with 17 significant digits, which the fast path cannot read, are within 2 units in the last place", () => {
    // Values a model computes (=B2*1.07, a price three years ago) carry up to 17 digits; near-equal
    // pairs make the growth tiny and test the low part of u.
    const computed = fc.oneof(
      fc.double({ min: 0.5, max: 2, noNaN: true }),
      fc.double({ min: 50, max: 500, noNaN: true }),
      fc.double({ min: 1e8, max: 1e12, noNaN: true }),
    );
    const pair = computed.chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.oneof(
          computed,
          fc.double({ min: -1e-7, max: 1e-7, noNaN: true }).map((d) => s * (1 + d)),
          fc.integer({ min: -5, max: 5 }).map((k) => s + k * s * 2 ** -52),
        ),
      ),
    );
    fc.assert(
      fc.property(
        pair.filter(([, e]) => e > 0),
        years,
        ([start, end], y) => expectCagrWithinTwoUlps(start, end, y),
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  test("over one year is (end − start) ÷ start, correctly rounded", () => {
    fc.assert(
      fc.property(positive, positive, (start, end) => {
        expectMatch(math.cagr(start, end, 1), oracle(over(minus(dec(end), dec(start)), dec(start))));
      }),
      { numRuns: propertyRuns(400) },
    );
  });

  test("money-like values over years with decimals are within 2 units in the last place", () => {
    const money = fc.oneof(
      fc.integer({ min: 1, max: 1e12 }),
      fc.integer({ min: 1, max: 1e13 }).map((c) => c / 100),
    );
    // years = n ÷ d with a small n keeps the oracle's integer root cheap; d makes 0.1, 2.5, 3.75, 12.2 …
    const anyYears = fc.tuple(fc.integer({ min: 1, max: 61 }), fc.constantFrom(1, 2, 4, 5, 10, 20)).map(([n, d]) => n / d);
    fc.assert(
      fc.property(money, money, anyYears, (start, end, y) => expectCagrWithinTwoUlps(start, end, y)),
      { numRuns: propertyRuns(400) },
    );
  });
});
