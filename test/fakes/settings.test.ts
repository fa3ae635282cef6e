/**
 * Settings (ExcelApi 1.4): an add-in's settings stored in the workbook, by key, any JSON value;
 * set again, deleted; a missing one is a null object.
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 * https://learn.microsoft.com/javascript/api/excel/excel.setting
 */
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

describe("settings", () => {
  it("store JSON values by key and read them back", async () => {
    const wb = new FakeWorkbook();
    const read = await wb.run(async (context) => {
      context.workbook.settings.add("layout", { version: 2, blocks: ["deal", "capex"] });
      context.workbook.settings.add("count", 3);
      await context.sync();
      const layout = context.workbook.settings.getItem("layout").load("key,value");
      const all = context.workbook.settings.load("items/key");
      await context.sync();
      return [layout.key, layout.value, all.items.map((s) => s.key)];
    });
    expect(read).toEqual(["layout", { version: 2, blocks: ["deal", "capex"] }, ["layout", "count"]]);
    expect(wb.snapshot().settings).toEqual({ layout: { version: 2, blocks: ["deal", "capex"] }, count: 3 });
  });

  it("are set again and deleted; a missing one is a null object", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.settings.add("a", 1);
      context.workbook.settings.add("b", 2);
      await context.sync();
      context.workbook.settings.getItem("a").value = "one";
      context.workbook.settings.getItem("b").delete();
      await context.sync();
    });
    expect(wb.snapshot().settings).toEqual({ a: "one" });
    const isNull = await wb.run(async (context) => {
      const b = context.workbook.settings.getItemOrNullObject("b").load("value");
      await context.sync();
      return b.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it("refuse a value that is not JSON with InvalidArgument, and need ExcelApi 1.4", async () => {
    const wb = new FakeWorkbook();
    const err = await failure(wb, async (context) => {
      context.workbook.settings.add("f", undefined);
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
    const old = await failure(new FakeWorkbook({ apiVersion: 3 }), async (context) => {
      context.workbook.settings.add("a", 1);
      await context.sync();
    });
    expect(old.code).toBe("ApiNotFound");
  });
});
