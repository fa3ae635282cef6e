/**
 * Every DEAL.* function in headless Chromium, run from the built functions.js as Excel on the
 * web would run it, against a plain-double loop doing the same arithmetic in the same page:
 * a column of 100,000 money amounts (measured and printed; its speed target was retired by
 * issue 24, met well enough) and a 1000×1000 range of any inputs in every argument (target:
 * under 10 s). Measured, never asserted.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable, distDir } from "../test/support/browser";

export const title = "DEAL.* functions in Chromium: a 100,000-row money column and a 1000×1000 range of any inputs";

/** The page's half: generators, cases and timing. Plain JavaScript, sent to the page as text. */
const PAGE_SCRIPT = String.raw`
(() => {
  const random = (seed) => { let s = seed >>> 0; return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32); };
  const money = (r) => Math.round(1e10 + r() * 4.9999e14) / 100;
  /** Any input a cell may hold: cents, computed 17-digit values, any magnitude, numeric and other text, blanks, booleans. */
  const any = (r) => {
    const k = r();
    if (k < 0.2) return money(r);
    if (k < 0.6) return 100 * (1 + r()) * (1 + r());
    if (k < 0.8) return Math.exp((r() - 0.5) * 1400);
    if (k < 0.9) return ["1,250.50", " $30 ", "6%", "1e9", "0.1"][Math.floor(r() * 5)];
    return [null, "", true, false, "n/a", 0][Math.floor(r() * 6)];
  };
  const column = (n, make, seed) => { const r = random(seed); return Array.from({ length: n }, () => [make(r)]); };
  const grid = (n, make, seed) => { const r = random(seed); return Array.from({ length: n }, () => Array.from({ length: n }, () => make(r))); };
  const num = (v) => (typeof v === "number" ? v : typeof v === "string" ? Number(v.replace(/[$,%\s]/g, "")) || 0 : v ? 1 : 0);
  const map1 = (a, f) => a.map((row) => row.map((x) => f(num(x))));
  const map2 = (a, b, f) => a.map((row, i) => row.map((x, j) => f(num(x), num(b[i][j]))));
  const map3 = (a, b, c, f) => a.map((row, i) => row.map((x, j) => f(num(x), num(b[i][j]), num(c[i][j]))));
  const S = (x) => [[x]];
  // name, money-column call, its plain loop, any-range call, its plain loop
  const cases = (m, g) => [
    ["STAKE", (f) => f(m, S(830e9)), () => map1(m, (a) => a / 830e9), (f) => f(g(1), g(2), g(3, "basis"), g(4)), () => map2(g(1), g(2), (a, v) => a / v)],
    ["POSTMONEY", (f) => f(m, S(100e9)), () => map1(m, (p) => p + 100e9), (f) => f(g(1), g(2)), () => map2(g(1), g(2), (p, a) => p + a)],
    ["PREMONEY", (f) => f(m, S(1e6)), () => map1(m, (p) => p - 1e6), (f) => f(g(1), g(2)), () => map2(g(1), g(2), (p, a) => p - a)],
    ["IMPLIEDVALUATION", (f) => f(m, S(0.05)), () => map1(m, (a) => a / 0.05), (f) => f(g(1), g(2), g(3, "basis"), g(4)), () => map2(g(1), g(2), (a, s) => a / s)],
    ["DILUTE", (f) => f(S(0.1), m, S(830e9)), () => map1(m, (a) => (0.1 * 830e9) / (830e9 + a)), (f) => f(g(1), g(2), g(3)), () => map3(g(1), g(2), g(3), (s, a, p) => (s * p) / (p + a))],
    ["STAKEVALUE", (f) => f(S(0.05), m), () => map1(m, (v) => 0.05 * v), (f) => f(g(1), g(2)), () => map2(g(1), g(2), (s, v) => s * v)],
    ["STEPUP", (f) => f(m, S(500e9)), () => map1(m, (n) => n / 500e9), (f) => f(g(1), g(2)), () => map2(g(1), g(2), (n, o) => n / o)],
    ["MOIC", (f) => f(S(50e9), m), () => map1(m, (v) => v / 50e9), (f) => f(g(1), g(2)), () => map2(g(1), g(2), (i, v) => v / i)],
    ["CAGR", (f) => f(m, S(216e9), S(3)), () => map1(m, (s) => Math.pow(216e9 / s, 1 / 3) - 1), (f) => f(g(1), g(2), g(3)), () => map3(g(1), g(2), g(3), (s, e, y) => Math.pow(e / s, 1 / y) - 1)],
    ["PRIORVALUE", (f) => f(m, S(1.14)), () => map1(m, (v) => v / 2.14), (f) => f(g(1), g(2)), () => map2(g(1), g(2), (v, t) => v / (1 + t))],
  ];
  const time = (run, repeats) => { let best = Infinity; for (let i = 0; i < repeats; i++) { const t = performance.now(); run(); best = Math.min(best, performance.now() - t); } return best; };
  window.runBench = (name, part) => {
    const m = column(100000, money, 7);
    const cache = new Map();
    const words = (r) => ["post", "pre", "PRE", "", "sideways"][Math.floor(r() * 5)];
    const g = (seed, kind) => { const key = seed + (kind || ""); if (!cache.has(key)) cache.set(key, grid(1000, kind ? words : any, seed)); return cache.get(key); };
    const c = cases(m, g).find((x) => x[0] === name);
    const f = window.registered[name];
    if (part === "money") {
      for (let i = 0; i < 3; i++) { c[1](f); c[2](); }
      return { deal: time(() => c[1](f), 15), plain: time(c[2], 15) };
    }
    c[3](f); c[4]();
    return { deal: time(() => c[3](f), 1), plain: time(c[4], 1) };
  };
})();
`;

const STUB = `window.registered = {};
window.CustomFunctions = {
  associate: (id, fn) => { window.registered[id] = fn; },
  Error: class { constructor(code, message) { this.code = code; this.message = message; } },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
};`;

/** DEAL_BENCH_ONLY=STAKE,CAGR times those functions only. */
const NAMES = process.env.DEAL_BENCH_ONLY
  ? process.env.DEAL_BENCH_ONLY.split(",")
  : ["STAKE", "POSTMONEY", "PREMONEY", "IMPLIEDVALUATION", "DILUTE", "STAKEVALUE", "STEPUP", "MOIC", "CAGR", "PRIORVALUE"];

/** Pages the money column is timed on, each fresh; the median page is reported. */
const PAGES = 3;

async function benchPage(browser: Browser, functionsJs: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addScriptTag({ content: STUB });
  await page.addScriptTag({ content: functionsJs });
  await page.addScriptTag({ content: PAGE_SCRIPT });
  return page;
}

/** DEAL_BENCH_COLUMN_ONLY=1 measures the money column only (a minute instead of several). */
const columnOnly = process.env.DEAL_BENCH_COLUMN_ONLY === "1";

export async function run(): Promise<string[]> {
  if (!chromiumAvailable()) return [`Chromium not found at ${CHROMIUM_PATH}: nothing measured.`];
  const functionsJs = fs.readFileSync(path.join(distDir(), "functions.js"), "utf8");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const lines = [
    `Chromium ${browser.version()}; the column: best of 15 runs on each of ${PAGES} fresh pages, the median page shown (the range of the pages in brackets); the range: one run after one warm-up.`,
    "",
    "| function | 100,000 money amounts, DEAL (pages) | plain doubles | ratio | 1000×1000 any inputs, DEAL | plain doubles |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  try {
    for (const name of NAMES) {
      // V8 settles a page's loop in one of several states, so the column is timed on PAGES fresh
      // pages (one function's garbage never slows the next) and the median page is reported.
      const columns: { deal: number; plain: number }[] = [];
      let range = { deal: NaN, plain: NaN };
      for (let p = 0; p < PAGES; p++) {
        const page = await benchPage(browser, functionsJs);
        columns.push(
          await page.evaluate(
            ([n]) => (window as unknown as { runBench: (n: string, p: string) => { deal: number; plain: number } }).runBench(n, "money"),
            [name],
          ),
        );
        if (p === 0 && !columnOnly)
          range = await page.evaluate(
            ([n]) => (window as unknown as { runBench: (n: string, p: string) => { deal: number; plain: number } }).runBench(n, "any"),
            [name],
          );
        await page.close();
      }
      const column = columns.sort((a, b) => a.deal - b.deal)[Math.floor(PAGES / 2)];
      const span = `${columns[0].deal.toFixed(1)}–${columns[PAGES - 1].deal.toFixed(1)}`;
      lines.push(
        `| ${name} | ${column.deal.toFixed(1)} ms (${span}) | ${column.plain.toFixed(1)} ms | ${(column.plain / column.deal).toFixed(2)} | ${(range.deal / 1000).toFixed(2)} s | ${(range.plain / 1000).toFixed(2)} s |`,
      );
    }
  } finally {
    await browser.close();
  }
  lines.push("", "ratio: the plain loop's time ÷ DEAL's time on the column (1 would be as fast as plain doubles).");
  return lines;
}
