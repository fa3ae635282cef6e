/**
 * `npm run workbook` as a user runs it: the package.json command, spawned from the package
 * folder as npm does, with INIT_CWD set to the folder the user typed it in.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BLOCK_TITLES, buildAllBlocks } from "../../src/sheets";
import { refusalReason, unwritableFolder } from "./unwritable-folder";
import { figureIn, figuresJson, type FiguresJson } from "../figures/json";

const ROOT = path.resolve(__dirname, "../..");
const COMMAND = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
  .workbook;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the workbook command with extra arguments, as `npm run workbook -- ARGS` from `userCwd`. */
function workbook(userCwd: string, ...args: string[]): Run {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const result = spawnSync("sh", ["-c", `${COMMAND} ${quoted}`], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userCwd },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const specs = buildAllBlocks({});
const allNames = specs.flatMap((s) => s.names.map((n) => n.name));

describe("npm run workbook", () => {
  let scratch: string;
  const listing = () => fs.readdirSync(scratch).sort();

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-cli-"));
  });

  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("writes deal-desk.xlsx in the user's folder with every block and name, and says so", async () => {
    const run = workbook(scratch);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const file = path.join(scratch, "deal-desk.xlsx");
    expect(listing()).toEqual(["deal-desk.xlsx"]);
    expect(run.stdout).toContain(`Wrote ${file} (`);
    const cells = specs.reduce((n, s) => n + s.cells.length + s.charts.length, 0);
    expect(run.stdout).toContain(`${specs.length} sheets, ${cells} cells, ${allNames.length} names: ${allNames.join(", ")}`);
    for (const spec of specs) {
      const names = `${spec.names.length} ${spec.names.length === 1 ? "name" : "names"}`;
      expect(run.stdout).toMatch(new RegExp(`^  ${spec.sheetName} +${spec.cells.length + spec.charts.length} cells, ${names}(,|$)`, "m"));
    }

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual([...Object.values(BLOCK_TITLES), "DealDesk Record"]);
    expect(
      book.definedNames.model
        .map((n) => n.name)
        .filter((n) => !n.startsWith("DEALDESK_"))
        .sort(),
    ).toEqual([...allNames].sort());
  });

  test("leaves an existing file alone without --force and replaces it with --force", () => {
    const file = path.join(scratch, "model.xlsx");
    fs.writeFileSync(file, "the user's model");
    const refused = workbook(scratch, "--out", "model.xlsx");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`npm run workbook: ${file} already exists and was left as it is; pass --force to replace it`);
    expect(fs.readFileSync(file, "utf8")).toBe("the user's model");

    const replaced = workbook(scratch, `--out=${file}`, "--force");
    expect(replaced.status).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    expect(listing()).toEqual(["model.xlsx"]);
  });

  test.each([
    [
      "a folder that does not exist",
      (s: string) => ["--out", path.join(s, "missing", "x.xlsx")],
      (s: string) => `The folder ${path.join(s, "missing")} does not exist`,
    ],
    [
      "a path that is a folder",
      (s: string) => ["--out", s],
      (s: string) => `${s} is a folder; give a file path such as ${path.join(s, "deal-desk.xlsx")}`,
    ],
  ])("refuses %s with exit 1 and writes nothing", (_what, args, message) => {
    const run = workbook(scratch, ...args(scratch));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message(scratch));
    expect(run.stdout).toBe("");
    expect(listing()).toEqual([]);
  });

  test("refuses a folder it cannot write into, with exit 1 and no temporary file left there", () => {
    const folder = unwritableFolder(scratch);
    const before = fs.readdirSync(folder);
    const run = workbook(scratch, "--out", path.join(folder, "deal-desk.xlsx"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(refusalReason(folder));
    expect(run.stderr).toMatch(/^npm run workbook: Cannot write into the folder/);
    expect(fs.readdirSync(folder)).toEqual(before);
  });

  test.each([
    [["--out"], "--out needs a file path"],
    [["--out", "--force"], "--out needs a file path"],
    [["--output", "x.xlsx"], 'Unknown option "--output". Options: --out PATH, --force, --figures PATH, --help.'],
    [["--out", "a.xlsx", "--out", "b.xlsx"], "--out was given twice"],
  ])("rejects the command line %j with exit 2 and usage help", (args, message) => {
    const run = workbook(scratch, ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`npm run workbook: ${message}`);
    expect(run.stderr).toContain('Run "npm run workbook -- --help" for usage.');
    expect(listing()).toEqual([]);
  });

  test("--help prints the usage and writes nothing", () => {
    const run = workbook(scratch, "--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run workbook \[-- --out PATH\] \[-- --force\]/);
    expect(run.stdout).toContain("--force");
    expect(run.stdout).toContain("Charts are not written");
    expect(listing()).toEqual([]);
  });

  describe("--figures PATH", () => {
    const figuresFile = (edit: (json: FiguresJson) => void): string => {
      const json = figuresJson();
      edit(json);
      const file = path.join(scratch, "figures-next.json");
      fs.writeFileSync(file, JSON.stringify(json));
      return file;
    };

    test("writes the workbook from another figures file: its values, its stamp, and a label that looks like a formula kept as text", async () => {
      const file = figuresFile((json) => {
        json.version = "1.1.0";
        json.date = "2026-12-01";
        const price = figureIn(json, "amzn.price");
        price.value = "250.5";
        price.label = '=HYPERLINK("http://example.com","AMZN")';
      });
      const run = workbook(scratch, "--figures", file, "--out", "next.xlsx");
      expect([run.status, run.stderr]).toEqual([0, ""]);
      expect(run.stdout).toContain(`Figures 1.1.0 · 2026-12-01 from ${file}`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(scratch, "next.xlsx"));
      const sheet = book.getWorksheet("AMZN")!;
      let row = 0;
      sheet.eachRow((r, n) => {
        if (r.getCell(10).value === "amzn.price") row = n;
      });
      expect(row).toBeGreaterThan(0);
      expect(sheet.getRow(row).getCell(2).value).toBe(250.5);
      expect(sheet.getRow(row).getCell(1).value).toBe('=HYPERLINK("http://example.com","AMZN")');
      expect(sheet.getRow(row).getCell(1).formula).toBeUndefined();
      expect(String(sheet.getCell("D1").value)).toMatch(/^Figures 1\.1\.0 · 2026-12-01 · The expected close, 31 Mar 2026, has passed/);
    });

    test("refuses an invalid figures file with exit 1, naming the problem, and writes nothing", () => {
      const file = figuresFile((json) => {
        figureIn(json, "deal.amount_announced").id = "deal.amount";
      });
      const run = workbook(scratch, "--figures", file);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `npm run workbook: the figures file is invalid, so nothing was written:\n${file}: deal.amount field "id" repeats an id`,
      );
      expect(listing()).toEqual(["figures-next.json"]);
    });
  });
});
