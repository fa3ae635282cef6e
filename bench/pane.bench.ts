/**
 * The pane in headless Chromium: time from navigation to the figures painted (median of 10
 * cold loads, each in a new page with Office.js answered from the npm copy), and the sizes of
 * the bundles Office downloads, minified as built and gzipped.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { FIGURES_MARK } from "../src/taskpane/pane";
import { chromiumAvailable, distDir, INSTALL_HINT, launchChromium, openPane, serveFolder } from "../test/support/browser";

export const title = "Task pane: load time and bundle sizes";

const LOADS = 10;
const PAINTED_MARK = "bench:figures-painted";

/**
 * Runs in the page before its scripts: once the pane flags its figures as rendered, waits two
 * animation frames (the second one runs after the frame with the figures was painted) and marks.
 */
function markWhenPainted(): void {
  new MutationObserver((_records, observer) => {
    if (document.body?.getAttribute("data-ready") !== "figures") return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("bench:figures-painted")));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function loadTimes(dist: string): Promise<{ rendered: number[]; painted: number[] }> {
  const server = await serveFolder(dist);
  const session = await launchChromium({ width: 500 });
  const rendered: number[] = [];
  const painted: number[] = [];
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const { page } = await openPane(session.context, server.origin, { initScript: markWhenPainted });
      await page.waitForSelector("body[data-ready='figures']");
      const times = await page.evaluate(
        (marks) =>
          new Promise<{ rendered: number; painted: number }>((resolve) => {
            const read = () => {
              const [rendered, painted] = marks.map((m) => performance.getEntriesByName(m)[0]?.startTime);
              if (painted === undefined) setTimeout(read, 5);
              else resolve({ rendered: rendered ?? NaN, painted });
            };
            read();
          }),
        [FIGURES_MARK, PAINTED_MARK],
      );
      await page.close();
      // The first load warms the browser process itself; it is not a pane load a user waits for.
      if (i === 0) continue;
      rendered.push(times.rendered);
      painted.push(times.painted);
    }
  } finally {
    await session.close();
    await server.close();
  }
  return { rendered, painted };
}

export async function run(): Promise<string[]> {
  const dist = distDir();
  const lines: string[] = ["| measure | value | target |", "|---|---|---|"];
  for (const bundle of ["taskpane.js", "functions.js"]) {
    const file = path.join(dist, bundle);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first (npm run bench does).`);
    const bytes = fs.readFileSync(file);
    const target = bundle === "taskpane.js" ? "< 150 KiB minified" : "";
    lines.push(`| ${bundle} minified | ${kib(bytes.length)} | ${target} |`);
    lines.push(`| ${bundle} gzipped | ${kib(zlib.gzipSync(bytes, { level: 9 }).length)} | |`);
  }
  if (!chromiumAvailable()) {
    lines.push(`| navigation → figures | not measured: Chromium missing (${INSTALL_HINT}) | < 300 ms |`);
    return lines;
  }
  const { rendered, painted } = await loadTimes(dist);
  const spread = (xs: number[]) => `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  lines.push(`| navigation → figures visible (painted), median of ${LOADS} | ${spread(painted)} | < 300 ms |`);
  lines.push(`| navigation → figures in the DOM, median of ${LOADS} | ${spread(rendered)} | |`);
  return lines;
}
