/**
 * Queuing an Apply's writes, in the order that keeps the promise when Excel stops half-way: the new
 * rows first (a refusal there leaves nothing else written), then cells, notes and names, then the
 * change log, and the record last, so a record never claims a write that did not happen. Every
 * position is the one after the new rows (WorkbookPlan.shift). Nothing here syncs.
 */
import { rangeA1, toA1 } from "../sheets/a1";
import { addedContents } from "../ownership/additions";
import { type CellWrite } from "../ownership/layout";
import type { NameChange } from "../ownership/names";
import { additionRow, additionsOf, changesOf, nameTarget, type Choices, type WorkbookPlan } from "../ownership/review";
import type { NoteChange } from "../ownership/update";
import { excelInput } from "../ownership/written";
import { NOTES_API } from "./failures";
import { queueCellWrites, queueStyles } from "./queue";
import { isSupported } from "./support";

/** The new rows of every table, top table first, each with its content, number formats and styles. */
export function queueNewRows(wb: Excel.Workbook, plan: WorkbookPlan): number {
  let cells = 0;
  const growths = [...plan.blocks.flatMap((b) => [...b.growths]), ...(plan.log ? [plan.log] : [])].sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || a.bottom - b.bottom,
  );
  const notes = isSupported(NOTES_API);
  for (const g of growths) {
    if (g === plan.log) {
      // The log's rows go in with the tables' (they move what is below them too); their values come last but the record.
      wb.tables.getItem(g.tableName).rows.add(
        null as unknown as number,
        Array.from({ length: g.count }, () => new Array<string>(g.width).fill("")),
      );
      continue;
    }
    const rows = additionsOf(plan)
      .filter((a) => a.tableName === g.tableName)
      .sort((a, b) => a.index - b.index);
    const placed = rows.map((a) => ({ row: additionRow(plan, a), contents: addedContents(a, additionRow(plan, a)) }));
    const values = placed.map(({ contents }) =>
      Array.from({ length: g.width }, (_, i) => {
        const c = contents.find((x) => x.col === g.left + i);
        return c && c.content !== null ? excelInput(c.content) : "";
      }),
    );
    // TableRowCollection.add (ExcelApi 1.1; several rows 1.4): the rows go in at the table's end and
    // the cells below in its columns move down.
    wb.tables.getItem(g.tableName).rows.add(null as unknown as number, values as unknown as string[][]);
    const sheet = wb.worksheets.getItem(g.sheet);
    const formats: CellWrite[] = placed.flatMap(({ row, contents }) =>
      contents.flatMap((c) => (c.cell.numberFormat !== undefined ? [{ row, col: c.col, numberFormat: c.cell.numberFormat }] : [])),
    );
    if (formats.length > 0) queueCellWrites(sheet, formats);
    queueStyles(
      sheet,
      placed.flatMap(({ row, contents }) => contents.map((c) => ({ ...c.cell, row, col: c.col }))),
    );
    if (notes)
      for (const { row, contents } of placed)
        for (const c of contents) if (c.cell.note !== undefined) sheet.notes.add(sheet.getRange(toA1(row, c.col)), c.cell.note);
    cells += placed.reduce((n, p) => n + p.contents.length, 0);
  }
  return cells;
}

/** The refreshes and the accepted conflicts, values only (the user's formats stay), at their places after the new rows. */
export function queueCellChanges(wb: Excel.Workbook, plan: WorkbookPlan, choices: Choices): number {
  // One row at a time: the user's tables may be filtered, and a range of several rows set where a
  // filter hides some has its values misplaced (office-js#224); an update writes tens of cells, in
  // one sync either way.
  const byRow = new Map<string, { sheet: string; writes: CellWrite[] }>();
  let count = 0;
  for (const c of changesOf(plan)) {
    if (c.kind !== "refresh" && !choices.accept.has(c.id)) continue;
    const row = plan.shift.row(c.sheet, c.row, c.col);
    const at = `${c.sheet.toLowerCase()}!${row}`;
    const line = byRow.get(at) ?? { sheet: c.sheet, writes: [] };
    line.writes.push({ row, col: c.col, content: plan.shift.formula(c.sheet, c.next) });
    byRow.set(at, line);
    count++;
  }
  for (const { sheet, writes } of byRow.values()) queueCellWrites(wb.worksheets.getItem(sheet), writes);
  return count;
}

/** The notes whose text changed, where they still read what the add-in wrote. */
export function queueNotes(wb: Excel.Workbook, plan: WorkbookPlan, notes: readonly NoteChange[]): void {
  for (const n of notes) {
    const at = toA1(plan.shift.row(n.sheet, n.row, n.col), n.col);
    wb.worksheets.getItem(n.sheet).notes.getItem(at).content = n.to;
  }
}

/** The name changes not declined: a name deleted first when it exists, then added on its cell. */
export function queueNameChanges(wb: Excel.Workbook, plan: WorkbookPlan, changes: readonly NameChange[], choices: Choices): number {
  let done = 0;
  for (const n of changes) {
    if (choices.decline.has(n.id)) continue;
    const at = nameTarget(plan, n);
    if (n.exists) wb.names.getItem(n.name).delete();
    wb.names.add(n.name, wb.worksheets.getItem(at.sheet).getRange(toA1(at.row, at.col)), n.comment);
    done++;
  }
  return done;
}

/** The log's rows, in the rows Apply added to the log first (queueNewRows), as text where text. */
export function queueLogValues(wb: Excel.Workbook, plan: WorkbookPlan, rows: readonly (string | number | boolean)[][]): void {
  const g = plan.log;
  if (!g) return;
  const top = plan.shift.firstNewRow(g);
  const values = rows.map((r) => r.map((v) => (typeof v === "string" ? `'${v}` : v)));
  wb.worksheets.getItem(g.sheet).getRange(rangeA1(top, g.left, top + g.count - 1, g.right)).values = values as unknown as string[][];
}
