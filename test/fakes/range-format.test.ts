/**
 * Formats: font (bold, italic, color) and fill (color, clear) of a range or of each area of a
 * RangeAreas (Worksheet.getRanges, ExcelApi 1.9; its address lists the areas); wrap and
 * alignment; column widths in points (ExcelApi 1.2), null when the columns of the range differ;
 * autofit; a protected sheet refuses all of them.
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getranges-member(1)
 */
import type { FakeRequestContext } from "./context";
import { DEFAULT_WIDTH_POINTS } from "./range-format";
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

const sheet1 = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Sheet1");

describe("font and fill", () => {
  it("sets bold, italic, font color and fill on a range; clearing the fill removes it", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      const r = sheet1(context).getRange("A1:B1");
      r.format.font.bold = true;
      r.format.font.italic = true;
      r.format.font.color = "#1F4E79";
      r.format.fill.color = "#FFF2CC";
      sheet1(context).getRange("B1").format.fill.clear();
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].formats).toEqual({
      A1: { bold: true, italic: true, fontColor: "#1F4E79", fill: "#FFF2CC" },
      B1: { bold: true, italic: true, fontColor: "#1F4E79" },
    });
  });

  it("formats every area of a RangeAreas, whose address lists them and counts them", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex 2026"] });
    const areas = await wb.run(async (context) => {
      const a = context.workbook.worksheets.getItem("Capex 2026").getRanges("A1:B1, D4");
      a.format.font.bold = true;
      a.load("address,areaCount");
      await context.sync();
      return [a.address, a.areaCount];
    });
    expect(areas).toEqual(["'Capex 2026'!A1:B1,'Capex 2026'!D4", 2]);
    expect(wb.snapshot().sheets[0].formats).toEqual({ A1: { bold: true }, B1: { bold: true }, D4: { bold: true } });
  });

  it("needs ExcelApi 1.9 for getRanges", async () => {
    const err = await failure(new FakeWorkbook({ apiVersion: 8 }), async (context) => {
      sheet1(context).getRanges("A1,B2").format.font.bold = true;
      await context.sync();
    });
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["ApiNotFound", "Worksheet.getRanges"]);
  });

  it("sets wrapping and horizontal alignment on the cells", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      sheet1(context).getRange("A1").format.wrapText = true;
      sheet1(context).getRange("A1").format.horizontalAlignment = "Right";
      await context.sync();
    });
    expect(wb.cell("Sheet1", "A1")).toEqual({
      value: null,
      formula: null,
      numberFormat: "General",
      wrapText: true,
      horizontalAlignment: "Right",
    });
  });

  it("refuses a format on a protected sheet with AccessDenied", async () => {
    const wb = new FakeWorkbook();
    wb.protectSheet("Sheet1");
    const err = await failure(wb, async (context) => {
      sheet1(context).getRange("A1").format.fill.color = "#FFFFFF";
      await context.sync();
    });
    expect(err.code).toBe("AccessDenied");
    expect(wb.snapshot().sheets[0].formats).toEqual({});
  });
});

describe("column widths", () => {
  async function widths(wb: FakeWorkbook, ...addresses: string[]): Promise<(number | null)[]> {
    return wb.run(async (context) => {
      const formats = addresses.map((a) => sheet1(context).getRange(a).format.load("columnWidth"));
      await context.sync();
      return formats.map((f) => f.columnWidth);
    });
  }

  it("sets a width in points; reads it back, the default for a column nobody sized, and null across columns that differ", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      sheet1(context).getRange("A:A").format.columnWidth = 60;
      await context.sync();
    });
    expect(await widths(wb, "A1", "B1", "A1:B1", "C1:D1")).toEqual([60, DEFAULT_WIDTH_POINTS, null, DEFAULT_WIDTH_POINTS]);
    expect(wb.snapshot().sheets[0].columnWidths).toEqual({ A: 60 });
  });

  it("refuses a negative width with InvalidArgument", async () => {
    const err = await failure(new FakeWorkbook(), async (context) => {
      sheet1(context).getRange("A:A").format.columnWidth = -1;
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("autofits a column to its longest content, never narrower than the default", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", "Hello world");
    wb.setCell("Sheet1", "B1", "x");
    await wb.run(async (context) => {
      sheet1(context).getRange("A:B").format.autofitColumns();
      await context.sync();
    });
    // The fake's approximation of Excel's Calibri 11: 7 px a character and 5 px of padding, 0.75 pt a px.
    expect(wb.snapshot().sheets[0].columnWidths).toEqual({ A: 62, B: 48 });
  });
});
