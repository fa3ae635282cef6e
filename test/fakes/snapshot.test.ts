/**
 * snapshot(): the workbook as plain data. Sheets in tab order; a cell is listed when it has
 * content or a number format other than General, its value a formula's result from `evaluate`;
 * formats only where a cell has one; names sorted, a name on a constant or a deleted sheet with
 * no sheet and its formula; the active sheet and the selection.
 */
import { setup } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

describe("fake Excel: snapshot", () => {
  it("returns sheets in order with cells, tables, notes, charts, widths, and names with comments", async () => {
    const wb = setup();
    await globalThis.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Data");
      ws.visibility = "VeryHidden";
      const range = ws.getRange("A1:B3");
      range.values = [
        ["Item", "Amount"],
        ["x", 1],
        ["y", 2],
      ];
      range.numberFormat = [
        [null, null],
        [null, "0.0"],
        [null, "0.0"],
      ];
      ws.getRanges("A1:B1").format.font.bold = true;
      ws.tables.add(range, true).name = "DATA_TABLE";
      context.workbook.names.add("AMOUNT_X", ws.getRange("B2"), "the amount of x");
      ws.notes.add("B2", "from the source");
      const chart = ws.charts.add("BarClustered", ws.getRange("B2:B3"), "Columns");
      chart.title.text = "Amounts";
      chart.series.getItemAt(0).setXAxisValues(ws.getRange("A2:A3"));
      chart.setPosition("D2");
      ws.getRange("A:A").format.columnWidth = 60;
      await context.sync();
    });
    const snap = wb.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"],
      ["Data", "VeryHidden"],
    ]);
    const data = snap.sheets[1];
    expect(data.cells.B2).toEqual({ value: 1, formula: null, numberFormat: "0.0" });
    expect(data.formats).toEqual({ A1: { bold: true }, B1: { bold: true } });
    expect(data.tables).toEqual([{ name: "DATA_TABLE", address: "A1:B3" }]);
    expect(data.notes).toEqual({ B2: "from the source" });
    expect(data.charts).toEqual([
      {
        name: "Chart 1",
        type: "BarClustered",
        title: "Amounts",
        values: "Data!B2:B3",
        categories: "Data!A2:A3",
        seriesName: null,
        anchor: "D2",
      },
    ]);
    expect(data.columnWidths).toEqual({ A: 60 });
    expect(snap.names).toEqual({ AMOUNT_X: { sheet: "Data", address: "B2", comment: "the amount of x", visible: true } });
  });

  it("lists cells in row order with content or a format, and formula values from evaluate", () => {
    const wb = new FakeWorkbook({ evaluate: (formula) => (formula === "=A1*2" ? 4 : -1) });
    wb.setCell("Sheet1", "B2", "=A1*2");
    wb.setCell("Sheet1", "A1", 2);
    wb.setNumberFormat("Sheet1", "C1", "0%");
    wb.setCell("Sheet1", "D1", "x");
    wb.setCell("Sheet1", "D1", null);
    const snap = wb.snapshot();
    expect(Object.entries(snap.sheets[0].cells)).toEqual([
      ["A1", { value: 2, formula: null, numberFormat: "General" }],
      ["C1", { value: null, formula: null, numberFormat: "0%" }],
      ["B2", { value: 4, formula: "=A1*2", numberFormat: "General" }],
    ]);
    expect(snap.sheets[0].formats).toEqual({});
  });

  it("sorts names; a name on a constant or a deleted sheet has no sheet and shows its formula", async () => {
    const wb = new FakeWorkbook({ sheets: ["Sheet1", "Gone"] });
    wb.addName("Zeta", "Sheet1", "A1:B2");
    wb.addName("alpha", "Gone", "C3");
    await wb.run(async (context) => {
      context.workbook.names.add("MARKER", "=FALSE", "hidden marker").visible = false;
      await context.sync();
    });
    wb.deleteSheet("Gone");
    const snap = wb.snapshot();
    expect(Object.keys(snap.names)).toEqual(["alpha", "MARKER", "Zeta"]);
    expect(snap.names).toEqual({
      alpha: { sheet: "", address: "=#REF!", comment: "", visible: true },
      MARKER: { sheet: "", address: "=FALSE", comment: "hidden marker", visible: false },
      Zeta: { sheet: "Sheet1", address: "A1:B2", comment: "", visible: true },
    });
    expect([snap.activeSheet, snap.selection]).toEqual(["Sheet1", { sheet: "Sheet1", address: "A1" }]);
  });

  it("is plain data: changing the workbook afterwards does not change it", () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", 1);
    const snap = wb.snapshot();
    wb.setCell("Sheet1", "A1", 2);
    expect(snap.sheets[0].cells.A1.value).toBe(1);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });
});
