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
 * The add-in's change log among the workbook's tables: a table with every column of the log (in
 * any order, beside any of the user's), one named DealChanges (or DealChanges_2 …) first; or,
 * when a column of the log was deleted, the table so named that keeps more than half of the log's
 * columns, so that its new rows fill the columns left. A table of the user's that only shares
 * the name (two columns, one of them "When") is never the log. Null when there is none yet.
 */
/** Whether a table has the log's name: DealChanges, or DealChanges_2 … when that was taken. */
export function hasLogName(table: string): boolean {
  return new RegExp(`^${CHANGE_LOG_TABLE}(_\\d+)?$`, "i").test(table);
}

export function findChangeLog(tables: readonly TableColumns[]): TableColumns | null {
  const kept = (t: TableColumns) => CHANGE_LOG_HEADERS.filter((h) => t.columns.includes(h)).length;
  const whole = tables.filter((t) => kept(t) === CHANGE_LOG_HEADERS.length);
  const found = whole.find((t) => hasLogName(t.name)) ?? whole[0];
  return found ?? tables.find((t) => hasLogName(t.name) && kept(t) > CHANGE_LOG_HEADERS.length / 2) ?? null;
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
