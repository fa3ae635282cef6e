/**
 * The figures file at run time, in Chromium against the fake Excel: a replaced dist/figures.json
 * reaches the pane, the review, the workbook and DEAL.FIGURE on the next open; a missing,
 * truncated or schema-breaking one leaves the pane on the built-in copy, saying why.
 *
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { buildBlock } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { COL } from "../../src/sheets/figure-table";
import { figureCount } from "../figures/json";
import type { BrowserSession, StaticServer } from "../support/browser";
import { bundleScript, describeInBrowser, distDir, launchChromium, openDisclosure, openPane, ROOT, serveFolder } from "../support/browser";

/** A figure's cell in a column of its block's table, from the block's spec. */
function figureCell(block: "deal" | "amzn", figureId: string, col: number): string {
  const cell = buildBlock(block).cells.find((c) => c.figureId === figureId && c.col === col);
  if (!cell) throw new Error(`the ${block} block has no cell for ${figureId} in column ${col}`);
  return toA1(cell.row, cell.col);
}

/**
 * A test fixture, not a source: the desk publishes 1.1.0, in which the AMZN price has a new value,
 * quote and source (a desk note added to the sources), every id unchanged.
 */
function publishedUpdate(): string {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, "figures/figures.json"), "utf8"));
  json.version = "1.1.0";
  json.date = "2026-12-01";
  json.sources.push({
    id: "src.desk_note",
    title: "Desk note (test fixture)",
    outlet: "the desk (test fixture)",
    citesOutlet: null,
    date: "2026-12-01",
    dateNote: "dated 1 Dec 2026",
    cites: "the desk's own pricing",
    file: "desk_note.txt",
    tier: "primary",
    url: null,
  });
  const price = json.figures.find((f: { id: string }) => f.id === "amzn.price");
  Object.assign(price, {
    value: "250.5",
    sourceId: "src.desk_note",
    quote: "AMZN traded around $250.50.",
    asOf: "1 Dec 2026",
    asOfDate: "2026-12-01",
    asOfBasis: "stated by the source",
  });
  return JSON.stringify(json, null, 2);
}

async function cellValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(
    ([s, a]) =>
      (window as unknown as { fakeWorkbook: { cell(s: string, a: string): { value: unknown } | undefined } }).fakeWorkbook.cell(s, a)
        ?.value,
    [sheet, address] as const,
  );
}

async function dealFigure(page: Page, id: string, field?: string): Promise<unknown> {
  return page.evaluate(
    ([i, f]) =>
      (window as unknown as { fakeFunctions: { call(id: string, ...a: unknown[]): Promise<unknown> } }).fakeFunctions.call(
        "FIGURE",
        [[i]],
        f === undefined ? undefined : [[f]],
      ),
    [id, field] as const,
  );
}

describeInBrowser("figures file at run time")("figures.json at run time", () => {
  let browser: BrowserSession;
  let folder: string;
  let host: string;
  const servers: StaticServer[] = [];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-figures-"));
    host = await bundleScript(path.join(ROOT, "test", "browser", "figures-host.ts"), folder, "figures-office.js");
    browser = await launchChromium({ width: 500 });
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** A copy of the build whose figures.json is `content` (deleted when null), served. */
  async function serveWith(name: string, content: string | null): Promise<StaticServer> {
    const dir = path.join(folder, name);
    fs.cpSync(distDir(), dir, { recursive: true });
    if (content === null) fs.rmSync(path.join(dir, "figures.json"));
    else fs.writeFileSync(path.join(dir, "figures.json"), content);
    const server = await serveFolder(dir);
    servers.push(server);
    return server;
  }

  test("a replaced figures.json: the pane shows the new value and version, the review lists the Reported cell, Apply writes it, keeps the user's cells and logs it in DealChanges, DEAL.FIGURE answers from it", async () => {
    const server = await serveWith("update", publishedUpdate());
    const { page, errors } = await openPane(browser.context, server.origin, { fakeHost: host, fake: { oldBlocks: true } });
    await page.waitForSelector("body[data-workbook-checked='true']");

    expect(await page.textContent("#figures-version")).toBe("Figures 1.1.0 · 2026-12-01: loaded from this add-in's server (figures.json).");
    expect(await page.textContent("[data-figure='amzn.price'] .claim")).toBe("around $250.5");
    expect(await page.textContent("#figures-notice")).toBe(
      "Figures 1.1.0 are available; this workbook has 1.0.0: 1 figure changed — Review update",
    );
    // The flags depend on the day the test runs: the close passed on 31 Mar 2026 and stays passed.
    const flags = await page.$$eval("#figures-flags li", (items) => items.map((i) => i.textContent));
    expect(flags[0]).toBe("The projected closing, 31 Mar 2026, has passed: these figures describe the talks");
    expect(flags.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^\\d+ of ${figureCount()} figures are more than 90 days old\\.$`)),
      "1 figure is undated, so its age cannot be told: Amazon investment in OpenAI (announced).",
    ]);

    await page.click("#notice-review-update");
    await page.waitForSelector("#update-result .refreshes");
    const price = figureCell("amzn", "amzn.price", COL.reported);
    const refreshed = await page.$$eval("#update-result .refresh-item", (items) => items.map((i) => i.textContent ?? ""));
    expect(refreshed).toContain(`AMZN!${price} Amazon stock price — Reported: 241.73 → 250.5`);
    // The user's typed-over Reported cell is listed as theirs, kept unless they choose otherwise.
    const round = figureCell("deal", "deal.round_size", COL.reported);
    expect(await page.$$eval("#update-result .diff-item .diff-cell strong", (cells) => cells.map((c) => c.textContent))).toEqual([
      `Deal!${round}`,
    ]);

    await page.click("#apply-update");
    await page.waitForSelector("#update-result .message-success");
    expect(await cellValue(page, "AMZN", price)).toBe(250.5);
    expect(await cellValue(page, "Deal", figureCell("deal", "deal.amount", COL.override))).toBe(45000000000);
    expect(await cellValue(page, "Deal", round)).toBe(120000000000);
    expect(String(await cellValue(page, "AMZN", "D1"))).toMatch(/^Figures 1\.1\.0 · 2026-12-01 · /);
    // The change log (src/ownership/changelog.ts) has the row of the changed figure's Reported cell.
    const log = await page.evaluate(() => {
      const wb = (window as unknown as { fakeWorkbook: { cell(s: string, a: string): { value: unknown } | undefined } }).fakeWorkbook;
      const rows: unknown[][] = [];
      for (let r = 2; r <= 60; r++) rows.push("ABCDEFGH".split("").map((c) => wb.cell("Changes", `${c}${r}`)?.value ?? ""));
      return rows;
    });
    expect(log.filter((r) => r[1] === "amzn.price" && r[3] === `AMZN!${price}`).map((r) => [r[4], r[5], r[7]])).toEqual([
      [241.73, 250.5, "refreshed (the add-in's cell)"],
    ]);

    expect(await dealFigure(page, "amzn.price")).toEqual([[250.5]]);
    expect(await dealFigure(page, "amzn.price", "asof")).toEqual([["1 Dec 2026; dated 2026-12-01, stated by the source"]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the age threshold is an option: a larger one flags fewer figures, and a bad entry says what it needs", async () => {
    const server = await serveWith("threshold", publishedUpdate());
    const { page } = await openPane(browser.context, server.origin, {});
    await page.waitForSelector("body[data-mode='preview']");
    await openDisclosure(page, "#insert-more");
    expect(await page.inputValue("#opt-stale-days")).toBe("90");
    const staleCards = () => page.$$eval("#figures .card[data-stale]", (cards) => cards.map((c) => c.getAttribute("data-figure")));
    expect((await staleCards()).length).toBeGreaterThan(0);
    await page.fill("#opt-stale-days", "3650");
    expect(await staleCards()).toEqual([]);
    // Undated is flagged whatever the threshold: its age cannot be told.
    expect(await page.$$eval("#figures-flags li", (items) => items.map((i) => i.textContent))).toEqual([
      "The projected closing, 31 Mar 2026, has passed: these figures describe the talks",
      "1 figure is undated, so its age cannot be told: Amazon investment in OpenAI (announced).",
    ]);
    await page.fill("#opt-stale-days", "0");
    expect(await page.getAttribute("#opt-stale-days", "aria-invalid")).toBe("true");
    expect(await page.textContent("#stale-days-note")).toBe(
      "Enter a whole number of days from 1 to 3650; the flags use the last valid number.",
    );
    expect(await staleCards()).toEqual([]);
    await page.close();
  });

  const broken: [string, string | null, string][] = [
    ["missing", null, "figures.json is missing on the server (HTTP 404)"],
    ["truncated", publishedUpdate().slice(0, 4000), "figures.json is not complete JSON (truncated or damaged)"],
    [
      "schema-breaking",
      publishedUpdate().replace('"value": "250.5"', '"value": "250,50"'),
      'figures.json breaks the figures schema: amzn.price field "value" must match ^(-?\\d{1,20}(\\.\\d{1,12})?|\\d{4}-\\d{2}-\\d{2})$; got "250,50"',
    ],
  ];

  test.each(broken)("a %s figures.json leaves the pane working on the built-in copy, saying why", async (name, content, reason) => {
    const server = await serveWith(name, content);
    const { page } = await openPane(browser.context, server.origin, { fakeHost: host });
    await page.waitForSelector("body[data-mode='excel']");
    expect(await page.textContent("#figures-version")).toBe(
      `Figures 1.0.0 · 2026-11-22: the copy built into the add-in, because ${reason}.`,
    );
    expect(await page.getAttribute("#figures-version", "data-origin")).toBe("built-in");
    expect(await page.$$eval("[data-figure]", (cards) => cards.length)).toBe(BUILT_IN_FIGURES.figures.length);
    expect(await page.textContent("[data-figure='amzn.price'] .claim")).toBe("around $241.73");
    expect(await dealFigure(page, "amzn.price")).toEqual([[241.73]]);
    await page.click("#insert-all");
    await page.waitForSelector("#insert-result .message-success");
    expect(await cellValue(page, "AMZN", figureCell("amzn", "amzn.price", COL.reported))).toBe(241.73);
    await page.close();
  });

  test("a figure the file does not mark as headline waits under More figures, off the first screen's list", async () => {
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, "figures/figures.json"), "utf8"));
    delete json.figures.find((f: { id: string }) => f.id === "amzn.price").headline;
    const server = await serveWith("more", JSON.stringify(json));
    const { page, errors } = await openPane(browser.context, server.origin);
    await page.waitForSelector("#figures [data-figure]");
    const listed = (list: string) => page.$$eval(`${list} > [data-figure]`, (cards) => cards.map((c) => c.getAttribute("data-figure")));
    const headline = (json.figures as { id: string; headline?: boolean }[]).filter((f) => f.headline === true).map((f) => f.id);
    expect(await listed("#figures")).toEqual(headline);
    const others = (json.figures as { id: string; headline?: boolean }[]).filter((f) => f.headline !== true).map((f) => f.id);
    expect(others).toContain("amzn.price");
    expect(await listed("#more-figures-list")).toEqual(others);
    expect(await page.isVisible("#more-figures summary")).toBe(true);
    expect(await page.isVisible("#more-figures-list [data-figure='amzn.price']")).toBe(false);
    await page.click("#more-figures summary");
    expect(await page.textContent("#more-figures-list [data-figure='amzn.price'] .claim")).toBe("around $241.73");
    expect(errors).toEqual([]);
    await page.close();
  });
});
