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

/** taskpane.js: what every open of the pane downloads and runs before the figures show. */
export const TASKPANE_BUDGET: Budget = { what: "taskpane.js (loaded on every open)", max: 180 * KIB };

/** The pane's files in a build: taskpane.js, then the chunks it loads when used, by name. */
export function paneScripts(dist: string): string[] {
  const chunks = fs
    .readdirSync(dist)
    .filter((f) => /^pane-[a-z-]+\.[0-9a-f]+\.js$/.test(f))
    .sort();
  return ["taskpane.js", ...chunks];
}

function kib(bytes: number): string {
  return `${(bytes / KIB).toFixed(1)} KiB`;
}

/** One line per pane script: its size minified and gzipped, against its budget where it has one. */
export function bundleReport(dist: string): string[] {
  const lines = ["| file | minified | gzipped | budget (headroom) |", "|---|---:|---:|---|"];
  for (const file of paneScripts(dist)) {
    const bytes = fs.readFileSync(path.join(dist, file));
    const budget = file === "taskpane.js" ? TASKPANE_BUDGET : null;
    const room = budget ? `${kib(budget.max)} (${kib(budget.max - bytes.length)} left)` : "loaded when used";
    lines.push(`| ${file} | ${kib(bytes.length)} | ${kib(zlib.gzipSync(bytes, { level: 9 }).length)} | ${room} |`);
  }
  return lines;
}
