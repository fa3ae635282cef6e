/**
 * The reviewed update: Review update lists every cell Apply would write (the user's edits, each
 * kept unless "Use new" is chosen, and the cells refreshed), and Apply writes exactly that.
 */
import type { UpdatePlan } from "../excel/types";
import type { Controls } from "./controls";
import { byId, h, replaceChildren } from "./dom";
import type { PaneHost } from "./pane";
import { TEXTS } from "./texts";
import type { DiffRowView } from "./view-model";
import { diffRowView, planIsEmpty, updatePlanSummary } from "./view-model";

export interface UpdateSection {
  /** Runs Review update, as its button does. */
  review(): Promise<void>;
}

function conflictItem(doc: Document, row: DiffRowView, index: number, choices: Map<string, HTMLInputElement>): HTMLLIElement {
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
      h(doc, "dt", {}, TEXTS.yourValue),
      h(doc, "dd", { className: "diff-yours" }, row.yours),
      h(doc, "dt", {}, TEXTS.newValue),
      h(doc, "dd", { className: "diff-new" }, row.next),
      h(doc, "dt", {}, TEXTS.sourceTerm),
      h(doc, "dd", { className: "diff-source" }, row.source),
    ),
    h(
      doc,
      "fieldset",
      { className: "choice" },
      h(doc, "legend", { className: "visually-hidden" }, TEXTS.choiceLegend(row.cell)),
      h(doc, "label", { className: "check" }, keep, TEXTS.keepMine),
      h(doc, "label", { className: "check" }, accept, TEXTS.useNew),
    ),
  );
}

/** One card per changed cell: it reads at 320 px, where a five-column table would not. */
function conflictList(doc: Document, plan: UpdatePlan, choices: Map<string, HTMLInputElement>): HTMLElement | null {
  if (plan.conflicts.length === 0) return null;
  const items = plan.conflicts.map(diffRowView).map((row, i) => conflictItem(doc, row, i, choices));
  return h(doc, "ul", { className: "diff", attrs: { "aria-label": TEXTS.conflictsLabel } }, ...items);
}

/** The cells Apply refreshes, each with its place, label and new value: the review lists all it writes. */
function refreshList(doc: Document, plan: UpdatePlan): HTMLElement | null {
  const rows = plan.changes.filter((c) => c.kind === "refresh").map(diffRowView);
  if (rows.length === 0) return null;
  const items = rows.map((row) =>
    h(
      doc,
      "li",
      { className: "refresh-item", attrs: { "data-key": row.key } },
      h(doc, "strong", {}, row.cell),
      TEXTS.refreshLine(row.label, row.yours, row.next),
    ),
  );
  return h(doc, "ul", { className: "refreshes", attrs: { "aria-label": TEXTS.refreshesLabel } }, ...items);
}

/** The rows the figures file adds, each with its label and where it lands. */
function additionList(doc: Document, plan: UpdatePlan): HTMLElement | null {
  if (plan.additions.length === 0) return null;
  const items = plan.additions.map((a) =>
    h(
      doc,
      "li",
      { className: "refresh-item", attrs: { "data-key": a.key } },
      h(doc, "strong", {}, a.table),
      TEXTS.additionLine(a.label, a.address),
    ),
  );
  return h(doc, "ul", { className: "refreshes", attrs: { "aria-label": TEXTS.additionsLabel } }, ...items);
}

/** Each change to a name, checked: unchecking it leaves the name as it is, and the name is the user's from then on. */
function nameList(doc: Document, plan: UpdatePlan, changes: Map<string, HTMLInputElement>): HTMLElement | null {
  if (plan.nameChanges.length === 0) return null;
  const items = plan.nameChanges.map((n) => {
    const box = h(doc, "input", {
      attrs: { type: "checkbox", checked: true, "data-key": n.key, "aria-label": TEXTS.nameChoiceLegend(n.name) },
    });
    changes.set(n.key, box);
    return h(
      doc,
      "li",
      { className: "diff-item", attrs: { "data-key": n.key } },
      h(doc, "p", {}, n.sentence),
      h(doc, "label", { className: "check" }, box, TEXTS.nameChoice(n.name)),
    );
  });
  return h(doc, "ul", { className: "diff", attrs: { "aria-label": TEXTS.namesLabel } }, ...items);
}

function planMessages(doc: Document, plan: UpdatePlan): HTMLElement[] {
  return [
    ...plan.blockers.map((text) => h(doc, "p", { className: "message message-error", attrs: { role: "alert" } }, text)),
    ...[...plan.names, ...plan.deleted, ...plan.notices].map((text) => h(doc, "p", { className: "message message-info" }, text)),
  ];
}

class Update implements UpdateSection {
  private readonly result: HTMLElement;

  constructor(
    private readonly doc: Document,
    private readonly controls: Controls,
    private readonly host: () => PaneHost | null,
  ) {
    this.result = byId(doc, "update-result");
  }

  review = async (): Promise<void> => {
    const current = this.host();
    if (!current) return;
    this.controls.showProgress(TEXTS.comparing, this.result);
    replaceChildren(this.result, []);
    const outcome = await current.planUpdate();
    if (!outcome.ok) {
      this.controls.showFailure(this.result, TEXTS.checkingAction, outcome);
      return;
    }
    const plan = outcome.value;
    if (planIsEmpty(plan)) {
      const text = TEXTS.upToDate(plan.sheets.join(", "));
      replaceChildren(this.result, [h(this.doc, "p", { className: "message message-success" }, text), ...planMessages(this.doc, plan)]);
      this.controls.announce(text, "success");
      return;
    }
    this.renderReview(plan);
    this.controls.announce(updatePlanSummary(plan));
  };

  private renderReview(plan: UpdatePlan): void {
    const doc = this.doc;
    const choices = new Map<string, HTMLInputElement>();
    const names = new Map<string, HTMLInputElement>();
    const applyButton = this.controls.writeButton(TEXTS.applyUpdate, () => this.apply(plan, choices, names), { id: "apply-update" }, true);
    const cancelButton = h(
      doc,
      "button",
      { className: "button", attrs: { type: "button", id: "cancel-update" }, onClick: () => this.cancel() },
      TEXTS.cancel,
    );
    replaceChildren(this.result, [
      h(doc, "p", { className: "plan-summary" }, updatePlanSummary(plan)),
      conflictList(doc, plan, choices),
      refreshList(doc, plan),
      additionList(doc, plan),
      nameList(doc, plan, names),
      ...planMessages(doc, plan),
      h(doc, "div", { className: "buttons" }, applyButton, cancelButton),
    ]);
    this.controls.refresh();
  }

  private async apply(plan: UpdatePlan, choices: Map<string, HTMLInputElement>, names: Map<string, HTMLInputElement>): Promise<void> {
    const current = this.host();
    if (!current) return;
    const accepted = plan.conflicts.map((row) => row.key).filter((key) => choices.get(key)?.checked);
    const declined = plan.nameChanges.map((n) => n.key).filter((key) => names.get(key)?.checked === false);
    this.controls.showProgress(TEXTS.updating, this.result);
    // The plain list of accepted keys when no name is declined: the form every build of the writer takes.
    const outcome = await current.applyUpdate(declined.length > 0 ? { accept: accepted, decline: declined } : accepted, plan.fingerprint);
    if (!outcome.ok) {
      this.controls.showFailure(this.result, TEXTS.updateAction, outcome);
      return;
    }
    replaceChildren(this.result, [h(this.doc, "p", { className: "message message-success" }, outcome.value.summary)]);
    this.controls.announce(outcome.value.summary, "success");
    // The Apply button is gone with the review; keep keyboard users where the update started.
    byId(this.doc, "review-update").focus();
  }

  private cancel(): void {
    if (this.controls.isBusy()) {
      this.controls.announce(TEXTS.cannotCancel, "info");
      return;
    }
    replaceChildren(this.result, []);
    this.controls.announce(TEXTS.cancelled);
    byId(this.doc, "review-update").focus();
  }
}

export function mountUpdate(doc: Document, controls: Controls, host: () => PaneHost | null): UpdateSection {
  const update = new Update(doc, controls, host);
  replaceChildren(byId(doc, "update-buttons"), [controls.writeButton(TEXTS.reviewUpdate, update.review, { id: "review-update" })]);
  return update;
}
