/**
 * The pane's first screen at the size of a task pane in Excel (350 × 600): "Insert all" and every
 * headline figure, with its qualifier and standing, are on screen without scrolling, and each
 * figure's provenance is one click or one key away.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { allFigures, findSource } from "../../src/figures";
import type { Figure } from "../../src/figures";
import { formatClaim } from "../../src/figures/format";
import { STANDINGS } from "../figures/standings";
import type { BrowserSession, StaticServer } from "../support/browser";
import { buildFakeHost, describeInBrowser, distDir, launchChromium, openPane, serveFolder } from "../support/browser";

const WIDTH = 350;
const HEIGHT = 600;

/** What a card's line under the number says: the status, then the standing where the dataset has one. */
function expectedStanding(figure: Figure): string {
  return `${figure.status} · ${STANDINGS[figure.id]}`;
}

/**
 * Whether the element is wholly inside the viewport and is what a person sees at its centre
 * (not covered by the status bar or anything else), without scrolling.
 */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    const inside = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth && box.height > 0;
    const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && scrollY === 0 && seen !== null && (seen === element || element.contains(seen));
  });
}

describeInBrowser("first screen in Chromium")("the pane's first screen at 350 × 600", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let fakeHost: string;

  beforeAll(async () => {
    fakeHost = await buildFakeHost();
    server = await serveFolder(distDir());
    browser = await launchChromium({ width: WIDTH, height: HEIGHT });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (fakeHost) fs.rmSync(path.dirname(fakeHost), { recursive: true, force: true });
  });

  test.each([["in Excel", "excel"] as const, ["in the preview outside Excel", "preview"] as const])(
    "%s, Insert all and every headline figure with its qualifier and standing show without scrolling",
    async (_title, mode) => {
      const { page, errors } = await openPane(browser.context, server.origin, mode === "excel" ? { fakeHost } : {});
      await page.waitForSelector(`body[data-mode='${mode}']`);
      expect(await page.textContent("#insert-all")).toBe("Insert all");
      expect([mode, await onFirstScreen(page, "#insert-all")]).toEqual([mode, true]);
      // The figures file marks the headline figures; with every one marked there is nothing under More figures.
      expect(await page.isVisible("#more-figures")).toBe(allFigures().every((f) => f.headline === true) ? false : true);
      for (const figure of allFigures().filter((f) => f.headline === true)) {
        const card = `[data-figure='${figure.id}'] summary`;
        const shown = {
          label: await page.textContent(`${card} .card-label`),
          claim: await page.textContent(`${card} .claim`),
          standing: await page.textContent(`${card} .card-standing`),
          visible: await onFirstScreen(page, card),
        };
        const expected = { label: figure.label, claim: formatClaim(figure), standing: expectedStanding(figure), visible: true };
        // The first screen holds every headline figure; one more row than fits fails here, by name.
        expect([figure.id, shown]).toEqual([figure.id, expected]);
      }
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test("a figure's provenance opens with a click and with Enter: as-of, source, the quoted sentence, caveats", async () => {
    const { page } = await openPane(browser.context, server.origin, { fakeHost });
    await page.waitForSelector("body[data-mode='excel']");
    const figure = allFigures().find((f) => f.id === "deal.amount_announced")!;
    const card = `[data-figure='${figure.id}']`;
    expect(await page.isVisible(`${card} .card-quote`)).toBe(false);

    await page.click(`${card} summary`);
    expect(await page.isVisible(`${card} .card-quote`)).toBe(true);
    const source = findSource(figure.sourceId)!;
    expect(await page.textContent(`${card} .card-quote`)).toBe(`“${figure.quote}”`);
    expect(await page.textContent(`${card} .card-asof`)).toBe(`As of: undated: ${figure.asOf}`);
    expect(await page.textContent(`${card} .card-source`)).toContain(`Source: ${source.title}`);
    expect(await page.textContent(`${card} .card-caveat`)).toBe("Contested: 2 articles contradict it.");

    // Another card, from the keyboard: focus its summary and press Enter.
    const price = allFigures().find((f) => f.id === "amzn.price")!;
    const next = `[data-figure='${price.id}']`;
    await page.focus(`${next} summary`);
    await page.keyboard.press("Enter");
    expect(await page.isVisible(`${next} .card-quote`)).toBe(true);
    expect(await page.textContent(`${next} .card-quote`)).toBe(`“${price.quote}”`);
    await page.close();
  });
});
