/**
 * installFakeOffice: the globals an add-in finds in Excel (Office, Excel, OfficeExtension),
 * backed by a FakeWorkbook: Office.onReady, Office.context.requirements.isSetSupported for the
 * ExcelApi requirement sets up to the workbook's apiVersion, Excel.run and the Excel enums the
 * add-in uses.
 * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
import type { FakeRequestContext } from "./context";
import { ERROR_CODES, FakeOfficeError } from "./errors";
import { FakeWorkbook } from "./workbook";

/**
 * Puts `Office`, `Excel` and `OfficeExtension` on `target` (globalThis in Jest, window in the
 * browser), backed by `workbook`; returns the workbook.
 */
export function installFakeOffice(
  target: any,
  workbook: FakeWorkbook = new FakeWorkbook(),
  /** Other requirement sets the host reports, with their highest 1.x minor version ({ CustomFunctionsRuntime: 4 }). */
  sets: Readonly<Record<string, number>> = {},
): FakeWorkbook {
  const info = { host: "Excel", platform: "PC" };
  target.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    context: {
      host: "Excel",
      requirements: {
        isSetSupported(name: string, version?: string | number): boolean {
          const highest = name === "ExcelApi" ? workbook.apiVersion : sets[name];
          if (highest === undefined) return false;
          const [major, minor] = String(version ?? "1.1")
            .split(".")
            .map(Number);
          return major === 1 && (minor || 0) <= highest;
        },
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      if (callback) callback(info);
      return Promise.resolve(info);
    },
  };
  target.Excel = {
    run: <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => workbook.run(batch),
    ErrorCodes: ERROR_CODES,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  };
  target.OfficeExtension = { Error: FakeOfficeError };
  return workbook;
}
