/**
 * Every failure the writer reports, in plain words: what happened and what to do. One table, so
 * the pane shows the same sentence for the same trouble wherever it comes from.
 *
 * The Office error codes and what they mean: "Error handling with the application-specific
 * JavaScript APIs", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * (the codes are Excel.ErrorCodes in @types/office-js).
 */
import { MissingFigureError } from "../sheets";
import type { ActionFailure, FailureKind } from "./types";

/** The ExcelApi requirement set every action needs, and the one notes need. */
export const REQUIRED_API = "1.9";
export const NOTES_API = "1.18";

/**
 * Where ExcelApi 1.9 runs, from Microsoft's table of Excel requirement sets
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * Excel on the web, Microsoft 365 on Windows (Version 1903) and Mac (16.24), and Office 2021 or
 * later. Office 2019 stops at ExcelApi 1.7 and Office 2016 at 1.1, so neither can run Deal Desk.
 */
/** What to select: Office says "InvalidSelection" for several areas and for a chart alike. */
const SELECT_ONE_AREA =
  "Select a single cell or one block of cells (not several areas at once, a chart or a shape) and try again; nothing was changed.";

const REQUIRED_API_HOSTS = "Microsoft 365 on Windows or Mac, Excel 2021 or later, or Excel on the web";

export const MESSAGES = Object.freeze({
  noOffice: "Deal Desk works inside Excel. Open this page from Excel's Home tab (Deal Desk) to insert blocks.",
  oldExcel: `This version of Excel is too old for Deal Desk: it needs the Excel JavaScript API ${REQUIRED_API} (${REQUIRED_API_HOSTS}; Excel 2019 and Excel 2016 do not have it). Open the workbook in one of those to insert or update blocks.`,
  apiNotFound:
    "This version of Excel does not offer a feature Deal Desk uses. Update Excel (Microsoft 365 or Excel on the web) and try again.",
  protectedWorkbook:
    "The workbook's structure is protected, so Deal Desk cannot add sheets. Unprotect it (Review › Protect Workbook) or insert at the selected cell instead.",
  protectedGeneric:
    "Excel refused the change: a sheet or the workbook is protected, or the workbook is open read-only. Unprotect it (Review › Unprotect Sheet), or choose Enable Editing (Protected View) or Editing (Excel on the web), then try again; nothing of yours was changed.",
  readOnly:
    "The workbook is open read-only (Protected View, View mode on the web, or a file someone else has open), so Deal Desk cannot write to it. Choose Enable Editing or Editing, or save a copy, then try again; nothing was changed.",
  cellEditMode: "Excel is editing a cell. Finish editing the cell (press Enter or Esc), then try again; nothing was changed.",
  selection: SELECT_ONE_AREA,
  inactiveWorkbook: "Another workbook has the focus. Click into this workbook, then try again; nothing was changed.",
  selfTestNotEmpty:
    "The self-test runs only in an empty workbook, because it inserts, edits and updates blocks: open a new blank workbook (File › New › Blank workbook), open Deal Desk there and run the self-test again; nothing was changed.",
  noAddinSheets: "There is no Deal Desk block in this workbook to update. Insert a block first.",
  invalidName: "Excel refused a name Deal Desk tried to create. Nothing of yours was changed; report this to the add-in's maintainers.",
  notAFormula: 'A formula must begin with "=", for example =DEAL.STAKE(A1, B1).',
  /** The former name of `selection`, kept for callers written before multiple selections were named. */
  selectionChart: SELECT_ONE_AREA,
});

/** A figures file without a figure the sheets are built on: what it lacks, that nothing was written, and what to do. */
function missingFigureMessage(err: MissingFigureError): string {
  return `${err.message} Nothing was written. Use a figures file that keeps it (npm run figures:check names what a file lacks), or reload the add-in to use its built-in figures.`;
}

export function failure(kind: FailureKind, message: string): ActionFailure {
  return { ok: false, kind, message };
}

export function protectedSheet(sheetName: string): ActionFailure {
  return failure(
    "protected",
    `The sheet "${sheetName}" is protected, so Deal Desk cannot write to it. Unprotect it (Review › Unprotect Sheet) and try again; nothing was changed.`,
  );
}

/** The failure for a workbook Office reports as read-only (Office.context.document.mode). */
export function readOnlyWorkbook(): ActionFailure {
  return failure("protected", MESSAGES.readOnly);
}

/** Office error codes (Excel.ErrorCodes) with a message of their own. */
const BY_CODE: Readonly<Record<string, { kind: FailureKind; message: string }>> = Object.freeze({
  // A protected sheet or workbook, or one open read-only: Office says only "AccessDenied".
  AccessDenied: { kind: "protected", message: MESSAGES.protectedGeneric },
  ApiNotFound: { kind: "unsupported", message: MESSAGES.apiNotFound },
  // While the user types in a cell, Excel runs no API call (office-js-snippets #110).
  InvalidOperationInCellEditMode: { kind: "excel", message: MESSAGES.cellEditMode },
  // Several areas selected (office-js-docs-pr #2477) or a chart (office-js #2268).
  InvalidSelection: { kind: "excel", message: MESSAGES.selection },
  InactiveWorkbook: { kind: "excel", message: MESSAGES.inactiveWorkbook },
});

/** An error thrown by Office.js (or anything else) as a typed failure; never rethrows. */
export function failureFromError(err: unknown): ActionFailure {
  // Thrown while the sheets are built from the figures, before anything is written.
  if (err instanceof MissingFigureError) return failure("figures-file", missingFigureMessage(err));
  const code = typeof err === "object" && err !== null ? String((err as { code?: unknown }).code ?? "") : "";
  const location =
    typeof err === "object" && err !== null
      ? String((err as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation ?? "")
      : "";
  const detail = err instanceof Error ? err.message : String(err);
  const known = Object.prototype.hasOwnProperty.call(BY_CODE, code) ? BY_CODE[code] : undefined;
  if (known) return failure(known.kind, known.message);
  if (
    (code === "InvalidArgument" || code === "ItemAlreadyExists") &&
    /Name|Worksheet\.name|WorksheetCollection\.add|Table\.name/.test(location)
  ) {
    return failure("invalid-name", `${MESSAGES.invalidName} (Excel said: ${detail})`);
  }
  return failure(
    "excel",
    `Excel could not finish the change (${detail}). Nothing of yours was overwritten, though part of a block may have been written; try again, and reload the add-in if it keeps failing.`,
  );
}
