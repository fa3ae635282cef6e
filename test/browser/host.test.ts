/**
 * The pane inside a fake Excel (test/fakes/fake-excel.ts, bundled with test/browser/fake-host.ts
 * and served in place of office.js): inserts, the reviewed update, function skeletons, Excel
 * errors and the Office theme, driven by clicks and keys in Chromium. The screenshots the README
 * shows are written by `npm run screenshots` (scripts/screenshots.ts), not by a test.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { allFigures, findSource } from "../../src/figures";
import { BLOCKS, BLOCK_TITLES, buildAllBlocks, buildBlock } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { COL } from "../../src/sheets/figure-table";
import { MESSAGES } from "../../src/excel/failures";
import type { WorkbookSnapshot } from "../fakes/fake-excel";
import type { BrowserSession, StaticServer } from "../support/browser";
import {
  axeViolations,
  buildFakeHost,
  describeInBrowser,
  distDir,
  launchChromium,
  openDisclosure,
  openPane,
  serveFolder,
  tabWalk,
} from "../support/browser";

/** The address of a figure's Reported cell on the deal sheet, from the block's spec. */
function reportedCell(figureId: string): string {
  const cell = buildBlock("deal").cells.find((c) => c.figureId === figureId && c.col === COL.reported);
  if (!cell) throw new Error(`the deal block has no Reported cell for ${figureId}`);
  return toA1(cell.row, cell.col);
}

function figureValue(id: string): number {
  return Number(allFigures().find((f) => f.id === id)!.value);
}

async function snapshot(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => (window as unknown as { fakeWorkbook: { snapshot(): WorkbookSnapshot } }).fakeWorkbook.snapshot());
}

async function cellValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(
    ([s, a]) =>
      (window as unknown as { fakeWorkbook: { cell(s: string, a: string): { value: unknown } | undefined } }).fakeWorkbook.cell(s, a)
        ?.value,
    [sheet, address] as const,
  );
}

/** Acts as the user typing into a cell of the fake workbook. */
async function typeInCell(page: Page, sheet: string, address: string, input: number | string): Promise<void> {
  await page.evaluate(
    ([s, a, v]) =>
      (window as unknown as { fakeWorkbook: { setCell(s: string, a: string, v: unknown): void } }).fakeWorkbook.setCell(s, a, v),
    [sheet, address, input] as const,
  );
}

async function insertAll(page: Page): Promise<string[]> {
  await page.click("#insert-all");
  await page.waitForSelector("#insert-result .message");
  return page.$$eval("#insert-result li, #insert-result p", (items) => items.map((i) => i.textContent ?? ""));
}

describeInBrowser("pane in a fake Excel host")("pane inside Excel (fake host)", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let fakeHost: string;

  beforeAll(async () => {
    fakeHost = await buildFakeHost();
    server = await serveFolder(distDir());
    browser = await launchChromium({ width: 500 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (fakeHost) fs.rmSync(path.dirname(fakeHost), { recursive: true, force: true });
  });

  test('"Insert all" writes every block\'s sheet and every name, and says what it did', async () => {
    const { page, errors } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    const lines = await insertAll(page);

    const book = await snapshot(page);
    const expectedSheets = BLOCKS.map((b) => BLOCK_TITLES[b]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...expectedSheets, "DealDesk Record"]);
    // Every name of every block, pointing at the cell its spec gives.
    for (const spec of buildAllBlocks()) {
      for (const name of spec.names)
        expect([name.name, book.names[name.name]]).toEqual([
          name.name,
          expect.objectContaining({ sheet: spec.sheetName, address: toA1(name.row, name.col) }),
        ]);
    }
    expect(lines.length).toBeGreaterThanOrEqual(BLOCKS.length);
    for (const title of expectedSheets) expect(lines.some((line) => line.includes(title))).toBe(true);
    expect(await page.textContent("#status")).toBe("Inserted Deal, AMZN, Capex 2026, Sensitivity and Sources.");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a name the user already owns is left alone, and the pane says so", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await page.evaluate(() =>
      (window as unknown as { fakeWorkbook: { addName(n: string, s: string, a: string): void } }).fakeWorkbook.addName(
        "DEAL_AMOUNT",
        "Sheet1",
        "A1",
      ),
    );
    const lines = await insertAll(page);
    expect((await snapshot(page)).names.DEAL_AMOUNT).toMatchObject({ sheet: "Sheet1", address: "A1" });
    expect(lines.filter((line) => line.includes("DEAL_AMOUNT")).length).toBeGreaterThan(0);
    await page.close();
  });

  test("the update lists the user's edit with both values and keeps it when Keep mine is chosen; an accepted one is replaced", async () => {
    const { page, errors } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await insertAll(page);
    const amountCell = reportedCell("deal.amount");
    const roundCell = reportedCell("deal.round_size");
    await typeInCell(page, "Deal", amountCell, 55000000000);
    await typeInCell(page, "Deal", roundCell, 120000000000);

    await page.click("#review-update");
    await page.waitForSelector("#update-result .diff");
    const rows = await page.$$eval("#update-result .diff-item", (items) =>
      items.map((item) =>
        [".diff-cell", ".diff-yours", ".diff-new", ".diff-source"].map((field) => item.querySelector(field)?.textContent),
      ),
    );
    const amount = allFigures().find((f) => f.id === "deal.amount")!;
    const round = allFigures().find((f) => f.id === "deal.round_size")!;
    expect(rows).toEqual([
      [
        expect.stringContaining(`Deal!${amountCell} ${amount.label}`),
        "55,000,000,000",
        "50,000,000,000",
        expect.stringContaining(findSource(amount.sourceId)!.title),
      ],
      [
        expect.stringContaining(`Deal!${roundCell} ${round.label}`),
        "120,000,000,000",
        "100,000,000,000",
        expect.stringContaining(findSource(round.sourceId)!.title),
      ],
    ]);

    // Keep mine is the default for every row; accept the round size only, from the keyboard.
    await page.focus(`#update-result li[data-key='deal|fig|deal.round_size|Reported'] input[value='keep']`);
    await page.keyboard.press("ArrowDown");
    expect(await page.isChecked(`#update-result li[data-key='deal|fig|deal.round_size|Reported'] input[value='accept']`)).toBe(true);
    expect(await page.isChecked(`#update-result li[data-key='deal|fig|deal.amount|Reported'] input[value='keep']`)).toBe(true);

    await page.focus("#apply-update");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#update-result .message-success");
    // The Apply button is gone; focus returns to where the update started, not to the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("review-update");
    expect(await cellValue(page, "Deal", amountCell)).toBe(55000000000);
    expect(await cellValue(page, "Deal", roundCell)).toBe(figureValue("deal.round_size"));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("markup a user typed into a cell is shown as text in the review, never run as HTML", async () => {
    const { page, errors } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await insertAll(page);
    const typed = `<img src="x" onerror="document.body.dataset.pwned='1'">`;
    await typeInCell(page, "Deal", reportedCell("deal.amount"), typed);
    await page.click("#review-update");
    await page.waitForSelector("#update-result .diff");
    expect(await page.textContent(`#update-result .diff-yours`)).toBe(typed);
    expect(await page.$$eval("#update-result img", (images) => images.length)).toBe(0);
    expect(await page.getAttribute("body", "data-pwned")).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an Excel error comes back as a message in the pane, in plain words", async () => {
    const { page, errors } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await page.evaluate(() =>
      (window as unknown as { fakeWorkbook: { protectStructure(on: boolean): void } }).fakeWorkbook.protectStructure(true),
    );
    await openDisclosure(page, "#insert-more");
    await page.click("[data-block='deal']");
    const message = page.locator("#insert-result .message-error");
    await message.waitFor();
    const text = (await message.textContent()) ?? "";
    expect(text.startsWith("Inserting Deal did not complete.")).toBe(true);
    expect(text).toMatch(/protect/i);
    expect(await page.textContent("#status")).toBe(text);
    expect((await snapshot(page)).sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an error Excel raises while writing is shown with its own words, and the pane stays usable", async () => {
    const { page, errors } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await page.evaluate(() =>
      (window as unknown as { fakeWorkbook: { failNextSync(code: string, message: string): void } }).fakeWorkbook.failNextSync(
        "GeneralException",
        "The host is busy.",
      ),
    );
    await openDisclosure(page, "#insert-more");
    await page.click("[data-block='sources']");
    const message = page.locator("#insert-result .message-error");
    await message.waitFor();
    expect(await message.getAttribute("data-kind")).toBe("excel");
    const text = (await message.textContent()) ?? "";
    expect(text.startsWith("Inserting Sources did not complete.")).toBe(true);
    expect(text).toContain("The host is busy.");
    // The next try goes through: the failure did not leave the pane busy.
    expect(await page.getAttribute("[data-block='sources']", "aria-disabled")).toBeNull();
    await page.click("[data-block='sources']");
    await page.waitForSelector("#insert-result .message-success");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the STOCKHISTORY option adds the live row to the AMZN sheet", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await openDisclosure(page, "#insert-more");
    await page.check("#opt-stockhistory");
    await page.click("[data-block='amzn']");
    await page.waitForSelector("#insert-result .message-success");
    const amzn = (await snapshot(page)).sheets.find((sheet) => sheet.name === "AMZN")!;
    const expected = buildBlock("amzn", { includeStockHistory: true }).cells.filter((c) => c.formula?.includes("STOCKHISTORY"));
    expect(expected.length).toBeGreaterThan(0);
    for (const cell of expected) expect(amzn.cells[toA1(cell.row, cell.col)]?.formula).toBe(cell.formula);
    await page.close();
  });

  test("inserting at the selected cell refuses an area that is not empty, says why and writes nothing", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await page.evaluate(() => {
      const wb = (
        window as unknown as { fakeWorkbook: { select(s: string, a: string): void; setCell(s: string, a: string, v: unknown): void } }
      ).fakeWorkbook;
      wb.select("Sheet1", "B2");
      wb.setCell("Sheet1", "C4", "my note");
    });
    await openDisclosure(page, "#insert-more");
    await page.check("#opt-selection");
    await page.click("[data-block='deal']");
    const message = page.locator("#insert-result .message-error");
    await message.waitFor();
    expect(await message.getAttribute("data-kind")).toBe("not-empty");
    const book = await snapshot(page);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
    expect(Object.keys(book.sheets[0].cells)).toEqual(["C4"]);
    expect(book.sheets[0].cells.C4.value).toBe("my note");
    await page.close();
  });

  test("an update right after inserting finds nothing to write and says so", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await insertAll(page);
    await page.click("#review-update");
    await page.waitForSelector("#update-result .message-success");
    expect(await page.textContent("#update-result")).toBe(
      `Everything is up to date on ${BLOCKS.map((b) => BLOCK_TITLES[b]).join(", ")}: nothing to write.`,
    );
    await page.close();
  });

  test("on an Excel too old for the add-in, every write button is disabled and says why, and nothing is written", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost, fake: { apiVersion: 4 } });
    await page.waitForSelector("body[data-mode='unsupported']");
    await openDisclosure(page, "#insert-more");
    const buttons = await page.$$eval("#app button", (all) => all.map((b) => (b as HTMLButtonElement).disabled));
    expect(buttons.length).toBe(BLOCKS.length + 2);
    expect(buttons.every((disabled) => disabled)).toBe(true);
    expect(await page.textContent("#write-blocked")).toBe(MESSAGES.oldExcel);
    expect(await page.textContent("#update-blocked")).toBe(MESSAGES.oldExcel);
    expect(await page.textContent("#status")).toBe(MESSAGES.oldExcel);
    await page.click("#insert-all", { force: true });
    expect((await snapshot(page)).sheets.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
    await page.close();
  });

  test("choosing a function puts its call on the workbook's names in the selected cell", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    await page.evaluate(() =>
      (window as unknown as { fakeWorkbook: { select(s: string, a: string): void } }).fakeWorkbook.select("Sheet1", "C3"),
    );
    const skeleton = '=DEAL.STAKE(DEAL_AMOUNT, OPENAI_VALUATION_ROUND, "pre", DEAL_ROUND_SIZE)';
    await openDisclosure(page, "#functions-more");
    await page.click(`[data-function='DEAL.STAKE'] button`);
    await page.waitForFunction(() => document.querySelector("#status")?.className.includes("success"));
    const cell = await page.evaluate(() =>
      (window as unknown as { fakeWorkbook: { cell(s: string, a: string): { formula?: string } | undefined } }).fakeWorkbook.cell(
        "Sheet1",
        "C3",
      ),
    );
    expect(cell?.formula).toBe(skeleton);
    expect(await page.textContent("#status")).toContain(skeleton);
    await page.close();
  });

  test("follows Office's dark theme and stays free of serious accessibility violations", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost, fake: { theme: "dark" } });
    await page.waitForSelector("body[data-mode='excel']");
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(38, 38, 38)");
    await insertAll(page);
    await typeInCell(page, "Deal", reportedCell("deal.amount"), 1);
    await page.click("#review-update");
    await page.waitForSelector("#update-result .diff");
    expect(await axeViolations(page)).toEqual([]);
    // With the review open, Tab still reaches every control, the choices and Apply included.
    const walk = await tabWalk(page);
    expect(walk.expected).toEqual(expect.arrayContaining(["radio:choice-0"]));
    expect(walk.reached).toEqual(walk.expected);
    expect(walk.outlines.filter((o) => o !== "solid 2px")).toEqual([]);
    await page.close();
  });
});
