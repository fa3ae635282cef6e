/**
 * A result too large to return answers #VALUE! at once in a real page, instead of freezing or
 * crashing it: the built functions.js, loaded in Chromium with only a CustomFunctions stub (as in
 * Excel's runtime), called with a whole column and a whole row as Excel passes them. The one
 * second is a bound on a hang, as the issue asks; the speed itself is not asserted here.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { BrowserSession } from "../support/browser";
import { describeInBrowser, distDir, launchChromium } from "../support/browser";

/** A CustomFunctions stub whose errors keep their code and message, and a registry of what functions.js associates. */
const STUB = `
  window.registered = {};
  class StubError { constructor(code, message) { this.code = code; this.message = message; } }
  window.CustomFunctions = {
    associate: (id, fn) => { window.registered[id] = fn; },
    Error: StubError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
`;

interface Timed {
  readonly result: unknown;
  readonly ms: number;
}

/** Calls a registered function with a whole column (1,048,576 × 1) and a second argument built in the page; times the call only. */
async function callWithWholeColumn(page: Page, name: string, second: "row" | "value"): Promise<Timed> {
  return page.evaluate(
    ([fn, kind]) => {
      // Excel passes a whole column as one row array per cell; empty cells as null.
      const column = Array.from({ length: 1_048_576 }, () => [null]);
      const other = kind === "row" ? [Array.from({ length: 16_384 }, () => null)] : [[830e9]];
      const registered = (window as unknown as { registered: Record<string, (...args: unknown[]) => unknown> }).registered;
      const start = performance.now();
      const result = registered[fn](column, other);
      return { result: JSON.parse(JSON.stringify(result)), ms: performance.now() - start };
    },
    [name, second] as const,
  );
}

describeInBrowser("huge results")("a result too large to return, in Chromium", () => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto("about:blank");
    await page.addScriptTag({ content: STUB });
    await page.addScriptTag({ content: fs.readFileSync(path.join(distDir(), "functions.js"), "utf8") });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("functions.js is loaded and computes", async () => {
    const stake = await page.evaluate(() =>
      (window as unknown as { registered: Record<string, (...args: unknown[]) => unknown> }).registered.STAKE([[50e9]], [[830e9]]),
    );
    expect(stake).toEqual([[50 / 830]]);
  });

  test("=DEAL.STAKE(A:A, 1:1), 17 billion cells, answers #VALUE! with a message within a second", async () => {
    const { result, ms } = await callWithWholeColumn(page, "STAKE", "row");
    expect(result).toEqual([
      [
        {
          code: "#VALUE!",
          message:
            "The result would be 1,048,576 rows × 16,384 columns (17,179,869,184 cells), more than a DEAL function returns (at most 2,097,152 cells, within Excel's 1,048,576 rows × 16,384 columns): use the ranges that hold your data, such as A2:A100 rather than A:A.",
        },
      ],
    ]);
    expect(ms).toBeLessThan(1000);
  });

  test("=DEAL.TRANCHES(A:A, 830e9) answers #VALUE! with a message within a second", async () => {
    const { result, ms } = await callWithWholeColumn(page, "TRANCHES", "value");
    expect(result).toEqual([
      [
        {
          code: "#VALUE!",
          message:
            "amounts has 1,048,576 rounds, more than the 100 DEAL.TRANCHES takes: use the range of the rounds only, such as A2:A9 rather than A:A.",
        },
      ],
    ]);
    expect(ms).toBeLessThan(1000);
  });
});
