/**
 * `npm run screenshots`: the pane inside the fake Excel host after "Insert all", in light and
 * dark, 320 and 500 px wide: the top (figures) and the insert section, written to
 * docs/screenshots (the copies the README shows) or to the folder given with --out.
 *
 * Usage: npm run screenshots [-- --out folder]
 */
import * as fs from "fs";
import * as path from "path";
import { buildFakeHost, distDir, launchChromium, openPane, serveFolder } from "../test/support/browser";

async function main(out: string): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const fakeHost = await buildFakeHost();
  const server = await serveFolder(distDir());
  try {
    for (const theme of ["light", "dark"] as const) {
      for (const width of [320, 500]) {
        const session = await launchChromium({ width, height: 900 });
        const { page } = await openPane(session.context, server.origin, { fakeHost, fake: { theme } });
        await page.waitForSelector("body[data-mode='excel']");
        await page.click("#insert-all");
        await page.waitForSelector("#insert-result .message");
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(out, `pane-${theme}-${width}.png`) });
        await page.evaluate(() => document.getElementById("insert-heading")!.scrollIntoView());
        await page.screenshot({ path: path.join(out, `pane-${theme}-${width}-insert.png`) });
        await session.close();
        console.log(`${out}/pane-${theme}-${width}.png, pane-${theme}-${width}-insert.png`);
      }
    }
  } finally {
    await server.close();
    fs.rmSync(path.dirname(fakeHost), { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
if (outIndex >= 0 && !args[outIndex + 1]) {
  console.error("screenshots: --out needs a folder.");
  process.exit(2);
}
const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(__dirname, "..", "docs", "screenshots"));
main(out).catch((err: unknown) => {
  console.error(`screenshots: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
