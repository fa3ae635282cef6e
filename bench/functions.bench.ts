/**
 * DEAL.STAKE, DEAL.DILUTE and DEAL.CAGR called once on a 100,000-row column, passed as Excel
 * passes a range (number[][] of one-element rows), against a plain-double loop doing the same
 * arithmetic into the same result shape in the same run; whole-dollar inputs and inputs with
 * cents, each case in a Node process of its own. Plus the size of the built functions.js.
 * Measured, never asserted.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FUNCTIONS } from "../src/functions/functions";

// These three compute from their arguments alone, so they answer synchronously.
const { STAKE: stake, DILUTE: dilute, CAGR: cagr } = FUNCTIONS as Readonly<Record<string, (...args: unknown[][][]) => unknown[][]>>;

export const title = "DEAL.* functions: cells per second on a 100,000-row column";

const ROWS = 100_000;
const REPEATS = 25;
/** Untimed calls of both loops before measuring, so neither is timed while V8 compiles it. */
const WARM_UPS = 3;

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

/** One case's rates, measured in this process: both loops warmed up, then interleaved. */
function measure(c: Case): { deal: number; plain: number } {
  for (let i = 0; i < WARM_UPS; i++) {
    c.plain();
    c.deal();
  }
  const plain = cellsPerSecond(c.plain);
  const deal = cellsPerSecond(c.deal);
  return { deal, plain };
}

/**
 * Each case runs in a Node process of its own, so V8's state after one case (compiled loops,
 * garbage, inline caches) cannot speed up or slow down the next: the ratios are then steady from
 * run to run instead of swinging with the order of the cases.
 */
function measureApart(index: number): { deal: number; plain: number } {
  const child = spawnSync(process.execPath, ["-r", path.join(__dirname, "..", "scripts", "ts-register.js"), __filename, String(index)], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`the benchmark of case ${index} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { deal: number; plain: number };
}

export async function run(): Promise<string[]> {
  const lines = [
    `Machine: ${os.platform() === "linux" ? "Linux" : os.platform()} ${os.arch()}, ${os.cpus().length} cores, Node ${process.version}`,
    "",
    "| function | inputs | DEAL cells/s | plain doubles cells/s | ratio |",
    "|---|---|---:|---:|---:|",
  ];
  cases().forEach((c, index) => {
    const { deal, plain } = measureApart(index);
    lines.push(`| ${c.name} | ${c.inputs} | ${format(deal)} | ${format(plain)} | ${(deal / plain).toFixed(2)} |`);
  });
  lines.push("", bundleSize());
  return lines;
}

if (require.main === module) {
  process.stdout.write(JSON.stringify(measure(cases()[Number(process.argv[2])])));
}
