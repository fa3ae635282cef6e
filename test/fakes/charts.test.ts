/**
 * Charts: added on a sheet from a source range, named "Chart 1", "Chart 2"… on that sheet, with a
 * title, a position by its top-left cell, and a series whose values, category (x-axis) values
 * (both ExcelApi 1.7) and name are set explicitly; not on a protected sheet.
 * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection
 * https://learn.microsoft.com/javascript/api/excel/excel.chart
 * https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 */
import type { FakeRequestContext } from "./context";
import { failure } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

const capex = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Capex");

describe("a chart", () => {
  it("is added from its source range, named in order on its sheet, at A1 until positioned", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex"] });
    const names = await wb.run(async (context) => {
      const a = capex(context).charts.add("BarClustered", capex(context).getRange("B2:B5"), "Columns").load("name,chartType");
      const b = capex(context).charts.add("ColumnClustered", capex(context).getRange("C2:C5")).load("name,chartType");
      await context.sync();
      return [a.name, a.chartType, b.name, b.chartType];
    });
    expect(names).toEqual(["Chart 1", "BarClustered", "Chart 2", "ColumnClustered"]);
    expect(wb.snapshot().sheets[0].charts).toEqual([
      { name: "Chart 1", type: "BarClustered", title: "", values: "Capex!B2:B5", categories: null, seriesName: null, anchor: "A1" },
      { name: "Chart 2", type: "ColumnClustered", title: "", values: "Capex!C2:C5", categories: null, seriesName: null, anchor: "A1" },
    ]);
  });

  it("takes a title, a name, a position, and its series' values, categories and name", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex"] });
    await wb.run(async (context) => {
      const ws = capex(context);
      const chart = ws.charts.add("BarClustered", ws.getRange("A1:B5"));
      chart.title.text = "Capex by year";
      chart.name = "CapexChart";
      const series = chart.series.getItemAt(0);
      series.setValues(ws.getRange("B2:B5"));
      series.setXAxisValues(ws.getRange("A2:A5"));
      series.name = "Capex";
      chart.setPosition("D2", "J15");
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].charts).toEqual([
      {
        name: "CapexChart",
        type: "BarClustered",
        title: "Capex by year",
        values: "Capex!B2:B5",
        categories: "Capex!A2:A5",
        seriesName: "Capex",
        anchor: "D2",
      },
    ]);
  });

  it("whose series' sheet is deleted reads #REF! for those values, as Excel shows it", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex", "Data"] });
    await wb.run(async (context) => {
      const ws = capex(context);
      const data = context.workbook.worksheets.getItem("Data");
      const chart = ws.charts.add("BarClustered", data.getRange("B2:B5"));
      chart.series.getItemAt(0).setValues(data.getRange("B2:B5"));
      chart.series.getItemAt(0).setXAxisValues(data.getRange("A2:A5"));
      await context.sync();
    });
    wb.deleteSheet("Data");
    expect(wb.snapshot().sheets[0].charts.map((c) => [c.values, c.categories])).toEqual([["#REF!", "#REF!"]]);
  });

  it("needs ExcelApi 1.7 to set a series' values", async () => {
    const err = await failure(new FakeWorkbook({ apiVersion: 6, sheets: ["Capex"] }), async (context) => {
      const ws = capex(context);
      ws.charts.add("BarClustered", ws.getRange("B2:B5")).series.getItemAt(0).setValues(ws.getRange("B2:B5"));
      await context.sync();
    });
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["ApiNotFound", "ChartSeries.setValues"]);
  });

  it("is refused on a protected sheet with AccessDenied", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex"] });
    wb.protectSheet("Capex");
    const err = await failure(wb, async (context) => {
      capex(context).charts.add("BarClustered", capex(context).getRange("B2:B5"));
      await context.sync();
    });
    expect(err.code).toBe("AccessDenied");
    expect(wb.snapshot().sheets[0].charts).toEqual([]);
  });

  it("moves down with the rows inserted above it", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex"] });
    await wb.run(async (context) => {
      capex(context).charts.add("BarClustered", capex(context).getRange("B2:B5")).setPosition("D10");
      await context.sync();
    });
    wb.insertRows("Capex", 0, 2);
    expect(wb.snapshot().sheets[0].charts[0].anchor).toBe("D12");
  });
});
