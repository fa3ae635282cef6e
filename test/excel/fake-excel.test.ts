/**
 * The fake Excel host behaves like Office.js where the writer depends on it: load before read,
 * writes applied at sync, errors at sync, Excel's parsing of typed input.
 */
import { FakeOfficeError, FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

function setup(options?: ConstructorParameters<typeof FakeWorkbook>[0]): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook(options));
}

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (err) {
    return err as FakeOfficeError;
  }
  throw new Error("expected a rejection");
}

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
    expect(values).toEqual([["", ""], ["", 42]]);
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

describe("fake Excel: queued writes", () => {
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

  it("records whether calculation and screen updating were suspended for a sync", async () => {
    const wb = setup();
    await globalThis.Excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
      await context.sync();
    });
    expect(wb.syncLog.map((s) => [s.calculationSuspended, s.screenUpdatingSuspended])).toEqual([
      [true, true],
      [false, false],
    ]);
  });
});

describe("fake Excel: errors", () => {
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

  it("fails an API above the host's requirement set with ApiNotFound and reports support", async () => {
    const wb = setup({ apiVersion: 9 });
    expect(globalThis.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(globalThis.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    const err = await rejection(
      globalThis.Excel.run(async (context) => {
        context.workbook.notes.add("Sheet1!A1", "hello");
        await context.sync();
      }),
    );
    expect(err.code).toBe("ApiNotFound");
    expect(wb.snapshot().sheets[0].notes).toEqual({});
  });

  it("rejects invalid and duplicate names, and sheet names Excel refuses", async () => {
    const wb = setup();
    wb.addName("TAKEN", "Sheet1", "A1");
    for (const [name, code] of [["A1", "InvalidArgument"], ["two words", "InvalidArgument"], ["taken", "ItemAlreadyExists"]]) {
      const err = await rejection(
        globalThis.Excel.run(async (context) => {
          context.workbook.names.add(name, "=Sheet1!$B$2", "c");
          await context.sync();
        }),
      );
      expect(err.code).toBe(code);
    }
    for (const [name, code] of [["sheet1", "ItemAlreadyExists"], ["a/b", "InvalidArgument"], ["x".repeat(32), "InvalidArgument"]]) {
      const err = await rejection(
        globalThis.Excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      );
      expect(err.code).toBe(code);
    }
  });

  it("fails the next sync when told to", async () => {
    const wb = setup();
    wb.failNextSync("GeneralException", "boom");
    const err = await rejection(globalThis.Excel.run(async (context) => context.sync()));
    expect([err.code, err.message]).toEqual(["GeneralException", "boom"]);
  });
});

describe("fake Excel: snapshot", () => {
  it("returns sheets in order with cells, tables, notes, charts, widths, and names with comments", async () => {
    const wb = setup();
    await globalThis.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Data");
      ws.visibility = "VeryHidden";
      const range = ws.getRange("A1:B3");
      range.values = [["Item", "Amount"], ["x", 1], ["y", 2]];
      range.numberFormat = [[null, null], [null, "0.0"], [null, "0.0"]];
      ws.getRanges("A1:B1").format.font.bold = true;
      ws.tables.add(range, true).name = "DATA_TABLE";
      context.workbook.names.add("AMOUNT_X", ws.getRange("B2"), "the amount of x");
      ws.notes.add("B2", "from the source");
      const chart = ws.charts.add("BarClustered", ws.getRange("B2:B3"), "Columns");
      chart.title.text = "Amounts";
      chart.series.getItemAt(0).setXAxisValues(ws.getRange("A2:A3"));
      chart.setPosition("D2");
      ws.getRange("A:A").format.columnWidth = 60;
      await context.sync();
    });
    const snap = wb.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([["Sheet1", "Visible"], ["Data", "VeryHidden"]]);
    const data = snap.sheets[1];
    expect(data.cells.B2).toEqual({ value: 1, formula: null, numberFormat: "0.0" });
    expect(data.formats).toEqual({ A1: { bold: true }, B1: { bold: true } });
    expect(data.tables).toEqual([{ name: "DATA_TABLE", address: "A1:B3" }]);
    expect(data.notes).toEqual({ B2: "from the source" });
    expect(data.charts).toEqual([{ name: "Chart 1", type: "BarClustered", title: "Amounts", values: "Data!B2:B3", categories: "Data!A2:A3", seriesName: null, anchor: "D2" }]);
    expect(data.columnWidths).toEqual({ A: 60 });
    expect(snap.names).toEqual({ AMOUNT_X: { sheet: "Data", address: "B2", comment: "the amount of x", visible: true } });
  });
});
