/**
 * The pane's entry: the only file of the pane that talks to Office. It loads the figures first
 * (the served figures.json, revalidated, or the built-in copy with the reason), hands them to the
 * DEAL.* functions of the shared runtime, renders them, then waits for Office.js: inside Excel it
 * hands the pane the Excel writer's actions and applies Office's theme; anywhere else (a plain
 * browser, where onReady reports no host) the pane stays a read-only preview.
 *
 * What the first screen does not need is loaded when used (webpack chunks, pane-*.js): the Excel
 * writer once Office reports Excel, the preview outside it, the function reference when its list
 * is opened, the self-test in self-test mode, and the numbers computed from the figures (their
 * deal math, decimal.js) once the figures are on screen.
 */
import { useDataset } from "../figures";
import { isoDay } from "../figures/age";
import { BUILT_IN_FIGURES } from "../figures/builtin";
import { FIGURES_TIMEOUT_MS, loadFigures, type FetchLike, type LoadedFigures } from "../figures/load";
import { offerBuiltInFigures, publishFigures } from "../figures/runtime-slot";
import { BLOCK_TITLES, BLOCKS, unbuildableReason } from "../sheets";
import { mountPane } from "./pane";
import type { Pane } from "./pane";
import type { SelfTestReport } from "../self-test/checks";
import { isSelfTestMode, offerSelfTest, sendReport, showSelfTestReport, showSelfTestRunning } from "./self-test-view";
import { TEXTS } from "./texts";
import { paneTheme } from "./theme";
import type { OfficeThemeColors, PaneTheme } from "./theme";

/** The Excel writer (chunk pane-excel), loaded once Office reports Excel. */
const loadWriter = () => import(/* webpackChunkName: "pane-excel" */ "./excel-host");

/** Served beside taskpane.html, from the add-in's own origin. */
const FIGURES_URL = "figures.json";

function applyTheme(doc: Document, theme: PaneTheme): void {
  const root = doc.documentElement;
  root.setAttribute("data-theme", theme.mode);
  for (const [name, value] of Object.entries(theme.vars)) root.style.setProperty(`--${name}`, value);
}

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

function setHostLine(doc: Document, text: string): void {
  const line = doc.getElementById("host-line");
  if (line) line.textContent = text;
}

/** Office's theme colours, or undefined where the host does not report them (or refuses to). */
function officeTheme(): OfficeThemeColors | undefined {
  try {
    return (Office.context.officeTheme as OfficeThemeColors | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

async function connectToExcel(pane: Pane): Promise<void> {
  applyTheme(document, paneTheme(officeTheme(), prefersDark()));
  setHostLine(document, TEXTS.connected);
  const writer = await loadWriter();
  const support = await writer.checkSupport();
  pane.connect(writer.excelHost, support.ok ? null : { reason: support.message });
  if (isSelfTestMode(location.search)) offerSelfTest(document, () => void selfTest(writer.runSelfTest));
}

/** Started from the self-test's button (docs/self-test.md): run the checks, show them, send them to npm run test:excel. */
async function selfTest(runSelfTest: () => Promise<SelfTestReport>): Promise<void> {
  showSelfTestRunning(document);
  const report = await runSelfTest();
  showSelfTestReport(document, report, await sendReport(report, fetch.bind(globalThis)));
}

function stayInPreview(pane: Pane, why: string): void {
  applyTheme(document, paneTheme(null, prefersDark()));
  setHostLine(document, why);
  pane.connect(null, null);
}

/** The served figures, or the built-in copy with the reason; in use by the pane and the functions alike. */
async function figuresInUse(): Promise<LoadedFigures> {
  const loaded =
    typeof fetch === "function"
      ? await loadFigures(fetch.bind(globalThis) as FetchLike, FIGURES_URL, BUILT_IN_FIGURES, FIGURES_TIMEOUT_MS, unbuildableReason)
      : { dataset: BUILT_IN_FIGURES, origin: "built-in" as const, reason: "this browser cannot fetch files" };
  useDataset(loaded.dataset);
  publishFigures(loaded);
  return loaded;
}

function start(loaded: LoadedFigures): void {
  const pane = mountPane(document, {
    loaded,
    today: isoDay(new Date()),
    blocks: BLOCKS.map((id) => ({ id, title: BLOCK_TITLES[id] })),
    derived: () => import(/* webpackChunkName: "pane-derived" */ "./derived").then((m) => m.derivedCards()),
    functions: () => import(/* webpackChunkName: "pane-reference" */ "./reference").then((m) => m.functionEntries()),
    previews: () => import(/* webpackChunkName: "pane-preview" */ "./preview").then((m) => m.sheetPreviews()),
  });
  applyTheme(document, paneTheme(null, prefersDark()));
  if (typeof Office === "undefined") {
    stayInPreview(pane, TEXTS.officeMissing);
    return;
  }
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      connectToExcel(pane).catch((error: unknown) => {
        pane.announce(TEXTS.connectFailed(error instanceof Error ? error.message : String(error)), "error");
      });
    } else {
      stayInPreview(pane, TEXTS.previewOutside);
    }
  });
}

// The functions answer from the built-in copy if the served file takes longer than they wait.
offerBuiltInFigures(BUILT_IN_FIGURES);
void figuresInUse().then(start);
