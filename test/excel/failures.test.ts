/**
 * The pane's sentence for each Office error code the writer can meet. The codes are Excel's own
 * (Excel.ErrorCodes in @types/office-js); each error is built as Office.js raises it: an Error
 * named RichApi.Error with `code` and `debugInfo.errorLocation`.
 */
import { MESSAGES, REQUIRED_API, failureFromError, readOnlyWorkbook } from "../../src/excel/failures";

function officeError(code: string, message: string, errorLocation = ""): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { code, message, errorLocation } });
}

describe("failureFromError", () => {
  test.each([
    [
      "InvalidOperationInCellEditMode",
      "Excel is in cell-editing mode.",
      "excel",
      "Excel is editing a cell. Finish editing the cell (press Enter or Esc), then try again; nothing was changed.",
    ],
    [
      "InvalidSelection",
      "The current selection is invalid for this operation.",
      "excel",
      "Select a single cell or one block of cells (not several areas at once, a chart or a shape) and try again; nothing was changed.",
    ],
    [
      "AccessDenied",
      "You cannot perform the requested operation.",
      "protected",
      "Excel refused the change: a sheet or the workbook is protected, or the workbook is open read-only. Unprotect it (Review › Unprotect Sheet), or choose Enable Editing (Protected View) or Editing (Excel on the web), then try again; nothing of yours was changed.",
    ],
    [
      "ApiNotFound",
      "The API you are trying to use could not be found.",
      "unsupported",
      "This version of Excel does not offer a feature Deal Desk uses. Update Excel (Microsoft 365 or Excel on the web) and try again.",
    ],
    [
      "InactiveWorkbook",
      "Multiple workbooks are open and this one lost focus.",
      "excel",
      "Another workbook has the focus. Click into this workbook, then try again; nothing was changed.",
    ],
  ])("%s gets its own message", (code, officeMessage, kind, message) => {
    expect(failureFromError(officeError(code, officeMessage))).toEqual({ ok: false, kind, message });
  });

  test("the cell-edit message says to finish editing the cell, then try again", () => {
    expect(failureFromError(officeError("InvalidOperationInCellEditMode", "x")).message).toContain(
      "Finish editing the cell (press Enter or Esc), then try again",
    );
  });

  test("InvalidArgument and ItemAlreadyExists on a name are a refused name, with Excel's words", () => {
    expect(failureFromError(officeError("ItemAlreadyExists", "The name already exists.", "NameItemCollection.add"))).toEqual({
      ok: false,
      kind: "invalid-name",
      message: `${MESSAGES.invalidName} (Excel said: The name already exists.)`,
    });
    expect(failureFromError(officeError("InvalidArgument", "Bad name.", "Table.name")).kind).toBe("invalid-name");
  });

  test("InvalidArgument elsewhere, an unlisted code and a plain value are a general failure that quotes them", () => {
    const general = (detail: string) =>
      `Excel could not finish the change (${detail}). Nothing of yours was overwritten, though part of a block may have been written; try again, and reload the add-in if it keeps failing.`;
    expect(failureFromError(officeError("InvalidArgument", "Bad range.", "Range.formulas"))).toEqual({
      ok: false,
      kind: "excel",
      message: general("Bad range."),
    });
    expect(failureFromError(officeError("GeneralException", "An internal error has occurred."))).toEqual({
      ok: false,
      kind: "excel",
      message: general("An internal error has occurred."),
    });
    expect(failureFromError("boom")).toEqual({ ok: false, kind: "excel", message: general("boom") });
    expect(failureFromError(null)).toEqual({ ok: false, kind: "excel", message: general("null") });
  });

  test("a code that is an Object.prototype key is not mistaken for a known one", () => {
    expect(failureFromError(officeError("constructor", "odd")).kind).toBe("excel");
  });
});

describe("messages", () => {
  test("a read-only workbook (Protected View, View mode) says how to get editing back", () => {
    expect(readOnlyWorkbook()).toEqual({
      ok: false,
      kind: "protected",
      message:
        "The workbook is open read-only (Protected View, View mode on the web, or a file someone else has open), so Deal Desk cannot write to it. Choose Enable Editing or Editing, or save a copy, then try again; nothing was changed.",
    });
  });

  test("the old-Excel message names where ExcelApi 1.9 runs and does not claim Excel 2019 has it", () => {
    // Microsoft's table: ExcelApi 1.7 is the last set in Office 2019; 1.8 and later need Office 2021.
    expect(REQUIRED_API).toBe("1.9");
    expect(MESSAGES.oldExcel).toBe(
      "This version of Excel is too old for Deal Desk: it needs the Excel JavaScript API 1.9 (Microsoft 365 on Windows or Mac, Excel 2021 or later, or Excel on the web; Excel 2019 and Excel 2016 do not have it). Open the workbook in one of those to insert or update blocks.",
    );
  });
});
