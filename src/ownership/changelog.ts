/**
 * The change log that travels with the workbook: one row per cell an Apply changed or kept, in
 * the DealChanges table, never removed. Pure: rows from the plan.
 */
import { toA1 } from "../sheets/a1";
import type { WorkbookPlan } from "./review";
import { changesOf } from "./review";
import { displayWritten, type Written } from "./written";

export const CHANGE_LOG_TABLE = "DealChanges";
export const CHANGE_LOG_SHEET = "Changes";
export const CHANGE_LOG_HEADERS = Object.freeze(["When", "Figure", "Label", "Cell", "Old value", "New value", "Figures", "Outcome"]);

export const OUTCOMES = Object.freeze({
  refresh: "refreshed (the add-in's cell)",
  accepted: "applied (your value replaced)",
  kept: "kept as yours",
});

function shown(w: Written): string | number | boolean {
  const v = displayWritten(w);
  return v === null ? "" : v;
}

/**
 * One row per listed change: when (ISO time), figure id, label, cell, old and new value, the
 * figures' version, and what Apply did with it. Labels come from the review's rows.
 */
export function changeLogRows(
  plan: WorkbookPlan,
  accepted: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
  when: string,
  figures: string,
): (string | number | boolean)[][] {
  return changesOf(plan).map((c) => [
    when,
    c.cell.figureId ?? "",
    labels.get(c.id) ?? "",
    `${c.sheet}!${toA1(c.row, c.col)}`,
    shown(c.now),
    shown(c.next),
    figures,
    c.kind === "refresh" ? OUTCOMES.refresh : accepted.has(c.id) ? OUTCOMES.accepted : OUTCOMES.kept,
  ]);
}
