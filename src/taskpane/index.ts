/**
 * The pane's entry: the only file of the pane that talks to Office. It loads the figures first
 * (the served figures.json, revalidated, or the built-in copy with the reason), hands them to the
 * DEAL.* functions of the shared runtime, renders them, then waits for Office.js: inside Excel it
 * hands the pane the Excel writer's actions and applies Office's theme; anywhere else (a plain
 * browser, where onReady reports no host) the pane stays a read-only preview.
 */
import { applyUpdate, checkSupport, insertBlocks, insertFormula, planUpdate } from "../excel";
import { runSelfTest } from "../excel/self-test";
import { readWorkbookFigures } from "../excel/figures-version";
import { currentDataset, useDataset } from "../figures";
import { isoDay } from "../figures/age";
import { BUILT_IN_FIGURES } from "../figures/builtin";
import { loadFigures, type FetchLike, type LoadedFigures } from "../figures/load";
import { offerBuiltInFigures, publishFigures } from "../figures/runtime-slot";
import { BLOCK_TITLES, BLOCKS, buildAllBlocks } from "../sheets";
import { derivedCards } from "./derived";
import { mountPane } from "./pane";
import type { Pane, PaneHost } from "./pane";
import { blockPreviews } from "./preview";
import { functionEntries } from "./reference";
import { isSelfTestMode, offerSelfTest, sendReport, showSelfTestReport, showSelfTestRunning } from "./self-test-view";
import { TEXTS } from "./texts";
import { paneTheme } from "./theme";
import type { OfficeThemeColors, PaneTheme } from "./theme";

const excelHost: PaneHost = { insertBlocks, planUpdate, applyUpdate, insertFormula, readWorkbookFigures };

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
  const support = await checkSupport();
  pane.connect(excelHost, support.ok ? null : { reason: support.message });
  if (isSelfTestMode(location.search)) offerSelfTest(document, () => void selfTest());
}

/** Started from the self-test's button (docs/self-test.md): run the checks, show them, send them to npm run test:excel. */
async function selfTest(): Promise<void> {
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
      ? await loadFigures(fetch.bind(globalThis) as FetchLike, FIGURES_URL, BUILT_IN_FIGURES)
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
    derived: derivedCards,
    functions: functionEntries(),
    previews: () => blockPreviews(buildAllBlocks({ dataset: currentDataset() }), BLOCK_TITLES),
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
