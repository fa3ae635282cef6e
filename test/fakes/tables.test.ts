/**
 * Tables: added over a range with a header row (header cells hold text: a number there becomes
 * its text, an empty one "Column1", "Column2"… by position), named Table1, Table2…
 * unless renamed, by Excel's name rules and in one namespace with defined names; a table cannot
 * overlap another; rows appended at the end grow it; found by name ignoring case.
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection
 * https://learn.microsoft.com/javascript/api/excel/excel.table
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection
 */
import type { FakeRequestContext } from "./context";
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

const sheet1 = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Sheet1");

async function addTables(wb: FakeWorkbook, ...addresses: string[]): Promise<string[]> {
  return wb.run(async (context) => {
    const tables = addresses.map((a) => sheet1(context).tables.add(a, true).load("name"));
    await context.sync();
    return tables.map((t) => t.name);
  });
}

describe("adding a table", () => {
  it("makes the header row text, naming empty header cells by position", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", "Year");
    wb.setCell("Sheet1", "B1", 2026);
    expect(await addTables(wb, "A1:C3")).toEqual(["Table1"]);
    const cells = wb.snapshot().sheets[0].cells;
    expect([cells.A1, cells.B1, cells.C1].map((c) => [c.value, c.formula])).toEqual([
      ["Year", null],
      ["2026", null],
      ["Column3", null],
    ]);
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Table1", address: "A1:C3" }]);
  });

  it("names tables Table1, Table2…, skipping a name in use", async () => {
    const wb = new FakeWorkbook();
    wb.addName("Table2", "Sheet1", "Z1");
    expect(await addTables(wb, "A1:B2", "D1:E2")).toEqual(["Table1", "Table3"]);
  });

  it("refuses a table that overlaps another with InvalidOperation", async () => {
    const wb = new FakeWorkbook();
    await addTables(wb, "A1:B3");
    const err = await failure(wb, async (context) => {
      sheet1(context).tables.add("B3:C4", true);
      await context.sync();
    });
    expect(err.code).toBe("InvalidOperation");
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Table1", address: "A1:B3" }]);
  });

  it("refuses a table on a protected sheet with AccessDenied", async () => {
    const wb = new FakeWorkbook();
    wb.protectSheet("Sheet1");
    const err = await failure(wb, async (context) => {
      sheet1(context).tables.add("A1:B2", true);
      await context.sync();
    });
    expect(err.code).toBe("AccessDenied");
  });
});

describe("a table", () => {
  it("is renamed by Excel's name rules, not to a name in use", async () => {
    const wb = new FakeWorkbook();
    wb.addName("DEAL_AMOUNT", "Sheet1", "Z1");
    await addTables(wb, "A1:B2");
    await wb.run(async (context) => {
      context.workbook.tables.getItem("table1").name = "Deals";
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Deals", address: "A1:B2" }]);
    for (const [name, code] of [
      ["two words", "InvalidArgument"],
      ["deal_amount", "ItemAlreadyExists"],
    ]) {
      const err = await failure(wb, async (context) => {
        context.workbook.tables.getItem("Deals").name = name;
        await context.sync();
      });
      expect([name, err.code]).toEqual([name, code]);
    }
  });

  it("grows by the rows appended at its end, parsed as typed input", async () => {
    const wb = new FakeWorkbook();
    await addTables(wb, "A1:B2");
    await wb.run(async (context) => {
      context.workbook.tables.getItem("Table1").rows.add(null as unknown as number, [
        ["'=text", "12"],
        ["x", true],
      ]);
      await context.sync();
    });
    const snap = wb.snapshot().sheets[0];
    expect(snap.tables).toEqual([{ name: "Table1", address: "A1:B4" }]);
    expect([snap.cells.A3.value, snap.cells.B3.value, snap.cells.A4.value, snap.cells.B4.value]).toEqual(["=text", 12, "x", true]);
    const err = await failure(wb, async (context) => {
      context.workbook.tables.getItem("Table1").rows.add(null as unknown as number, [["one column"]]);
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("is found by name; a missing one fails with ItemNotFound or is a null object", async () => {
    const wb = new FakeWorkbook({ sheets: ["Sheet1", "Other"] });
    await addTables(wb, "A1:B2");
    const got = await wb.run(async (context) => {
      const range = context.workbook.tables.getItem("TABLE1").getRange().load("address");
      const missing = context.workbook.tables.getItemOrNullObject("Nope").load("name");
      const onOther = context.workbook.worksheets.getItem("Other").tables.load("items/name");
      const all = context.workbook.tables.load("items/name");
      await context.sync();
      return [range.address, missing.isNullObject, onOther.items.length, all.items.map((t) => t.name)];
    });
    expect(got).toEqual(["Sheet1!A1:B2", true, 0, ["Table1"]]);
    const err = await failure(wb, async (context) => {
      context.workbook.tables.getItem("Nope").load("name");
      await context.sync();
    });
    expect(err.code).toBe("ItemNotFound");
  });
});

describe("table columns", () => {
  it("are named by the header row's text, loaded with the tables in one sync (items/columns/items/name)", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "B2", "When");
    wb.setCell("Sheet1", "C2", 2026);
    wb.setCell("Sheet1", "B3", 1);
    const seen = await wb.run(async (context: FakeRequestContext) => {
      sheet1(context).tables.add("Sheet1!B2:C3", true).name = "Log";
      const tables = context.workbook.tables.load("items/name,items/columns/items/name");
      await context.sync();
      return tables.items.map((t) => [t.name, t.columns.items.map((c) => c.name)]);
    });
    expect(seen).toEqual([["Log", ["When", "2026"]]]);
  });
});
