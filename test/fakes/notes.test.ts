/**
 * Notes (ExcelApi 1.18): one a cell, added on a single cell of the workbook or of a sheet, found
 * by the cell's address (getItem throws ItemNotFound when the cell has none; getItemOrNullObject
 * gives a null object), their content rewritten, deleted; none of it on a protected sheet, whose
 * protection keeps objects (notes among them) from being edited unless it allows it
 * (WorksheetProtectionOptions.allowEditObjects, off by default).
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions
 * https://learn.microsoft.com/javascript/api/excel/excel.notecollection
 * https://learn.microsoft.com/javascript/api/excel/excel.note
 */
import { failure } from "./test-helpers";
import type { FakeNoteCollection } from "./notes";
import { FakeWorkbook } from "./workbook";

describe("notes", () => {
  it("are added through the workbook with a sheet-qualified address or through a sheet, and read back", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Capex"] });
    const contents = await wb.run(async (context) => {
      context.workbook.notes.add("Deal!B5", "from the filing");
      const ws = context.workbook.worksheets.getItem("Capex");
      ws.notes.add(ws.getRange("C3"), "estimate");
      await context.sync();
      const onDeal = context.workbook.worksheets.getItem("Deal").notes.load("items/content");
      const all = context.workbook.notes.load("items/content");
      const one = context.workbook.notes.getItem("Capex!C3").load("content");
      await context.sync();
      return [onDeal.items.map((n) => n.content), all.items.map((n) => n.content), one.content];
    });
    expect(contents).toEqual([["from the filing"], ["from the filing", "estimate"], "estimate"]);
    expect(wb.snapshot().sheets.map((s) => s.notes)).toEqual([{ B5: "from the filing" }, { C3: "estimate" }]);
  });

  it("of a cell without one: getItem fails with ItemNotFound, getItemOrNullObject is a null object", async () => {
    const wb = new FakeWorkbook();
    const isNull = await wb.run(async (context) => {
      const n = context.workbook.notes.getItemOrNullObject("Sheet1!A1").load("content");
      await context.sync();
      return n.isNullObject;
    });
    expect(isNull).toBe(true);
    const err = await failure(wb, async (context) => {
      context.workbook.notes.getItem("Sheet1!A1").load("content");
      await context.sync();
    });
    expect(err.code).toBe("ItemNotFound");
  });

  it("are rewritten and deleted", async () => {
    const wb = new FakeWorkbook();
    wb.setNote("Sheet1", "A1", "old");
    wb.setNote("Sheet1", "A2", "gone");
    await wb.run(async (context) => {
      context.workbook.notes.getItem("Sheet1!A1").content = "new";
      context.workbook.notes.getItem("Sheet1!A2").delete();
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].notes).toEqual({ A1: "new" });
  });

  it("need ExcelApi 1.18", async () => {
    const wb = new FakeWorkbook({ apiVersion: 17 });
    const err = await failure(wb, async (context) => {
      context.workbook.notes.add("Sheet1!A1", "hello");
      await context.sync();
    });
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["ApiNotFound", "NoteCollection.add"]);
  });

  it("are not added, rewritten or deleted on a protected sheet (AccessDenied)", async () => {
    const wb = new FakeWorkbook();
    wb.setNote("Sheet1", "A2", "kept");
    wb.protectSheet("Sheet1");
    for (const change of [
      (notes: FakeNoteCollection) => notes.add("Sheet1!A1", "hello"),
      (notes: FakeNoteCollection) => (notes.getItem("Sheet1!A2").content = "changed"),
      (notes: FakeNoteCollection) => notes.getItem("Sheet1!A2").delete(),
    ]) {
      const err = await failure(wb, async (context) => {
        change(context.workbook.notes);
        await context.sync();
      });
      expect(err.code).toBe("AccessDenied");
    }
    expect(wb.snapshot().sheets[0].notes).toEqual({ A2: "kept" });
  });
});
