/**
 * The pane opened in a plain browser (Chromium, headless) with Microsoft's Office.js from npm:
 * Office.onReady reports no host, so the pane is a read-only preview of the figures and blocks.
 */
import { allFigures } from "../../src/figures";
import { BLOCKS, BLOCK_TITLES } from "../../src/sheets";
import { CATALOG } from "../../src/calc/catalog";
import { derivedCards } from "../../src/taskpane/derived";
import type { BrowserSession, StaticServer } from "../support/browser";
import { axeViolations, describeInBrowser, distDir, launchChromium, openPane, serveFolder, tabWalk } from "../support/browser";

describeInBrowser("pane preview in Chromium")("pane preview outside Office", () => {
  let server: StaticServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await serveFolder(distDir());
    browser = await launchChromium({ width: 500 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("shows every figure and every block's preview, with no console error and no request outside this machine", async () => {
    const { page, errors, requests } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");

    const figures = await page.$$eval("[data-figure]", (cards) => cards.map((c) => c.getAttribute("data-figure")));
    expect(figures).toEqual(allFigures().map((f) => f.id));
    const amount = await page.textContent("[data-figure='deal.amount'] .card-value");
    expect(amount).toBe("up to $50B — reported · confirmed by 4 articles, hedged by 2");
    // Contested: marked beside the number, in the danger colour of the caution badge.
    expect(await page.textContent("[data-figure='deal.amount_announced'] .card-value .badge-caution")).toBe(" · contested");
    const announced = await page.$$eval("[data-figure='deal.amount_announced'] .card-meta:not(.card-age)", (lines) =>
      lines.map((l) => l.textContent),
    );
    expect(announced).toEqual([
      "As of: undated: the article gives no date",
      "Period: spread over multiple years",
      "Source: Amazon has announced a $50 billion investment in OpenAI… (secondary source: an article reporting on others)",
      "Stated as a round amount ($50 billion). The article says the commitment was confirmed in a joint statement but quotes none of it.",
      "Contested: 2 articles contradict it.",
    ]);
    expect(await page.textContent("#derived-assumption")).toContain('whatever OpenAI\'s "capped-profit" structure does');

    const derived = await page.$$eval("[data-derived]", (cards) =>
      cards.map((c) => [c.getAttribute("data-derived"), c.querySelector(".claim")?.textContent]),
    );
    expect(derived).toEqual(derivedCards().map((card) => [card.id, card.value]));

    const previews = await page.$$eval("[data-preview]", (items) =>
      items.map((i) => [i.getAttribute("data-preview"), i.querySelector("summary")?.textContent]),
    );
    expect(previews).toEqual(BLOCKS.map((b) => [b, `${BLOCK_TITLES[b]} — sheet "${BLOCK_TITLES[b]}"`]));

    const functions = await page.$$eval("[data-function]", (items) => items.map((i) => i.getAttribute("data-function")));
    expect(functions).toEqual(CATALOG.map((spec) => `DEAL.${spec.name}`));

    expect(errors).toEqual([]);
    const outside = requests.all.filter((url) => !url.startsWith(server.origin) && !requests.cdn.includes(url));
    expect(outside).toEqual([]);
    // Office.js and the scripts it loads, all answered from node_modules/@microsoft/office-js.
    expect(requests.cdn.every((url) => url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/"))).toBe(true);
    expect(requests.cdn).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    await page.close();
  });

  test("the insert buttons say they work inside Excel", async () => {
    const { page, errors } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    const insertAll = page.locator("#insert-all");
    expect(await insertAll.getAttribute("aria-disabled")).toBe("true");
    expect(await page.textContent("#write-blocked")).toContain("Inserting works inside Excel");
    await insertAll.focus();
    await page.keyboard.press("Enter");
    expect(await page.textContent("#status")).toContain("Inserting works inside Excel");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("when Office.js cannot be loaded the pane still shows the figures and the preview, and says why", async () => {
    const { page, errors } = await openPane(browser.context, server.origin, { officeUnreachable: true });
    await page.waitForSelector("body[data-mode='preview']");
    expect(await page.textContent("#host-line")).toBe(
      "Office.js did not load, so this is a read-only preview. Check the connection, or open Deal Desk from Excel.",
    );
    expect(await page.$$eval("[data-figure]", (cards) => cards.length)).toBe(allFigures().length);
    expect(await page.$$eval("[data-preview]", (items) => items.length)).toBe(BLOCKS.length);
    // The only error is the browser's own report of the script that did not load.
    expect(errors).toEqual([expect.stringContaining("net::ERR_INTERNET_DISCONNECTED")]);
    await page.close();
  });

  test("axe-core finds no serious or critical accessibility violation, with the previews open", async () => {
    const { page } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    await page.$$eval("details", (items) => items.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("the Tab key reaches every control, in page order, each with a visible focus outline", async () => {
    const { page } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    const walk = await tabWalk(page);
    expect(walk.expected.length).toBeGreaterThan(20);
    expect(walk.reached).toEqual(walk.expected);
    expect(walk.outlines.filter((o) => o !== "solid 2px")).toEqual([]);
    await page.close();
  });
});
