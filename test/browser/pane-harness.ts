/**
 * Mounts the pane (src/taskpane/pane.ts) on the real taskpane.html with a scripted host instead
 * of Excel: each host call waits until the test settles it, so a test can look at the pane while
 * an action runs, make the host reject, and read the arguments the pane passed. Bundled by the
 * test and served as taskpane.js.
 *
 * A test configures it before the page loads (page.addInitScript):
 *   window.paneHarness = { previewFails?: boolean }
 */
import type { ActionResult, InsertReport, UpdatePlan, UpdateReport } from "../../src/excel/types";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { BLOCKS, BLOCK_TITLES } from "../../src/sheets";
import { derivedCards } from "../../src/taskpane/derived";
import { mountPane } from "../../src/taskpane/pane";
import type { PaneHost } from "../../src/taskpane/pane";
import { functionEntries } from "../../src/taskpane/reference";

interface Call {
  readonly method: string;
  readonly args: unknown[];
  settle(outcome: { value: unknown } | { error: string }): void;
}

const page = globalThis as unknown as {
  paneHarness?: { previewFails?: boolean };
  harness?: unknown;
};
const calls: Call[] = [];

function scripted<T>(method: string): (...args: unknown[]) => Promise<T> {
  return (...args) =>
    new Promise<T>((resolve, reject) => {
      calls.push({
        method,
        args,
        settle: (outcome) => ("error" in outcome ? reject(new Error(outcome.error)) : resolve(outcome.value as T)),
      });
    });
}

const host: PaneHost = {
  insertBlocks: scripted<ActionResult<InsertReport>>("insertBlocks"),
  planUpdate: scripted<ActionResult<UpdatePlan>>("planUpdate"),
  applyUpdate: scripted<ActionResult<UpdateReport>>("applyUpdate"),
  insertFormula: scripted<ActionResult<{ address: string }>>("insertFormula"),
  // Answered at once: these tests are about the actions, and a workbook with no blocks has no stamp.
  readWorkbookFigures: () => Promise.resolve({ ok: true, value: [] }),
};

const pane = mountPane(document, {
  loaded: { dataset: BUILT_IN_FIGURES, origin: "built-in", reason: "the harness uses the built-in copy" },
  today: "2026-12-01",
  blocks: BLOCKS.map((id) => ({ id, title: BLOCK_TITLES[id] })),
  derived: () => Promise.resolve(derivedCards()),
  functions: () => Promise.resolve(functionEntries()),
  previews: () =>
    page.paneHarness?.previewFails ? Promise.reject(new Error("the evaluator met a formula it cannot read")) : Promise.resolve([]),
});

page.harness = {
  /** The host calls so far: method and arguments. */
  calls: () => calls.map((c) => ({ method: c.method, args: c.args })),
  /** Resolves call `index` with `value`, or rejects it with an Error carrying `error`. */
  settle: (index: number, outcome: { value: unknown } | { error: string }) => calls[index].settle(outcome),
  /** "excel": connect the scripted host; "preview": no host. */
  connect: (mode: "excel" | "preview") => pane.connect(mode === "excel" ? host : null, null),
};
