import ExcelJS from "exceljs";
import JSZip from "jszip";
import { stake } from "../../src/calc/deal-math";
import type { CellSpec, SheetSpec } from "../../src/sheets/spec";
import { toA1 } from "../../src/sheets/a1";
import { buildWorkbook, type WorkbookOptions, chartNote, summarize, workbookBuffer } from "../../src/xlsx";
import { STYLE_LOOKS } from "../../src/sheets/styles";
import type { StyleName } from "../../src/sheets/spec";
import { argb, XLSX_STYLES } from "../../src/xlsx/styles";
import { B_FORMAT, FORMULA_LIKE_TEXTS, handMadeSpec, PCT_FORMAT } from "./hand-made-spec";

async function readBack(specs: readonly SheetSpec[], options: WorkbookOptions = {}): Promise<{ workbook: ExcelJS.Workbook; zip: JSZip }> {
  const bytes = await workbookBuffer(specs, options);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return { workbook, zip: await JSZip.loadAsync(bytes) };
}

describe("writing a SheetSpec to .xlsx", () => {
  const spec = handMadeSpec();
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    ({ workbook, zip } = await readBack([spec]));
    sheet = workbook.getWorksheet(spec.sheetName)!;
  });

  test("writes one worksheet named after the spec", () => {
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      [spec.sheetName, "visible"],
      ["DealDesk Record", "veryHidden"],
    ]);
  });

  test("writes every literal value at its position", () => {
    for (const cell of spec.cells.filter((c) => c.formula === undefined)) {
      expect([toA1(cell.row, cell.col), sheet.getCell(toA1(cell.row, cell.col)).value]).toEqual([toA1(cell.row, cell.col), cell.value]);
    }
  });

  test("writes formulas without their leading =, with results cached for viewers that do not calculate", () => {
    const amount = spec.cells.find((c) => c.value === "Amount")!;
    const valuation = spec.cells.find((c) => c.value === "Valuation")!;
    const reported = (label: CellSpec) => spec.cells.find((c) => c.row === label.row && c.col === label.col + 1)!.value as number;
    const stakeFraction = stake(reported(amount), reported(valuation)) as number;
    const expected: Record<string, number> = {
      [toA1(amount.row, amount.col + 3)]: reported(amount),
      [toA1(valuation.row, valuation.col + 3)]: reported(valuation),
      // Share of 2 is the stake halved: exact in binary, so the same double.
      [toA1(valuation.row + 2, valuation.col + 3)]: stakeFraction,
      [toA1(valuation.row + 3, valuation.col + 3)]: stakeFraction / 2,
    };
    const formulas = spec.cells.filter((c) => c.formula !== undefined);
    expect(formulas.map((c) => toA1(c.row, c.col)).sort()).toEqual(Object.keys(expected).sort());
    for (const cell of formulas) {
      const address = toA1(cell.row, cell.col);
      expect([address, sheet.getCell(address).value]).toEqual([address, { formula: cell.formula!.slice(1), result: expected[address] }]);
    }
  });

  test("caches no results when told not to, and none for a formula the evaluator cannot compute", async () => {
    const bare = await readBack([spec], { cacheResults: false });
    for (const cell of spec.cells.filter((c) => c.formula !== undefined)) {
      expect(bare.workbook.getWorksheet(spec.sheetName)!.getCell(toA1(cell.row, cell.col)).value).toEqual({
        formula: cell.formula!.slice(1),
      });
    }
    const unknown = { ...spec, cells: [...spec.cells, { row: 30, col: 1, formula: "=SUMPRODUCT(C4:C5,C4:C5)", owner: "addin" as const }] };
    const withUnknown = await readBack([unknown]);
    expect(withUnknown.workbook.getWorksheet(spec.sheetName)!.getCell("B31").value).toEqual({ formula: "SUMPRODUCT(C4:C5,C4:C5)" });
  });

  test("keeps text that begins with =, +, - or @ as text, never as a formula", async () => {
    for (const text of FORMULA_LIKE_TEXTS) {
      const cell = spec.cells.find((c) => c.value === text)!;
      const written = sheet.getCell(toA1(cell.row, cell.col));
      expect(written.type).toBe(ExcelJS.ValueType.String);
      expect(written.value).toBe(text);
    }
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas.sort()).toEqual(
      spec.cells
        .filter((c) => c.formula)
        .map((c) => c.formula!.slice(1).replace(/"/g, "&quot;"))
        .sort(),
    );
  });

  test("writes number formats", () => {
    expect(sheet.getCell(toA1(3, 2)).numFmt).toBe(B_FORMAT);
    expect(sheet.getCell(toA1(3, 4)).numFmt).toBe(B_FORMAT);
    expect(sheet.getCell(toA1(6, 4)).numFmt).toBe(PCT_FORMAT);
  });

  test("gives each named style its font, fill and border", () => {
    for (const cell of spec.cells.filter((c) => c.style)) {
      const look = XLSX_STYLES[cell.style!];
      const written = sheet.getCell(toA1(cell.row, cell.col));
      expect(written.font).toEqual(look.font);
      if (look.fill) expect(written.fill).toEqual(look.fill);
      if (look.border) expect(written.border).toEqual(look.border);
    }
    expect(sheet.getCell(toA1(2, 1)).font.bold).toBe(true);
  });

  test("takes each style's colours, bold, italic and wrapping from the Excel writer's looks", () => {
    const hex = (argbColour: string | undefined) => (argbColour === undefined ? undefined : `#${argbColour.slice(2)}`.toUpperCase());
    for (const [name, look] of Object.entries(STYLE_LOOKS) as [StyleName, (typeof STYLE_LOOKS)[StyleName]][]) {
      const style = XLSX_STYLES[name];
      const fill = style.fill?.type === "pattern" ? hex(style.fill.fgColor?.argb) : undefined;
      expect([
        name,
        style.font.bold ?? false,
        style.font.italic ?? false,
        hex(style.font.color?.argb),
        fill,
        style.alignment?.wrapText ?? false,
      ]).toEqual([
        name,
        look.bold ?? false,
        look.italic ?? false,
        (look.color ?? "#000000").toUpperCase(),
        look.fill?.toUpperCase(),
        look.wrapText ?? false,
      ]);
    }
  });

  test("refuses a colour that is not #RRGGBB", () => {
    expect(argb("#1f3864")).toBe("FF1F3864");
    expect(() => argb("blue")).toThrow("A colour must be #RRGGBB, got blue.");
  });

  test("writes notes on the cells that carry one", () => {
    expect(sheet.getCell(toA1(3, 2)).note).toBe("Source: hand-made fixture");
    expect(sheet.getCell(toA1(4, 2)).note).toBeUndefined();
  });

  test("sets column widths from the block's first column", () => {
    expect([2, 3, 4, 5].map((col) => sheet.getColumn(col).width)).toEqual([24, 14, 14, 14]);
  });

  test("defines workbook-scope names on the quoted sheet", () => {
    expect(workbook.definedNames.model.filter((n) => !n.name.startsWith("DEALDESK_"))).toEqual([
      { name: "FIX_AMOUNT", ranges: ["'Deal''s terms'!$E$4"] },
      { name: "FIX_VALUATION", ranges: ["'Deal''s terms'!$E$5"] },
      { name: "FIX_STAKE", ranges: ["'Deal''s terms'!$E$7"] },
    ]);
  });

  test("makes the figures range a real Excel table and keeps the formulas inside it", async () => {
    const xml = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(xml).toContain('name="FixFigures"');
    expect(xml).toContain('ref="B3:E5"');
    expect([...xml.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Figure", "Reported", "Override", "Used"]);
    expect(xml).not.toContain('hiddenButton="1"');
    expect((sheet.getCell("E4").value as ExcelJS.CellFormulaValue).formula).toBe('IF(D4="",C4,D4)');
    expect((sheet.getCell("E5").value as ExcelJS.CellFormulaValue).formula).toBe('IF(D5="",C5,D5)');
    expect(sheet.getCell("D4").value).toBeNull();
  });

  test("says in a visible cell where the chart would be and which cells it plots", () => {
    const chart = spec.charts[0];
    const text = sheet.getCell(toA1(chart.anchor.row, chart.anchor.col)).value as string;
    expect(text).toBe(chartNote(chart));
    expect(text).toContain("Chart: Amount and valuation (categories B4:B5, values E4:E5)");
    expect(text).toContain("Deal Desk add-in");
  });

  test("asks Excel to recalculate everything on open, since no results are cached", async () => {
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  test("summarizes sheets, cells (chart note included) and names", () => {
    expect(summarize([spec])).toEqual({
      sheets: [
        {
          name: spec.sheetName,
          block: "deal",
          cells: spec.cells.length + 1,
          names: ["FIX_AMOUNT", "FIX_VALUATION", "FIX_STAKE"],
          tables: ["FixFigures"],
          charts: 1,
        },
      ],
      cells: spec.cells.length + 1,
      names: ["FIX_AMOUNT", "FIX_VALUATION", "FIX_STAKE"],
    });
  });

  test("does not change the specs it writes", () => {
    const before = JSON.stringify(spec);
    buildWorkbook([spec]);
    expect(JSON.stringify(spec)).toBe(before);
  });
});

describe("specs that contradict one another are refused", () => {
  const spec = handMadeSpec("Deal");

  test("two blocks on one sheet", () => {
    expect(() => buildWorkbook([spec, { ...handMadeSpec("deal"), names: [], tables: [] }])).toThrow('Two blocks want the worksheet "deal"');
  });

  test("a name defined twice", () => {
    const other = { ...handMadeSpec("Other"), tables: [] };
    expect(() => buildWorkbook([spec, other])).toThrow("The name FIX_AMOUNT is defined twice");
  });

  test("two cells at one address", () => {
    expect(() => buildWorkbook([{ ...spec, cells: [...spec.cells, { row: 3, col: 2, value: 1, owner: "addin" }] }])).toThrow(
      'Block "deal" places two cells at Deal!C4.',
    );
  });

  test("a table header that is not text", () => {
    const cells = spec.cells.map((c) => (c.row === 2 && c.col === 2 ? { ...c, value: 7 } : c));
    expect(() => buildWorkbook([{ ...spec, cells }])).toThrow("Table FixFigures: the header cell Deal!C3 must hold text.");
  });

  test("a formula without its =", () => {
    const cells = spec.cells.map((c) => (c.formula === "=FIX_STAKE/2" ? { ...c, formula: "FIX_STAKE/2" } : c));
    expect(() => buildWorkbook([{ ...spec, cells }])).toThrow('The formula at Deal!E8 must begin with "="');
  });

  test("a chart anchored on a cell that holds a value", () => {
    const charts = [{ ...spec.charts[0], anchor: { row: 3, col: 1 } }];
    expect(() => buildWorkbook([{ ...spec, charts }])).toThrow('The chart "Amount and valuation" is anchored on Deal!B4');
  });
});
