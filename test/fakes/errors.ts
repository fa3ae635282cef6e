/**
 * The errors the fake Excel raises, shaped as Office.js shapes them: an Error with `code` (one of
 * Excel.ErrorCodes), `debugInfo.errorLocation` naming the operation, and the name Office.js gives
 * ("OfficeExtension.Error" for a property read too early, "RichApi.Error" for a failed request).
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 */

/** The error Office.js raises: `code` is one of Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = code === "PropertyNotLoaded" ? "OfficeExtension.Error" : "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The part of Excel.ErrorCodes the fake raises or the add-in compares against. */
export const ERROR_CODES = Object.freeze({
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  unsupportedOperation: "UnsupportedOperation",
});
