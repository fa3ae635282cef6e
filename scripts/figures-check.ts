/**
 * `npm run figures:check [path] [--sources dir]`: validates a figures file the way the build does,
 * for the people who edit it before a desk publishes it. Default path figures/figures.json; the
 * quotes are checked against the articles in --sources (default: the sources/ folder beside the
 * file's folder, when there is one).
 *
 * Exit codes: 0 valid, 1 the file is invalid or unreadable, 2 the command line is wrong.
 */
import * as fs from "fs";
import * as path from "path";
import type { Dataset } from "../src/figures/types";
import { MAX_FIGURES_BYTES } from "../src/figures/load";
import { checkDataset, describeProblem, quoteProblems } from "../src/figures/validate";
import { unbuildableReason } from "../src/sheets";

export type FileCheck =
  { readonly ok: true; readonly dataset: Dataset; readonly text: string } | { readonly ok: false; readonly lines: readonly string[] };

function articleReader(sourcesDir: string | undefined): (file: string) => string | undefined {
  return (file) => {
    if (sourcesDir === undefined) return undefined;
    const full = path.join(sourcesDir, file);
    return fs.existsSync(full) ? fs.readFileSync(full, "utf8") : undefined;
  };
}

/** The sources folder a figures file is checked against by default: ../sources from its folder. */
export function defaultSourcesDir(file: string): string | undefined {
  const dir = path.resolve(path.dirname(file), "..", "sources");
  return fs.existsSync(dir) ? dir : undefined;
}

/**
 * Reads and checks a figures file: size, JSON, schema, ids, sources, values, each quote verbatim
 * in its article where `sourcesDir` holds it, and every figure the sheets are built on present.
 * Every problem names the file, id and field.
 */
export function checkFiguresFile(file: string, sourcesDir: string | undefined = defaultSourcesDir(file)): FileCheck {
  const relative = path.relative(process.cwd(), file);
  const shown = relative === "" || relative.startsWith("..") ? file : relative;
  if (!fs.existsSync(file)) return { ok: false, lines: [`${shown}: no such file`] };
  const text = fs.readFileSync(file, "utf8");
  if (text.length > MAX_FIGURES_BYTES)
    return { ok: false, lines: [`${shown}: larger than ${MAX_FIGURES_BYTES / 1024} KB; the add-in would refuse it`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, lines: [`${shown}: not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const check = checkDataset(json);
  if (!check.ok) return { ok: false, lines: check.problems.map((p) => describeProblem(shown, p)) };
  const quotes = quoteProblems(check.dataset, articleReader(sourcesDir));
  if (quotes.length > 0) return { ok: false, lines: quotes.map((p) => describeProblem(shown, p)) };
  const unbuildable = unbuildableReason(check.dataset);
  if (unbuildable !== null) return { ok: false, lines: [`${shown}: ${unbuildable}`] };
  return { ok: true, dataset: check.dataset, text };
}

class UsageError extends Error {}

function parseArgs(args: readonly string[]): { file: string; sources: string | undefined } {
  let file: string | undefined;
  let sources: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--sources") {
      sources = args[++i];
      if (sources === undefined || sources.startsWith("--")) throw new UsageError("--sources needs a folder, e.g. --sources sources");
    } else if (arg.startsWith("--")) {
      throw new UsageError(`Unknown option ${JSON.stringify(arg)}. Usage: npm run figures:check [path] [-- --sources dir]`);
    } else if (file !== undefined) {
      throw new UsageError("Give one figures file.");
    } else file = arg;
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  return {
    file: path.resolve(base, file ?? "figures/figures.json"),
    sources: sources === undefined ? undefined : path.resolve(base, sources),
  };
}

function main(args: readonly string[]): number {
  let options: { file: string; sources: string | undefined };
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run figures:check: ${error.message}`);
    return 2;
  }
  if (options.sources !== undefined && !fs.existsSync(options.sources)) {
    console.error(`npm run figures:check: the sources folder ${options.sources} does not exist`);
    return 2;
  }
  const sources = options.sources ?? defaultSourcesDir(options.file);
  const result = checkFiguresFile(options.file, sources);
  if (!result.ok) {
    console.error(result.lines.join("\n"));
    console.error(
      `npm run figures:check: ${result.lines.length} problem${result.lines.length === 1 ? "" : "s"}; the add-in would keep its built-in figures.`,
    );
    return 1;
  }
  const d = result.dataset;
  const quotes =
    sources === undefined
      ? "quotes not checked (no sources folder)"
      : `quotes found verbatim in ${path.relative(process.cwd(), sources) || sources}`;
  console.log(
    `${options.file}: valid. Figures ${d.version} · ${d.date}: ${d.figures.length} figures, ${d.facts.length} facts, ${d.sources.length} sources; ${quotes}.`,
  );
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
