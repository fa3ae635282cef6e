/**
 * The pane's entry: the only file of the pane that talks to Office. It renders the figures at
 * once (they need no host), then waits for Office.js: inside Excel it hands the pane the Excel
 * writer's actions and applies Office's theme; anywhere else (a plain browser, where onReady
 * reports no host) the pane stays a read-only preview.
 */
import { applyUpdate, checkSupport, insertBlocks, insertFormula, planUpdate } from "../excel";
import { runSelfTest } from "../excel/self-test";
import { BLOCK_TITLES, BLOCKS, buildAllBlocks } from "../sheets";
import { derivedCards } from "./derived";
import { mountPane } from "./pane";
import type { Pane, PaneHost } from "./pane";
import { blockPreviews } from "./preview";
import { functionEntries } from "./reference";
import { isSelfTestMode, sendReport, showSelfTestReport, showSelfTestRunning } from "./self-test-view";
import { paneTheme } from "./theme";
import type { OfficeThemeColors, PaneTheme } from "./theme";

const excelHost: PaneHost = { insertBlocks, planUpdate, applyUpdate, insertFormula };

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
  setHostLine(document, "Connected to Excel. Insert a block, or review an update of the figures.");
  const support = await checkSupport();
  pane.connect(excelHost, support.ok ? null : { reason: support.message });
  if (isSelfTestMode(location.search)) await selfTest();
}

/** In self-test mode (docs/self-test.md): run the checks, show them, send them to npm run test:excel. */
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

const pane = mountPane(document, {
  blocks: BLOCKS.map((id) => ({ id, title: BLOCK_TITLES[id] })),
  derived: derivedCards,
  functions: functionEntries(),
  previews: () => blockPreviews(buildAllBlocks(), BLOCK_TITLES),
});
applyTheme(document, paneTheme(null, prefersDark()));

if (typeof Office === "undefined") {
  stayInPreview(pane, "Office.js did not load, so this is a read-only preview. Check the connection, or open Deal Desk from Excel.");
} else {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      connectToExcel(pane).catch((error: unknown) => {
        pane.announce(`Deal Desk could not connect to Excel: ${error instanceof Error ? error.message : String(error)}. Close and reopen the pane.`, "error");
      });
    } else {
      stayInPreview(pane, "Preview outside Excel: the figures and what each block writes. Open Deal Desk in Excel to insert them.");
    }
  });
}
