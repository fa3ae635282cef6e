/**
 * The workbook: what it starts with, what the user does to it directly (typing, formatting,
 * naming, selecting, protecting; applied at once, no sync), and context.workbook's selection,
 * active cell and structure protection (ExcelApi 1.7).
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook
 * https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection
 */
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

describe("a new workbook", () => {
  it("has Sheet1 active with A1 selected and supports ExcelApi 1.18 unless told", () => {
    const wb = new FakeWorkbook();
    const snap = wb.snapshot();
    expect(wb.apiVersion).toBe(18);
    expect(snap.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([["Sheet1", "Visible", false]]);
    expect([snap.activeSheet, snap.selection]).toEqual(["Sheet1", { sheet: "Sheet1", address: "A1" }]);
    expect([snap.names, snap.customProperties, snap.settings]).toEqual([{}, {}, {}]);
    expect([wb.syncCount, wb.runCount, wb.syncLog]).toEqual([0, 0, []]);
  });

  it("starts with the sheets it is given, in order, each with its own id", () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Capex 2026"], apiVersion: 9 });
    const sheets = wb.snapshot().sheets;
    expect(sheets.map((s) => s.name)).toEqual(["Deal", "Capex 2026"]);
    expect(new Set(sheets.map((s) => s.id)).size).toBe(2);
    expect([wb.apiVersion, wb.snapshot().activeSheet]).toEqual([9, "Deal"]);
  });
});

describe("the user's actions", () => {
  it("types into cells as Excel parses typing, and clears a cell's content but not its format", () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", "=B1*2");
    wb.setCell("Sheet1", "A2", "'=x");
    wb.setCell("Sheet1", "A3", "12");
    wb.setCell("Sheet1", "A4", { formula: "=A3" });
    wb.setNumberFormat("Sheet1", "A5", "0.0%");
    wb.setCell("Sheet1", "A5", 0.25);
    wb.setCell("Sheet1", "A5", null);
    expect(wb.cell("Sheet1", "A1")).toEqual({ value: null, formula: "=B1*2", numberFormat: "General" });
    expect(wb.cell("Sheet1", "A2")).toEqual({ value: "=x", formula: null, numberFormat: "General" });
    expect(wb.cell("Sheet1", "A3")).toEqual({ value: 12, formula: null, numberFormat: "General" });
    expect(wb.cell("Sheet1", "A4")).toEqual({ value: null, formula: "=A3", numberFormat: "General" });
    expect(wb.cell("Sheet1", "A5")).toEqual({ value: null, formula: null, numberFormat: "0.0%" });
    expect(wb.cell("Sheet1", "A6")).toBeUndefined();
  });

  it("reads a formula cell's value from the workbook's evaluate, and 0 without one", async () => {
    const evaluate = (formula: string, sheet: string, address: string) => `${sheet}!${address} ${formula}`;
    for (const [wb, expected] of [
      [new FakeWorkbook({ evaluate }), "Sheet1!B2 =1+1"],
      [new FakeWorkbook(), 0],
    ] as const) {
      wb.setCell("Sheet1", "B2", "=1+1");
      const value = await wb.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
        r.load("values");
        await context.sync();
        return r.values[0][0];
      });
      expect(value).toBe(expected);
      expect(wb.snapshot().sheets[0].cells.B2.value).toBe(expected);
    }
  });

  it("refuses an unknown sheet with ItemNotFound and a malformed address with InvalidArgument", () => {
    const wb = new FakeWorkbook();
    expect(() => wb.setCell("Nope", "A1", 1)).toThrow(expect.objectContaining({ code: "ItemNotFound" }));
    expect(() => wb.setCell("Sheet1", "A1:B2", 1)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    expect(() => wb.addName("A1", "Sheet1", "B2")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
  });

  it("selects a range, which makes its sheet active; context.workbook reads the selection and the active cell", async () => {
    const wb = new FakeWorkbook({ sheets: ["Sheet1", "Deal"] });
    wb.select("Deal", "C4:D6");
    expect([wb.snapshot().activeSheet, wb.snapshot().selection]).toEqual(["Deal", { sheet: "Deal", address: "C4:D6" }]);
    const addresses = await wb.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.getActiveCell().load("address");
      await context.sync();
      return [selected.address, active.address];
    });
    expect(addresses).toEqual(["Deal!C4:D6", "Deal!C4"]);
  });

  it("protects the workbook's structure, which context.workbook.protection reports (ExcelApi 1.7)", async () => {
    const wb = new FakeWorkbook();
    wb.protectStructure();
    const isProtected = await wb.run(async (context) => {
      const p = context.workbook.protection.load("protected");
      await context.sync();
      return p.protected;
    });
    expect(isProtected).toBe(true);
    const err = await failure(new FakeWorkbook({ apiVersion: 6 }), async (context) => {
      context.workbook.protection.load("protected");
      await context.sync();
    });
    expect(err.code).toBe("ApiNotFound");
  });

  it("names a cell or a range as the user does, with a comment; a name in use, a table's too, is refused", async () => {
    const wb = new FakeWorkbook();
    wb.addName("DEAL_AMOUNT", "Sheet1", "D5", "the amount");
    wb.addName("Years", "Sheet1", "B2:B6");
    expect(wb.snapshot().names).toEqual({
      DEAL_AMOUNT: { sheet: "Sheet1", address: "D5", comment: "the amount", visible: true },
      Years: { sheet: "Sheet1", address: "B2:B6", comment: "", visible: true },
    });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("F1:F2", true).name = "Log";
      await context.sync();
    });
    for (const name of ["deal_amount", "LOG"])
      expect(() => wb.addName(name, "Sheet1", "A1")).toThrow(expect.objectContaining({ code: "ItemAlreadyExists" }));
  });

  it("re-points a name in Name Manager, keeping its comment and visibility; deletes one; re-creates it", () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Mine"] });
    wb.addName("DEAL_AMOUNT", "Deal", "D5", "the amount");
    wb.names.get("DEAL_AMOUNT")!.visible = false;
    wb.setCell("Deal", "A1", "=DEAL_AMOUNT*2");
    wb.repointName("deal_amount", "Mine", "B2:B3");
    expect(wb.snapshot().names).toEqual({ DEAL_AMOUNT: { sheet: "Mine", address: "B2:B3", comment: "the amount", visible: false } });
    wb.deleteName("Deal_Amount");
    expect([wb.snapshot().names, wb.cell("Deal", "A1")?.formula]).toEqual([{}, "=DEAL_AMOUNT*2"]);
    expect(() => wb.repointName("DEAL_AMOUNT", "Deal", "D5")).toThrow(expect.objectContaining({ code: "ItemNotFound" }));
    expect(() => wb.deleteName("DEAL_AMOUNT")).toThrow(expect.objectContaining({ code: "ItemNotFound" }));
    wb.addName("DEAL_AMOUNT", "Deal", "D6");
    expect(wb.snapshot().names).toEqual({ DEAL_AMOUNT: { sheet: "Deal", address: "D6", comment: "", visible: true } });
  });

  it("formats cells or ranges: number format, fill (null for none) and bold, which snapshot() shows", () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "B5", 0.25);
    wb.setNumberFormat("Sheet1", "B5:B6", "0.0%");
    wb.setFill("Sheet1", "B5:C5", "#FFFF00");
    wb.setBold("Sheet1", "B5");
    wb.setFill("Sheet1", "C5", null);
    const snap = wb.snapshot().sheets[0];
    expect([snap.cells, snap.formats]).toEqual([
      {
        B5: { value: 0.25, formula: null, numberFormat: "0.0%" },
        B6: { value: null, formula: null, numberFormat: "0.0%" },
      },
      { B5: { bold: true, fill: "#FFFF00" } },
    ]);
    wb.setBold("Sheet1", "B5", false);
    expect(wb.snapshot().sheets[0].formats).toEqual({ B5: { fill: "#FFFF00" } });
  });
});

describe("Excel.run", () => {
  it("runs a batch with its own context, counts the run and returns the batch's result", async () => {
    const wb = new FakeWorkbook();
    const contexts: unknown[] = [];
    const results = [await wb.run(async (c) => (contexts.push(c), "one")), await wb.run(async (c) => (contexts.push(c), "two"))];
    expect(results).toEqual(["one", "two"]);
    expect(contexts[0]).not.toBe(contexts[1]);
    expect(wb.runCount).toBe(2);
  });
});

describe("clone", () => {
  it("is the same workbook, as a snapshot sees it, and edits to either leave the other alone", () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Notes"] });
    wb.setCell("Deal", "B2", 42);
    wb.setCell("Deal", "C2", { formula: "=B2*2" });
    wb.setNote("Deal", "B2", "mine");
    wb.addName("MY_CELL", "Deal", "B2", "a name");
    wb.protectSheet("Notes");
    const copy = wb.clone();
    expect(copy.snapshot()).toEqual(wb.snapshot());
    const before = JSON.stringify(wb.snapshot());
    copy.insertRows("Deal", 0, 1);
    copy.setCell("Deal", "A1", "typed in the copy");
    copy.renameSheet("Notes", "Renamed");
    expect(JSON.stringify(wb.snapshot())).toBe(before);
    expect(copy.snapshot().names.MY_CELL).toMatchObject({ sheet: "Deal", address: "B3" });
    wb.setCell("Deal", "B2", 7);
    expect(copy.cell("Deal", "B3")?.value).toBe(42);
  });
});

describe("snapshot({ veryHidden: false })", () => {
  it("leaves out the cells of a very hidden sheet, and keeps the sheet and every other cell", () => {
    const wb = new FakeWorkbook({ sheets: ["Deal"] });
    wb.addSheet("Record", { visibility: "VeryHidden" });
    wb.setCell("Deal", "A1", "seen");
    wb.setCell("Record", "A1", "bookkeeping");
    const light = wb.snapshot({ veryHidden: false });
    expect(light.sheets.map((s) => [s.name, s.visibility, Object.keys(s.cells)])).toEqual([
      ["Deal", "Visible", ["A1"]],
      ["Record", "VeryHidden", []],
    ]);
    expect(wb.snapshot().sheets[1].cells.A1?.value).toBe("bookkeeping");
  });
});
