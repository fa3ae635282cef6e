/**
 * `npm run workbook [-- --out PATH] [-- --force] [-- --figures PATH]`: writes the portable Deal
 * Desk workbook, every block with its formulas, formats, notes, tables and names, for people
 * without the add-in; from the repository's figures or from another figures file.
 *
 * Exit codes: 0 written, 1 the file could not be written or the figures file is invalid, 2 the
 * command line is wrong.
 */
import * as path from "path";
import { BUILT_IN_FIGURES } from "../src/figures/builtin";
import type { Dataset } from "../src/figures/types";
import { WorkbookFileError, checkTarget } from "../src/xlsx/save";
import { checkFiguresFile } from "./figures-check";

const DEFAULT_OUT = "deal-desk.xlsx";

const HELP = `Usage: npm run workbook [-- --out PATH] [-- --force] [-- --figures PATH]

Writes the Deal Desk workbook (Deal, AMZN, Capex 2026, Sensitivity and Sources sheets, with
their formulas, named ranges, tables and source notes) as an .xlsx file that calculates in
Excel or LibreOffice without the add-in.

Options:
  --out PATH   where to write the file (default: ${DEFAULT_OUT} in the folder you run the
               command from). It must end in .xlsx and its folder must exist.
  --force      replace the file at PATH if one exists; without it an existing file is left alone.
  --figures PATH
               the figures file to write (default: figures/figures.json, built into the
               add-in); checked as npm run figures:check checks it, against sources/.
  --help       show this text.

Charts are not written (the library cannot): a cell on the Capex 2026 sheet says where the chart
goes and which cells it plots; inserting the block with the add-in in Excel draws it.`;

class UsageError extends Error {}

interface Options {
  readonly out: string;
  readonly figures: string | undefined;
  readonly force: boolean;
  readonly help: boolean;
}

function parseArgs(args: readonly string[]): Options {
  let out: string | undefined;
  let figures: string | undefined;
  let force = false;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--force") force = true;
    else if (arg === "--figures" || arg.startsWith("--figures=")) {
      const value = arg === "--figures" ? args[++i] : arg.slice("--figures=".length);
      if (value === undefined || value === "" || value.startsWith("--"))
        throw new UsageError("--figures needs a file path, e.g. --figures figures/next.json");
      if (figures !== undefined) throw new UsageError("--figures was given twice; give one file.");
      figures = value;
    } else if (arg === "--out" || arg.startsWith("--out=")) {
      const value = arg === "--out" ? args[++i] : arg.slice("--out=".length);
      if (value === undefined || value === "" || value.startsWith("--")) {
        throw new UsageError("--out needs a file path, e.g. --out reports/deal-desk.xlsx");
      }
      if (out !== undefined) throw new UsageError("--out was given twice; give one path.");
      out = value;
    } else {
      throw new UsageError(`Unknown option ${JSON.stringify(arg)}. Options: --out PATH, --force, --figures PATH, --help.`);
    }
  }
  return { out: out ?? DEFAULT_OUT, figures, force, help };
}

/** Puts the figures of `file` in use for the sheet builders; false (with the problems printed) when it is invalid. */
/** The figures of `file`, or null (said on stderr) when the file is invalid. */
function figuresFile(file: string): Dataset | null {
  const result = checkFiguresFile(file, path.join(__dirname, "..", "sources"));
  if (!result.ok) {
    console.error(`npm run workbook: the figures file is invalid, so nothing was written:\n${result.lines.join("\n")}`);
    return null;
  }
  console.log(`Figures ${result.dataset.version} · ${result.dataset.date} from ${file}`);
  return result.dataset;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(args: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`npm run workbook: ${err.message}\nRun "npm run workbook -- --help" for usage.`);
    return 2;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  // The temporary file lives only inside synchronous code; with these handlers installed a
  // Ctrl-C waits for it to be renamed or removed, so no half-written file is ever left.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
  // npm runs scripts from the package folder; INIT_CWD is where the user typed the command.
  const base = process.env.INIT_CWD ?? process.cwd();
  const out = path.resolve(base, options.out);
  const dataset = options.figures === undefined ? BUILT_IN_FIGURES : figuresFile(path.resolve(base, options.figures));
  if (dataset === null) return 1;
  try {
    checkTarget(out, { replace: options.force });
    // Loaded only once the path is known to be good: a wrong command line fails at once.
    const { buildAllBlocks } = await import("../src/sheets");
    const { writeWorkbook } = await import("../src/xlsx");
    const specs = buildAllBlocks({ dataset });
    const saved = await writeWorkbook(specs, out, { replace: options.force });
    const { summary } = saved;
    const width = Math.max(...summary.sheets.map((s) => s.name.length));
    console.log(`Wrote ${saved.path} (${kilobytes(saved.bytes)})`);
    for (const sheet of summary.sheets) {
      const parts = [`${sheet.cells} cells`, `${sheet.names.length} name${sheet.names.length === 1 ? "" : "s"}`];
      if (sheet.tables.length > 0) parts.push(`table${sheet.tables.length > 1 ? "s" : ""} ${sheet.tables.join(", ")}`);
      if (sheet.charts > 0) parts.push(`${sheet.charts} chart note${sheet.charts > 1 ? "s" : ""}`);
      console.log(`  ${sheet.name.padEnd(width)}  ${parts.join(", ")}`);
    }
    console.log(`${summary.sheets.length} sheets, ${summary.cells} cells, ${summary.names.length} names: ${summary.names.join(", ")}`);
    if (summary.sheets.some((s) => s.charts > 0)) {
      console.log("Charts are not in the file (ExcelJS cannot write them); a cell says where each goes and which cells it plots.");
    }
    console.log("Open it in Excel or LibreOffice: it calculates without the add-in.");
    return 0;
  } catch (err) {
    if (!(err instanceof WorkbookFileError)) throw err;
    console.error(`npm run workbook: ${err.message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
