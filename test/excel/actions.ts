/**
 * What the Excel tests (and the writer bench) share: the value of an action that must succeed,
 * a previous dataset, so that an update has cells to refresh, and the cells a user sees.
 */
import { buildBlock } from "../../src/sheets";
import type { ActionResult, SpecSource, UpdatePlan } from "../../src/excel";
import type { WorkbookSnapshot } from "../fakes/fake-excel";

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
    cells: spec.cells.map((c) =>
      c.style === "reported" && typeof c.value === "number" && c.numberFormat !== "yyyy-mm-dd" ? { ...c, value: c.value * 0.8 } : c,
    ),
  };
};

/** Every cell of the user's sheets, "Sheet!A1" → its formula or value. */
export type Cells = Map<string, unknown>;

export function cellsOf(snap: WorkbookSnapshot): Cells {
  const out: Cells = new Map();
  for (const s of snap.sheets) {
    // The record and the change log are the add-in's own bookkeeping; the log is checked apart.
    if (s.visibility === "VeryHidden" || s.name === "Changes") continue;
    for (const [a, c] of Object.entries(s.cells)) out.set(`${s.name}!${a}`, c.formula ?? c.value);
  }
  return out;
}

type Change = UpdatePlan["changes"][number];

/**
 * After Apply: the cells written are exactly the refreshes and the `accepted` conflicts, with
 * their new values; every other cell, and every cell marked "user …", is as it was. Returns the
 * cells written, by "Sheet!A1".
 */
export function expectWrittenExactly(
  before: Cells,
  after: Cells,
  changes: readonly Change[],
  accepted: readonly Change[],
): Map<string, Change> {
  const written = new Map(
    changes.filter((c) => c.kind === "refresh" || accepted.includes(c)).map((c) => [`${c.sheetName}!${c.address}`, c]),
  );
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const w = written.get(k);
    if (w) expect([k, after.get(k)]).toEqual([k, w.newValue]);
    else expect([k, after.get(k)]).toEqual([k, before.get(k)]);
    if (typeof before.get(k) === "string" && String(before.get(k)).startsWith("user "))
      expect([k, after.get(k)]).toEqual([k, before.get(k)]);
  }
  return written;
}
