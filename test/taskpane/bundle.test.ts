/**
 * The built pane bundle (npm test builds dist/ first; DIST_DIR points elsewhere): small, and free
 * of ExcelJS and of anything that only runs in Node.
 */
import * as fs from "fs";
import * as path from "path";

const dist = path.resolve(__dirname, "..", "..", process.env.DIST_DIR ?? "dist");
const bundle = path.join(dist, "taskpane.js");

function read(): string {
  if (!fs.existsSync(bundle))
    throw new Error(`${bundle} is missing: build first (npm test does; or DIST_DIR=… npx webpack --mode production).`);
  return fs.readFileSync(bundle, "utf8");
}

describe("taskpane.js", () => {
  // 150 KiB until the pane took on the figures file: the built-in copy (moved here from
  // functions.js), its JSON Schema and the validator the pane runs on the served file (issue 13);
  // then the self-test (issue 12) and the function descriptions the reference derives from
  // (issue 15): 171 KB measured. The cap catches a library pulled in by mistake (ExcelJS alone
  // is about 900 KB), not a few kilobytes of the pane's own code. The update machinery that finds
  // tables and names by identity, adds and retracts rows and checks before writing (issue 20) took
  // it to 198 KiB; DEAL.TRANCHES' description and the errors' messages with their fixes (issue 22)
  // add about 3.3 KB; each figure's citations, standing and qualifiers, with the checks the pane runs
  // on a served file (issue 21), about 13 KiB more; the inputs' validation rules and flags (issue 22) 2.7 KiB.
  test("is under 235 KiB minified", () => {
    expect(Buffer.byteLength(read(), "utf8")).toBeLessThan(235 * 1024);
  });

  test.each([
    ["ExcelJS", /exceljs/i],
    ["JSZip, which ExcelJS writes .xlsx with", /jszip/i],
    ["the xlsx package layout", /xl\/workbook\.xml|sharedStrings/],
    ["Node built-in modules", /require\(["'](?:node:)?(?:fs|path|os|zlib|stream|child_process|crypto|http)["']\)|["']node:[a-z_]+["']/],
    ["Node globals", /__dirname|__filename|process\.versions|process\.platform/],
  ])("has no trace of %s", (_what, pattern) => {
    expect(read()).not.toMatch(pattern);
  });

  test("contains the pane's own code (the check above reads the right file)", () => {
    expect(read()).toContain("deal-desk:figures");
  });
});
