/** The read-only preview of the sheets, shown only outside Excel. */
import { byId, h, replaceChildren } from "./dom";
import { renderPreviewTable } from "./render";
import { TEXTS } from "./texts";
import type { PreviewTable } from "./view-model";

export function showPreview(doc: Document, previews: () => readonly PreviewTable[]): void {
  byId(doc, "preview-section").hidden = false;
  try {
    replaceChildren(
      byId(doc, "previews"),
      previews().map((table) => renderPreviewTable(doc, table)),
    );
  } catch (error) {
    const text = TEXTS.previewFailed(error instanceof Error ? error.message : String(error));
    replaceChildren(byId(doc, "previews"), [h(doc, "p", { className: "message message-error" }, text)]);
  }
}
