/**
 * The request context: writes are queued and applied only at context.sync(), in order; the first
 * operation that fails rejects the sync with its error, what ran before it stays applied and what
 * was queued after it is dropped; an API newer than the host's ExcelApi requirement set fails
 * with ApiNotFound; a context is dead once its Excel.run has ended; calculation and screen
 * updating are suspended until the next sync only.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * https://learn.microsoft.com/javascript/api/excel/excel.application
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
import type { FakeRequestContext } from "./context";
import { failure, rejection, setup } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

describe("fake Excel: queued writes", () => {
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

  it("applies queued writes in order at the sync", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      const a1 = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      a1.values = [[1]];
      a1.values = [[2]];
      expect(wb.cell("Sheet1", "A1")).toBeUndefined();
      await context.sync();
    });
    expect(wb.cell("Sheet1", "A1")?.value).toBe(2);
  });

  it("logs each sync: its index, its operations and the distinct cells it wrote", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      sheet.getRange("A1").numberFormat = [["0.0"]];
      await context.sync();
      sheet.getRange("A1").load("values");
      await context.sync();
    });
    expect(wb.syncLog).toEqual([
      expect.objectContaining({ index: 0, operations: 2, cellsWritten: 4 }),
      expect.objectContaining({ index: 1, operations: 1, cellsWritten: 0 }),
    ]);
    expect([wb.syncCount, wb.runCount]).toEqual([2, 1]);
  });
});

describe("fake Excel: the writes a sync applied", () => {
  it("are logged in queue order with their targets; loads and lookups are not writes", async () => {
    const wb = new FakeWorkbook({ sheets: ["Sheet1"] });
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.add("Capex 2026");
      context.workbook.names.add("CAPEX", ws.getRange("B2:B5"), "capex by year");
      ws.getRange("B2:C5").formulas = [
        [1, "=CAPEX"],
        [2, "=B3"],
        [3, "=B4"],
        [4, "=B5"],
      ];
      ws.getRange("B2:B5").numberFormat = [["0"], ["0"], ["0"], ["0"]];
      ws.getRanges("A1:C1, A7").format.font.bold = true;
      ws.getRange("A1").load("values");
      context.workbook.names.getItemOrNullObject("CAPEX").load("name");
      const chart = ws.charts.add("BarClustered", ws.getRange("B2:B5"), "Columns");
      chart.title.text = "Capex";
      chart.series.getItemAt(0).setValues(ws.getRange("C2:C5"));
      chart.series.getItemAt(0).setXAxisValues(ws.getRange("A2:A5"));
      chart.series.getItemAt(0).name = "Capex";
      ws.notes.add("B2", "estimate");
      ws.name = "Capex";
      context.workbook.settings.add("layout", 1);
      await context.sync();
    });
    expect(wb.syncLog[0].writes).toEqual([
      { op: "WorksheetCollection.add", target: "Capex 2026" },
      { op: "NamedItemCollection.add", target: "CAPEX" },
      { op: "Range.formulas", target: "Capex 2026!B2:C5" },
      { op: "Range.numberFormat", target: "Capex 2026!B2:B5" },
      { op: "RangeFont.bold", target: "Capex 2026!A1:C1,Capex 2026!A7" },
      { op: "ChartCollection.add", target: "Capex 2026!B2:B5" },
      { op: "Chart.title", target: "Chart 1" },
      { op: "ChartSeries.setValues", target: "Capex 2026!C2:C5" },
      { op: "ChartSeries.setXAxisValues", target: "Capex 2026!A2:A5" },
      { op: "ChartSeries.name", target: "Chart 1" },
      { op: "NoteCollection.add", target: "Capex 2026!B2" },
      { op: "Worksheet.name", target: "Capex 2026" },
      { op: "SettingCollection.add", target: "layout" },
    ]);
    // 13 writes, and 4 operations that are not: getRanges' version check, the range's load, the
    // name's lookup and its load.
    expect(wb.syncLog[0].operations).toBe(17);
  });

  it("of a failed sync stop before the operation that failed", async () => {
    const wb = new FakeWorkbook({ sheets: ["Open", "Locked"] });
    wb.protectSheet("Locked");
    await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Open").getRange("A1").values = [[1]];
      context.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
      context.workbook.names.add("LATER", "=Open!$A$1");
      await context.sync();
    });
    expect(wb.syncLog[0].writes).toEqual([{ op: "Range.values", target: "Open!A1" }]);
  });
});

describe("fake Excel: a failing sync", () => {
  it("keeps what ran before the failing operation and drops what was queued after it", async () => {
    const wb = new FakeWorkbook({ sheets: ["Open", "Locked"] });
    wb.protectSheet("Locked");
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Open").getRange("A1").values = [[1]];
      context.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
      context.workbook.worksheets.getItem("Open").getRange("A2").values = [[3]];
      await context.sync();
    });
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["AccessDenied", "Range.values"]);
    expect(Object.keys(wb.snapshot().sheets[0].cells)).toEqual(["A1"]);
    expect(wb.syncLog).toEqual([expect.objectContaining({ index: 0, operations: 3, cellsWritten: 1 })]);
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

  it.each([
    [5, "suspendApiCalculationUntilNextSync", (c: FakeRequestContext) => c.application.suspendApiCalculationUntilNextSync()],
    [8, "suspendScreenUpdatingUntilNextSync", (c: FakeRequestContext) => c.application.suspendScreenUpdatingUntilNextSync()],
  ])("on ExcelApi 1.%i, %s fails with ApiNotFound", async (apiVersion, what, call) => {
    const err = await failure(new FakeWorkbook({ apiVersion }), async (context) => {
      call(context);
      await context.sync();
    });
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["ApiNotFound", `Application.${what}`]);
  });

  it("fails the next sync when told to", async () => {
    const wb = setup();
    wb.failNextSync("GeneralException", "boom");
    const err = await rejection(globalThis.Excel.run(async (context) => context.sync()));
    expect([err.code, err.message]).toEqual(["GeneralException", "boom"]);
  });

  it("fails a later sync when told to skip some, applying nothing of the failed one", async () => {
    const wb = new FakeWorkbook();
    wb.failNextSync("GeneralException", "later", 1);
    const err = await failure(wb, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
      sheet.getRange("A2").values = [[2]];
      await context.sync();
    });
    expect([err.code, err.message]).toEqual(["GeneralException", "later"]);
    expect(Object.keys(wb.snapshot().sheets[0].cells)).toEqual(["A1"]);
    await wb.run(async (context) => context.sync());
    expect(wb.syncLog.map((s) => s.index)).toEqual([0, 1, 2]);
  });
});

describe("fake Excel: a context after its Excel.run", () => {
  it("refuses to queue or sync with InvalidObjectPath", async () => {
    const wb = new FakeWorkbook();
    let kept: FakeRequestContext | null = null;
    await wb.run(async (context) => {
      kept = context;
    });
    const context = kept as unknown as FakeRequestContext;
    expect(() => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    expect((await rejection(context.sync())).code).toBe("InvalidObjectPath");
  });
});
