/**
 * Data validation (ExcelApi 1.8): a rule of one criteria type, prompt, error alert and blanks
 * set on every cell of a range and read back; Excel's defaults; clear(); type and valid; a value
 * typed by the user checked against the rule (a Stop alert refuses it), an API write never.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation
 */
import type { FakeRequestContext } from "./context";
import { typeAsUser, validationsOf } from "./data-validation";
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

const sheet1 = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Sheet1");

/** B2:B3 take a decimal of 0 or more, with a prompt and a Stop alert. */
async function dollars(wb: FakeWorkbook, style = "Stop"): Promise<void> {
  await wb.run(async (context) => {
    const dv = sheet1(context).getRange("B2:B3").dataValidation;
    dv.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    dv.prompt = { showPrompt: true, title: "Dollars, in full", message: "Type 35e9 for $35B." };
    dv.errorAlert = { showAlert: true, style, title: "Not dollars", message: "Type a number." };
    await context.sync();
  });
}

describe("data validation", () => {
  it("sets the rule, prompt and alert on every cell and reads them back, formulas as formula text", async () => {
    const wb = new FakeWorkbook();
    await dollars(wb);
    const read = await wb.run(async (context) => {
      const dv = sheet1(context).getRange("B2:B3").dataValidation.load("type,rule,prompt,errorAlert,ignoreBlanks");
      await context.sync();
      return [dv.type, dv.rule, dv.prompt, dv.errorAlert, dv.ignoreBlanks];
    });
    expect(read).toEqual([
      "Decimal",
      { decimal: { operator: "GreaterThanOrEqualTo", formula1: "=0" } },
      { showPrompt: true, title: "Dollars, in full", message: "Type 35e9 for $35B." },
      { showAlert: true, style: "Stop", title: "Not dollars", message: "Type a number." },
      true,
    ]);
    expect(Object.keys(validationsOf(wb, "Sheet1"))).toEqual(["B2", "B3"]);
  });

  it("a cell without validation reads type None and Excel's defaults: no prompt, a Stop alert, blanks ignored", async () => {
    const wb = new FakeWorkbook();
    const read = await wb.run(async (context) => {
      const dv = sheet1(context).getRange("A1").dataValidation.load("type,prompt,errorAlert,ignoreBlanks");
      await context.sync();
      return [dv.type, dv.prompt.showPrompt, dv.errorAlert.showAlert, dv.errorAlert.style, dv.ignoreBlanks];
    });
    expect(read).toEqual(["None", false, true, "Stop", true]);
  });

  it("a range with validation on some cells is MixedCriteria, with different rules Inconsistent", async () => {
    const wb = new FakeWorkbook();
    await dollars(wb);
    const types = await wb.run(async (context) => {
      sheet1(context).getRange("B4").dataValidation.rule = { list: { inCellDropDown: true, source: "post,pre" } };
      const mixed = sheet1(context).getRange("B1:B2").dataValidation.load("type");
      const inconsistent = sheet1(context).getRange("B3:B4").dataValidation.load("type");
      await context.sync();
      return [mixed.type, inconsistent.type];
    });
    expect(types).toEqual(["MixedCriteria", "Inconsistent"]);
  });

  it("refuses at sync a rule with no criteria or two, an unknown operator, Between without formula2", async () => {
    const bad: unknown[] = [
      {},
      { decimal: { formula1: 0, operator: "GreaterThan" }, wholeNumber: { formula1: 0, operator: "GreaterThan" } },
      { decimal: { formula1: 0, operator: "Above" } },
      { decimal: { formula1: 0, operator: "Between" } },
    ];
    for (const rule of bad) {
      const err = await failure(new FakeWorkbook(), async (context) => {
        sheet1(context).getRange("A1").dataValidation.rule = rule;
        await context.sync();
      });
      expect([JSON.stringify(rule), err.code]).toEqual([JSON.stringify(rule), "InvalidArgument"]);
    }
  });

  it("clear() removes the validation; it needs ExcelApi 1.8 and an unprotected sheet", async () => {
    const wb = new FakeWorkbook();
    await dollars(wb);
    await wb.run(async (context) => {
      sheet1(context).getRange("B3").dataValidation.clear();
      await context.sync();
    });
    expect(Object.keys(validationsOf(wb, "Sheet1"))).toEqual(["B2"]);
    const old = await failure(new FakeWorkbook({ apiVersion: 7 }), async (context) => {
      sheet1(context).getRange("A1").dataValidation.clear();
      await context.sync();
    });
    expect(old.code).toBe("ApiNotFound");
    const locked = new FakeWorkbook();
    locked.protectSheet("Sheet1");
    const denied = await failure(locked, async (context) => {
      sheet1(context).getRange("A1").dataValidation.ignoreBlanks = false;
      await context.sync();
    });
    expect(denied.code).toBe("AccessDenied");
  });

  it("a Stop alert refuses what the user types that the rule rejects, text such as $35bn included; the cell keeps its value", async () => {
    const wb = new FakeWorkbook();
    await dollars(wb);
    expect(typeAsUser(wb, "Sheet1", "B2", "35e9")).toBeNull();
    expect(wb.cell("Sheet1", "B2")?.value).toBe(35e9);
    expect(typeAsUser(wb, "Sheet1", "B2", "$35bn")).toEqual({ refused: true, title: "Not dollars", message: "Type a number." });
    expect(typeAsUser(wb, "Sheet1", "B2", -1)).toMatchObject({ refused: true });
    expect(wb.cell("Sheet1", "B2")?.value).toBe(35e9);
    // Blank passes while blanks are ignored.
    expect(typeAsUser(wb, "Sheet1", "B2", null)).toBeNull();
  });

  it("a Warning alert lets the value in after showing itself", async () => {
    const wb = new FakeWorkbook();
    await dollars(wb, "Warning");
    expect(typeAsUser(wb, "Sheet1", "B2", "$35bn")).toEqual({ refused: false, title: "Not dollars", message: "Type a number." });
    expect(wb.cell("Sheet1", "B2")?.value).toBe("$35bn");
  });

  it("whole numbers, dates (an ISO bound) and lists (any case) check what is typed", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      sheet1(context).getRange("A1").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      sheet1(context).getRange("A2").dataValidation.rule = { date: { formula1: "1900-03-01", operator: "GreaterThanOrEqualTo" } };
      sheet1(context).getRange("A3").dataValidation.rule = { list: { inCellDropDown: true, source: "post,pre" } };
      sheet1(context).getRange("A4").dataValidation.rule = { decimal: { formula1: 0, formula2: 0.45, operator: "Between" } };
      await context.sync();
    });
    const refused = (address: string, input: string | number) => typeAsUser(wb, "Sheet1", address, input)?.refused ?? false;
    expect([refused("A1", 16000), refused("A1", 1.5)]).toEqual([false, true]);
    expect([refused("A2", "2026-03-31"), refused("A2", "end of March")]).toEqual([false, true]);
    expect([refused("A3", "PRE"), refused("A3", "post"), refused("A3", "posts")]).toEqual([false, false, true]);
    expect([refused("A4", "10%"), refused("A4", 0.5)]).toEqual([false, true]);
  });

  it("an API write or a paste is never checked: valid then reads false, and null over valid and invalid cells", async () => {
    const wb = new FakeWorkbook();
    await dollars(wb);
    wb.setCell("Sheet1", "B2", "$35bn");
    wb.setCell("Sheet1", "B3", 35e9);
    const valid = await wb.run(async (context) => {
      const both = sheet1(context).getRange("B2:B3").dataValidation.load("valid");
      const bad = sheet1(context).getRange("B2").dataValidation.load("valid");
      const good = sheet1(context).getRange("B3").dataValidation.load("valid");
      await context.sync();
      return [both.valid, bad.valid, good.valid];
    });
    expect(valid).toEqual([null, false, true]);
  });

  it("belongs to its cell: a row inserted above moves it down", () => {
    const wb = new FakeWorkbook();
    return dollars(wb).then(() => {
      wb.insertRows("Sheet1", 0, 2);
      expect(Object.keys(validationsOf(wb, "Sheet1"))).toEqual(["B4", "B5"]);
    });
  });
});
