/**
 * The Range object: its address names the sheet ("Sheet1!A1:B4"), values, formulas and number
 * formats are 2-D arrays the size of the range (null leaves a cell as it is), derived ranges
 * stay on the sheet (getCell may leave its parent range), getUsedRange throws ItemNotFound on a
 * range with nothing used, whole rows and columns are inserted and deleted, and a protected
 * sheet refuses writes with AccessDenied.
 * https://learn.microsoft.com/javascript/api/excel/excel.range
 */
import type { FakeRequestContext } from "./context";
import { failure, rejection, setup } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

const sheet1 = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Sheet1");

describe("fake Excel: writing a range", () => {
  it("applies writes only at sync, with null cells left unchanged", async () => {
    const wb = setup();
    wb.setCell("Sheet1", "B1", "keep");
    await globalThis.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, null]];
      expect(wb.cell("Sheet1", "A1")).toBeUndefined();
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].cells).toEqual({
      A1: { value: 1, formula: null, numberFormat: "General" },
      B1: { value: "keep", formula: null, numberFormat: "General" },
    });
    expect(wb.syncLog[0].cellsWritten).toBe(1);
  });

  it("rejects an input array of the wrong size at sync", async () => {
    setup();
    const err = await rejection(
      globalThis.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1]];
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  it("fails a write to a protected sheet with AccessDenied and leaves the sheet unchanged", async () => {
    const wb = setup();
    wb.protectSheet("Sheet1");
    const err = await rejection(
      globalThis.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await context.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(wb.cell("Sheet1", "A1")).toBeUndefined();
  });

  it("writes formulas, number formats, one value to every cell, and clears a cell with empty text", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "C1", "old");
    await wb.run(async (context) => {
      const ws = sheet1(context);
      ws.getRange("A1:B1").formulas = [["=1+2", 7]];
      ws.getRange("A2:B2").numberFormat = [["0.00", "@"]];
      ws.getRange("A3:B3").values = "same" as unknown as string[][];
      ws.getRange("C1").values = [[""]];
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].cells).toEqual({
      A1: { value: 0, formula: "=1+2", numberFormat: "General" },
      B1: { value: 7, formula: null, numberFormat: "General" },
      A2: { value: null, formula: null, numberFormat: "0.00" },
      B2: { value: null, formula: null, numberFormat: "@" },
      A3: { value: "same", formula: null, numberFormat: "General" },
      B3: { value: "same", formula: null, numberFormat: "General" },
    });
  });

  it.each([
    ["a number that is not finite", [[Number.NaN]]],
    ["an object", [[{ x: 1 }]]],
    ["null for the whole range", null],
    ["a ragged array", [[1, 2], [3]]],
  ])("refuses %s with InvalidArgument", async (_what, input) => {
    const wb = new FakeWorkbook();
    const err = await failure(wb, async (context) => {
      sheet1(context).getRange("A1:B2").values = input as unknown as string[][];
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
    expect(wb.snapshot().sheets[0].cells).toEqual({});
  });
});

describe("fake Excel: reading a range", () => {
  it("reads its address with the sheet quoted as needed, its indexes and size", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex 2026"] });
    const r = await wb.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Capex 2026")
        .getRange("C2:E3")
        .load("address,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return [range.address, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount];
    });
    expect(r).toEqual(["'Capex 2026'!C2:E3", 1, 2, 2, 3]);
  });

  it("reads values (a formula's result), formulas (the formula, else the value) and number formats; empty cells are empty text", async () => {
    const wb = new FakeWorkbook({ evaluate: () => 42 });
    wb.setCell("Sheet1", "A1", "=6*7");
    wb.setCell("Sheet1", "B1", "text");
    wb.setNumberFormat("Sheet1", "B1", "@");
    const r = await wb.run(async (context) => {
      const range = sheet1(context).getRange("A1:C1").load("values,formulas,numberFormat");
      await context.sync();
      return [range.values, range.formulas, range.numberFormat];
    });
    expect(r).toEqual([[[42, "text", ""]], [["=6*7", "text", ""]], [["General", "@", "General"]]]);
  });

  it("reads the worksheet a range is on", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal"] });
    const name = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Deal").getRange("B2").worksheet.load("name");
      await context.sync();
      return ws.name;
    });
    expect(name).toBe("Deal");
  });
});

describe("fake Excel: derived ranges", () => {
  it("gets a cell (even outside the range), a resized range and an offset range", async () => {
    const wb = new FakeWorkbook();
    const addresses = await wb.run(async (context) => {
      const base = sheet1(context).getRange("B2:D4");
      const got = [base.getCell(1, 1), base.getCell(5, 5), base.getResizedRange(1, -1), base.getOffsetRange(-1, 2)].map((r) =>
        r.load("address"),
      );
      await context.sync();
      return got.map((r) => r.address);
    });
    expect(addresses).toEqual(["Sheet1!C3", "Sheet1!G7", "Sheet1!B2:C5", "Sheet1!D1:F3"]);
  });

  it("refuses a range that would leave the sheet with InvalidArgument", async () => {
    const err = await failure(new FakeWorkbook(), async (context) => {
      sheet1(context).getRange("A1").getOffsetRange(-1, 0).load("address");
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("the used range within a range; ItemNotFound when nothing in it is used, or a null object", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "C3", 1);
    wb.setCell("Sheet1", "D5", 2);
    const got = await wb.run(async (context) => {
      const used = sheet1(context).getRange("A1:D4").getUsedRange().load("address");
      const none = sheet1(context).getRange("F1:G2").getUsedRangeOrNullObject().load("address");
      await context.sync();
      return [used.address, none.isNullObject];
    });
    expect(got).toEqual(["Sheet1!C3", true]);
    const err = await failure(wb, async (context) => {
      sheet1(context).getRange("F1:G2").getUsedRange().load("address");
      await context.sync();
    });
    expect(err.code).toBe("ItemNotFound");
  });

  it("lists the tables that overlap it, or lie inside it (ExcelApi 1.9)", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      sheet1(context).tables.add("A1:B3", true).name = "Left";
      sheet1(context).tables.add("D1:E3", true).name = "Right";
      await context.sync();
    });
    const names = await wb.run(async (context) => {
      const overlapping = sheet1(context).getRange("B2:D2").getTables().load("items/name");
      const inside = sheet1(context).getRange("A1:C5").getTables(true).load("items/name");
      await context.sync();
      return [overlapping.items.map((t) => t.name), inside.items.map((t) => t.name)];
    });
    expect(names).toEqual([["Left", "Right"], ["Left"]]);
  });

  it("has no merged areas in the fake: a null object", async () => {
    const isNull = await new FakeWorkbook().run(async (context) => {
      const merged = sheet1(context).getRange("A1:B2").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return merged.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});

describe("fake Excel: rows and columns through a range", () => {
  it("inserts a whole row (shift down) and deletes a whole column (shift left), moving cells and references", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A2", 5);
    wb.setCell("Sheet1", "C2", "=A2*2");
    await wb.run(async (context) => {
      sheet1(context).getRange("1:1").insert("Down");
      sheet1(context).getRange("B:B").delete("Left");
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].cells).toEqual({
      A3: { value: 5, formula: null, numberFormat: "General" },
      B3: { value: 0, formula: "=A3*2", numberFormat: "General" },
    });
  });

  it("inserts cells in place of part of a row, shifting down only the cells of its columns; deletes whole lines only", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A2", 5);
    wb.setCell("Sheet1", "C2", "=A2*2");
    await wb.run(async (context) => {
      sheet1(context).getRange("A1:B1").insert("Down");
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].cells).toEqual({
      C2: { value: 0, formula: "=A3*2", numberFormat: "General" },
      A3: { value: 5, formula: null, numberFormat: "General" },
    });
    expect(wb.syncLog[wb.syncLog.length - 1].writes).toEqual([{ op: "Range.insert", target: "Sheet1!A1:B1" }]);
    const err = await failure(wb, async (context) => {
      sheet1(context).getRange("A1:B1").delete("Up");
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("refuses an insert that would shift part of a table (InsertDeleteConflict) or on a protected sheet (AccessDenied)", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A3", "Key");
    wb.setCell("Sheet1", "B3", "Value");
    await wb.run(async (context) => {
      sheet1(context).tables.add("A3:B4", true);
      await context.sync();
    });
    const conflict = await failure(wb, async (context) => {
      sheet1(context).getRange("B1").insert("Down");
      await context.sync();
    });
    wb.protectSheet("Sheet1");
    const locked = await failure(wb, async (context) => {
      sheet1(context).getRange("1:1").insert("Down");
      await context.sync();
    });
    expect([conflict.code, locked.code]).toEqual(["InsertDeleteConflict", "AccessDenied"]);
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Table1", address: "A3:B4" }]);
  });

  it("selects a range, making its sheet active", async () => {
    const wb = new FakeWorkbook({ sheets: ["Sheet1", "Deal"] });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").getRange("B2:C3").select();
      await context.sync();
    });
    expect([wb.snapshot().activeSheet, wb.snapshot().selection]).toEqual(["Deal", { sheet: "Deal", address: "B2:C3" }]);
  });
});

describe("a data type in a cell", () => {
  it("reads #VALUE! from values and the entity itself from valuesAsJson (ExcelApi 1.16), which an older Excel refuses", async () => {
    const entity = { type: "Entity", text: "AMZN share price: around $241.73", properties: {} };
    const wb = new FakeWorkbook({ evaluate: (formula) => (formula === "=CARD()" ? (entity as unknown as number) : 0) });
    wb.setCell("Sheet1", "A1", { formula: "=CARD()" });
    wb.setCell("Sheet1", "B1", 5);
    const read = await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values,valuesAsJson");
      await context.sync();
      return [range.values, range.valuesAsJson];
    });
    expect(read).toEqual([[["#VALUE!", 5]], [[entity, { type: "Double", basicValue: 5 }]]]);
    wb.apiVersion = 15;
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuesAsJson");
      await context.sync();
    });
    expect(err.code).toBe("ApiNotFound");
  });
});
