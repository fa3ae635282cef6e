/**
 * The insert buttons: "Insert all" at the top of the pane, one per block with the options in a
 * disclosure under it, and what Excel did listed under them.
 */
import type { InsertOptions } from "../excel/types";
import type { BlockId } from "../sheets/spec";
import type { Controls } from "./controls";
import { byId, h, replaceChildren } from "./dom";
import type { PaneHost } from "./pane";
import { TEXTS } from "./texts";
import type { BlockEntry } from "./view-model";
import { insertResultLines, insertStatus } from "./view-model";

function insertOptions(doc: Document): InsertOptions {
  const selection = (doc.getElementById("opt-selection") as HTMLInputElement | null)?.checked ?? false;
  const stock = (doc.getElementById("opt-stockhistory") as HTMLInputElement | null)?.checked ?? false;
  return { target: selection ? "selection" : "new-sheet", includeStockHistory: stock };
}

export function mountInsert(doc: Document, controls: Controls, blocks: readonly BlockEntry[], host: () => PaneHost | null): void {
  const result = byId(doc, "insert-result");

  async function insert(ids: readonly BlockId[], label: string): Promise<void> {
    const current = host();
    if (!current) return;
    controls.showProgress(TEXTS.inserting(label), result);
    replaceChildren(result, []);
    const outcome = await current.insertBlocks(ids, insertOptions(doc));
    if (!outcome.ok) {
      controls.showFailure(result, TEXTS.insertingAction(label), outcome);
      return;
    }
    const lines = insertResultLines(outcome.value);
    replaceChildren(result, [h(doc, "ul", { className: "message message-success" }, ...lines.map((line) => h(doc, "li", {}, line)))]);
    controls.announce(insertStatus(outcome.value), "success");
  }

  const allIds = blocks.map((block) => block.id);
  byId(doc, "insert-bar").prepend(
    controls.writeButton(TEXTS.insertAll, () => insert(allIds, TEXTS.allBlocks), { id: "insert-all", "data-block": "all" }, true),
  );
  replaceChildren(
    byId(doc, "block-buttons"),
    blocks.map((block) =>
      controls.writeButton(TEXTS.insertBlock(block.title), () => insert([block.id], block.title), { "data-block": block.id }),
    ),
  );
}
