/**
 * Renders the pane's view-model into the page with text nodes only. Knows the DOM, not Office.
 */
import { h } from "./dom";
import type { FigureCard } from "./view-model";

/** One figure card: label, headline claim with status, as-of and source. */
export function renderFigureCard(doc: Document, card: FigureCard): HTMLLIElement {
  return h(
    doc,
    "li",
    { className: "card", attrs: { "data-figure": card.id } },
    h(doc, "p", { className: "card-label" }, card.label),
    h(
      doc,
      "p",
      { className: "card-value" },
      h(doc, "span", { className: "claim" }, card.claim),
      " — ",
      h(doc, "span", { className: `badge badge-${card.status.replace(/\s+/g, "-")}` }, card.status),
    ),
    h(doc, "p", { className: "card-meta" }, `As of ${card.asOf}`),
    h(doc, "p", { className: "card-meta", attrs: { title: card.quote } }, `Source: ${card.source}`),
  );
}
