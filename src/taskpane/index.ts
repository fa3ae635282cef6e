/**
 * The pane's entry: the only file of the pane that talks to Office. It waits for Office.js,
 * reads the host and theme, and hands the pane plain functions; outside Office the pane runs as a
 * read-only preview.
 */
import { byId, replaceChildren } from "./dom";
import { renderFigureCard } from "./render";
import { figureCards } from "./view-model";

function showFigures(doc: Document): void {
  replaceChildren(
    byId(doc, "figures"),
    figureCards().map((card) => renderFigureCard(doc, card)),
  );
  byId(doc, "app").setAttribute("aria-busy", "false");
  doc.body.setAttribute("data-ready", "figures");
}

showFigures(document);

if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    byId(document, "host-line").textContent =
      info.host === null ? "Preview: open this pane inside Excel to insert the figures." : "Connected to Excel.";
  });
}
