/**
 * What the Excel tests (and the writer bench) share: the value of an action that must succeed,
 * and a previous dataset, so that an update has cells to refresh.
 */
import { buildBlock } from "../../src/sheets";
import type { ActionResult, SpecSource } from "../../src/excel";

/** The action's value; fails the test with the action's own message when it did not succeed. */
export function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.kind}: ${r.message}`);
  return r.value;
}

/** A previous dataset: every reported number 80% of today's, as an older release would have written. */
export const previousSource: SpecSource = (block, options) => {
  const spec = buildBlock(block, options);
  return {
    ...spec,
    cells: spec.cells.map((c) => (c.style === "reported" && typeof c.value === "number" && c.numberFormat !== "yyyy-mm-dd" ? { ...c, value: c.value * 0.8 } : c)),
  };
};
