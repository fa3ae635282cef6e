/**
 * DEAL.STAKE, DEAL.DILUTE and DEAL.CAGR called once on a 100,000-row column, passed as Excel
 * passes a range (number[][] of one-element rows), against a plain-double loop doing the same
 * arithmetic into the same result shape in the same run; whole-dollar inputs and inputs with
 * cents. Plus the size of the built functions.js. Measured, never asserted.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cagr, dilute, stake } from "../src/functions/functions";

export const title = "DEAL.* functions: cells per second on a 100,000-row column";

const ROWS = 100_000;
const REPEATS = 5;

/** A deterministic pseudo-random sequence, so every run measures the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function column(make: (r: () => number) => number, seed: number): number[][] {
  const r = random(seed);
  return Array.from({ length: ROWS }, () => [make(r)]);
}

const wholeDollars = (r: () => number) => 1_000_000 + Math.floor(r() * 49_999_000_000);
const withCents = (r: () => number) => (100_000_000 + Math.floor(r() * 4_999_900_000_000)) / 100;

/** Best of REPEATS runs, in cells per second. */
function cellsPerSecond(run: () => unknown[][]): number {
  let best = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    const start = process.hrtime.bigint();
    const out = run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (out.length !== ROWS) throw new Error(`expected ${ROWS} rows, got ${out.length}`);
    best = Math.min(best, seconds);
  }
  return ROWS / best;
}

interface Case {
  name: string;
  inputs: string;
  deal: () => unknown[][];
  plain: () => number[][];
}

function cases(): Case[] {
  const valuation = 830e9;
  const end = 216e9;
  const list: Case[] = [];
  for (const [inputs, make, seed] of [
    ["whole dollars", wholeDollars, 1],
    ["with cents", withCents, 2],
  ] as const) {
    const amounts = column(make, seed);
    list.push(
      {
        name: "STAKE(amounts, 830e9)",
        inputs,
        deal: () => stake(amounts, [[valuation]]),
        plain: () => amounts.map(([a]) => [a / valuation]),
      },
      {
        name: "DILUTE(0.1, amounts, 830e9)",
        inputs,
        deal: () => dilute([[0.1]], amounts, [[valuation]]),
        plain: () => amounts.map(([a]) => [(0.1 * valuation) / (valuation + a)]),
      },
      {
        name: "CAGR(starts, 216e9, 3)",
        inputs,
        deal: () => cagr(amounts, [[end]], [[3]]),
        plain: () => amounts.map(([s]) => [Math.pow(end / s, 1 / 3) - 1]),
      },
    );
  }
  return list;
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");

function bundleSize(): string {
  const file = path.resolve(process.env.DIST_DIR ?? "dist", "functions.js");
  if (!fs.existsSync(file)) return `functions.js: not built (${file} is missing; npm run bench builds it first).`;
  const bytes = fs.statSync(file).size;
  return `dist/functions.js, minified: ${(bytes / 1024).toFixed(1)} KiB (${format(bytes)} bytes; target under 48 KB; decimal.js alone is about 31 KB).`;
}

export async function run(): Promise<string[]> {
  const lines = [
    `Machine: ${os.platform() === "linux" ? "Linux" : os.platform()} ${os.arch()}, ${os.cpus().length} cores, Node ${process.version}`,
    "",
    "| function | inputs | DEAL cells/s | plain doubles cells/s | ratio |",
    "|---|---|---:|---:|---:|",
  ];
  for (const c of cases()) {
    // Interleave so both loops see the same machine load.
    const plain = cellsPerSecond(c.plain);
    const deal = cellsPerSecond(c.deal);
    lines.push(`| ${c.name} | ${c.inputs} | ${format(deal)} | ${format(plain)} | ${(deal / plain).toFixed(2)} |`);
  }
  lines.push("", bundleSize());
  return lines;
}
