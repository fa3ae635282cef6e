/**
 * The figures at the top of the pane: which version is shown and why, the flags (passed events,
 * figures older than the chosen threshold), a card per figure with its age, the derived numbers,
 * and, once connected, whether the workbook holds older or newer figures than these.
 */
import { DEFAULT_STALE_DAYS } from "../figures/age";
import { DERIVED_ASSUMPTION } from "../figures/qualifiers";
import type { LoadedFigures } from "../figures/load";
import type { Controls } from "./controls";
import { byId, h, replaceChildren } from "./dom";
import { changedFigures, figureFlags, versionLine, workbookVersion } from "./figures-status";
import { compareVersions } from "../versions";
import type { PaneHost } from "./pane";
import { renderDerivedCard, renderFigureCard } from "./render";
import { TEXTS } from "./texts";
import type { DerivedCard } from "./view-model";
import { figureCards } from "./view-model";

export interface FiguresContent {
  readonly loaded: LoadedFigures;
  /** The day the pane opened, ISO. */
  readonly today: string;
  /** The numbers computed from the figures: their deal math is a chunk of its own, loaded after the figures show. */
  readonly derived: () => Promise<readonly DerivedCard[]>;
}

export interface FiguresSection {
  /** Compares the workbook's figures with the ones in use and says so when they differ. */
  checkWorkbook(host: PaneHost, review: () => Promise<void>): Promise<void>;
}

const MIN_DAYS = 1;
const MAX_DAYS = 3650;

function render(doc: Document, content: FiguresContent, staleDays: number): void {
  const flags = figureFlags(content.loaded, content.today, staleDays);
  replaceChildren(
    byId(doc, "figures-flags"),
    flags.map((flag) => h(doc, "li", { className: "flag" }, flag)),
  );
  // The figures file marks the headline figures for the first screen; the others wait under More figures.
  const figures = content.loaded.dataset.figures;
  const age = { today: content.today, staleDays };
  replaceChildren(
    byId(doc, "figures"),
    figureCards(
      age,
      figures.filter((f) => f.headline === true),
    ).map((card) => renderFigureCard(doc, card, staleDays)),
  );
  const more = figureCards(
    age,
    figures.filter((f) => f.headline !== true),
  );
  byId(doc, "more-figures").hidden = more.length === 0;
  replaceChildren(
    byId(doc, "more-figures-list"),
    more.map((card) => renderFigureCard(doc, card, staleDays)),
  );
}

/** The derived cards once their chunk is loaded and computed, or why they could not be. */
async function showDerived(doc: Document, derived: FiguresContent["derived"]): Promise<void> {
  const list = byId(doc, "derived");
  try {
    const cards = await derived();
    replaceChildren(
      list,
      cards.map((card) => renderDerivedCard(doc, card)),
    );
    list.setAttribute("data-loaded", "true");
  } catch (error) {
    replaceChildren(list, [
      h(doc, "li", { className: "message message-error" }, TEXTS.derivedFailed(error instanceof Error ? error.message : String(error))),
    ]);
    list.setAttribute("data-loaded", "failed");
  }
}

/** The threshold option: re-renders the flags when a valid number of days is entered. */
function wireStaleOption(doc: Document, onChange: (days: number) => void): void {
  const input = doc.getElementById("opt-stale-days") as HTMLInputElement | null;
  const note = doc.getElementById("stale-days-note");
  if (!input) return;
  input.value = String(DEFAULT_STALE_DAYS);
  input.addEventListener("input", () => {
    const days = Number(input.value);
    const valid = /^\d+$/.test(input.value.trim()) && days >= MIN_DAYS && days <= MAX_DAYS;
    input.setAttribute("aria-invalid", valid ? "false" : "true");
    if (note) replaceChildren(note, [valid ? "" : TEXTS.staleOptionInvalid(MIN_DAYS, MAX_DAYS)]);
    if (valid) onChange(days);
  });
}

export function mountFigures(doc: Document, controls: Controls, content: FiguresContent): FiguresSection {
  const notice = byId(doc, "figures-notice");
  replaceChildren(byId(doc, "figures-version"), [versionLine(content.loaded)]);
  byId(doc, "figures-version").setAttribute("data-origin", content.loaded.origin);
  render(doc, content, DEFAULT_STALE_DAYS);
  wireStaleOption(doc, (days) => render(doc, content, days));
  replaceChildren(byId(doc, "derived-assumption"), [DERIVED_ASSUMPTION]);
  void showDerived(doc, content.derived);

  function show(...children: (Node | string)[]): void {
    replaceChildren(notice, [h(doc, "p", { className: "message message-info" }, ...children)]);
  }

  async function checkWorkbook(host: PaneHost, review: () => Promise<void>): Promise<void> {
    const stamps = await host.readWorkbookFigures();
    if (!stamps.ok) return show(TEXTS.workbookUnreadable(stamps.message));
    const held = workbookVersion(stamps.value);
    const inUse = content.loaded.dataset.version;
    if (held === null || compareVersions(inUse, held) === 0) return;
    if (compareVersions(inUse, held) < 0) return show(TEXTS.workbookNewer(held, inUse));
    const plan = await host.planUpdate();
    const changed = plan.ok
      ? changedFigures(
          plan.value,
          content.loaded.dataset.figures.map((f) => f.id),
        )
      : null;
    show(TEXTS.updateAvailable(inUse, held, changed), controls.writeButton(TEXTS.reviewUpdate, review, { id: "notice-review-update" }));
    controls.refresh();
  }

  return { checkWorkbook };
}
