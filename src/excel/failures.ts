/**
 * Every failure the writer reports, in plain words: what happened and what to do. One table, so
 * the pane shows the same sentence for the same trouble wherever it comes from.
 */
import type { ActionFailure, FailureKind } from "./types";

/** The ExcelApi requirement set every action needs, and the one notes need. */
export const REQUIRED_API = "1.9";
export const NOTES_API = "1.18";

export const MESSAGES = Object.freeze({
  noOffice: "Deal Desk works inside Excel. Open this page from Excel's Home tab (Deal Desk) to insert blocks.",
  oldExcel: `This version of Excel is too old for Deal Desk: it needs the Excel JavaScript API ${REQUIRED_API} (Excel 2019, Excel 2021, Microsoft 365 or Excel on the web). Open the workbook in one of those to insert or update blocks.`,
  apiNotFound: "This version of Excel does not offer a feature Deal Desk uses. Update Excel (Microsoft 365 or Excel on the web) and try again.",
  protectedWorkbook: "The workbook's structure is protected, so Deal Desk cannot add sheets. Unprotect it (Review › Protect Workbook) or insert at the selected cell instead.",
  protectedGeneric: "Excel refused the change because a sheet or the workbook is protected. Unprotect it (Review › Unprotect Sheet) and try again; nothing of yours was changed.",
  noAddinSheets: "There is no Deal Desk block in this workbook to update. Insert a block first.",
  invalidName: "Excel refused a name Deal Desk tried to create. Nothing of yours was changed; report this to the add-in's maintainers.",
  notAFormula: 'A formula must begin with "=", for example =DEAL.STAKE(A1, B1).',
  selectionChart: "Select a cell (not a chart or a shape) and try again.",
});

export function failure(kind: FailureKind, message: string): ActionFailure {
  return { ok: false, kind, message };
}

export function protectedSheet(sheetName: string): ActionFailure {
  return failure("protected", `The sheet "${sheetName}" is protected, so Deal Desk cannot write to it. Unprotect it (Review › Unprotect Sheet) and try again; nothing was changed.`);
}

/** An error thrown by Office.js (or anything else) as a typed failure; never rethrows. */
export function failureFromError(err: unknown): ActionFailure {
  const code = typeof err === "object" && err !== null ? String((err as { code?: unknown }).code ?? "") : "";
  const location = typeof err === "object" && err !== null ? String((err as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation ?? "") : "";
  const detail = err instanceof Error ? err.message : String(err);
  switch (code) {
    case "AccessDenied":
      return failure("protected", MESSAGES.protectedGeneric);
    case "ApiNotFound":
      return failure("unsupported", MESSAGES.apiNotFound);
    case "InvalidSelection":
      return failure("excel", MESSAGES.selectionChart);
    case "InvalidArgument":
    case "ItemAlreadyExists":
      if (/Name|Worksheet\.name|WorksheetCollection\.add|Table\.name/.test(location)) return failure("invalid-name", `${MESSAGES.invalidName} (Excel said: ${detail})`);
  }
  return failure("excel", `Excel could not finish the change (${detail}). Nothing of yours was overwritten, though part of a block may have been written; try again, and reload the add-in if it keeps failing.`);
}
