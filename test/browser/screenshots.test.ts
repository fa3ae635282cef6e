/**
 * The pictures in docs/screenshots cannot go stale silently: each is staged again as
 * `npm run screenshots` staged it, and the texts the pane shows now must be the texts written
 * beside the image when it was taken.
 */
import * as fs from "fs";
import * as path from "path";
import { SCREENSHOTS_DIR, SHOTS, stage, visibleTexts } from "../../scripts/screenshots";
import type { BrowserSession, StaticServer } from "../support/browser";
import { buildFakeHost, describeInBrowser, distDir, launchChromium, serveFolder } from "../support/browser";

describeInBrowser("screenshots in Chromium")("the screenshots in docs/screenshots", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let fakeHost: string;

  beforeAll(async () => {
    fakeHost = await buildFakeHost();
    server = await serveFolder(distDir());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (fakeHost) fs.rmSync(path.dirname(fakeHost), { recursive: true, force: true });
  });

  test("are exactly the images npm run screenshots writes, each with its texts beside it", () => {
    const files = fs.readdirSync(SCREENSHOTS_DIR).sort();
    expect(files).toEqual(SHOTS.flatMap((shot) => [`${shot.name}.png`, `${shot.name}.txt`]).sort());
  });

  // One test for all: a change to the figures makes every image stale at once, and one failure
  // that names them all says what to do.
  test("each image shows what the pane shows now (else: npm run screenshots, and commit docs/screenshots)", async () => {
    const written: Record<string, string[]> = {};
    const now: Record<string, string[]> = {};
    for (const shot of SHOTS) {
      written[`${shot.name}.png`] = fs
        .readFileSync(path.join(SCREENSHOTS_DIR, `${shot.name}.txt`), "utf8")
        .trimEnd()
        .split("\n");
      const page = await stage(shot, browser, server.origin, fakeHost);
      now[`${shot.name}.png`] = await visibleTexts(page);
      await page.close();
    }
    const stale = Object.keys(now).filter((image) => JSON.stringify(now[image]) !== JSON.stringify(written[image]));
    expect({ stale, texts: now }).toEqual({ stale: [], texts: written });
  });
});
