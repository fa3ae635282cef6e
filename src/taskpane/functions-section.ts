/**
 * The DEAL.* function reference: each function with its summary, its examples and an Insert
 * button that puts the call on the workbook's names in the selected cell.
 */
import type { Controls } from "./controls";
import { byId, h, replaceChildren } from "./dom";
import type { PaneHost } from "./pane";
import { TEXTS } from "./texts";
import type { FunctionEntry } from "./view-model";
import { failureText } from "./view-model";

export function mountFunctions(doc: Document, controls: Controls, entries: readonly FunctionEntry[], host: () => PaneHost | null): void {
  async function insertFormula(entry: FunctionEntry, item: HTMLElement): Promise<void> {
    const current = host();
    if (!current) return;
    controls.showProgress(TEXTS.putting(entry.name), item, "after");
    const result = await current.insertFormula(entry.insert);
    if (!result.ok) {
      controls.announce(failureText(TEXTS.insertingFunction(entry.name), result), "error");
      return;
    }
    controls.announce(TEXTS.put(entry.insert, result.value.address), "success");
  }

  replaceChildren(
    byId(doc, "functions"),
    entries.map((entry) => {
      const example = h(
        doc,
        "ul",
        { className: "muted example" },
        ...entry.examples.map((text) => h(doc, "li", {}, h(doc, "code", {}, text))),
      );
      const insert = controls.writeButton(TEXTS.insert, () => insertFormula(entry, example), {
        "aria-label": TEXTS.insertFormulaLabel(entry.insert),
        "data-insert": entry.insert,
      });
      return h(
        doc,
        "li",
        { className: "function", attrs: { "data-function": entry.name } },
        h(doc, "div", { className: "function-head" }, h(doc, "code", { className: "function-name" }, entry.name), insert),
        h(doc, "p", {}, entry.summary),
        example,
        h(doc, "p", { className: "muted example" }, TEXTS.inserts, h(doc, "code", {}, entry.insert), TEXTS.insertsWhere),
      );
    }),
  );
}
