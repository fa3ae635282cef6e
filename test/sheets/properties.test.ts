import fc from "fast-check";
import { buildAllBlocks } from "../../src/sheets";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { DERIVED_NAMES, inputNames } from "../../src/sheets/names";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { Fraction } from "./oracle";
import { propertyRuns } from "../support/property-runs";

const specs = buildAllBlocks();
const names = [...Object.values(inputNames(BUILT_IN_FIGURES)), ...DERIVED_NAMES];
const billions = fc.integer({ min: 1, max: 5_000_000 }).map((millions) => millions * 1e6);

describe("properties", () => {
  test("any amount, round and valuation typed as overrides give the exact stakes", () => {
    fc.assert(
      fc.property(billions, billions, billions, (amount, round, valuation) => {
        const wb = evaluateWorkbook(specs, {
          overrides: [
            { sheet: "Deal", row: 4, col: 2, value: amount },
            { sheet: "Deal", row: 6, col: 2, value: round },
            { sheet: "Deal", row: 8, col: 2, value: valuation },
          ],
        });
        const [a, r, v] = [amount, round, valuation].map((x) => Fraction.of(String(x)));
        expect(wb.name("DEAL_STAKE_POST")).toBe(a.div(v).toNumber());
        expect(wb.name("DEAL_STAKE_PRE")).toBe(a.div(v.add(r)).toNumber());
        expect(wb.name("OPENAI_PREMONEY_IMPLIED")).toBe(v.sub(r).toNumber());
        expect(wb.name("DEAL_SHARE_OF_ROUND")).toBe(a.div(r).toNumber());
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  test("a block placed anywhere computes the same values behind every name", () => {
    const atA1 = evaluateWorkbook(specs);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2_000 }), (row, col) => {
        const moved = evaluateWorkbook(buildAllBlocks({ origin: { row, col } }));
        for (const name of names) expect(moved.name(name)).toEqual(atA1.name(name));
      }),
      { numRuns: propertyRuns(25) },
    );
  });

  test("integer arithmetic with precedence matches exact BigInt arithmetic", () => {
    const small = fc.integer({ min: -99_999, max: 99_999 });
    fc.assert(
      fc.property(small, small, small, small, (w, x, y, z) => {
        const wb = evaluateWorkbook([]);
        const big = [w, x, y, z].map(BigInt);
        expect(wb.evaluate(`=${w}+${x}*${y}-${z}`, "none")).toBe(Number(big[0] + big[1] * big[2] - big[3]));
        expect(wb.evaluate(`=(${w}-${x})*(${y}+${z})`, "none")).toBe(Number((big[0] - big[1]) * (big[2] + big[3])));
        expect(wb.evaluate(`=${w}&"|"&${x}`, "none")).toBe(`${w}|${x}`);
        expect(wb.evaluate(`=${w}<${x}`, "none")).toBe(w < x);
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
