/* eslint-disable max-lines-per-function -- mountPane is being split in issue 13 */
/**
 * The pane's behaviour: insert buttons, the reviewed update, options, the function reference and
 * the preview. It drives the workbook only through `PaneHost`, plain functions that index.ts
 * builds from the Excel writer, so this file knows the DOM but not Office. Outside Excel the host
 * is null and the pane is a read-only preview.
 */
import type { ActionFailure, ActionResult, InsertOptions, InsertReport, UpdatePlan, UpdateReport } from "../excel/types";
import type { BlockId } from "../sheets/spec";
import { byId, h, replaceChildren } from "./dom";
import { renderDerivedCard, renderFigureCard, renderPreviewTable } from "./render";
import type { BlockEntry, DerivedCard, FunctionEntry, PreviewTable } from "./view-model";
import { diffRowView, failureText, figureCards, insertResultLines, insertStatus, planIsEmpty, updatePlanSummary } from "./view-model";

/** What the pane needs from the workbook; every call resolves to a typed result. */
export interface PaneHost {
  insertBlocks(blocks: readonly BlockId[], options: InsertOptions): Promise<ActionResult<InsertReport>>;
  planUpdate(): Promise<ActionResult<UpdatePlan>>;
  applyUpdate(acceptedKeys: readonly string[]): Promise<ActionResult<UpdateReport>>;
  /** Puts a formula in the selected cell when it is empty; resolves to the cell's address. */
  insertFormula(formula: string): Promise<ActionResult<{ address: string }>>;
}

export interface PaneContent {
  readonly blocks: readonly BlockEntry[];
  readonly derived: () => readonly DerivedCard[];
  readonly functions: readonly FunctionEntry[];
  /** Built only outside Excel, where the preview is shown. */
  readonly previews: () => readonly PreviewTable[];
}

/** Why writing is impossible (outside Excel, or an Excel too old), shown on every write button. */
export type WriteBlock = { readonly reason: string } | null;

/** The performance mark set once the figures are in the page. */
export const FIGURES_MARK = "deal-desk:figures";

/** Until Office.js reports the host, nothing can be written yet. */
const CONNECTING = "Deal Desk is still connecting to Excel; try again in a moment.";

export const OUTSIDE_EXCEL =
  "Inserting works inside Excel: open Deal Desk from the Home tab in Excel. This page is a read-only preview.";

export interface Pane {
  /** Switches the pane from preview to live once Office reports Excel (or says why it cannot write). */
  connect(host: PaneHost | null, blocked: WriteBlock): void;
  /** Shows a message in the status region (read out by screen readers). */
  announce(message: string, kind?: "info" | "error" | "success"): void;
}

/** Renders the static parts (figures, derived numbers, function list) and wires the controls. */
export function mountPane(doc: Document, content: PaneContent): Pane {
  let host: PaneHost | null = null;
  let blocked: WriteBlock = { reason: CONNECTING };
  let busy = false;

  const status = byId(doc, "status");
  const progress = byId(doc, "progress");
  const progressText = byId(doc, "progress-text");
  const insertResult = byId(doc, "insert-result");
  const updateResult = byId(doc, "update-result");
  const writeButtons: HTMLButtonElement[] = [];

  function announce(message: string, kind: "info" | "error" | "success" = "info"): void {
    status.className = `status status-${kind}`;
    replaceChildren(status, [message]);
  }

  function writeButton(label: string, onPress: () => Promise<void>, attrs: Record<string, string> = {}, primary = false): HTMLButtonElement {
    const button = h(doc, "button", {
      className: primary ? "button primary" : "button",
      attrs: { type: "button", ...attrs },
      onClick: () => {
        if (blocked) {
          announce(blocked.reason, "info");
          return;
        }
        if (busy) {
          announce("Another action is still running; this one was not started.", "info");
          return;
        }
        void run(onPress);
      },
    }, label);
    writeButtons.push(button);
    return button;
  }

  /** Runs one action with progress shown; an unexpected rejection is shown, never swallowed. */
  async function run(action: () => Promise<void>): Promise<void> {
    busy = true;
    for (const button of writeButtons) button.setAttribute("aria-disabled", "true");
    try {
      await action();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      announce(`Something went wrong that the add-in did not expect: ${message}. Nothing more was written; try again, and if it repeats, reload the pane.`, "error");
    } finally {
      busy = false;
      progress.hidden = true;
      refreshBlocked();
    }
  }

  /** Shows the progress bar next to `near`, where the user is looking, and says what runs. */
  function showProgress(text: string, near: HTMLElement, place: "before" | "after" = "before"): void {
    if (place === "before") near.before(progress);
    else near.after(progress);
    replaceChildren(progressText, [text]);
    progress.hidden = false;
    announce(text);
  }

  function refreshBlocked(): void {
    // Buttons of a review that was replaced are gone from the page: forget them.
    for (let i = writeButtons.length - 1; i >= 0; i--) if (!writeButtons[i].isConnected) writeButtons.splice(i, 1);
    for (const button of writeButtons) {
      if (blocked || busy) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
      if (blocked) button.setAttribute("aria-describedby", "write-blocked");
      else button.removeAttribute("aria-describedby");
    }
    const note = doc.getElementById("write-blocked");
    if (note) replaceChildren(note, [blocked ? blocked.reason : ""]);
    if (note) note.hidden = !blocked;
  }

  function insertOptions(): InsertOptions {
    const selection = (doc.getElementById("opt-selection") as HTMLInputElement | null)?.checked ?? false;
    const stock = (doc.getElementById("opt-stockhistory") as HTMLInputElement | null)?.checked ?? false;
    return { target: selection ? "selection" : "new-sheet", includeStockHistory: stock };
  }

  function showFailure(target: HTMLElement, action: string, failure: ActionFailure): void {
    const text = failureText(action, failure);
    replaceChildren(target, [h(doc, "p", { className: "message message-error", attrs: { "data-kind": failure.kind } }, text)]);
    announce(text, "error");
  }

  async function insert(blocks: readonly BlockId[], label: string): Promise<void> {
    if (!host) return;
    showProgress(`Inserting ${label}…`, insertResult);
    replaceChildren(insertResult, []);
    const result = await host.insertBlocks(blocks, insertOptions());
    if (!result.ok) {
      showFailure(insertResult, `Inserting ${label}`, result);
      return;
    }
    const lines = insertResultLines(result.value);
    replaceChildren(insertResult, [h(doc, "ul", { className: "message message-success" }, ...lines.map((line) => h(doc, "li", {}, line)))]);
    announce(insertStatus(result.value), "success");
  }

  async function reviewUpdate(): Promise<void> {
    if (!host) return;
    showProgress("Comparing the sheets with the figures…", updateResult);
    replaceChildren(updateResult, []);
    const result = await host.planUpdate();
    if (!result.ok) {
      showFailure(updateResult, "Checking for updates", result);
      return;
    }
    const plan = result.value;
    if (planIsEmpty(plan)) {
      const text = `Everything is up to date on ${plan.sheets.join(", ")}: nothing to write.`;
      replaceChildren(updateResult, [h(doc, "p", { className: "message message-success" }, text)]);
      announce(text, "success");
      return;
    }
    renderReview(plan);
    announce(updatePlanSummary(plan));
  }

  function renderReview(plan: UpdatePlan): void {
    const rows = plan.conflicts.map(diffRowView);
    const choices = new Map<string, HTMLInputElement>();
    // One card per changed cell: it reads at 320 px, where a five-column table would not.
    const list = rows.length
      ? h(
          doc,
          "ul",
          { className: "diff", attrs: { "aria-label": "Cells you changed since the add-in wrote them" } },
          ...rows.map((row, index) => {
            const name = `choice-${index}`;
            const accept = h(doc, "input", { attrs: { type: "radio", name, value: "accept", "data-key": row.key } });
            const keep = h(doc, "input", { attrs: { type: "radio", name, value: "keep", checked: true, "data-key": row.key } });
            choices.set(row.key, accept);
            return h(
              doc,
              "li",
              { className: "diff-item", attrs: { "data-key": row.key } },
              h(doc, "p", { className: "diff-cell" }, h(doc, "strong", {}, row.cell), " ", h(doc, "span", { className: "muted" }, row.label)),
              h(
                doc,
                "dl",
                { className: "diff-values" },
                h(doc, "dt", {}, "Your value"),
                h(doc, "dd", { className: "diff-yours" }, row.yours),
                h(doc, "dt", {}, "New value"),
                h(doc, "dd", { className: "diff-new" }, row.next),
                h(doc, "dt", {}, "Source"),
                h(doc, "dd", { className: "diff-source" }, row.source),
              ),
              h(
                doc,
                "fieldset",
                { className: "choice" },
                h(doc, "legend", { className: "visually-hidden" }, `${row.cell}: keep your value or use the new one`),
                h(doc, "label", { className: "check" }, keep, " Keep mine"),
                h(doc, "label", { className: "check" }, accept, " Use new"),
              ),
            );
          }),
        )
      : null;
    const apply = writeButton("Apply update", () => applyUpdate(plan, choices), { id: "apply-update" }, true);
    const cancel = h(doc, "button", {
      className: "button",
      attrs: { type: "button", id: "cancel-update" },
      onClick: () => {
        if (busy) {
          announce("The update is already being applied; it cannot be cancelled now.", "info");
          return;
        }
        replaceChildren(updateResult, []);
        announce("Update cancelled: nothing was written.");
        byId(doc, "review-update").focus();
      },
    }, "Cancel");
    replaceChildren(updateResult, [h(doc, "p", { className: "plan-summary" }, updatePlanSummary(plan)), list, h(doc, "div", { className: "buttons" }, apply, cancel)]);
    refreshBlocked();
  }

  async function applyUpdate(plan: UpdatePlan, choices: Map<string, HTMLInputElement>): Promise<void> {
    if (!host) return;
    const accepted = plan.conflicts.map((row) => row.key).filter((key) => choices.get(key)?.checked);
    showProgress("Updating the figures…", updateResult);
    const result = await host.applyUpdate(accepted);
    if (!result.ok) {
      showFailure(updateResult, "The update", result);
      return;
    }
    replaceChildren(updateResult, [h(doc, "p", { className: "message message-success" }, result.value.summary)]);
    announce(result.value.summary, "success");
    // The Apply button is gone with the review; keep keyboard users where the update started.
    byId(doc, "review-update").focus();
  }

  async function insertFormula(entry: FunctionEntry, item: HTMLElement): Promise<void> {
    if (!host) return;
    showProgress(`Putting ${entry.name} in the selected cell…`, item, "after");
    const result = await host.insertFormula(entry.skeleton);
    if (!result.ok) {
      announce(failureText(`Inserting ${entry.name}`, result), "error");
      return;
    }
    announce(`Put ${entry.skeleton} in ${result.value.address}. Replace its arguments with your cells or values; until then the cell shows #NAME?.`, "success");
  }

  // Figures and derived numbers: always shown, in or out of Excel.
  replaceChildren(byId(doc, "figures"), figureCards().map((card) => renderFigureCard(doc, card)));
  replaceChildren(byId(doc, "derived"), content.derived().map((card) => renderDerivedCard(doc, card)));

  const allIds = content.blocks.map((block) => block.id);
  replaceChildren(byId(doc, "block-buttons"), [
    ...content.blocks.map((block) =>
      writeButton(`Insert ${block.title}`, () => insert([block.id], block.title), { "data-block": block.id }),
    ),
    writeButton("Insert all", () => insert(allIds, "all blocks"), { id: "insert-all", "data-block": "all" }, true),
    h(doc, "p", { className: "note", id: "write-blocked" }),
  ]);
  replaceChildren(byId(doc, "update-buttons"), [writeButton("Review update", reviewUpdate, { id: "review-update" })]);

  replaceChildren(
    byId(doc, "functions"),
    content.functions.map((entry) => {
      const example = h(doc, "p", { className: "muted example" }, "Example: ", h(doc, "code", {}, entry.example));
      return h(
        doc,
        "li",
        { className: "function", attrs: { "data-function": entry.name } },
        h(
          doc,
          "div",
          { className: "function-head" },
          h(doc, "code", { className: "function-name" }, entry.name),
          writeButton("Insert", () => insertFormula(entry, example), {
            "aria-label": `Insert ${entry.skeleton} in the selected cell`,
            "data-skeleton": entry.skeleton,
          }),
        ),
        h(doc, "p", {}, entry.summary),
        example,
      );
    }),
  );

  const previewSection = byId(doc, "preview-section");
  function showPreview(): void {
    previewSection.hidden = false;
    try {
      replaceChildren(byId(doc, "previews"), content.previews().map((table) => renderPreviewTable(doc, table)));
    } catch (error) {
      const text = `The preview of the sheets could not be computed: ${error instanceof Error ? error.message : String(error)}. The figures above are unaffected.`;
      replaceChildren(byId(doc, "previews"), [h(doc, "p", { className: "message message-error" }, text)]);
    }
  }

  refreshBlocked();
  byId(doc, "app").setAttribute("aria-busy", "false");
  doc.body.setAttribute("data-ready", "figures");
  // The benchmark reads this mark: time from navigation to the figures in the page.
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(FIGURES_MARK);

  return {
    announce,
    connect(nextHost, nextBlocked) {
      host = nextHost;
      blocked = nextHost ? nextBlocked : nextBlocked ?? { reason: OUTSIDE_EXCEL };
      refreshBlocked();
      if (!nextHost) {
        showPreview();
        doc.body.setAttribute("data-mode", "preview");
      } else {
        doc.body.setAttribute("data-mode", blocked ? "unsupported" : "excel");
      }
      if (blocked) announce(blocked.reason);
    },
  };
}
