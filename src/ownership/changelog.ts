/**
 * The change log that travels with the workbook: one row per cell, row and name an Apply changed
 * or kept, in the DealChanges table, never removed. The log is found by its name (or, renamed, by
 * its columns), whatever the user added beside them (a "Reviewed by" column) or deleted: new rows
 * fill the log's columns that remain and leave the user's empty. Pure: rows from the plan.
 */
import { toA1 } from "../sheets/a1";
import type { Choices, WorkbookPlan } from "./review";
import { additionRow, additionsOf, changesOf, nameChangesOf, nameTarget } from "./review";
import { displayWritten, type Written } from "./written";

export const CHANGE_LOG_TABLE = "DealChanges";
export const CHANGE_LOG_SHEET = "Changes";
export const CHANGE_LOG_HEADERS = Object.freeze(["When", "Figure", "Label", "Cell", "Old value", "New value", "Figures", "Outcome"]);

/** A table as read: its name and its columns' headers, in order. */
export interface TableColumns {
  readonly name: string;
  readonly columns: readonly string[];
}

/**
 * The add-in's change log among the workbook's tables. Its name is its identity: the table named
 * DealChanges (or DealChanges_2 …) is the log whatever columns the user added or deleted, as long
 * as one of the log's columns is left; new rows fill the log's columns that remain. A table the
 * user renamed is still the log when it has every column of the log. Null when there is none yet.
 */
export function findChangeLog(tables: readonly TableColumns[]): TableColumns | null {
  const named = new RegExp(`^${CHANGE_LOG_TABLE}(_\\d+)?$`, "i");
  const byName = tables.find((t) => named.test(t.name) && t.columns.some((c) => CHANGE_LOG_HEADERS.includes(c)));
  return byName ?? tables.find((t) => CHANGE_LOG_HEADERS.every((h) => t.columns.includes(h))) ?? null;
}

/** Rows in the log's own column order, as rows of `log` (its columns; the user's left empty). */
export function rowsForLog(rows: readonly (string | number | boolean)[][], log: TableColumns | null): (string | number | boolean)[][] {
  if (!log) return rows.map((r) => [...r]);
  return rows.map((r) => log.columns.map((c) => (CHANGE_LOG_HEADERS.includes(c) ? r[CHANGE_LOG_HEADERS.indexOf(c)] : "")));
}

export const OUTCOMES = Object.freeze({
  refresh: "refreshed (the add-in's cell)",
  accepted: "applied (your value replaced)",
  kept: "kept as yours",
  retracted: "marked retracted (no longer in the figures file)",
  retractKept: "kept as yours (the figure is no longer in the figures file)",
  added: "added (new in the figures file)",
  name: "name pointed at its figure",
  nameKept: "name kept as yours",
});

function shown(w: Written): string | number | boolean {
  const v = displayWritten(w);
  return v === null ? "" : v;
}

/**
 * One row per listed change, added row and name change: when (ISO time), figure id, label, cell, old
 * and new value, the figures' version, and what Apply did with it. Labels come from the review's rows.
 */
export function changeLogRows(
  plan: WorkbookPlan,
  choices: Choices,
  labels: ReadonlyMap<string, string>,
  when: string,
  figures: string,
): (string | number | boolean)[][] {
  const cells = changesOf(plan).map((c) => [
    when,
    c.cell.figureId ?? "",
    labels.get(c.id) ?? "",
    `${c.sheet}!${toA1(plan.shift.row(c.sheet, c.row, c.col), c.col)}`,
    shown(c.now),
    shown(c.next),
    figures,
    c.kind === "refresh"
      ? c.retracted
        ? OUTCOMES.retracted
        : OUTCOMES.refresh
      : choices.accept.has(c.id)
        ? c.retracted
          ? OUTCOMES.retracted
          : OUTCOMES.accepted
        : c.retracted
          ? OUTCOMES.retractKept
          : OUTCOMES.kept,
  ]);
  const rows = additionsOf(plan).map((a) => [
    when,
    a.rowId,
    a.label,
    `${a.sheet}!${additionRow(plan, a) + 1}`,
    "",
    a.tableName,
    figures,
    OUTCOMES.added,
  ]);
  const names = nameChangesOf(plan).map((n) => {
    const at = nameTarget(plan, n);
    return [
      when,
      "",
      n.name,
      `${at.sheet}!${toA1(at.row, at.col)}`,
      n.from,
      choices.decline.has(n.id) ? n.from : `${at.sheet}!${toA1(at.row, at.col)}`,
      figures,
      choices.decline.has(n.id) ? OUTCOMES.nameKept : OUTCOMES.name,
    ];
  });
  return [...cells, ...rows, ...names];
}
