/**
 * The function reference: every DEAL.* function of the catalog with its one-line summary, its
 * example, and the skeleton the pane puts in the selected cell. Pure.
 */
import { CATALOG, NAMESPACE } from "../calc/catalog";
import type { FunctionSpec } from "../calc/catalog";
import type { FunctionEntry } from "./view-model";

/**
 * The formula skeleton: the function with its required parameters' names as arguments, for the
 * user to replace with cells (`=DEAL.STAKE(amount, valuation)`); optional ones are left out.
 */
export function skeleton(spec: FunctionSpec): string {
  const required = spec.params.filter((p) => !p.optional).map((p) => p.name);
  return `=${NAMESPACE}.${spec.name}(${required.join(", ")})`;
}

export function functionEntry(spec: FunctionSpec): FunctionEntry {
  return {
    name: `${NAMESPACE}.${spec.name}`,
    summary: spec.summary,
    example: `${spec.example.formula} → ${spec.example.value}`,
    skeleton: skeleton(spec),
  };
}

/** Every function of the catalog, in its order. */
export function functionEntries(catalog: readonly FunctionSpec[] = CATALOG): FunctionEntry[] {
  return catalog.map(functionEntry);
}
