/**
 * The pane's bundle budgets, in one place: `npm run bench` prints each size against its budget
 * and test/taskpane/bundle.test.ts fails past it. A budget is the size measured when it was set
 * plus the headroom stated beside it, so a library pulled in by mistake fails the test while a
 * few kilobytes of the pane's own code do not. (functions.js has its own budget, in
 * test/functions/bundle.test.ts.)
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const KIB = 1024;

export interface Budget {
  /** What the file is, in words. */
  readonly what: string;
  /** Bytes, minified as built. */
  readonly max: number;
}

/**
 * taskpane.js: what every open of the pane downloads and runs before the figures show. 75.6 KiB
 * when set (2026-12-06: the writer, preview, reference, self-test and the derived cards' deal
 * math with decimal.js split off; the dataset, its validator and the sheet builders stay). Issue
 * 21's claims (each figure's citations, standing and qualifiers, the dataset's checks on them) and
 * issue 22's input rules took it to 96.6 KiB; 110 KiB leaves 12% of headroom.
 */
export const TASKPANE_BUDGET: Budget = { what: "taskpane.js, loaded on every open", max: 110 * KIB };

/**
 * Every pane script together, what a session that uses everything downloads (taskpane.js and the
 * pane-* chunks; functions.js has its own budget). 223.3 KiB when set (the writer grew by 21 KiB
 * with issue 20's update machinery); 254.5 KiB with issues 21 and 22 merged, 280 KiB leaves 10%.
 */
export const PANE_TOTAL_BUDGET: Budget = { what: "taskpane.js and every pane-* chunk together", max: 280 * KIB };

/** The pane's files in a build: taskpane.js, then the chunks it loads when used, by name. */
export function paneScripts(dist: string): string[] {
  const chunks = fs
    .readdirSync(dist)
    .filter((f) => /^pane-[a-z-]+\.[0-9a-f]+\.js$/.test(f))
    .sort();
  return ["taskpane.js", ...chunks];
}

export function kib(bytes: number): string {
  return `${(bytes / KIB).toFixed(1)} KiB`;
}

/** Bytes of each pane script of a build, minified as built. */
export function paneScriptSizes(dist: string): { file: string; bytes: number }[] {
  return paneScripts(dist).map((file) => ({ file, bytes: fs.statSync(path.join(dist, file)).size }));
}

/** "112.9 KiB of 125.0 KiB, 12.1 KiB left". */
export function againstBudget(bytes: number, budget: Budget): string {
  return `${kib(bytes)} of ${kib(budget.max)}, ${kib(budget.max - bytes)} left`;
}

/** One line per pane script: its size minified and gzipped, against its budget where it has one. */
export function bundleReport(dist: string): string[] {
  const lines = ["| file | minified | gzipped | budget |", "|---|---:|---:|---|"];
  const sizes = paneScriptSizes(dist);
  for (const { file, bytes } of sizes) {
    const gzipped = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
    const budget = file === "taskpane.js" ? againstBudget(bytes, TASKPANE_BUDGET) : "loaded when used";
    lines.push(`| ${file} | ${kib(bytes)} | ${kib(gzipped)} | ${budget} |`);
  }
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  lines.push(`| all pane scripts | ${kib(total)} | | ${againstBudget(total, PANE_TOTAL_BUDGET)} |`);
  return lines;
}
