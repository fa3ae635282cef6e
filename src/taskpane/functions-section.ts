/**
 * The DEAL.* function reference: each function with its summary, its examples and an Insert
 * button that puts the call on the workbook's names in the selected cell. The reference is a
 * chunk of its own, loaded the first time the list is opened, so opening the pane does not wait
 * for it.
 */
import type { Controls } from "./controls";
import { byId, h, replaceChildren } from "./dom";
import type { PaneHost } from "./pane";
import { TEXTS } from "./texts";
import type { FunctionEntry } from "./view-model";
import { failureText } from "./view-model";

function renderEntry(
  doc: Document,
  controls: Controls,
  entry: FunctionEntry,
  insert: (e: FunctionEntry, near: HTMLElement) => Promise<void>,
) {
  const example = h(doc, "ul", { className: "muted example" }, ...entry.examples.map((text) => h(doc, "li", {}, h(doc, "code", {}, text))));
  const button = controls.writeButton(TEXTS.insert, () => insert(entry, example), {
    "aria-label": TEXTS.insertFormulaLabel(entry.insert),
    "data-insert": entry.insert,
  });
  return h(
    doc,
    "li",
    { className: "function", attrs: { "data-function": entry.name } },
    h(doc, "div", { className: "function-head" }, h(doc, "code", { className: "function-name" }, entry.name), button),
    h(doc, "p", {}, entry.summary),
    example,
    h(doc, "p", { className: "muted example" }, TEXTS.inserts, h(doc, "code", {}, entry.insert), TEXTS.insertsWhere),
  );
}

/** Fills the list the first time its disclosure opens; resolves once it is shown (or says why not). */
export function mountFunctions(
  doc: Document,
  controls: Controls,
  entries: () => Promise<readonly FunctionEntry[]>,
  host: () => PaneHost | null,
): { load(): Promise<void> } {
  const list = byId(doc, "functions");

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

  let loading: Promise<void> | null = null;
  const load = (): Promise<void> => {
    loading ??= (async () => {
      replaceChildren(list, [h(doc, "li", { className: "muted" }, TEXTS.loadingFunctions)]);
      try {
        const loaded = await entries();
        replaceChildren(
          list,
          loaded.map((entry) => renderEntry(doc, controls, entry, insertFormula)),
        );
        controls.refresh();
        list.setAttribute("data-loaded", "true");
      } catch (error) {
        // Opening the list again tries again.
        loading = null;
        const text = TEXTS.functionsFailed(error instanceof Error ? error.message : String(error));
        replaceChildren(list, [h(doc, "li", { className: "message message-error" }, text)]);
        list.setAttribute("data-loaded", "failed");
      }
    })();
    return loading;
  };
  const more = byId<HTMLDetailsElement>(doc, "functions-more");
  more.addEventListener("toggle", () => {
    if (more.open) void load();
  });
  return { load };
}
