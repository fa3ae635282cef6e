/**
 * The portable workbook as written and as printed: each sheet's page setup, row heights and the
 * data validation of every input, read back from the file; and, where LibreOffice is installed,
 * the PDF it prints from the `npm run workbook` file (issue 22: 5 sheets had printed on 25
 * portrait pages, the Deal table over 5).
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildAllBlocks } from "../../src/sheets";
import { rangeA1, toA1 } from "../../src/sheets/a1";
import { workbookBuffer } from "../../src/xlsx";
import { describeWithLibreOffice } from "../support/libreoffice";
import { figureCount } from "../figures/json";
import { pdfPageCount, pdfPageSizes, printToPdf } from "./pdf";

const ROOT = path.resolve(__dirname, "../..");
const COMMAND = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
  .workbook;
const specs = buildAllBlocks();

describe("the .xlsx file's page setup, row heights and validation", () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await workbookBuffer(specs)).buffer);
  });

  test.each(specs.map((s) => [s.sheetName, s] as const))("%s prints its block, one page wide, landscape when wide", (name, spec) => {
    const setup = workbook.getWorksheet(name)!.pageSetup;
    const { top, left, bottom, right } = spec.print!.area;
    expect({
      orientation: setup.orientation,
      fitToPage: setup.fitToPage,
      fitToWidth: setup.fitToWidth,
      fitToHeight: setup.fitToHeight,
      printArea: setup.printArea,
      printTitlesRow: setup.printTitlesRow,
    }).toEqual({
      orientation: spec.print!.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // ExcelJS reads the print area and titles back from the file's defined names without their $.
      printArea: rangeA1(top, left, bottom, right),
      printTitlesRow: spec.print!.titleRows ? `${spec.print!.titleRows.top + 1}:${spec.print!.titleRows.bottom + 1}` : undefined,
    });
  });

  test("the Deal sheet prints landscape, A1 to the end of the block, its table's header on every page", () => {
    const setup = workbook.getWorksheet("Deal")!.pageSetup;
    expect([setup.orientation, setup.printTitlesRow]).toEqual(["landscape", "4:4"]);
    expect(setup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
  });

  test("rows of wrapped text have the heights the spec gives them", () => {
    const sources = specs.find((s) => s.block === "sources")!;
    expect(sources.rowHeights!.length).toBeGreaterThan(0);
    for (const { row, points } of sources.rowHeights!)
      expect([row, workbook.getWorksheet("Sources")!.getRow(row + 1).height]).toEqual([row, points]);
  });

  test("every override and input cell has its data validation: the rule, the unit in the prompt, a stop on anything else", () => {
    let count = 0;
    for (const spec of specs) {
      for (const c of spec.cells.filter((x) => x.owner === "user")) {
        const v = c.validation!;
        const dv = workbook.getWorksheet(spec.sheetName)!.getCell(toA1(c.row, c.col)).dataValidation;
        const where = `${spec.sheetName}!${toA1(c.row, c.col)}`;
        expect([where, dv.type, dv.allowBlank, dv.showInputMessage, dv.promptTitle, dv.prompt, dv.showErrorMessage, dv.errorStyle]).toEqual(
          [where, v.type, true, true, v.prompt.title, v.prompt.message, true, "stop"],
        );
        count++;
      }
    }
    // An override per figure of the figures file; inputs: the exit valuation, shares outstanding, cost per employee, four scenario inputs and two steps.
    expect(count).toBe(figureCount() + 1 + 1 + 1 + 4 + 2);
    const override = workbook.getWorksheet("Deal")!.getCell("C5").dataValidation;
    expect([override.type, override.operator, override.formulae]).toEqual(["decimal", "greaterThanOrEqual", [0]]);
    expect(override.prompt).toContain("35e9");
  });

  test("the step validation is a range, the basis a list, the expected close a date from 1900-03-01", () => {
    const sheet = workbook.getWorksheet("Sensitivity")!;
    const cells = specs.find((s) => s.block === "sensitivity")!.cells.filter((c) => c.owner === "user");
    const dv = (type: string) => sheet.getCell(toA1(cells.find((c) => c.validation!.type === type)!.row, 1)).dataValidation;
    expect([dv("list").type, dv("list").formulae]).toEqual(["list", ['"post,pre"']]);
    const step = sheet.getCell(toA1(cells.find((c) => c.validation!.max !== undefined)!.row, 1)).dataValidation;
    expect([step.operator, step.formulae]).toEqual(["between", [0, 0.45]]);
    const close = workbook.getWorksheet("Deal")!.getCell("C10").dataValidation;
    // ExcelJS reads a date bound back as a Date: Excel's serial 61, 1900-03-01.
    expect([close.type, close.operator, (close.formulae[0] as Date).toISOString().slice(0, 10)]).toEqual([
      "date",
      "greaterThanOrEqual",
      "1900-03-01",
    ]);
  });
});

describeWithLibreOffice("the PDF LibreOffice prints from the npm run workbook file", (soffice) => {
  let scratch: string;
  let pdf: string;
  let dealOnly: string;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-print-"));
    const file = path.join(scratch, "deal-desk.xlsx");
    const run = spawnSync("sh", ["-c", `${COMMAND} --out '${file}'`], { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`npm run workbook failed: ${run.stderr}`);
    const deal = path.join(scratch, "deal-only.xlsx");
    fs.writeFileSync(deal, await workbookBuffer([specs[0]]));
    [pdf, dealOnly] = printToPdf([file, deal], soffice);
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("the whole workbook prints on at most 10 pages: one landscape page per sheet", () => {
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(10);
    expect(pdfPageCount(pdf)).toBe(specs.length);
    for (const [width, height] of pdfPageSizes(pdf)) expect(width).toBeGreaterThan(height);
  });

  test("the Deal sheet, table included, prints on one page: no column split across pages", () => {
    expect(pdfPageCount(dealOnly)).toBe(1);
  });
});
