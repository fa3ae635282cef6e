import ExcelJS from "exceljs";
import { FakeWorkbook } from "../fakes/fake-excel";
import { snapshotWorkbook } from "./snapshot-workbook";

describe("writing the fake Excel's state to a workbook", () => {
  const fake = new FakeWorkbook({ sheets: ["Deal's terms", "Other"] });
  fake.setCell("Deal's terms", "B3", 50e9);
  fake.setCell("Deal's terms", "C3", "=B3/2");
  fake.setCell("Deal's terms", "D3", "'=not a formula");
  fake.setCell("Deal's terms", "E3", "2026-03-31");
  fake.setNumberFormat("Deal's terms", "B3", '$#,##0.0,,,"B"');
  fake.addName("HALF", "Deal's terms", "C3");
  fake.addName("BLOCK", "Other", "A1:B2");
  const workbook = snapshotWorkbook(fake.snapshot());
  const sheet = workbook.getWorksheet("Deal's terms")!;

  test("keeps the sheets in tab order", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Deal's terms", "Other"]);
  });

  test("writes values, formulas without their = and text that looks like a formula as text", () => {
    expect(sheet.getCell("B3").value).toBe(50e9);
    expect(sheet.getCell("C3").value).toEqual({ formula: "B3/2" });
    expect(sheet.getCell("D3").value).toBe("=not a formula");
    expect(sheet.getCell("D3").type).toBe(ExcelJS.ValueType.String);
  });

  test("writes number formats other than General", () => {
    expect(sheet.getCell("B3").numFmt).toBe('$#,##0.0,,,"B"');
    expect(sheet.getCell("E3").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("C3").numFmt).toBeUndefined();
  });

  test("defines the workbook-scope names on quoted, absolute references", () => {
    expect(workbook.definedNames.model).toEqual([
      { name: "BLOCK", ranges: ["Other!$A$1:$B$2"] },
      { name: "HALF", ranges: ["'Deal''s terms'!$C$3"] },
    ]);
  });
});
