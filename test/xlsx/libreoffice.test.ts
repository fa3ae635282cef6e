/**
 * The portable workbook recalculated by a spreadsheet engine nobody here wrote. Every file is
 * written first, then LibreOffice opens, recalculates and saves them all in one run (each run
 * costs seconds), and the tests read the results back.
 */
import { spawnSync } from "child_process";
import { RECORD_SHEET } from "../../src/ownership/record";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildAllBlocks, DERIVED_NAMES, inputNames } from "../../src/sheets";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import type { CellSpec, SheetSpec } from "../../src/sheets/spec";
import { toA1 } from "../../src/sheets/a1";
import { chartNote, workbookBuffer } from "../../src/xlsx";
import { stake } from "../../src/calc/deal-math";
import { insertBlocks } from "../../src/excel";
import { BLOCKS } from "../../src/sheets";
import { FakeWorkbook, installFakeOffice, type WorkbookSnapshot } from "../fakes/fake-excel";
import { describeWithLibreOffice, recalculate } from "../support/libreoffice";
import { closeTo, datasetInputs, expectedNames, type Inputs } from "./expected-names";
import { FORMULA_LIKE_TEXTS, handMadeSpec } from "./hand-made-spec";
import { allCells, isFormula, nameTarget, nameValue, readWorkbook, shown, type Shown } from "./read-workbook";
import { snapshotBuffer } from "./snapshot-workbook";

const ROOT = path.resolve(__dirname, "../..");
const COMMAND = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
  .workbook;

/** A user's own assumptions typed into the Override column (test inputs, not figures). */
const OVERRIDES: Inputs = {
  DEAL_AMOUNT: 40e9,
  DEAL_ROUND_SIZE: 120e9,
  OPENAI_VALUATION_ROUND: 730e9,
  AMZN_RETURN_3Y: 0.5,
  AMAZON_CAPEX_2026: 110e9,
};

/** A spec that must produce an error, to prove the error check sees one. */
function errorDivideByZeroSpec(): SheetSpec {
  return {
    block: "deal",
    sheetName: "Errors",
    origin: { row: 0, col: 0 },
    cells: [
      { row: 0, col: 0, value: 0, owner: "addin" },
      { row: 0, col: 1, formula: "=1/A1", owner: "addin" },
    ],
    names: [],
    tables: [],
    charts: [],
    columnWidths: [],
    requires: [],
  };
}

/** The workbook state the task pane's "Insert all" leaves in Excel (the fake), as plain data. */
async function paneInsertAll(): Promise<WorkbookSnapshot> {
  const excel = new FakeWorkbook();
  installFakeOffice(globalThis, excel);
  const result = await insertBlocks(BLOCKS, { target: "new-sheet", includeStockHistory: false });
  if (!result.ok) throw new Error(`Insert all failed in the fake Excel: ${result.message}`);
  return excel.snapshot();
}

/** What every cell of a sheet shows, by address. */
function sheetValues(workbook: ExcelJS.Workbook, sheetName: string): Record<string, Shown> {
  const values: Record<string, Shown> = {};
  for (const [key, cell] of allCells(workbook)) {
    if (key.startsWith(`${sheetName}!`)) values[cell.address] = shown(cell);
  }
  return values;
}

/** A file whose cached result is wrong (1+1 cached as 3): recalculation must replace it. */
async function staleCacheBuffer(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Stale").getCell("A1").value = { formula: "1+1", result: 3 };
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The Override cell of a named Used cell: same row, the column its table heads "Override". */
function overrideCell(specs: readonly SheetSpec[], name: string): { spec: SheetSpec; cell: CellSpec } {
  for (const spec of specs) {
    const target = spec.names.find((n) => n.name === name);
    if (!target) continue;
    const table = spec.tables.find((t) => t.top < target.row && target.row <= t.bottom && t.left <= target.col && target.col <= t.right);
    if (!table) throw new Error(`${name} is not in a figures table.`);
    const header = spec.cells.find((c) => c.row === table.top && c.value === "Override");
    const cell = spec.cells.find((c) => c.row === target.row && c.col === header?.col);
    if (!cell) throw new Error(`${name} has no Override cell.`);
    return { spec, cell };
  }
  throw new Error(`No block defines ${name}.`);
}

/** The specs with the user's overrides typed in. */
function withOverrides(specs: readonly SheetSpec[], overrides: Inputs): SheetSpec[] {
  const typed = new Map<CellSpec, number>();
  for (const [name, value] of Object.entries(overrides)) typed.set(overrideCell(specs, name).cell, value);
  return specs.map((spec) => ({ ...spec, cells: spec.cells.map((c) => (typed.has(c) ? { ...c, value: typed.get(c)! } : c)) }));
}

describeWithLibreOffice("the workbook recalculated by LibreOffice", (soffice) => {
  const specs = buildAllBlocks({});
  const allNames = [...Object.values(inputNames(BUILT_IN_FIGURES)), ...DERIVED_NAMES];
  let scratch: string;
  let plain: ExcelJS.Workbook;
  let overridden: ExcelJS.Workbook;
  let handMade: ExcelJS.Workbook;
  let errors: ExcelJS.Workbook;
  let pane: ExcelJS.Workbook;
  let paneSnapshot: WorkbookSnapshot;
  let stale: ExcelJS.Workbook;
  let written: ExcelJS.Workbook;
  let amount37: ExcelJS.Workbook;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-recalc-"));
    const files = {
      plain: path.join(scratch, "deal-desk.xlsx"),
      overridden: path.join(scratch, "overridden.xlsx"),
      handMade: path.join(scratch, "hand-made.xlsx"),
      errors: path.join(scratch, "error.divide-by-zero.xlsx"),
      pane: path.join(scratch, "pane-insert-all.xlsx"),
      stale: path.join(scratch, "stale-cache.xlsx"),
      amount37: path.join(scratch, "amount-37.xlsx"),
    };
    const run = spawnSync("sh", ["-c", `${COMMAND} --out '${files.plain}'`], { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`npm run workbook failed: ${run.stderr}`);
    fs.writeFileSync(files.overridden, await workbookBuffer(withOverrides(specs, OVERRIDES)));
    fs.writeFileSync(files.handMade, await workbookBuffer([handMadeSpec()]));
    fs.writeFileSync(files.errors, await workbookBuffer([errorDivideByZeroSpec()]));
    paneSnapshot = await paneInsertAll();
    fs.writeFileSync(files.pane, await snapshotBuffer(paneSnapshot));
    fs.writeFileSync(files.stale, await staleCacheBuffer());
    fs.writeFileSync(files.amount37, await workbookBuffer(withOverrides(specs, { DEAL_AMOUNT: 37e9 })));
    const recalculated = await recalculate(
      [files.plain, files.overridden, files.handMade, files.errors, files.pane, files.stale, files.amount37],
      soffice,
    );
    [plain, overridden, handMade, errors, pane, stale, amount37] = await Promise.all(recalculated.map(readWorkbook));
    written = await readWorkbook(files.plain);
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("recalculates every formula instead of keeping the results cached in the file", () => {
    expect(stale.getWorksheet("Stale")!.getCell("A1").value).toEqual({ formula: "1+1", result: 2 });
  });

  test("the results cached in the file are the ones LibreOffice computes", () => {
    const mismatches: [string, Shown, Shown][] = [];
    let compared = 0;
    for (const [key, cell] of allCells(written)) {
      if (!isFormula(cell)) continue;
      const [sheetName, address] = key.split("!");
      // The record's references are the add-in's bookkeeping, computed when Excel opens the file.
      if (sheetName === RECORD_SHEET) continue;
      const cached = shown(cell);
      const computed = shown(plain.getWorksheet(sheetName)!.getCell(address));
      compared++;
      const same =
        typeof cached === "number" && typeof computed === "number"
          ? closeTo(computed, cached)
          : JSON.stringify(cached) === JSON.stringify(computed);
      if (!same) mismatches.push([key, cached, computed]);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(specs.reduce((n, spec) => n + spec.cells.filter((c) => c.formula !== undefined).length, 0));
  });

  test("keeps every name, pointing at the cell the spec names", () => {
    expect(
      plain.definedNames.model
        .map((n) => n.name)
        .filter((n) => !n.startsWith("DEALDESK_"))
        .sort(),
    ).toEqual([...allNames].sort());
    for (const spec of specs) {
      for (const name of spec.names)
        expect(nameTarget(plain, name.name)).toEqual({ sheet: spec.sheetName, address: toA1(name.row, name.col) });
    }
  });

  test.each(allNames.map((name) => [name]))("%s equals what src/calc computes from the dataset", (name) => {
    const expected = expectedNames(datasetInputs())[name];
    const actual = nameValue(plain, name);
    expect(typeof actual).toBe("number");
    expect([name, closeTo(actual as number, expected) ? expected : actual]).toEqual([name, expected]);
  });

  test.each(allNames.map((name) => [name]))("%s follows the user's overrides", (name) => {
    const inputs = { ...datasetInputs(), ...OVERRIDES };
    const expected = expectedNames(inputs)[name];
    const actual = nameValue(overridden, name);
    expect(typeof actual).toBe("number");
    expect([name, closeTo(actual as number, expected) ? expected : actual]).toEqual([name, expected]);
  });

  test("npm run workbook names the announced amount, the expected close and the step-up if $830B is post-money", () => {
    // $50B announced; 31 March 2026 is Excel serial 46112; (830 − 100) ÷ 500 = 1.46.
    expect(nameValue(plain, "DEAL_AMOUNT_ANNOUNCED")).toBe(50e9);
    expect(nameValue(plain, "DEAL_EXPECTED_CLOSE")).toBe(46112);
    expect(closeTo(nameValue(plain, "OPENAI_STEPUP_IF_POST") as number, 1.46)).toBe(true);
    expect(closeTo(nameValue(plain, "OPENAI_STEPUP") as number, 1.66)).toBe(true);
  });

  test("with DEAL_AMOUNT overridden at $37B, the Sensitivity grids centre on it: 37/830 and 37/930 appear", () => {
    const values = Object.values(sheetValues(amount37, "Sensitivity")).filter((v): v is number => typeof v === "number");
    const has = (expected: number) => values.filter((v) => closeTo(v, expected)).length;
    // Post-money grid (valuations 730…930): 37 ÷ 830 and 37 ÷ 930; the pre-money grid adds the
    // $100B round, so 730 and 830 give 37 ÷ 830 and 37 ÷ 930 again, and 930 gives 37 ÷ 1030.
    expect([has(37 / 830), has(37 / 930)]).toEqual([2, 2]);
    expect(has(37 / 1030)).toBe(1);
    expect(nameValue(amount37, "DEAL_AMOUNT")).toBe(37e9);
    // Without the override, no cell of the grid holds 37/830.
    expect(Object.values(sheetValues(plain, "Sensitivity")).filter((v) => typeof v === "number" && closeTo(v, 37 / 830))).toEqual([]);
  });

  test("every derived name depends on at least one override, so the check above is not vacuous", () => {
    const before = expectedNames(datasetInputs());
    const after = expectedNames({ ...datasetInputs(), ...OVERRIDES });
    expect(DERIVED_NAMES.filter((name) => before[name] === after[name])).toEqual([]);
  });

  test("no formula cell evaluates to an error: with or without overrides, from either writer", () => {
    for (const workbook of [plain, overridden, handMade, pane]) {
      const failing = [...allCells(workbook)].filter(([, cell]) => isFormula(cell)).map(([key, cell]) => [key, shown(cell)]);
      expect(failing.filter(([, value]) => value !== null && typeof value === "object")).toEqual([]);
    }
  });

  test("keeps every table over the range the spec gives it", () => {
    const tables = specs.flatMap((spec) =>
      spec.tables.map((t) => [spec.sheetName, t.name, `${toA1(t.top, t.left)}:${toA1(t.bottom, t.right)}`]),
    );
    const found = tables.map(([sheetName, name]) => {
      // ExcelJS keeps a loaded table's range in its model, which its typings do not declare.
      const table = plain.getWorksheet(sheetName)!.getTable(name) as unknown as { table?: { tableRef?: string } } | undefined;
      return [sheetName, name, table?.table?.tableRef];
    });
    expect(found).toEqual(tables);
    expect(tables.length).toBeGreaterThan(0);
  });

  test("the error check sees an error when a formula makes one", () => {
    expect(shown(errors.getWorksheet("Errors")!.getCell("B1"))).toEqual({ error: "#DIV/0!" });
  });

  test("every formula of the blocks is still a formula after LibreOffice saves the file", () => {
    for (const spec of specs) {
      const sheet = plain.getWorksheet(spec.sheetName)!;
      for (const cell of spec.cells.filter((c) => c.formula !== undefined)) {
        const key = `${spec.sheetName}!${toA1(cell.row, cell.col)}`;
        expect([key, isFormula(sheet.getCell(toA1(cell.row, cell.col)))]).toEqual([key, true]);
      }
    }
  });

  test("keeps every literal value of every block, text that begins with = included", () => {
    for (const spec of specs) {
      const sheet = plain.getWorksheet(spec.sheetName)!;
      for (const cell of spec.cells.filter((c) => c.formula === undefined && c.value !== undefined)) {
        const key = `${spec.sheetName}!${toA1(cell.row, cell.col)}`;
        expect([key, shown(sheet.getCell(toA1(cell.row, cell.col)))]).toEqual([key, cell.value]);
      }
    }
  });

  test("keeps formula-like text as text, and computes formulas inside a table", () => {
    const spec = handMadeSpec();
    const sheet = handMade.getWorksheet(spec.sheetName)!;
    for (const text of FORMULA_LIKE_TEXTS) {
      const cell = spec.cells.find((c) => c.value === text)!;
      const written = sheet.getCell(toA1(cell.row, cell.col));
      expect([text, isFormula(written), shown(written)]).toEqual([text, false, text]);
    }
    const reported = (label: string) => {
      const row = spec.cells.find((c) => c.value === label)!.row;
      return spec.cells.find((c) => c.row === row && c.col === spec.origin.col + 1)!.value as number;
    };
    expect(nameValue(handMade, "FIX_AMOUNT")).toBe(reported("Amount"));
    expect(nameValue(handMade, "FIX_VALUATION")).toBe(reported("Valuation"));
    const expected = stake(reported("Amount"), reported("Valuation")) as number;
    expect(closeTo(nameValue(handMade, "FIX_STAKE") as number, expected)).toBe(true);
  });

  test("says where the chart would be", () => {
    for (const spec of specs) {
      for (const chart of spec.charts) {
        expect(shown(plain.getWorksheet(spec.sheetName)!.getCell(toA1(chart.anchor.row, chart.anchor.col)))).toBe(chartNote(chart));
      }
    }
    expect(specs.some((s) => s.charts.length > 0)).toBe(true);
  });

  test.each(specs.map((spec) => [spec.sheetName]))(
    "the pane's Insert all and npm run workbook agree, cell for cell, on sheet %s",
    (sheetName) => {
      const spec = specs.find((s) => s.sheetName === sheetName)!;
      // The file says in a cell where a chart would be; in Excel the pane draws the chart there instead.
      const chartNotes = new Set(spec.charts.map((c) => toA1(c.anchor.row, c.anchor.col)));
      const fromFile = Object.fromEntries(Object.entries(sheetValues(plain, sheetName)).filter(([address]) => !chartNotes.has(address)));
      expect(sheetValues(pane, sheetName)).toEqual(fromFile);
      expect(Object.keys(fromFile).length).toBe(
        spec.cells.filter((c) => c.formula !== undefined || (c.value !== null && c.value !== undefined)).length,
      );
      const charts = paneSnapshot.sheets.find((s) => s.name === sheetName)!.charts;
      expect(charts.map((c) => c.anchor).sort()).toEqual([...chartNotes].sort());
    },
  );

  test("the pane's Insert all and npm run workbook define the same names on the same cells", () => {
    for (const name of allNames) expect([name, nameTarget(pane, name)]).toEqual([name, nameTarget(plain, name)]);
  });
});
