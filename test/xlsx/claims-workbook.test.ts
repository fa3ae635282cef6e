/**
 * Issue 21 in the portable workbook: `npm run workbook`, recalculated by LibreOffice, shows every
 * figure at its true strength. The checks read the file as a user sees it (cells found by their
 * table's headers and the figures' ids, names by name), never the specs it was built from.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeWithLibreOffice, recalculate } from "../support/libreoffice";
import { figureCount, rawFigures, staleIds } from "../figures/json";
import { closeTo } from "./expected-names";
import { isFormula, nameTarget, nameValue, readWorkbook, shown, type Shown } from "./read-workbook";

const ROOT = path.resolve(__dirname, "../..");
const COMMAND = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
  .workbook;

/** A table of a sheet read by its header row: the row whose cells include every header given. */
function tableOf(sheet: ExcelJS.Worksheet, headers: readonly string[]): { row: number; cols: Map<string, number> } {
  let found: { row: number; cols: Map<string, number> } | undefined;
  sheet.eachRow((row, n) => {
    if (found) return;
    const cols = new Map<string, number>();
    row.eachCell((cell, col) => {
      if (typeof cell.value === "string") cols.set(cell.value, col);
    });
    if (headers.every((h) => cols.has(h))) found = { row: n, cols };
  });
  if (!found) throw new Error(`${sheet.name} has no table with the headers ${headers.join(", ")}.`);
  return found;
}

/** What a figures table's column shows in the row of the figure with this id. */
function figureCell(sheet: ExcelJS.Worksheet, id: string, header: string): Shown {
  const table = tableOf(sheet, ["Id", header]);
  const idCol = table.cols.get("Id")!;
  let value: Shown | undefined;
  sheet.eachRow((row, n) => {
    if (n > table.row && row.getCell(idCol).value === id) value = shown(row.getCell(table.cols.get(header)!));
  });
  if (value === undefined) throw new Error(`${sheet.name} has no row for ${id}.`);
  return value;
}

/** The label in column A of the row a name points to. */
function labelOf(book: ExcelJS.Workbook, name: string): Shown {
  const { sheet, address } = nameTarget(book, name);
  const row = Number(/\d+$/.exec(address)![0]);
  return shown(book.getWorksheet(sheet)!.getCell(`A${row}`));
}

describeWithLibreOffice("npm run workbook, recalculated by LibreOffice: every figure at its true strength", (soffice) => {
  let scratch: string;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-claims-"));
    const file = path.join(scratch, "deal-desk.xlsx");
    const run = spawnSync("sh", ["-c", `${COMMAND} --out '${file}'`], { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`npm run workbook failed: ${run.stderr}`);
    const [recalculated] = await recalculate([file], soffice);
    book = await readWorkbook(recalculated);
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const sheet = (name: string) => book.getWorksheet(name)!;

  test("the announced row shows its standing, contested, in its own cell beside the number", () => {
    expect(figureCell(sheet("Deal"), "deal.amount_announced", "Standing")).toBe("contested");
    expect(figureCell(sheet("Deal"), "deal.amount", "Standing")).toBe("confirmed by 4 articles, hedged by 2");
    // Beside the number: Used, then Check (the override's unit flag), then Standing.
    const { cols } = tableOf(sheet("Deal"), ["Used", "Check", "Standing"]);
    expect([cols.get("Check"), cols.get("Standing")]).toEqual([cols.get("Used")! + 1, cols.get("Used")! + 2]);
  });

  test("round size and close date carry the source's own qualifier: could total, projected by; never up to", () => {
    expect(figureCell(sheet("Deal"), "deal.round_size", "Qualifier")).toBe("could total");
    expect(figureCell(sheet("Deal"), "deal.expected_close", "Qualifier")).toBe("projected by");
    expect(figureCell(sheet("Deal"), "deal.expected_close", "Figure")).toBe("Projected closing of the funding deal");
    // 31 March 2026 as an Excel serial.
    expect(figureCell(sheet("Deal"), "deal.expected_close", "Reported")).toBe(46112);
  });

  test("capex is dated to when it was said, and the staleness flag counts it", () => {
    const capex = sheet("Capex 2026");
    expect(figureCell(capex, "amazon.capex_2026", "As of")).toBe(
      "during the talks (the article is undated); dated 2026-02-01, inferred from another article",
    );
    expect(figureCell(capex, "amazon.capex_2026", "Period")).toBe("2026");
    // Count, from the three figures tables, the figures stated more than 90 days before the figures' date, 2026-11-22.
    const stamp = String(shown(capex.getCell("D1")));
    const date = /^Figures [\d.]+ · (\d{4}-\d{2}-\d{2})/.exec(stamp)![1];
    let stale = 0;
    let undated = 0;
    let total = 0;
    for (const name of ["Deal", "AMZN", "Capex 2026"]) {
      const ws = sheet(name);
      const table = tableOf(ws, ["Id", "As of"]);
      ws.eachRow((row, n) => {
        const asOf = row.getCell(table.cols.get("As of")!).value;
        if (n <= table.row || typeof asOf !== "string") return;
        total++;
        const dated = /dated (\d{4}-\d{2}-\d{2})/.exec(asOf);
        if (!dated) undated += asOf.startsWith("undated") ? 1 : 0;
        else if ((Date.parse(date) - Date.parse(dated[1])) / 86_400_000 > 90) stale++;
      });
    }
    // The same counts from the raw figures file: every figure in a table, each stale or undated as the file dates it.
    expect([stale, undated, total]).toEqual([
      staleIds(date, 90).length,
      rawFigures().filter((f) => f.asOfDate === null).length,
      figureCount(),
    ]);
    expect(stamp).toContain(`${stale} of ${total} figures were more than 90 days old on ${date}`);
    expect(stamp).toContain(`${undated} of ${total} figures is undated`);
  });

  test('the stake cells carry "up to" in their label, and their values are the stakes', () => {
    expect(labelOf(book, "DEAL_STAKE_POST")).toBe("Amazon stake if the valuation is post-money (up to ~)");
    expect(labelOf(book, "DEAL_STAKE_PRE")).toBe("Amazon stake if the valuation is pre-money (up to ~)");
    expect(closeTo(nameValue(book, "DEAL_STAKE_POST") as number, 50 / 830)).toBe(true);
    expect(closeTo(nameValue(book, "DEAL_STAKE_PRE") as number, 50 / 930)).toBe(true);
  });

  test("OPENAI_STEPUP_IF_PRE and OPENAI_STEPUP_IF_POST both exist; OPENAI_STEPUP still reads the pre-money step-up", () => {
    expect(closeTo(nameValue(book, "OPENAI_STEPUP_IF_PRE") as number, 830 / 500)).toBe(true);
    expect(closeTo(nameValue(book, "OPENAI_STEPUP_IF_POST") as number, 730 / 500)).toBe(true);
    expect(nameTarget(book, "OPENAI_STEPUP")).toEqual(nameTarget(book, "OPENAI_STEPUP_IF_PRE"));
  });

  test("no source id or title names an outlet that did not publish the article", () => {
    const sources = sheet("Sources");
    const table = tableOf(sources, ["Id", "Title", "Outlet"]);
    const rows: [Shown, Shown, Shown][] = [];
    sources.eachRow((row, n) => {
      if (n <= table.row) return;
      const id = shown(row.getCell(table.cols.get("Id")!));
      if (typeof id === "string" && id.startsWith("src."))
        rows.push([id, shown(row.getCell(table.cols.get("Title")!)), shown(row.getCell(table.cols.get("Outlet")!))]);
    });
    expect(rows).toHaveLength(5);
    for (const [id, title] of rows) expect([id, /wsj|wall street|techcrunch/i.test(`${id} ${title}`)]).toEqual([id, false]);
    expect(rows.find(([id]) => id === "src.advanced_talks")![2]).toBe("unnamed outlet, citing The Wall Street Journal");
    expect(rows.find(([id]) => id === "src.admin_recap")![2]).toBe('unnamed site, a post by "Admin", citing TechCrunch');
  });

  test("the exit valuation is blank for the user to fill, so the multiple is blank too", () => {
    const { sheet: name, address } = nameTarget(book, "DEAL_EXIT_VALUATION");
    expect(shown(sheet(name).getCell(address))).toBeNull();
    const below = `B${Number(/\d+$/.exec(address)![0]) + 1}`;
    // A formula whose result is empty text, which LibreOffice saves as an empty cell value.
    expect(isFormula(sheet(name).getCell(below))).toBe(true);
    expect(["", null]).toContain(shown(sheet(name).getCell(below)));
  });
});
