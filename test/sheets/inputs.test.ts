/**
 * Input cells that guide: every override and input carries Excel data validation within Excel's
 * limits, and the flag beside it shows when a number is out of range or in the wrong unit (35
 * meaning $35B, 114 meaning +114%) and stays empty for a number in the right unit.
 */
import { buildAllBlocks } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import type { CellSpec, SheetSpec } from "../../src/sheets/spec";
import { tableCell } from "./helpers";

const specs = buildAllBlocks();
const spec = (block: string) => specs.find((s) => s.block === block)!;

/** A figure's row (1-based) in its block's table, by its Id cell. */
function figureRow(s: SheetSpec, id: string): number {
  return s.cells.find((c) => c.figureId === id && c.value === id)!.row + 1;
}

/** What the Check cell of a figure's row shows once `typed` is in its Override cell. */
function tableFlag(block: string, id: string, typed: number | string | null): unknown {
  const s = spec(block);
  const row = figureRow(s, id);
  const override = tableCell(s, row, "Override");
  const check = tableCell(s, row, "Check");
  const wb = evaluateWorkbook(specs, { overrides: [{ sheet: s.sheetName, row: override.row, col: override.col, value: typed }] });
  return wb.value(s.sheetName, check.row, check.col);
}

/** What the flag beside an input (the first flag cell to its right) shows once `typed` is in it. */
function inputFlag(block: string, input: CellSpec, typed: number | string | null): unknown {
  const s = spec(block);
  const flag = s.cells.filter((c) => c.row === input.row && c.col > input.col && c.style === "flag").sort((a, b) => a.col - b.col)[0];
  const wb = evaluateWorkbook(specs, { overrides: [{ sheet: s.sheetName, row: input.row, col: input.col, value: typed }] });
  return wb.value(s.sheetName, flag.row, flag.col);
}

const inputLabelled = (block: string, label: string): CellSpec => {
  const row = spec(block).cells.find((c) => typeof c.value === "string" && c.value.startsWith(label))!.row;
  return spec(block).cells.find((c) => c.row === row && c.owner === "user")!;
};

describe("input cells that guide", () => {
  test("every user cell, and only a user cell, has data validation", () => {
    for (const s of specs) {
      for (const c of s.cells) {
        const where = `${s.sheetName}!${toA1(c.row, c.col)}`;
        expect([where, c.validation !== undefined]).toEqual([where, c.owner === "user"]);
      }
    }
  });

  test("every validation refuses text (a number, date or list entry only) and fits Excel's limits on its messages", () => {
    // [MS-XLS] 2.5.37 DValStrings: titles at most 32 characters, the error 225, the prompt 255.
    for (const c of specs.flatMap((s) => s.cells).filter((x) => x.validation)) {
      const v = c.validation!;
      expect(["decimal", "whole", "date", "list"]).toContain(v.type);
      expect(v.type === "list" ? (v.list ?? []).length > 0 : v.min !== undefined || v.max !== undefined).toBe(true);
      expect(v.prompt.title.length).toBeLessThanOrEqual(32);
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.prompt.message.length).toBeLessThanOrEqual(255);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
    }
  });

  test.each([
    [35, "Check units: under $1M"],
    [999_999, "Check units: under $1M"],
    [35e9, ""],
    [1e6, ""],
    [0, ""],
    [-5e9, "Below zero"],
    ["$35bn", "Not a number"],
    [null, ""],
  ])("the amount override %p flags %p", (typed, shown) => {
    expect(tableFlag("deal", "deal.amount", typed)).toBe(shown);
  });

  test.each([
    [114, "Check units: over 1,000%"],
    [1.14, ""],
    [10, ""],
    [-0.5, ""],
    [-1.5, "Below -100%"],
  ])("the 3-year gain override %p flags %p", (typed, shown) => {
    expect(tableFlag("amzn", "amzn.return_3y", typed)).toBe(shown);
  });

  test("a date, a price and a headcount take any number in range; text is not a number", () => {
    expect(tableFlag("deal", "deal.expected_close", 46203)).toBe("");
    expect(tableFlag("deal", "deal.expected_close", "end of March")).toBe("Not a number");
    expect(tableFlag("amzn", "amzn.price", 35)).toBe("");
    expect(tableFlag("capex", "amazon.corporate_layoffs", 16)).toBe("");
    expect(tableFlag("capex", "amazon.corporate_layoffs", -1)).toBe("Below zero");
  });

  test("the scenario's amount flags 35 and not 35e9; its basis flags anything but post or pre", () => {
    const amount = inputLabelled("sensitivity", "Amount Amazon invests");
    expect(inputFlag("sensitivity", amount, 35)).toBe("Check units: under $1M");
    expect(inputFlag("sensitivity", amount, 35e9)).toBe("");
    const basis = inputLabelled("sensitivity", "Valuation basis");
    expect(["post", "pre", "PRE", null, "pst", 1].map((b) => inputFlag("sensitivity", basis, b))).toEqual([
      "",
      "",
      "",
      "",
      "Type post or pre",
      "Type post or pre",
    ]);
  });

  test("a grid step outside 0 to 45% is flagged: past 45% a row would reach zero", () => {
    const step = inputLabelled("sensitivity", "Amount step");
    expect([0, 0.1, 0.45, 0.5, 10, -0.1].map((x) => inputFlag("sensitivity", step, x))).toEqual([
      "",
      "",
      "",
      "Out of range: 0 to 45%",
      "Out of range: 0 to 45%",
      "Out of range: 0 to 45%",
    ]);
  });

  test("the assumptions flag a cost per employee under $1,000 and a share count under a million", () => {
    const cost = inputLabelled("capex", "Fully loaded annual cost");
    expect([200, 200_000].map((x) => inputFlag("capex", cost, x))).toEqual(["Check units: under $1,000", ""]);
    const shares = inputLabelled("amzn", "AMZN shares outstanding");
    expect([10.7, 10.7e9].map((x) => inputFlag("amzn", shares, x))).toEqual(["Check units: under 1M shares", ""]);
  });
});
