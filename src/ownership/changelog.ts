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

/**
 * The add-in's change log among the workbook's tables: named DealChanges (or DealChanges_2 …, when
 * a name of the user's had the plain one) with exactly the log's columns. A table of the user's
 * that happens to have that name is not it. Null when there is none yet.
 */
export function findChangeLog(tables: readonly { readonly name: string; readonly columns: readonly string[] }[]): string | null {
  const named = new RegExp(`^${CHANGE_LOG_TABLE}(_\\d+)?$`, "i");
  const log = tables.find(
    (t) => named.test(t.name) && t.columns.length === CHANGE_LOG_HEADERS.length && t.columns.every((c, i) => c === CHANGE_LOG_HEADERS[i]),
  );
  return log ? log.name : null;
}

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
