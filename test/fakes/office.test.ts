/**
 * installFakeOffice: the globals an add-in meets in Excel. Office.context.requirements answers
 * isSetSupported for ExcelApi 1.x up to the workbook's apiVersion (and no other set);
 * Office.onReady resolves with the host; Excel.run runs against the workbook; Excel.ErrorCodes
 * and the enums hold Office.js's string values; OfficeExtension.Error is the fake's error.
 * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport
 * https://learn.microsoft.com/javascript/api/office/office#office-office-onready-function(1)
 * https://learn.microsoft.com/javascript/api/excel/excel.sheetvisibility
 */
import { ERROR_CODES, FakeOfficeError } from "./errors";
import { installFakeOffice } from "./office";
import { FakeWorkbook } from "./workbook";

interface Globals {
  Office: typeof Office;
  Excel: { run: FakeWorkbook["run"]; ErrorCodes: unknown; SheetVisibility: unknown; ChartType: unknown; ChartSeriesBy: unknown };
  OfficeExtension: { Error: unknown };
}

function install(workbook?: FakeWorkbook): { target: Globals; wb: FakeWorkbook } {
  const target = {} as Globals;
  const wb = installFakeOffice(target, workbook);
  return { target, wb };
}

describe("installFakeOffice", () => {
  it("answers isSetSupported for ExcelApi up to the workbook's version, and for no other set", () => {
    const { target } = install(new FakeWorkbook({ apiVersion: 9 }));
    const supported = (name: string, version?: string) => target.Office.context.requirements.isSetSupported(name, version);
    expect([
      supported("ExcelApi", "1.1"),
      supported("ExcelApi", "1.9"),
      supported("ExcelApi", "1.10"),
      supported("ExcelApi", "2.0"),
    ]).toEqual([true, true, false, false]);
    expect([supported("ExcelApi"), supported("WordApi", "1.1"), supported("CustomFunctionsRuntime", "1.1")]).toEqual([true, false, false]);
  });

  it("resolves Office.onReady with the host and calls its callback", async () => {
    const { target } = install();
    const seen: unknown[] = [];
    const info = await target.Office.onReady((i) => seen.push(i));
    expect(info).toEqual({ host: "Excel", platform: "PC" });
    expect(seen).toEqual([{ host: "Excel", platform: "PC" }]);
    expect(target.Office.context.host).toBe("Excel");
  });

  it("runs Excel.run against the workbook it installed, a new one unless given", async () => {
    const { target, wb } = install();
    await target.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect([wb.runCount, wb.cell("Sheet1", "A1")?.value]).toEqual([1, 1]);
  });

  it("sets Excel.ErrorCodes, the enums the add-in uses, and OfficeExtension.Error", () => {
    const { target } = install();
    expect(target.Excel.ErrorCodes).toBe(ERROR_CODES);
    expect(target.Excel.SheetVisibility).toEqual({ visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" });
    expect(target.Excel.ChartType).toEqual({ barClustered: "BarClustered", columnClustered: "ColumnClustered" });
    expect(target.Excel.ChartSeriesBy).toEqual({ auto: "Auto", columns: "Columns", rows: "Rows" });
    expect(target.OfficeExtension.Error).toBe(FakeOfficeError);
  });
});
