/**
 * A sheet's page layout (ExcelApi 1.9) and row heights: orientation, zoom (a scale of 10 to 400,
 * or pages to fit), the print area, title rows that must span entire rows.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheet-display#set-print-layout-options
 */
import type { FakeRequestContext } from "./context";
import { pageSetupOf } from "./page-layout";
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

const sheet = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Capex 2026");

describe("page layout", () => {
  it("a sheet nobody set up prints portrait at 100%, with no print area or titles", () => {
    const wb = new FakeWorkbook({ sheets: ["Capex 2026"] });
    expect(pageSetupOf(wb, "Capex 2026")).toEqual({
      orientation: "Portrait",
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      rowHeights: {},
    });
  });

  it("sets landscape, one page wide, the print area and the title rows, and reads them back", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex 2026"] });
    const read = await wb.run(async (context) => {
      const layout = sheet(context).pageLayout;
      layout.orientation = "Landscape";
      layout.zoom = { horizontalFitToPages: 1 };
      layout.setPrintArea("A1:K31");
      layout.setPrintTitleRows("$4:$4");
      sheet(context).getRange("5:6").format.rowHeight = 30;
      layout.load("orientation,zoom");
      await context.sync();
      return [layout.orientation, layout.zoom];
    });
    expect(read).toEqual(["Landscape", { horizontalFitToPages: 1 }]);
    expect(pageSetupOf(wb, "Capex 2026")).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printArea: "'Capex 2026'!A1:K31",
      printTitleRows: "$4:$4",
      rowHeights: { 5: 30, 6: 30 },
    });
  });

  it("refuses title rows that do not span entire rows, a scale outside 10 to 400, an unknown orientation", async () => {
    const cases: ((context: FakeRequestContext) => void)[] = [
      (context) => sheet(context).pageLayout.setPrintTitleRows("A4:K4"),
      (context) => (sheet(context).pageLayout.zoom = { scale: 5 }),
      (context) => (sheet(context).pageLayout.orientation = "Sideways"),
      (context) => (sheet(context).getRange("A1").format.rowHeight = 500),
    ];
    for (const queue of cases) {
      const err = await failure(new FakeWorkbook({ sheets: ["Capex 2026"] }), async (context) => {
        queue(context);
        await context.sync();
      });
      expect(err.code).toBe("InvalidArgument");
    }
  });

  it("needs ExcelApi 1.9", async () => {
    const err = await failure(new FakeWorkbook({ sheets: ["Capex 2026"], apiVersion: 8 }), async (context) => {
      sheet(context).pageLayout.setPrintArea("A1:B2");
      await context.sync();
    });
    expect(err.code).toBe("ApiNotFound");
  });
});
