/**
 * The one deliberate snapshot of the layout. The figures file decides what each block shows, so
 * adding a figure moves cells, names and counts; everything that records them for a reader is
 * generated: the sections of README.md and docs/ between their markers (npm run readme) and the
 * texts beside the pictures in docs/screenshots (npm run screenshots). This test fails, once,
 * naming every stale one and the command that writes it again; the diff is then for review.
 * Without Chromium the pictures are not compared (skipped with a warning; with CI set, a failure).
 */
import * as fs from "fs";
import * as path from "path";
import { GENERATED_SECTIONS, README_PATH, readSection } from "../scripts/readme";
import { SCREENSHOTS_DIR, SHOTS, stage, visibleTexts } from "../scripts/screenshots";
import { browserTestsEnabled, buildFakeHost, distDir, launchChromium, serveFolder } from "./support/browser";

const ROOT = path.dirname(README_PATH);

function staleSections(): string[] {
  return Object.entries(GENERATED_SECTIONS)
    .filter(([name, { file, render }]) => readSection(fs.readFileSync(file, "utf8"), name) !== render())
    .map(([name, { file }]) => `${path.relative(ROOT, file)}: ${name}`);
}

async function staleScreenshots(): Promise<string[]> {
  const fakeHost = await buildFakeHost();
  const server = await serveFolder(distDir());
  const browser = await launchChromium();
  try {
    const stale: string[] = [];
    for (const shot of SHOTS) {
      const written = fs
        .readFileSync(path.join(SCREENSHOTS_DIR, `${shot.name}.txt`), "utf8")
        .trimEnd()
        .split("\n");
      const page = await stage(shot, browser, server.origin, fakeHost);
      const now = await visibleTexts(page);
      await page.close();
      if (JSON.stringify(now) !== JSON.stringify(written)) stale.push(`docs/screenshots/${shot.name}.png`);
    }
    return stale;
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(path.dirname(fakeHost), { recursive: true, force: true });
  }
}

test("the layout snapshot: the generated sections of README.md and docs/ and the screenshots' texts show what the code renders now", async () => {
  const sections = staleSections();
  const pictures = browserTestsEnabled("the layout snapshot's screenshots") ? await staleScreenshots() : [];
  const fix = [sections.length ? "npm run readme" : "", pictures.length ? "npm run screenshots" : ""].filter(Boolean).join(" && ");
  // After adding a figure: run the fix, review the diff (where the new row moved what is below it), commit.
  expect({ sections, pictures, fix }).toEqual({ sections: [], pictures: [], fix: "" });
}, 180_000);
