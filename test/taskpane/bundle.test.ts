/**
 * The built pane bundles (npm test builds dist/; DIST_DIR points elsewhere): within their budgets
 * (bench/bundles.ts), free of ExcelJS and of anything that only runs in Node, and split so that
 * opening the pane loads only what its first screen needs.
 */
import * as fs from "fs";
import * as path from "path";
import { PANE_TOTAL_BUDGET, TASKPANE_BUDGET, againstBudget, paneScriptSizes } from "../../bench/bundles";
import { CATALOG } from "../../src/calc/catalog";
import { MESSAGES } from "../../src/excel/failures";

const dist = path.resolve(__dirname, "..", "..", process.env.DIST_DIR ?? "dist");

function read(file: string): string {
  const full = path.join(dist, file);
  if (!fs.existsSync(full))
    throw new Error(`${full} is missing: build first (npm test does; or DIST_DIR=… npx webpack --mode production).`);
  return fs.readFileSync(full, "utf8");
}

const sizes = fs.existsSync(path.join(dist, "taskpane.js")) ? paneScriptSizes(dist) : [];
const taskpaneBytes = sizes.find((s) => s.file === "taskpane.js")?.bytes ?? NaN;
const totalBytes = sizes.reduce((sum, s) => sum + s.bytes, 0);

describe("the pane's bundles", () => {
  test(`taskpane.js is within its budget: ${againstBudget(taskpaneBytes, TASKPANE_BUDGET)}`, () => {
    expect(read("taskpane.js").length).toBeGreaterThan(0);
    expect(taskpaneBytes).toBeLessThanOrEqual(TASKPANE_BUDGET.max);
  });

  test(`all pane scripts together are within their budget: ${againstBudget(totalBytes, PANE_TOTAL_BUDGET)}`, () => {
    expect(totalBytes).toBeLessThanOrEqual(PANE_TOTAL_BUDGET.max);
  });

  // Each part, by a text only it holds: in its own chunk, loaded when used, never in taskpane.js.
  test.each([
    ["the Excel writer", "pane-excel", MESSAGES.oldExcel.slice(0, 45)],
    ["the preview's evaluator", "pane-preview", "Circular reference through"],
    ["the function reference", "pane-reference", CATALOG[0].summary.slice(0, 45)],
    ["the self-test", "pane-self-test", "The self-test ran to the end"],
    ["the numbers computed from the figures", "pane-derived", "No sheet computes "],
    ["decimal.js, which the derived cards and the self-test share", "pane-derived-self-test", "[DecimalError]"],
  ])("%s is in the %s chunk, named by its content, and not in taskpane.js", (_what, chunk, text) => {
    const files = sizes.map((s) => s.file).filter((file) => file.startsWith(`${chunk}.`));
    expect(files).toEqual([expect.stringMatching(new RegExp(`^${chunk}\\.[0-9a-f]{16}\\.js$`))]);
    // Booleans, not the files: a failure names the file instead of printing it.
    expect({ taskpane: read("taskpane.js").includes(text), chunk: read(files[0]).includes(text) }).toEqual({
      taskpane: false,
      chunk: true,
    });
  });

  test("every script of the build is an entry (functions.js, taskpane.js) or a pane chunk named by its content", () => {
    const scripts = fs.readdirSync(dist).filter((file) => file.endsWith(".js"));
    expect(scripts.sort()).toEqual(["functions.js", ...sizes.map((s) => s.file)].sort());
  });

  test.each([
    ["ExcelJS", /exceljs/i],
    ["JSZip, which ExcelJS writes .xlsx with", /jszip/i],
    ["the xlsx package layout", /xl\/workbook\.xml|sharedStrings/],
    ["Node built-in modules", /require\(["'](?:node:)?(?:fs|path|os|zlib|stream|child_process|crypto|http)["']\)|["']node:[a-z_]+["']/],
    ["Node globals", /__dirname|__filename|process\.versions|process\.platform/],
  ])("no pane script has a trace of %s", (_what, pattern) => {
    for (const { file } of sizes) expect([file, pattern.test(read(file))]).toEqual([file, false]);
  });

  test("taskpane.js holds the pane's own code (the checks above read the right file)", () => {
    expect(read("taskpane.js").includes("deal-desk:figures")).toBe(true);
  });
});
