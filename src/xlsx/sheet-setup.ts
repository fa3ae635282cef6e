/**
 * What the .xlsx file adds to a sheet's cells so it behaves as the one the pane inserts: data
 * validation on input cells, the heights of rows with wrapped text, and the page setup (print
 * area, titles, orientation, one page wide). Both writers render the same spec fields
 * (src/sheets/spec.ts); this is the ExcelJS side.
 */
import type ExcelJS from "exceljs";
import { rangeA1 } from "../sheets/a1";
import { serialToIsoDate } from "../sheets/formats";
import type { InputValidation, SheetSpec } from "../sheets/spec";

/** The bounds as ExcelJS operator and formulae; a date's as ISO text, which ExcelJS turns into a serial. */
function bounds(v: InputValidation): Pick<ExcelJS.DataValidation, "operator" | "formulae"> {
  const value = (n: number) => (v.type === "date" ? serialToIsoDate(n) : n);
  if (v.min !== undefined && v.max !== undefined) return { operator: "between", formulae: [value(v.min), value(v.max)] };
  if (v.min !== undefined) return { operator: "greaterThanOrEqual", formulae: [value(v.min)] };
  if (v.max !== undefined) return { operator: "lessThanOrEqual", formulae: [value(v.max)] };
  throw new Error(`A ${v.type} validation needs a bound.`);
}

/** An input cell's validation as ExcelJS writes it: refused values stop with the error, blank is allowed. */
export function xlsxValidation(v: InputValidation): ExcelJS.DataValidation {
  const rule = v.type === "list" ? { type: "list" as const, formulae: [`"${(v.list ?? []).join(",")}"`] } : { type: v.type, ...bounds(v) };
  return {
    ...rule,
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.error.title,
    error: v.error.message,
  };
}

/** Row heights and the page setup of a block's sheet. */
export function setUpSheet(sheet: ExcelJS.Worksheet, spec: SheetSpec): void {
  for (const { row, points } of spec.rowHeights ?? []) sheet.getRow(row + 1).height = points;
  const print = spec.print;
  if (!print) return;
  const { top, left, bottom, right } = print.area;
  sheet.pageSetup.orientation = print.landscape ? "landscape" : "portrait";
  // One page wide, as many tall as it takes (fitToHeight 0: "automatic").
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = print.fitToWidth;
  sheet.pageSetup.fitToHeight = 0;
  sheet.pageSetup.printArea = rangeA1(top, left, bottom, right);
  if (print.titleRows) sheet.pageSetup.printTitlesRow = `${print.titleRows.top + 1}:${print.titleRows.bottom + 1}`;
}
