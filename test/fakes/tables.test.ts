/**
 * Tables: added over a range with a header row (header cells hold text: a number there becomes
 * its text, an empty one "Column1", "Column2"… by position), named Table1, Table2…
 * unless renamed, by Excel's name rules and in one namespace with defined names; a table cannot
 * overlap another; rows added inside it or at its end and columns added at its right shift the
 * cells beyond them (never part of another table); found by name ignoring case.
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection
 * https://learn.microsoft.com/javascript/api/excel/excel.table
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection
 */
import type { FakeRequestContext } from "./context";
import { failure } from "./test-helpers";
import { FakeWorkbook, type FakeWorkbookOptions } from "./workbook";

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

/** A cell as snapshot() shows it. */
const at = (value: unknown, formula: string | null = null) => ({ value, formula, numberFormat: "General" });

/** Sheet1 with the table Figures at A1:B3 (Figure, Value; amount 100; stake 0.05). */
async function figures(options?: FakeWorkbookOptions): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook(options);
  for (const [a, v] of [
    ["A1", "Figure"],
    ["B1", "Value"],
    ["A2", "amount"],
    ["B2", 100],
    ["A3", "stake"],
    ["B3", 0.05],
  ] as const)
    wb.setCell("Sheet1", a, v);
  await wb.run(async (context) => {
    sheet1(context).tables.add("A1:B3", true).name = "Figures";
    await context.sync();
  });
  return wb;
}

/** rows.add(index, values, alwaysInsert) on Figures in one batch. */
function addRows(wb: FakeWorkbook, index: number | null, values?: unknown, alwaysInsert?: boolean): Promise<void> {
  return wb.run(async (context) => {
    const rows = context.workbook.tables.getItem("Figures").rows as unknown as { add(...args: unknown[]): void };
    if (alwaysInsert === undefined) rows.add(index, values);
    else rows.add(index, values, alwaysInsert);
    await context.sync();
  });
}

describe("table rows added (TableRowCollection.add)", () => {
  it("at the end shift the cells below, in the table's columns only, with the formulas, names and notes there", async () => {
    const wb = await figures();
    wb.setCell("Sheet1", "A5", "under the table");
    wb.setCell("Sheet1", "B6", "=A5");
    wb.setCell("Sheet1", "C4", "beside");
    wb.setCell("Sheet1", "D1", "=A5&C4");
    wb.addName("BELOW", "Sheet1", "A5");
    wb.setNote("Sheet1", "A5", "mine");
    await addRows(wb, null, [["'=not a formula", "=B2/2"]]);
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells).toEqual({
      A1: at("Figure"),
      B1: at("Value"),
      D1: at(0, "=A6&C4"),
      A2: at("amount"),
      B2: at(100),
      A3: at("stake"),
      B3: at(0.05),
      A4: at("=not a formula"),
      B4: at(0, "=B2/2"),
      C4: at("beside"),
      A6: at("under the table"),
      B7: at(0, "=A6"),
    });
    expect([snap.sheets[0].tables, snap.names.BELOW.address, snap.sheets[0].notes]).toEqual([
      [{ name: "Figures", address: "A1:B4" }],
      "A6",
      { A6: "mine" },
    ]);
    expect(wb.syncLog[wb.syncLog.length - 1].writes).toEqual([{ op: "TableRowCollection.add", target: "Figures" }]);
  });

  it("at a body row index go inside the table, several at once; with no values they are blank", async () => {
    const wb = await figures();
    await addRows(wb, 0, [
      ["post-money", 1e12],
      ["valuation", 9e11],
    ]);
    await addRows(wb, 3);
    const snap = wb.snapshot().sheets[0];
    expect(snap.tables).toEqual([{ name: "Figures", address: "A1:B6" }]);
    expect([2, 3, 4, 5, 6].map((r) => snap.cells[`A${r}`]?.value ?? null)).toEqual(["post-money", "valuation", "amount", null, "stake"]);
  });

  it("are refused with InsertDeleteConflict when the shift would move part of another table, and nothing changes", async () => {
    const wb = await figures();
    wb.setCell("Sheet1", "B6", "Other");
    wb.setCell("Sheet1", "C6", "Cols");
    await wb.run(async (context) => {
      sheet1(context).tables.add("B6:C7", true);
      await context.sync();
    });
    const before = wb.snapshot();
    const err = await failure(wb, async (context) => {
      context.workbook.tables.getItem("Figures").rows.add(null, [["x", 1]]);
      await context.sync();
    });
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["InsertDeleteConflict", "TableRowCollection.add"]);
    expect(wb.snapshot()).toEqual(before);
  });

  it("are refused on a protected sheet (AccessDenied), and for a row of the wrong width or a position outside the table (InvalidArgument)", async () => {
    const wb = await figures();
    for (const [index, values] of [
      [null, [["one column"]]],
      [3, [["x", 1]]],
      [-2, [["x", 1]]],
      [null, []],
    ] as const) {
      const err = await failure(wb, () => addRows(wb, index, values));
      expect([index, values, err.code]).toEqual([index, values, "InvalidArgument"]);
    }
    wb.protectSheet("Sheet1");
    const err = await failure(wb, () => addRows(wb, null, [["x", 1]]));
    expect(err.code).toBe("AccessDenied");
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Figures", address: "A1:B3" }]);
  });

  it("need ExcelApi 1.4 for several rows at once and 1.15 for alwaysInsert", async () => {
    const old = await figures({ apiVersion: 3 });
    await addRows(old, null, [["one", 1]]);
    const several = await failure(old, () =>
      addRows(old, null, [
        ["two", 2],
        ["three", 3],
      ]),
    );
    const newer = await figures({ apiVersion: 14 });
    const always = await failure(newer, () => addRows(newer, null, [["two", 2]], true));
    expect([several.code, always.code]).toEqual(["ApiNotFound", "ApiNotFound"]);
    expect(old.snapshot().sheets[0].tables).toEqual([{ name: "Figures", address: "A1:B4" }]);
  });

  it("with alwaysInsert false are added below the table, which grows over the cells there; nothing shifts", async () => {
    const wb = await figures();
    wb.setCell("Sheet1", "A4", "typed under");
    wb.setCell("Sheet1", "A5", "stays");
    await addRows(wb, null, [["dilution", 0.1]], false);
    const snap = wb.snapshot().sheets[0];
    expect([snap.tables, snap.cells.A4, snap.cells.B4, snap.cells.A5]).toEqual([
      [{ name: "Figures", address: "A1:B4" }],
      at("dilution"),
      at(0.1),
      at("stays"),
    ]);
    await wb.run(async (context) => {
      sheet1(context).tables.add("B5:B6", true);
      await context.sync();
    });
    const err = await failure(wb, () => addRows(wb, null, [["x", 1]], false));
    expect(err.code).toBe("MergedRangeConflict");
  });

  it("are inserted by the user above a body row (Insert Table Rows Above), blank", async () => {
    const wb = await figures();
    wb.setCell("Sheet1", "C3", "beside");
    wb.insertTableRows("figures", 1, 2);
    const snap = wb.snapshot().sheets[0];
    expect(snap.tables).toEqual([{ name: "Figures", address: "A1:B5" }]);
    expect([snap.cells.A2, snap.cells.A3, snap.cells.A4, snap.cells.A5, snap.cells.C3]).toEqual([
      at("amount"),
      undefined,
      undefined,
      at("stake"),
      at("beside"),
    ]);
    expect(() => wb.insertTableRows("Figures", 5)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
  });
});

describe("table columns added", () => {
  it("by the user at the table's right: it grows by the column, Table.columns lists it, rows.add then takes one value per column", async () => {
    const wb = await figures();
    wb.setCell("Sheet1", "C2", "right of amount");
    wb.setCell("Sheet1", "C5", "below the table");
    wb.setCell("Sheet1", "D1", "=C2");
    expect(wb.addTableColumn("Figures", "Reviewed by")).toBe("Reviewed by");
    expect(wb.addTableColumn("Figures", "reviewed BY")).toBe("reviewed BY2");
    await addRows(wb, null, [["dilution", 0.1, "Ann", ""]]);
    const cells = wb.snapshot().sheets[0].cells;
    expect([cells.C1, cells.D1, cells.C4, cells.E2, cells.F1, cells.C5]).toEqual([
      at("Reviewed by"),
      at("reviewed BY2"),
      at("Ann"),
      at("right of amount"),
      at(0, "=E2"),
      undefined,
    ]);
    expect(cells.C6).toEqual(at("below the table"));
    const columns = await wb.run(async (context) => {
      const t = context.workbook.tables.getItem("Figures").columns.load("items/name");
      await context.sync();
      return t.items.map((c) => c.name);
    });
    expect(columns).toEqual(["Figure", "Value", "Reviewed by", "reviewed BY2"]);
  });

  it("through TableColumnCollection.add: values with the header first, or a name (ExcelApi 1.4); refused on a protected sheet", async () => {
    const wb = await figures();
    await wb.run(async (context) => {
      const columns = context.workbook.tables.getItem("Figures").columns;
      columns.add(null, [["Source"], ["WSJ"], ["'=Reuters"]]);
      columns.add(0, undefined, "Id");
      await context.sync();
    });
    const snap = wb.snapshot().sheets[0];
    expect(snap.tables).toEqual([{ name: "Figures", address: "A1:D3" }]);
    expect([snap.cells.A1, snap.cells.B1, snap.cells.A2, snap.cells.D1, snap.cells.D2, snap.cells.D3]).toEqual([
      at("Id"),
      at("Figure"),
      undefined,
      at("Source"),
      at("WSJ"),
      at("=Reuters"),
    ]);
    const old = await figures({ apiVersion: 3 });
    const named = await failure(old, async (context) => {
      context.workbook.tables.getItem("Figures").columns.add(null, undefined, "Id");
      await context.sync();
    });
    wb.protectSheet("Sheet1");
    const locked = await failure(wb, async (context) => {
      context.workbook.tables.getItem("Figures").columns.add(null, [["x"], [1], [2]]);
      await context.sync();
    });
    expect([named.code, locked.code]).toEqual(["ApiNotFound", "AccessDenied"]);
  });

  it("are refused with InsertDeleteConflict when the shift right would move part of another table", async () => {
    const wb = await figures();
    wb.setCell("Sheet1", "D3", "Other");
    await wb.run(async (context) => {
      sheet1(context).tables.add("D3:D4", true);
      await context.sync();
    });
    expect(() => wb.addTableColumn("Figures", "Reviewed by")).toThrow(expect.objectContaining({ code: "InsertDeleteConflict" }));
    expect(wb.snapshot().sheets[0].tables.map((t) => t.address)).toEqual(["A1:B3", "D3:D4"]);
  });
});

describe("a table's Total row (Table Design › Total Row; Table.showTotals)", () => {
  async function scores(): Promise<FakeWorkbook> {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", "Name");
    wb.setCell("Sheet1", "B1", "Score");
    for (const [r, n, v] of [
      [2, "b", 2],
      [3, "a", 5],
    ] as const) {
      wb.setCell("Sheet1", `A${r}`, n);
      wb.setCell("Sheet1", `B${r}`, v);
    }
    wb.setCell("Sheet1", "A6", "below");
    await addTables(wb, "A1:B3");
    return wb;
  }

  it("is the table's last row, inside its range: Total in the first column, the sum of a column of numbers in the last", async () => {
    const wb = await scores();
    wb.setTableTotals("Table1");
    const s = wb.snapshot().sheets[0];
    expect(s.tables).toEqual([{ name: "Table1", address: "A1:B4" }]);
    expect([s.cells.A4.value, s.cells.B4.formula]).toEqual(["Total", "=SUBTOTAL(109,[Score])"]);
  });

  it("counts a last column of text", async () => {
    const wb = await scores();
    await wb.run(async (context) => {
      sheet1(context).tables.getItem("Table1").columns.add(null, null, "Who");
      await context.sync();
    });
    wb.setCell("Sheet1", "C2", "me");
    wb.setTableTotals("Table1");
    expect(wb.snapshot().sheets[0].cells.C4.formula).toBe("=SUBTOTAL(103,[Who])");
  });

  it("stays last: rows added at the end go in above it, and what is below moves down", async () => {
    const wb = await scores();
    wb.setTableTotals("Table1");
    await wb.run(async (context) => {
      sheet1(context)
        .tables.getItem("Table1")
        .rows.add(null, [["c", 7]]);
      await context.sync();
    });
    const s = wb.snapshot().sheets[0];
    expect(s.tables).toEqual([{ name: "Table1", address: "A1:B5" }]);
    expect([s.cells.A4.value, s.cells.B4.value, s.cells.A5.value, s.cells.A7.value]).toEqual(["c", 7, "Total", "below"]);
  });

  it("stays last through a sort, and hidden again it leaves the table ending at its body", async () => {
    const wb = await scores();
    wb.setTableTotals("Table1");
    wb.sortTable("Table1", 0);
    let s = wb.snapshot().sheets[0];
    expect([s.cells.A2.value, s.cells.A3.value, s.cells.A4.value]).toEqual(["a", "b", "Total"]);
    wb.setTableTotals("Table1", false);
    s = wb.snapshot().sheets[0];
    expect(s.tables).toEqual([{ name: "Table1", address: "A1:B3" }]);
    expect(s.cells.A4).toBeUndefined();
  });

  it("is refused over a row below the table that holds something (Excel would shift cells; not modelled)", async () => {
    const wb = await scores();
    wb.setCell("Sheet1", "B4", "note");
    expect(() => wb.setTableTotals("Table1")).toThrow(expect.objectContaining({ code: "InvalidOperation" }));
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Table1", address: "A1:B3" }]);
  });
});

describe("Table.showTotals", () => {
  it("reads whether the Total row is shown, and shows it when set", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", "Name");
    wb.setCell("Sheet1", "A2", "a");
    await addTables(wb, "A1:A2");
    const read = () =>
      wb.run(async (context) => {
        const t = sheet1(context).tables.getItem("Table1").load("showTotals");
        await context.sync();
        return t.showTotals;
      });
    expect(await read()).toBe(false);
    await wb.run(async (context) => {
      sheet1(context).tables.getItem("Table1").showTotals = true;
      await context.sync();
    });
    expect(await read()).toBe(true);
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Table1", address: "A1:A3" }]);
  });
});

describe("a table's filter (the filter button; Filter.apply, ExcelApi 1.2)", () => {
  async function fruit(): Promise<FakeWorkbook> {
    const wb = new FakeWorkbook();
    const rows: [string, number][] = [
      ["Fruit", 0],
      ["apple", 1],
      ["pear", 2],
      ["apple", 3],
      ["plum", 4],
    ];
    rows.forEach(([f, n], i) => {
      wb.setCell("Sheet1", `A${i + 1}`, f);
      if (i > 0) wb.setCell("Sheet1", `B${i + 1}`, n);
    });
    wb.setCell("Sheet1", "B1", "Count");
    await addTables(wb, "A1:B5");
    return wb;
  }

  const hidden = (wb: FakeWorkbook) => [...(wb.sheetByName("Sheet1").filtered ?? [])].sort((a, b) => a - b);

  it("hides the whole sheet rows whose cell fails, and shows them again when cleared", async () => {
    const wb = await fruit();
    wb.filterTable("Table1", "Fruit", (v) => v === "apple");
    expect(hidden(wb)).toEqual([2, 4]); // rows 3 and 5: pear, plum
    wb.clearTableFilter("Table1");
    expect(hidden(wb)).toEqual([]);
  });

  it("refuses a write of several rows across a hidden one, where Excel misplaces the values (office-js#224); one row, or rows all shown, are written", async () => {
    const wb = await fruit();
    wb.filterTable("Table1", "Fruit", (v) => v === "apple");
    const err = await failure(wb, async (context) => {
      sheet1(context).getRange("B2:B4").values = [[10], [20], [30]];
      await context.sync();
    });
    expect([err.code, err.message]).toEqual([
      "GeneralException",
      "The fake does not model Range.values set across rows a filter hides (office-js#224).",
    ]);
    await wb.run(async (context) => {
      sheet1(context).getRange("B3").values = [[20]];
      sheet1(context).getRange("A6:B7").values = [
        ["x", 1],
        ["y", 2],
      ];
      await context.sync();
    });
    const c = wb.snapshot().sheets[0].cells;
    expect([c.B2.value, c.B3.value, c.B4.value, c.A7.value]).toEqual([1, 20, 3, "y"]);
  });

  it("hidden rows move with whole rows inserted above them, not with cells a new table row shifts", async () => {
    const wb = await fruit();
    wb.filterTable("Table1", "Fruit", (v) => v === "apple");
    wb.insertRows("Sheet1", 0, 2);
    expect(hidden(wb)).toEqual([4, 6]);
    await wb.run(async (context) => {
      sheet1(context)
        .tables.getItem("Table1")
        .rows.add(null, [["fig", 5]]);
      await context.sync();
    });
    expect(hidden(wb)).toEqual([4, 6]);
  });
});
