import fc from "fast-check";
import { binaryRatio, closestDouble, decimals, ratio, splitDouble } from "../../src/calc/exact";
import { binaryValue, dec, frac, minus, nearestDouble, parseDecimal } from "./support/oracle";

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
    fc.assert(fc.property(doubles, (x) => expect(decimals(x)).toBe(expectedDecimals(x))), { numRuns: 20000 });
  });
});

describe("ratio and closestDouble: the exact path", () => {
  test("ratio reads String(x) exactly", () => {
    fc.assert(fc.property(doubles, (x) => {
      const r = ratio(x);
      const f = dec(x);
      expect(r.n * f.den).toBe(f.num * r.d);
    }), { numRuns: 5000 });
  });

  test("closestDouble rounds any fraction to the nearest double, ties to even", () => {
    const fractions = fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.integer({ min: -1150, max: 1100 }));
    fc.assert(
      fc.property(fractions, ([n, d, shift]) => {
        const num = shift >= 0 ? n << BigInt(shift) : n;
        const den = shift >= 0 ? d : d << BigInt(-shift);
        expect(closestDouble({ n: num, d: den }) + 0).toBe(nearestDouble(frac(num, den)) + 0);
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    ["1e23 + 1e-300, a tie broken by the tiny part", "100000000000000000000000.000000000000000000000000001"],
    ["2^53 + 1, a tie to even", "9007199254740993"],
    ["the largest double plus a third of its last unit", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9"],
    ["half the smallest subnormal", "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324"],
  ])("%s", (_, text) => {
    const f = parseDecimal(text);
    expect(closestDouble({ n: f.num, d: f.den })).toBe(nearestDouble(f));
  });
});

describe("binaryRatio and splitDouble: exact binary values and double-double splits", () => {
  const toFrac = (r: { n: bigint; d: bigint }) => frac(r.n, r.d);

  test("binaryRatio is the double's exact binary value, subnormals and negatives included", () => {
    expect(toFrac(binaryRatio(0.1))).toEqual(frac(3602879701896397n, 2n ** 55n));
    expect(toFrac(binaryRatio(-5e-324))).toEqual(frac(-1n, 2n ** 1074n));
    fc.assert(fc.property(doubles, (x) => expect(toFrac(binaryRatio(x))).toEqual(binaryValue(x))), { numRuns: 20000 });
  });

  test("splitDouble gives hi, the fraction correctly rounded, and lo, the rest correctly rounded", () => {
    const third = { n: 1n, d: 3n };
    const { hi, lo } = splitDouble(third);
    expect(hi).toBe(1 / 3);
    expect(lo).toBe(nearestDouble(minus(frac(1n, 3n), binaryValue(1 / 3))));
    const fractions = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 20n }));
    fc.assert(
      fc.property(fractions, ([n, d]) => {
        const split = splitDouble({ n, d });
        expect(split.hi).toBe(nearestDouble(frac(n, d)));
        expect(split.lo).toBe(nearestDouble(minus(frac(n, d), binaryValue(split.hi))));
      }),
      { numRuns: 5000 },
    );
  });
});
