/**
 * `npm run figures:check` and the build's check of the figures file: each kind of bad file fails
 * with the file, the id and the field named, and the build refuses it before compiling anything.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkFiguresFile } from "../../scripts/figures-check";
import { ROOT, distFile, runWebpack } from "../build/build-helpers";
import { factIn, figureIn, figuresJson } from "./json";

const good = () => JSON.parse(fs.readFileSync(path.join(ROOT, "figures/figures.json"), "utf8"));
const SOURCES = path.join(ROOT, "sources");
let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-figures-"));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Writes a figures file (named error.* when it must fail) and returns its path. */
function write(name: string, content: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Ways a figures file must fail, each with the line that names file, id and field. */
const BAD: [string, (json: ReturnType<typeof good>) => void, string][] = [
  [
    // A desk renames an id the Deal sheet's metrics read: valid to the schema, yet no sheet can be built from it.
    "error.renamed-id.json",
    (json) => {
      figureIn(json, "deal.round_size").id = "deal.round";
      for (const f of json.figures) f.otherClaims = (f.otherClaims as string[]).map((o) => (o === "deal.round_size" ? "deal.round" : o));
    },
    `has no figure with the id "deal.round_size", which Deal Desk's sheets are built on (renamed or removed?)`,
  ],
  [
    "error.schema.json",
    (json) => (figureIn(json, "deal.round_size").unit = "EUR"),
    'deal.round_size field "unit" must be one of "USD", "USD per share", "gain as a fraction", "employees", "date"; got "EUR"',
  ],
  [
    "error.duplicate-id.json",
    (json) => (factIn(json, "talks.leaders").id = "amzn.price"),
    'amzn.price field "id" repeats an id already used in the file; ids must be unique',
  ],
  [
    "error.unknown-source.json",
    (json) => (figureIn(json, "openai.valuation_round").sourceId = "src.ft"),
    'openai.valuation_round field "sourceId" names the source "src.ft", which is not among the file\'s sources',
  ],
  [
    "error.quote.json",
    (json) =>
      (figureIn(json, "amazon.capex_2026").quote = figureIn(json, "amazon.capex_2026").quote.replace(
        "approximately $125 billion",
        "approximately $130 billion",
      )),
    'amazon.capex_2026 field "quote" is not found verbatim in 003_27facdf7f722c302.txt (the article of src.stake_talks)',
  ],
  [
    // The label the issue found: the round "could total $100 billion", and no article says "up to" of it.
    "error.label-qualifier.json",
    (json) => (figureIn(json, "deal.round_size").label = "OpenAI funding round sought (up to)"),
    'deal.round_size field "label" uses "up to", which none of its quotes contains (src.stake_talks, src.late_january_reports): a label says only what its sources say',
  ],
  [
    // The timeline sentence the issue found: its article says "a staggering $50 billion".
    "error.timeline-qualifier.json",
    (json) =>
      (factIn(json, "timeline.reports").text = "Late January 2026: reports that Amazon is in talks to invest up to $50 billion in OpenAI"),
    'timeline.reports field "text" uses "up to", which its quote does not contain (src.late_january_reports): a label says only what its sources say',
  ],
  [
    // An undated claim left blank, neither dated nor said to be undated.
    "error.undated.json",
    (json) => {
      figureIn(json, "deal.amount_announced").asOfDate = null;
      figureIn(json, "deal.amount_announced").asOfBasis = "stated by the source";
    },
    'deal.amount_announced field "asOfBasis" must be "undated" exactly when asOfDate is null: give the day the claim was stated, or say it is "undated"',
  ],
  [
    "error.no-statement-date.json",
    (json) => delete figureIn(json, "amazon.capex_2026").asOfDate,
    'amazon.capex_2026 field "asOfDate" is missing',
  ],
];

const only = (...names: string[]) => BAD.filter(([name]) => names.includes(name));
/** The command's cases: what the issue asks it to refuse, and a quote not in its article. */
const CLI_CASES = only(
  "error.quote.json",
  "error.label-qualifier.json",
  "error.timeline-qualifier.json",
  "error.undated.json",
  "error.no-statement-date.json",
);
/**
 * The build runs the same check (checkFiguresFile, every rule tested above): one case from each of
 * its two stages, the schema's and the quotes', shows it refuses the file (each case is a build,
 * about 3 s).
 */
const BUILD_CASES = only("error.schema.json", "error.quote.json");

function badFile(name: string, edit: (json: ReturnType<typeof good>) => void): string {
  const json = good();
  edit(json);
  return write(name, json);
}

describe("checkFiguresFile (npm run figures:check and the build)", () => {
  test("accepts the repository's file, checking quotes against sources/", () => {
    const result = checkFiguresFile(path.join(ROOT, "figures/figures.json"), SOURCES);
    expect(result.ok && [result.dataset.version, result.dataset.figures.length]).toEqual(["1.0.0", figuresJson().figures.length]);
  });

  test.each(BAD)("%s fails with the file, id and field named", (name, edit, line) => {
    const file = badFile(name, edit);
    expect(checkFiguresFile(file, SOURCES)).toEqual({ ok: false, lines: [`${file}: ${line}`] });
  });

  test("a truncated file fails as JSON", () => {
    const file = write("error.truncated.json", JSON.stringify(good()).slice(0, 500));
    const result = checkFiguresFile(file, SOURCES);
    expect(result.ok ? [] : result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${file.replace(/[.]/g, "\\.")}: not valid JSON \\(`)),
    ]);
  });
});

function figuresCheck(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["-r", "./scripts/ts-register.js", "scripts/figures-check.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: ROOT },
  });
}

describe("npm run figures:check", () => {
  test("says a good file is valid, with its version and counts, and exits 0", () => {
    const result = figuresCheck([]);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    // The counts are the file's own, read here from the raw JSON.
    const file = figuresJson();
    const [figures, facts, sources] = [file.figures.length, file.facts.length, file.sources.length];
    expect(result.stdout.trim()).toBe(
      `${path.join(ROOT, "figures/figures.json")}: valid. Figures 1.0.0 · 2026-11-22: ${figures} figures, ${facts} facts, ${sources} sources; quotes found verbatim in sources.`,
    );
  });

  test.each(CLI_CASES.map(([name, edit, line]) => [name.replace(/^error\./, "error.cli-"), edit, line] as const))(
    "exits 1 on %s, printing what is wrong",
    (name, edit, line) => {
      const file = badFile(name, edit);
      const result = figuresCheck([file, "--sources", "sources"]);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`${file}: ${line}\nnpm run figures:check: 1 problem; the add-in would keep its built-in figures.\n`);
    },
  );

  test("exits 2 on a wrong command line", () => {
    expect(figuresCheck(["--source", "x"]).status).toBe(2);
    expect(figuresCheck(["figures/figures.json", "--sources", path.join(scratch, "none")]).stderr).toContain("does not exist");
  });
});

describe("the build", () => {
  test("serves the repository's figures file as figures.json, unchanged", () => {
    expect(fs.readFileSync(distFile("figures.json"), "utf8")).toBe(fs.readFileSync(path.join(ROOT, "figures/figures.json"), "utf8"));
  });

  test.each(BUILD_CASES)("fails on %s, naming the file, id and field, and writes nothing", (name, edit, line) => {
    const file = badFile(`build-${name}`, edit);
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-bad-figures-"));
    try {
      const result = runWebpack({ FIGURES_FILE: file, DIST_DIR: distDir });
      expect(result.status).not.toBe(0);
      expect(result.stderr + result.stdout).toContain(`The figures file is invalid:\n${file}: ${line}`);
      expect(fs.readdirSync(distDir)).toEqual([]);
    } finally {
      fs.rmSync(distDir, { recursive: true, force: true });
    }
  });
});
