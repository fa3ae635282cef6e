/**
 * One reading of numeric text, by Excel's documented rules, for the DEAL.* functions and the
 * sheets' formula evaluator (the pane's preview): each rule is checked through both.
 */
import { toNumber } from "../../src/calc/arguments";
import { numericText } from "../../src/calc/numeric-text";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import type { SheetSpec } from "../../src/sheets/spec";

/** `="text"+0` computed by the evaluator, as a formula in a sheet's cell would be. */
function viaEvaluator(text: string): unknown {
  const sheet: SheetSpec = {
    sheetName: "S",
    cells: [],
    names: [],
    tables: [],
    merges: [],
    columnWidths: [],
    requires: [],
  } as unknown as SheetSpec;
  return evaluateWorkbook([sheet]).evaluate(`="${text}"+0`, "S");
}

describe.each([
  [
    "surrounding spaces are ignored",
    [
      ["  7 ", 7],
      ["\t12.5\t", 12.5],
    ],
  ],
  [
    "thousands separators in groups of three",
    [
      ["1,000", 1000],
      ["1,250.5", 1250.5],
      ["12,345,678", 12345678],
    ],
  ],
  [
    "a currency sign",
    [
      ["$30", 30],
      ["-$5", -5],
      [" $1,000.25 ", 1000.25],
    ],
  ],
  [
    "a percent sign divides by 100",
    [
      ["6%", 0.06],
      ["114%", 1.14],
      ["$50%", 0.5],
    ],
  ],
  [
    "a sign, a decimal point and an exponent",
    [
      ["+3", 3],
      ["-0.5", -0.5],
      [".25", 0.25],
      ["1e9", 1e9],
      ["2.5E-3", 0.0025],
    ],
  ],
  [
    "digits are read exactly, as typed",
    [
      ["0.1", 0.1],
      ["0.3", 0.3],
    ],
  ],
] as const)("%s", (_, cases) => {
  test.each(cases.map(([text, value]) => [text, value]))("%j is %p, in the functions and in the preview's evaluator", (text, value) => {
    expect(numericText(text)).toBe(value);
    expect(toNumber("amount", text)).toBe(value);
    expect(viaEvaluator(text)).toBe(value);
  });
});

describe("text that is not a number", () => {
  test.each([["abc"], ["1,00"], ["1,0000"], ["12 34"], ["$"], ["%"], ["1e"], ["."], ["e5"], ["--1"], ["0x10"], ["2026-03-31"], ["5$"]])(
    "%j is #VALUE! in both",
    (text) => {
      expect(numericText(text)).toBeNull();
      expect(toNumber("amount", text)).toEqual({
        kind: "#VALUE!",
        message: `amount is "${text}", which is not a number: type the number alone, such as 35e9 for $35 billion.`,
      });
      expect(viaEvaluator(text)).toEqual({ error: "#VALUE!" });
    },
  );

  test("blank text is 0 for a function argument (a blank cell) but #VALUE! in a formula's arithmetic, as in Excel", () => {
    expect(numericText("")).toBeNull();
    expect(toNumber("amount", "")).toBe(0);
    expect(viaEvaluator("")).toEqual({ error: "#VALUE!" });
  });
});
