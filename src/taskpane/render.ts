/**
 * Renders the pane's view-model into the page with text nodes only. Knows the DOM, not Office.
 */
import { h } from "./dom";
import { TEXTS } from "./texts";
import type { DerivedCard, FigureCard, PreviewTable } from "./view-model";
import { standingLine } from "./view-model";

/**
 * One figure as a compact card: the label, the claim with its qualifier ("up to $50B"), the status
 * and its standing among the articles (a contested or single-source figure marked), in a line or
 * two; the provenance (when it was stated with its date and basis, the period it is about, age,
 * source, the quoted sentence, comment and caveat) one click or key away, in a disclosure.
 */
export function renderFigureCard(doc: Document, card: FigureCard, staleDays: number): HTMLLIElement {
  const summary = h(
    doc,
    "summary",
    { className: "card-summary" },
    h(doc, "span", { className: "card-label" }, card.label),
    h(doc, "span", { className: "card-value" }, h(doc, "span", { className: "claim" }, card.claim)),
    h(doc, "span", { className: card.caution ? "card-standing badge-caution" : "card-standing" }, standingLine(card)),
    card.stale ? h(doc, "span", { className: "visually-hidden" }, ` ${TEXTS.staleBadge(staleDays)}`) : null,
  );
  const provenance = h(
    doc,
    "div",
    { className: "card-provenance" },
    h(doc, "p", { className: "card-meta card-asof" }, TEXTS.asOf(card.asOf)),
    h(doc, "p", { className: "card-meta card-period" }, TEXTS.period(card.period)),
    h(
      doc,
      "p",
      { className: "card-meta card-age" },
      card.age,
      card.stale ? h(doc, "span", { className: "badge badge-stale" }, ` · ${TEXTS.staleBadge(staleDays)}`) : null,
    ),
    h(doc, "p", { className: "card-meta card-source" }, TEXTS.source(`${card.source} (${card.tier}; ${card.cites})`)),
    h(doc, "blockquote", { className: "card-quote" }, TEXTS.quoted(card.quote)),
    card.comment ? h(doc, "p", { className: "card-meta card-comment" }, card.comment) : null,
    card.caveat ? h(doc, "p", { className: "card-meta card-caveat" }, card.caveat) : null,
  );
  return h(
    doc,
    "li",
    {
      className: card.stale ? "card card-stale" : "card",
      attrs: { "data-figure": card.id, "data-stale": card.stale, "data-standing": card.standing },
    },
    h(doc, "details", { className: "card-details" }, summary, provenance),
  );
}

/** A number computed from the figures, with how it is computed. */
export function renderDerivedCard(doc: Document, card: DerivedCard): HTMLLIElement {
  return h(
    doc,
    "li",
    { className: "card card-derived", attrs: { "data-derived": card.id } },
    h(doc, "p", { className: "card-label" }, card.label),
    h(doc, "p", { className: "card-value" }, h(doc, "span", { className: "claim" }, card.value)),
    h(doc, "p", { className: "card-meta" }, card.basis),
  );
}

/** A block's cells as a read-only grid, inside a disclosure so the page stays short. */
export function renderPreviewTable(doc: Document, table: PreviewTable): HTMLDetailsElement {
  return h(
    doc,
    "details",
    { className: "preview", attrs: { "data-preview": table.block } },
    h(doc, "summary", {}, TEXTS.previewSummary(table.title, table.sheetName)),
    h(
      doc,
      "div",
      { className: "table-scroll", attrs: { role: "region", "aria-label": TEXTS.previewRegion(table.title), tabindex: 0 } },
      h(
        doc,
        "table",
        { className: "grid" },
        h(
          doc,
          "thead",
          {},
          h(
            doc,
            "tr",
            {},
            h(doc, "td", { className: "corner" }),
            ...table.columns.map((c) => h(doc, "th", { attrs: { scope: "col" } }, c)),
          ),
        ),
        h(
          doc,
          "tbody",
          {},
          ...table.rows.map((row) =>
            h(doc, "tr", {}, h(doc, "th", { attrs: { scope: "row" } }, row.label), ...row.cells.map((cell) => h(doc, "td", {}, cell))),
          ),
        ),
      ),
    ),
    ...table.charts.map((title) => h(doc, "p", { className: "muted" }, TEXTS.chart(title))),
  );
}
