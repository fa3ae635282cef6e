/**
 * The ownership record and block markers in the .xlsx file, as the Excel writer puts them in a
 * workbook (src/ownership/record.ts): the file `npm run workbook` writes is recognised by the
 * pane, and an update on it lists nothing until the figures or the user's cells change.
 */
import type ExcelJS from "exceljs";
import { rangeA1, quoteSheetName } from "../sheets/a1";
import type { SheetSpec } from "../sheets/spec";
import { specExtent } from "../ownership/layout";
import { RECORD_COLUMNS, RECORD_SHEET, bandColumn, markerName, recordName, recordOfSpec, recordRows } from "../ownership/record";

/** An Office.js `formulas` input as an ExcelJS cell value: "'text" is text, "=…" a formula. */
function cellValue(input: string | number): ExcelJS.CellValue {
  if (typeof input === "number") return input;
  if (input.startsWith("'")) return input.slice(1);
  if (input.startsWith("=")) return { formula: input.slice(1) } as ExcelJS.CellFormulaValue;
  return input === "" ? null : input;
}

/** Adds the very hidden record sheet, each block's band and record name, and each block's marker. */
export function writeRecord(workbook: ExcelJS.Workbook, specs: readonly SheetSpec[]): void {
  const sheet = workbook.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  for (const spec of specs) {
    const names = spec.names.map((n) => n.name);
    const tables = Object.fromEntries(spec.tables.map((t) => [t.name, t.name]));
    const rows = recordRows(
      recordOfSpec(spec, { sheetName: spec.sheetName, target: "new-sheet", includeStockHistory: false, names, tables }),
    );
    const left = bandColumn(spec.block);
    rows.forEach((row, r) => row.forEach((input, c) => (sheet.getCell(r + 1, left + c + 1).value = cellValue(input))));
    const band = rangeA1(0, left, rows.length - 1, left + RECORD_COLUMNS - 1, "absolute");
    workbook.definedNames.add(`${quoteSheetName(RECORD_SHEET)}!${band}`, recordName(spec.block));
    const { rows: height, cols } = specExtent(spec);
    const area = rangeA1(spec.origin.row, spec.origin.col, spec.origin.row + height - 1, spec.origin.col + cols - 1, "absolute");
    workbook.definedNames.add(`${quoteSheetName(spec.sheetName)}!${area}`, markerName(spec.block));
  }
}
