/**
 * A cell holds what Excel makes of the input: text starting with "=" (or "+", "-", "@" when it is
 * not a number) is a formula, an apostrophe makes the rest text, numeric text is a number, TRUE
 * and FALSE are booleans, a date is its serial with a date format, a percentage its fraction with
 * a percent format; a cell formatted as text ("@") keeps what was typed.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * Date serials of the 1900 date system: July 5, 2011 is 40729
 * (https://support.microsoft.com/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487).
 */
import { balanced, dateSerial, emptyCell, parseInput } from "./cells";
import { rejection, setup } from "./test-helpers";
import type { FakeWorkbook } from "./workbook";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

describe("typed input", () => {
  it("parses typed input as Excel does: formulas, numbers, dates, and the apostrophe for text", async () => {
    const wb = setup();
    await globalThis.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1").values = [["=1+1", "'=not a formula", "12.5", "2026-01-28", "-x"]];
      await context.sync();
    });
    const cells = wb.snapshot().sheets[0].cells;
    expect(cells.A1).toEqual({ value: 0, formula: "=1+1", numberFormat: "General" });
    expect(cells.B1).toEqual({ value: "=not a formula", formula: null, numberFormat: "General" });
    expect(cells.C1).toEqual({ value: 12.5, formula: null, numberFormat: "General" });
    expect(cells.D1).toEqual({ value: 46050, formula: null, numberFormat: "yyyy-mm-dd" });
    expect(cells.E1).toEqual({ value: 0, formula: "=-x", numberFormat: "General" });
  });

  it("keeps text as typed in a cell formatted as text", async () => {
    const wb = setup();
    wb.setNumberFormat("Sheet1", "A1", "@");
    wb.setCell("Sheet1", "A1", "=SUM(1)");
    expect(wb.cell("Sheet1", "A1")).toMatchObject({ value: "=SUM(1)", formula: null });
  });

  it.each([
    ["12.5", 12.5, null, "General"],
    ["-5", -5, null, "General"],
    ["50%", 0.5, null, "0%"],
    ["true", true, null, "General"],
    ["FALSE", false, null, "General"],
    ["'TRUE", "TRUE", null, "General"],
    ["'12", "12", null, "General"],
    ["+A1", null, "=+A1", "General"],
    ["-B2*2", null, "=-B2*2", "General"],
    ["@SUM(1,2)", null, "=SUM(1,2)", "General"],
    ["2011-07-05", 40729, null, "yyyy-mm-dd"],
    ["2026-02-30", "2026-02-30", null, "General"],
    ["Deal Desk", "Deal Desk", null, "General"],
  ])("%j becomes value %j, formula %j, format %j", (input, value, formula, numberFormat) => {
    expect(parseInput(input, "General")).toEqual({ value, formula, numberFormat });
  });

  it("keeps a cell's own number format for a percentage or a date, and leaves numbers and booleans as given", () => {
    expect(parseInput("50%", "0.00%")).toEqual({ value: 0.5, formula: null, numberFormat: "0.00%" });
    expect(parseInput("2026-01-28", "d mmm yyyy")).toEqual({ value: 46050, formula: null, numberFormat: "d mmm yyyy" });
    expect(parseInput(3, "0.0")).toEqual({ value: 3, formula: null, numberFormat: "0.0" });
    expect(parseInput(false, "General")).toEqual({ value: false, formula: null, numberFormat: "General" });
  });

  it("treats empty text as clearing the cell", () => {
    expect(parseInput("", "0.0")).toEqual({ value: null, formula: null, numberFormat: "0.0" });
  });
});

describe("date serials (1900 date system)", () => {
  it("counts days as Excel does from March 1900 on", () => {
    expect(dateSerial("1900-03-01")).toBe(61);
    expect(dateSerial("2006-02-01")).toBe(38749);
    expect(dateSerial("2011-07-05")).toBe(40729);
    expect(dateSerial("2026-01-28")).toBe(46050);
  });

  it("refuses dates that do not exist and other text", () => {
    expect(dateSerial("2025-02-29")).toBeNull();
    expect(dateSerial("2026-13-01")).toBeNull();
    expect(dateSerial("28/01/2026")).toBeNull();
  });
});

describe("formula text", () => {
  it("balances parentheses outside string literals", () => {
    expect(balanced("=SUM((A1+1)*2)")).toBe(true);
    expect(balanced('=IF(A1="(",1,2)')).toBe(true);
    expect(balanced("=SUM((1)")).toBe(false);
    expect(balanced("=A1)+(1")).toBe(false);
    expect(balanced('="open')).toBe(false);
  });

  it("an unbalanced formula written to a range fails the sync with InvalidArgument and writes nothing", async () => {
    const wb = setup();
    const err = await rejection(
      globalThis.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SUM((1)"]];
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(wb.cell("Sheet1", "A1")).toBeUndefined();
  });
});

describe("an empty cell", () => {
  it("has no value, no formula and the General format", () => {
    expect(emptyCell()).toEqual({ value: null, formula: null, numberFormat: "General" });
  });
});
