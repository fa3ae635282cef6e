/**
 * The function reference: every DEAL.* function of the catalog with its one-line summary, its
 * examples, and the formula the pane puts in the selected cell (the call on the workbook's
 * names). Pure.
 */
import { CATALOG, NAMESPACE, exampleResult } from "../calc/catalog";
import type { FunctionSpec } from "../calc/catalog";
import type { FunctionEntry } from "./view-model";

export function functionEntry(spec: FunctionSpec): FunctionEntry {
  return {
    name: `${NAMESPACE}.${spec.name}`,
    summary: spec.summary,
    examples: spec.examples.map((e) => `${e.formula} → ${exampleResult(e)}`),
    insert: spec.inWorkbook,
  };
}

/** Every function of the catalog, in its order. */
export function functionEntries(catalog: readonly FunctionSpec[] = CATALOG): FunctionEntry[] {
  return catalog.map(functionEntry);
}
