/**
 * The fake's errors carry what Office.js errors carry: a code from Excel.ErrorCodes, the message,
 * and debugInfo with the code, the message and the operation that failed.
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 * https://learn.microsoft.com/javascript/api/office/officeextension.error
 */
import { ERROR_CODES, FakeOfficeError } from "./errors";
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

describe("FakeOfficeError", () => {
  it("carries the code, the message and debugInfo", () => {
    const err = new FakeOfficeError("InvalidArgument", "bad input", "Range.values");
    expect(err).toBeInstanceOf(Error);
    expect([err.code, err.message]).toEqual(["InvalidArgument", "bad input"]);
    expect(err.debugInfo).toEqual({ code: "InvalidArgument", message: "bad input", errorLocation: "Range.values" });
  });

  it("is named as Excel names its errors: RichApi.Error for a failed request, OfficeExtension.Error for a property read too early", () => {
    expect(new FakeOfficeError("AccessDenied", "x").name).toBe("RichApi.Error");
    expect(new FakeOfficeError("PropertyNotLoaded", "x").name).toBe("OfficeExtension.Error");
  });
});

describe("ERROR_CODES", () => {
  it("has the values of Excel.ErrorCodes for the codes the fake raises", () => {
    expect(ERROR_CODES).toEqual({
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
    expect(Object.isFrozen(ERROR_CODES)).toBe(true);
  });

  it("a failed sync names the operation that failed in debugInfo.errorLocation", async () => {
    const wb = new FakeWorkbook();
    const err = await failure(wb, async (context) => {
      context.workbook.names.add("two words", "=Sheet1!$A$1");
      await context.sync();
    });
    expect([err.code, err.debugInfo.code, err.debugInfo.errorLocation]).toEqual([
      "InvalidArgument",
      "InvalidArgument",
      "NamedItemCollection.add",
    ]);
  });
});
