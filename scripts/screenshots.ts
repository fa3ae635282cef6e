/**
 * `npm run screenshots`: the pane inside the fake Excel host, as the README and the user guide
 * show it, written to docs/screenshots (or the folder given with --out). Beside each image it
 * writes the texts the image shows (name.txt), so the layout snapshot (test/layout-snapshot.test.ts)
 * can tell when an image no longer shows what the pane shows and must be made again. The clock is fixed at
 * SCREENSHOT_DAY, so figures' ages do not change the images from one day to the next.
 *
 * Usage: npm run screenshots [-- --out folder]
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { buildFakeHost, distDir, launchChromium, openPane, serveFolder } from "../test/support/browser";
import type { BrowserSession } from "../test/support/browser";

/** The day the screenshots are taken on, whatever the machine's clock says. */
export const SCREENSHOT_DAY = new Date("2026-12-01T12:00:00Z");

export const SCREENSHOTS_DIR = path.join(__dirname, "..", "docs", "screenshots");

export interface Shot {
  /** File name without extension: name.png and name.txt. */
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly theme: "light" | "dark";
  /** What a person does after the pane opened in an empty workbook, before the picture is taken. */
  readonly steps: (page: Page) => Promise<void>;
}

async function insertAll(page: Page): Promise<void> {
  await page.click("#insert-all");
  await page.waitForSelector("#insert-result .message");
}

async function openProvenance(page: Page): Promise<void> {
  await page.click("[data-figure='deal.amount_announced'] summary");
}

/** Every picture: the first screen (the README's), in both themes and two widths, then the provenance and an insert. */
export const SHOTS: readonly Shot[] = [
  ...(["light", "dark"] as const).flatMap((theme) =>
    [350, 500].map((width) => ({ name: `pane-${theme}-${width}`, width, height: 600, theme, steps: async () => undefined })),
  ),
  { name: "pane-light-350-provenance", width: 350, height: 600, theme: "light", steps: openProvenance },
  {
    name: "pane-light-350-insert",
    width: 350,
    height: 600,
    theme: "light",
    steps: insertAll,
  },
];

/**
 * The texts a picture of the page shows: every rendered text node with a part inside the
 * viewport, in page order, its white space collapsed; one line each. Text only screen readers
 * get is left out.
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      const parent = node.parentElement;
      if (!text || !parent || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // Text for screen readers only (.visually-hidden: a 1 px box that clips it) is not in the picture.
      let clipped = false;
      for (let el: Element | null = parent; el && !clipped; el = el.parentElement) {
        const box = el.getBoundingClientRect();
        clipped = (box.width <= 1 || box.height <= 1) && getComputedStyle(el).overflow === "hidden";
      }
      if (clipped) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const shown = [...range.getClientRects()].some(
        (r) => r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
      );
      if (shown) texts.push(text);
    }
    return texts;
  });
}

/** Opens the pane in the fake Excel at the shot's size, theme and day, in a new page of `session`, and takes the shot's steps. */
export async function stage(shot: Shot, session: BrowserSession, origin: string, fakeHost: string): Promise<Page> {
  const { page } = await openPane(session.context, origin, { fakeHost, fake: { theme: shot.theme }, clock: SCREENSHOT_DAY });
  await page.setViewportSize({ width: shot.width, height: shot.height });
  await page.waitForSelector("body[data-mode='excel']");
  await shot.steps(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  return page;
}

async function main(out: string): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const fakeHost = await buildFakeHost();
  const server = await serveFolder(distDir());
  const session = await launchChromium();
  try {
    for (const shot of SHOTS) {
      const page = await stage(shot, session, server.origin, fakeHost);
      await page.screenshot({ path: path.join(out, `${shot.name}.png`) });
      fs.writeFileSync(path.join(out, `${shot.name}.txt`), `${(await visibleTexts(page)).join("\n")}\n`);
      await page.close();
      console.log(`${path.join(out, shot.name)}.png and .txt`);
    }
  } finally {
    await session.close();
    await server.close();
    fs.rmSync(path.dirname(fakeHost), { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  if (outIndex >= 0 && !args[outIndex + 1]) {
    console.error("screenshots: --out needs a folder.");
    process.exit(2);
  }
  main(path.resolve(outIndex >= 0 ? args[outIndex + 1] : SCREENSHOTS_DIR)).catch((err: unknown) => {
    console.error(`screenshots: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
