/**
 * Proxy objects as Office.js has them: a property is readable only after load() and
 * context.sync() (PropertyNotLoaded otherwise), and only the properties that were loaded; a
 * collection's items likewise; an *OrNullObject proxy's isNullObject is known after a sync; a
 * method's result (getCount) has its value after the sync; loaded values are what the workbook
 * held at that sync, not later.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
 * https://learn.microsoft.com/javascript/api/office/officeextension.clientresult
 */
import { parseLoadArg } from "./client";
import { failure, rejection, setup } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

describe("fake Excel: load before read", () => {
  it("throws PropertyNotLoaded when a property is read without load and sync", async () => {
    const wb = setup();
    const err = await rejection(
      globalThis.Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.load("values");
        return range.values;
      }),
    );
    expect(err.code).toBe("PropertyNotLoaded");
    expect(wb.syncCount).toBe(0);
  });

  it("throws PropertyNotLoaded for a property that was not in the load list", async () => {
    setup();
    const err = await rejection(
      globalThis.Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.load("values");
        await context.sync();
        return range.formulas;
      }),
    );
    expect(err.code).toBe("PropertyNotLoaded");
  });

  it("reads loaded values after sync and counts the sync", async () => {
    const wb = setup();
    wb.setCell("Sheet1", "B2", 42);
    const values = await globalThis.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([
      ["", ""],
      ["", 42],
    ]);
    expect(wb.syncCount).toBe(1);
  });

  it("needs a load and a sync before isNullObject and collection items", async () => {
    setup();
    const err = await rejection(
      globalThis.Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject("Nope");
        return ws.isNullObject;
      }),
    );
    expect(err.code).toBe("PropertyNotLoaded");
    const found = await globalThis.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("Nope");
      ws.load("name");
      const all = context.workbook.worksheets;
      all.load("items/name");
      await context.sync();
      return { isNull: ws.isNullObject, names: all.items.map((s) => s.name) };
    });
    expect(found).toEqual({ isNull: true, names: ["Sheet1"] });
  });
});

describe("what load() loads", () => {
  it("accepts a list, an array or { select }, and with no argument loads every scalar property", async () => {
    expect(parseLoadArg("address, rowCount")).toEqual(["address", "rowCount"]);
    expect(parseLoadArg(["address", "values,formulas"])).toEqual(["address", "values", "formulas"]);
    expect(parseLoadArg({ select: "name,visibility" })).toEqual(["name", "visibility"]);
    expect(parseLoadArg(undefined)).toEqual([]);
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "B2", "x");
    const loaded = await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      // The test is of the empty load itself.
      // eslint-disable-next-line office-addins/no-empty-load
      range.load();
      await context.sync();
      return range.toJSON();
    });
    expect(loaded).toEqual({
      address: "Sheet1!B2",
      rowIndex: 1,
      columnIndex: 1,
      rowCount: 1,
      columnCount: 1,
      values: [["x"]],
      valuesAsJson: [[{ type: "String", basicValue: "x" }]],
      formulas: [["x"]],
      numberFormat: [["General"]],
    });
  });

  it("loads a navigation property's scalar through a path", async () => {
    const wb = new FakeWorkbook();
    wb.protectSheet("Sheet1");
    const isProtected = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.load("name, protection/protected");
      await context.sync();
      return [ws.name, ws.protection.protected];
    });
    expect(isProtected).toEqual(["Sheet1", true]);
  });

  it("fails the sync with InvalidArgument for a property the object does not have", async () => {
    const wb = new FakeWorkbook();
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").load("colour");
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("keeps what was loaded at the sync: a later write shows only after another load", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", 1);
    const seen = await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      await context.sync();
      range.values = [[2]];
      await context.sync();
      const before = range.values[0][0];
      range.load("values");
      await context.sync();
      return [before, range.values[0][0]];
    });
    expect(seen).toEqual([1, 2]);
  });

  it("isNullObject is false for an object that exists", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal"] });
    const isNull = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("deal");
      ws.load("name");
      await context.sync();
      return [ws.isNullObject, ws.name];
    });
    expect(isNull).toEqual([false, "Deal"]);
  });

  it("a missing item from getItem fails the sync with ItemNotFound when it is used", async () => {
    const wb = new FakeWorkbook();
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Nope").load("name");
      await context.sync();
    });
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["ItemNotFound", "Worksheet.load"]);
  });
});

describe("method results", () => {
  it("getCount has its value after the sync, not before", async () => {
    const wb = new FakeWorkbook({ sheets: ["A", "B", "C"] });
    const err = await failure(wb, async (context) => context.workbook.worksheets.getCount().value);
    expect(err.code).toBe("PropertyNotLoaded");
    const count = await wb.run(async (context) => {
      const n = context.workbook.worksheets.getCount();
      await context.sync();
      return n.value;
    });
    expect(count).toBe(3);
  });
});
