/**
 * Custom document properties (ExcelApi 1.7): add creates a property or sets an existing one, keys
 * are case-insensitive, a value keeps its type (String, Number, Boolean), a property is deleted.
 * https://learn.microsoft.com/javascript/api/excel/excel.custompropertycollection
 * https://learn.microsoft.com/javascript/api/excel/excel.customproperty
 */
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

describe("custom properties", () => {
  it("are added with their type, set again by adding the key again, found by the key in any case", async () => {
    const wb = new FakeWorkbook();
    const read = await wb.run(async (context) => {
      const custom = context.workbook.properties.custom;
      custom.add("DealDesk.Version", "2026.1");
      custom.add("Rows", 12);
      custom.add("Reviewed", false);
      custom.add("DealDesk.Version", "2026.2");
      await context.sync();
      const one = custom.getItemOrNullObject("DEALDESK.VERSION").load("key,value,type");
      const all = custom.load("items/key,items/value,items/type");
      await context.sync();
      return [one.isNullObject, one.value, all.items.map((p) => [p.key, p.value, p.type])];
    });
    expect(read).toEqual([
      false,
      "2026.2",
      [
        ["DealDesk.Version", "2026.2", "String"],
        ["Rows", 12, "Number"],
        ["Reviewed", false, "Boolean"],
      ],
    ]);
    expect(wb.snapshot().customProperties).toEqual({ "DealDesk.Version": "2026.2", Rows: 12, Reviewed: false });
  });

  it("are changed and deleted; a missing one is a null object", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.properties.custom.add("A", 1);
      context.workbook.properties.custom.add("B", 2);
      await context.sync();
      const a = context.workbook.properties.custom.getItemOrNullObject("a");
      a.value = 10;
      context.workbook.properties.custom.getItemOrNullObject("B").delete();
      await context.sync();
    });
    expect(wb.snapshot().customProperties).toEqual({ A: 10 });
    const isNull = await wb.run(async (context) => {
      const b = context.workbook.properties.custom.getItemOrNullObject("B").load("value");
      await context.sync();
      return b.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it("need ExcelApi 1.7", async () => {
    const err = await failure(new FakeWorkbook({ apiVersion: 6 }), async (context) => {
      context.workbook.properties.custom.add("A", 1);
      await context.sync();
    });
    expect(err.code).toBe("ApiNotFound");
  });
});
