/**
 * The read-only preview of the sheets, shown only outside Excel. The sheets' evaluator that
 * computes it is a chunk of its own, loaded once the figures are on screen.
 */
import { byId, h, replaceChildren } from "./dom";
import { renderPreviewTable } from "./render";
import { TEXTS } from "./texts";
import type { PreviewTable } from "./view-model";

/** Shows the section, then the previews once computed (or why they could not be). */
export async function showPreview(doc: Document, previews: () => Promise<readonly PreviewTable[]>): Promise<void> {
  byId(doc, "preview-section").hidden = false;
  const target = byId(doc, "previews");
  replaceChildren(target, [h(doc, "p", { className: "muted" }, TEXTS.loadingPreview)]);
  try {
    const tables = await previews();
    replaceChildren(
      target,
      tables.map((table) => renderPreviewTable(doc, table)),
    );
  } catch (error) {
    const text = TEXTS.previewFailed(error instanceof Error ? error.message : String(error));
    replaceChildren(target, [h(doc, "p", { className: "message message-error" }, text)]);
  }
  target.setAttribute("data-loaded", "true");
}
