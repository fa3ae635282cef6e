/**
 * Issue 22 in a spreadsheet engine nobody here wrote: the portable workbook (`npm run workbook`'s
 * specs) with a PM's inputs typed in, recalculated by LibreOffice. The scenario moves the
 * Sensitivity sheet only, the grid never goes below zero, the Check flag reads the units, and
 * every input keeps its data validation through LibreOffice.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildAllBlocks } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import type { CellSpec, SheetSpec } from "../../src/sheets/spec";
import { workbookBuffer } from "../../src/xlsx";
import { describeWithLibreOffice, recalculate } from "../support/libreoffice";
import { figureCount } from "../figures/json";
import { closeTo } from "./expected-names";
import { nameValue, readWorkbook, shown } from "./read-workbook";

const specs = buildAllBlocks({});
const sensitivity = specs.find((s) => s.block === "sensitivity")!;

/** A cell the user types into, and what they type. */
type Typed = [CellSpec, number | string];

/** The specs with the user's values typed into their cells (as the file would hold them). */
function typedIn(typed: readonly Typed[]): SheetSpec[] {
  const values = new Map(typed);
  return specs.map((spec) => ({ ...spec, cells: spec.cells.map((c) => (values.has(c) ? { ...c, value: values.get(c)! } : c)) }));
}

/** The user's cell on the row of a name: a figure's Override, or a scenario's input. */
function inputOn(name: string): CellSpec {
  for (const spec of specs) {
    const n = spec.names.find((x) => x.name === name);
    const input = n && spec.cells.find((c) => c.row === n.row && c.owner === "user");
    if (input) return input;
  }
  throw new Error(`No input cell on the row of ${name}.`);
}

/** The Check flag on the row of a name (a figures table's Check column, or the flag beside an input). */
function flagOn(name: string): { spec: SheetSpec; cell: CellSpec } {
  for (const spec of specs) {
    const n = spec.names.find((x) => x.name === name);
    const cell = n && spec.cells.find((c) => c.row === n.row && c.style === "flag");
    if (cell) return { spec, cell };
  }
  throw new Error(`No flag on the row of ${name}.`);
}

/** The grids' amounts (below each corner label) and base cases (the highlighted centres). */
const corners = sensitivity.cells.filter((c) => c.value === "Amount ↓ · valuation →");
const gridAmounts = corners.flatMap((corner) => [1, 2, 3, 4, 5].map((i) => toA1(corner.row + i, corner.col)));
const [postCentre, preCentre] = sensitivity.cells.filter((c) => c.style === "base" && !sensitivity.names.some((n) => n.row === c.row));

const at = (workbook: ExcelJS.Workbook, sheet: string, cell: { row: number; col: number }) =>
  shown(workbook.getWorksheet(sheet)!.getCell(toA1(cell.row, cell.col)));

describeWithLibreOffice("a portfolio manager's scenario, recalculated by LibreOffice", (soffice) => {
  const files = {
    plain: typedIn([]),
    amount15: typedIn([[inputOn("DEAL_AMOUNT"), 15e9]]),
    scenario: typedIn([
      [inputOn("SCENARIO_AMOUNT"), 35e9],
      [inputOn("SCENARIO_VALUATION"), 750e9],
      [inputOn("SCENARIO_BASIS"), "post"],
    ]),
    units35: typedIn([
      [inputOn("DEAL_AMOUNT"), 35],
      [inputOn("SCENARIO_AMOUNT"), 35],
      [inputOn("AMZN_RETURN_3Y"), 114],
    ]),
    units35e9: typedIn([
      [inputOn("DEAL_AMOUNT"), 35e9],
      [inputOn("SCENARIO_AMOUNT"), 35e9],
      [inputOn("AMZN_RETURN_3Y"), 1.14],
    ]),
  };
  const books: Record<string, ExcelJS.Workbook> = {};
  let scratch: string;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-scenarios-"));
    const written = await Promise.all(
      Object.entries(files).map(async ([name, s]) => {
        const file = path.join(scratch, `${name}.xlsx`);
        fs.writeFileSync(file, await workbookBuffer(s, { cacheResults: false }));
        return file;
      }),
    );
    const recalculated = await recalculate(written, soffice);
    const read = await Promise.all(recalculated.map(readWorkbook));
    Object.keys(files).forEach((name, i) => (books[name] = read[i]));
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("with the amount override at $15B no grid amount is negative: the rows are $12B to $18B", () => {
    const amounts = gridAmounts.map((a) => shown(books.amount15.getWorksheet("Sensitivity")!.getCell(a)));
    expect(amounts).toEqual([12e9, 13.5e9, 15e9, 16.5e9, 18e9, 12e9, 13.5e9, 15e9, 16.5e9, 18e9]);
    expect(nameValue(books.amount15, "DEAL_AMOUNT")).toBe(15e9);
  });

  test("with the scenario at $35B and $750B post, the ad-hoc stake reads 35/750 and the grid's base case is that point", () => {
    const point = 35 / 750;
    expect(closeTo(nameValue(books.scenario, "SCENARIO_STAKE") as number, point)).toBe(true);
    expect(closeTo(at(books.scenario, "Sensitivity", postCentre) as number, point)).toBe(true);
    // The pre-money grid's centre adds the Deal sheet's $100B round: 35/850.
    expect(closeTo(at(books.scenario, "Sensitivity", preCentre) as number, 35 / 850)).toBe(true);
    expect([nameValue(books.scenario, "SCENARIO_AMOUNT"), nameValue(books.scenario, "SCENARIO_VALUATION")]).toEqual([35e9, 750e9]);
  });

  test("the Deal sheet's named values are unchanged by the scenario's inputs", () => {
    const deal = specs.find((s) => s.block === "deal")!;
    const values = (book: ExcelJS.Workbook) => deal.names.map((n) => [n.name, nameValue(book, n.name)]);
    expect(values(books.scenario)).toEqual(values(books.plain));
    expect(deal.names.length).toBeGreaterThan(10);
  });

  test("the unit flag shows for 35 and not for 35e9; for a gain of 114 and not 1.14", () => {
    const flag = (book: ExcelJS.Workbook, name: string) => {
      const { spec, cell } = flagOn(name);
      return at(book, spec.sheetName, cell);
    };
    expect(["DEAL_AMOUNT", "SCENARIO_AMOUNT", "AMZN_RETURN_3Y"].map((n) => flag(books.units35, n))).toEqual([
      "Check units: under $1M",
      "Check units: under $1M",
      "Check units: over 1,000%",
    ]);
    // An empty text result reads back as an empty string or an empty cell, by the engine's choice.
    expect(["DEAL_AMOUNT", "SCENARIO_AMOUNT", "AMZN_RETURN_3Y"].map((n) => flag(books.units35e9, n) ?? "")).toEqual(["", "", ""]);
  });

  test("every override and input cell keeps its data validation through LibreOffice", () => {
    const inputs = specs.flatMap((spec) => spec.cells.filter((c) => c.owner === "user").map((c) => ({ spec, c })));
    // An override per figure of the figures file; inputs: the exit valuation, shares outstanding, cost per employee, four scenario inputs and two steps.
    expect(inputs.length).toBe(figureCount() + 1 + 1 + 1 + 4 + 2);
    for (const { spec, c } of inputs) {
      const dv = books.plain.getWorksheet(spec.sheetName)!.getCell(toA1(c.row, c.col)).dataValidation;
      const where = `${spec.sheetName}!${toA1(c.row, c.col)}`;
      expect([where, dv?.type, dv?.promptTitle, dv?.showErrorMessage]).toEqual([
        where,
        c.validation!.type,
        c.validation!.prompt.title,
        true,
      ]);
    }
  });
});
