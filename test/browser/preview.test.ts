/**
 * The pane opened in a plain browser (Chromium, headless) with Microsoft's Office.js from npm:
 * Office.onReady reports no host, so the pane is a read-only preview of the figures and blocks.
 */
import { allFigures } from "../../src/figures";
import { STANDINGS } from "../figures/standings";
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
    // The headline figures first, then those under More figures, each in the file's order.
    const headline = allFigures().filter((f) => f.headline === true);
    expect(figures).toEqual([...headline, ...allFigures().filter((f) => f.headline !== true)].map((f) => f.id));
    const amount = await page.$eval("[data-figure='deal.amount'] summary", (summary) =>
      [".card-label", ".claim", ".card-standing"].map((part) => summary.querySelector(part)?.textContent),
    );
    expect(amount).toEqual(["Amazon investment in OpenAI (talks)", "up to $50B", "reported · confirmed by 4 articles, hedged by 2"]);
    // Contested: marked beside the number, in the danger colour of the caution mark.
    expect(await page.textContent("[data-figure='deal.amount_announced'] summary .card-standing.badge-caution")).toBe(
      "announced · contested",
    );
    expect(await page.$$eval("summary .badge-caution", (marks) => marks.length)).toBe(
      allFigures().filter((f) => ["contested", "single source"].includes(STANDINGS[f.id])).length,
    );
    await page.click("[data-figure='deal.amount_announced'] summary");
    const announced = await page.$$eval("[data-figure='deal.amount_announced'] .card-provenance > :not(.card-age)", (lines) =>
      lines.map((l) => l.textContent),
    );
    expect(announced).toEqual([
      "As of: undated: the article gives no date",
      "Period: spread over multiple years",
      "Source: Amazon has announced a $50 billion investment in OpenAI… (secondary source: an article reporting on others; unnamed outlet)",
      "“Amazon has announced a $50 billion investment in OpenAI, in what is being described as a landmark move in the artificial intelligence sector.”",
      "Stated as a round amount ($50 billion). The article says the commitment was confirmed in a joint statement but quotes none of it.",
      "Contested: 2 articles contradict it.",
    ]);
    expect(await page.textContent("#derived-assumption")).toContain('whatever OpenAI\'s "capped-profit" structure does');

    await page.waitForSelector("#derived[data-loaded='true']");
    const derived = await page.$$eval("[data-derived]", (cards) =>
      cards.map((c) => [c.getAttribute("data-derived"), c.querySelector(".claim")?.textContent]),
    );
    expect(derived).toEqual(derivedCards().map((card) => [card.id, card.value]));

    await page.waitForSelector("#previews[data-loaded='true']");
    const previews = await page.$$eval("[data-preview]", (items) =>
      items.map((i) => [i.getAttribute("data-preview"), i.querySelector("summary")?.textContent]),
    );
    expect(previews).toEqual(BLOCKS.map((b) => [b, `${BLOCK_TITLES[b]} — sheet "${BLOCK_TITLES[b]}"`]));

    await page.click("#functions-more > summary");
    await page.waitForSelector("#functions[data-loaded='true']");
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

  test("every write control is disabled, and the pane says beside it that it works in Excel only", async () => {
    const { page, errors } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    await page.click("#insert-more > summary");
    await page.click("#functions-more > summary");
    await page.waitForSelector("#functions[data-loaded='true']");
    const controls = await page.$$eval("#app button, [data-insert-option]", (elements) =>
      elements.map((e) => [
        e.id || e.getAttribute("data-block") || e.getAttribute("data-insert") || e.tagName,
        (e as HTMLButtonElement).disabled,
      ]),
    );
    expect(controls.length).toBe(1 + BLOCKS.length + 1 + CATALOG.length + 2);
    expect(controls.filter(([, disabled]) => !disabled)).toEqual([]);
    const why = "Works in Excel only: open Deal Desk from the Home tab.";
    const notes = await page.$$eval("[data-write-blocked]", (items) => items.map((n) => [n.id, n.textContent, (n as HTMLElement).hidden]));
    expect(notes).toEqual([
      ["write-blocked", why, false],
      ["update-blocked", why, false],
      ["functions-blocked", why, false],
    ]);
    expect(await page.getAttribute("#insert-all", "aria-describedby")).toBe("write-blocked");
    expect(await page.getAttribute("#review-update", "aria-describedby")).toBe("update-blocked");
    expect(await page.getAttribute("[data-function='DEAL.STAKE'] button", "aria-describedby")).toBe("functions-blocked");
    // The age threshold still works outside Excel: it changes the flags, not the workbook.
    expect(await page.isDisabled("#opt-stale-days")).toBe(false);
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
    await page.waitForSelector("#previews[data-loaded='true']");
    expect(await page.$$eval("[data-preview]", (items) => items.length)).toBe(BLOCKS.length);
    // The only error is the browser's own report of the script that did not load.
    expect(errors).toEqual([expect.stringContaining("net::ERR_INTERNET_DISCONNECTED")]);
    await page.close();
  });

  test("axe-core finds no serious or critical accessibility violation, with the previews, options, functions and a figure open", async () => {
    const { page } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    await page.waitForSelector("#previews[data-loaded='true']");
    await page.click("#functions-more > summary");
    await page.waitForSelector("#functions[data-loaded='true']");
    await page.$$eval("details", (items) => items.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("the Tab key reaches every enabled control, in page order, each with a visible focus outline", async () => {
    const { page } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    await page.waitForSelector("#previews[data-loaded='true']");
    const walk = await tabWalk(page);
    // Outside Excel the write buttons are disabled: the stops are each headline figure, More figures
    // when the file has others, the two disclosures (options, functions) and each block's preview.
    const headline = allFigures().filter((f) => f.headline === true).length;
    const more = headline < allFigures().length ? 1 : 0;
    expect(walk.expected.length).toBe(headline + more + 2 + BLOCKS.length);
    expect(walk.reached).toEqual(walk.expected);
    expect(walk.outlines.filter((o) => o !== "solid 2px")).toEqual([]);
    await page.close();
  });
});
