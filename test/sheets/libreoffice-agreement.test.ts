/**
 * The evaluator against a spreadsheet engine nobody here wrote: every formula cell of every
 * block, written to .xlsx and recalculated by LibreOffice, shows what evaluate.ts computes,
 * with the dataset's figures and with a user's edits (including a zero divisor and text).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type ExcelJS from "exceljs";
import { buildAllBlocks } from "../../src/sheets";
import { parseA1, toA1 } from "../../src/sheets/a1";
import { evaluateWorkbook, isFormulaError, type CellValue, type Override } from "../../src/sheets/evaluate";
import type { SheetSpec } from "../../src/sheets/spec";
import { workbookBuffer } from "../../src/xlsx";
import { describeWithLibreOffice, recalculate } from "../support/libreoffice";
import { readWorkbook, shown } from "../xlsx/read-workbook";

type Edit = [sheet: string, address: string, value: number | string];

/** A user's edits, typed into user cells only (overrides and inputs). */
const SCENARIOS: Record<string, Edit[]> = {
  dataset: [],
  edited: [
    ["Deal", "C5", 40e9],
    ["Deal", "C9", 0],
    ["AMZN", "C6", -0.5],
    ["AMZN", "B14", 10_700_000_000],
    ["Capex 2026", "B15", 215_000],
    ["Sensitivity", "B6", 5e9],
    ["Sensitivity", "B8", 25e9],
  ],
  text: [
    ["Deal", "C7", "tbd"],
    ["Capex 2026", "C5", "n/a"],
  ],
  /** A 3-year return below −100%, which no stock can have: the one place the engines differ. */
  impossible: [["AMZN", "C6", -9]],
};

/**
 * Where LibreOffice and Excel disagree, the evaluator follows Excel: a fractional power of a
 * negative number is #NUM! in Excel, while LibreOffice takes the odd root ((-8)^(1/3) = -2).
 */
const KNOWN_DIFFERENCES: Record<string, string[]> = {
  impossible: ['AMZN!B11 =(1+AMZN_RETURN_3Y)^(1/3)-1: {"error":"#NUM!"} vs -3'],
};

function overridesOf(edits: Edit[]): Override[] {
  return edits.map(([sheet, address, value]) => ({ sheet, ...parseA1(address), value }));
}

function withEdits(specs: readonly SheetSpec[], edits: Edit[]): SheetSpec[] {
  return specs.map((spec) => ({
    ...spec,
    cells: spec.cells.map((c) => {
      const edit = edits.find(([sheet, address]) => sheet === spec.sheetName && address === toA1(c.row, c.col));
      if (edit && c.owner !== "user") throw new Error(`Scenario edits ${edit[1]}, which is not a user cell.`);
      return edit ? { ...c, value: edit[2] } : c;
    }),
  }));
}

/**
 * Equal as a spreadsheet shows them: numbers to 1e-14 relative, errors by code, text exactly.
 * ExcelJS reads a cached formula result of 0 or "" as no result (LibreOffice does write <v>0</v>
 * and an empty <v/>), so a missing result stands for exactly those two.
 */
function same(a: CellValue, b: CellValue): boolean {
  if (b === null) return a === 0 || a === "";
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-14 * Math.max(Math.abs(a), Math.abs(b));
  if (isFormulaError(a) && isFormulaError(b)) return a.error === b.error;
  return a === b;
}

describeWithLibreOffice("the evaluator agrees with LibreOffice", (soffice) => {
  const specs = buildAllBlocks();
  const books = new Map<string, ExcelJS.Workbook>();
  let scratch: string;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-sheets-lo-"));
    const files = Object.keys(SCENARIOS).map((name) => path.join(scratch, `${name}.xlsx`));
    await Promise.all(
      Object.values(SCENARIOS).map(async (edits, i) => fs.writeFileSync(files[i], await workbookBuffer(withEdits(specs, edits)))),
    );
    const recalculated = await recalculate(files, soffice);
    const read = await Promise.all(recalculated.map(readWorkbook));
    Object.keys(SCENARIOS).forEach((name, i) => books.set(name, read[i]));
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test.each(Object.keys(SCENARIOS))("%s: every formula cell shows what the evaluator computes", (name) => {
    const wb = evaluateWorkbook(specs, { overrides: overridesOf(SCENARIOS[name]) });
    const book = books.get(name) as ExcelJS.Workbook;
    const differences: string[] = [];
    let errors = 0;
    for (const spec of specs) {
      const sheet = book.getWorksheet(spec.sheetName) as ExcelJS.Worksheet;
      for (const c of spec.cells.filter((cell) => cell.formula !== undefined)) {
        const ours = wb.value(spec.sheetName, c.row, c.col);
        const theirs = shown(sheet.getCell(toA1(c.row, c.col))) as CellValue;
        if (isFormulaError(ours)) errors++;
        if (!same(ours, theirs))
          differences.push(`${spec.sheetName}!${toA1(c.row, c.col)} ${c.formula}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
      }
    }
    expect(differences).toEqual(KNOWN_DIFFERENCES[name] ?? []);
    expect(errors > 0).toBe(name !== "dataset");
  });
});
