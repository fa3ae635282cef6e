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
  });

  test("are exactly the images npm run screenshots writes, each with its texts beside it", () => {
    const files = fs.readdirSync(SCREENSHOTS_DIR).sort();
    expect(files).toEqual(SHOTS.flatMap((shot) => [`${shot.name}.png`, `${shot.name}.txt`]).sort());
  });

  test.each(SHOTS.map((shot) => [shot.name, shot] as const))("%s shows what the pane shows now", async (name, shot) => {
    const written = fs
      .readFileSync(path.join(SCREENSHOTS_DIR, `${name}.txt`), "utf8")
      .trimEnd()
      .split("\n");
    const page = await stage(shot, browser, server.origin, fakeHost);
    const now = await visibleTexts(page);
    await page.close();
    // When this fails, the image is stale: run `npm run screenshots` and commit docs/screenshots.
    expect({ image: `docs/screenshots/${name}.png`, texts: now }).toEqual({ image: `docs/screenshots/${name}.png`, texts: written });
  });
});
