/**
 * The user's structural edits applied to the fake's workbook, as Excel applies them: rows or
 * columns inserted or deleted, and cells inserted with the others shifted down or right, move
 * cells, notes, names, tables, chart anchors and series, and every formula that refers to them
 * (structure.ts rewrites the references); a deleted sheet turns the references and names that
 * pointed at it into #REF!; a copy moves relative references; a cut moves the cells and
 * everything that referred to them, and what referred to the cells it pasted over gets #REF!; a
 * sort moves a table's rows. What Excel refuses (a shift or a cut that would change part of a
 * table, cells pushed off the sheet) is refused before anything moves.
 */
import { MAX_COL, MAX_ROW, columnLetter, parseRect, key, type Rect } from "./a1";
import { emptyCell, type FakeCell } from "./cells";
import { FakeOfficeError } from "./errors";
import {
  adjustForMove,
  adjustFormula,
  inBand,
  movedCell,
  pastedOver,
  shiftIndex,
  shiftRect,
  shiftRelative,
  type Edit,
  type LineEdit,
  type Move,
} from "./structure";
import { bodyRows, type TableModel } from "./tables";
import type { FakeWorkbook } from "./workbook";
import type { SheetModel } from "./worksheets";

/** Copies a cell with its number format and note (Ctrl+C, Ctrl+V): relative references move. */
export function copyCell(wb: FakeWorkbook, fromSheet: string, from: string, toSheet: string, to: string): void {
  const src = wb.sheetByName(fromSheet);
  const dst = wb.sheetByName(toSheet);
  const a = wb.cellRef(from);
  const b = wb.cellRef(to);
  const cell = src.cells.get(key(a.row, a.col));
  const copy = cell
    ? { ...cell, formula: cell.formula === null ? null : shiftRelative(cell.formula, b.row - a.row, b.col - a.col) }
    : emptyCell();
  dst.cells.set(key(b.row, b.col), copy);
  const note = src.notes.get(key(a.row, a.col));
  if (note !== undefined) dst.notes.set(key(b.row, b.col), note);
}

/**
 * Cuts a rectangle and pastes it at `to` (Ctrl+X, Ctrl+V): its cells and notes replace the
 * pasted-over rectangle's, the names and tables it took whole move, and every formula that
 * referred to a moved cell follows it. What referred to the pasted-over cells (those of the
 * destination that were not cut themselves; the two rectangles may overlap) loses them, as in
 * Excel: such a reference becomes #REF!, such a name =#REF!, and such a table is deleted.
 * Refused, with nothing moved, when it would move or paste over part of a table (checkCut).
 */
export function moveCells(wb: FakeWorkbook, fromSheet: string, address: string, toSheet: string, to: string): void {
  const src = wb.sheetByName(fromSheet);
  const dst = wb.sheetByName(toSheet);
  const rect = parseRect(address);
  const at = wb.cellRef(to);
  if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a range.`);
  const move = { from: src.name, rect, to: dst.name, row: at.row, col: at.col };
  checkCut(wb, move);
  for (const s of wb.sheets) {
    for (const [k, cell] of s.cells) {
      if (cell.formula === null) continue;
      const [row, col] = k.split(",").map(Number);
      cell.formula = adjustForMove(cell.formula, s.name, move, movedCell(s.name, row, col, move).sheet);
    }
  }
  const take = <T>(map: Map<string, T>): [number, number, T][] => {
    const out: [number, number, T][] = [];
    for (const [k, v] of [...map]) {
      const [row, col] = k.split(",").map(Number);
      if (row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right) {
        map.delete(k);
        out.push([row - rect.top + at.row, col - rect.left + at.col, v]);
      }
    }
    return out;
  };
  const cells = take(src.cells);
  const notes = take(src.notes);
  // The pasted rectangle replaces what was there, its empty cells included.
  const target = { top: at.row, left: at.col, bottom: at.row + rect.bottom - rect.top, right: at.col + rect.right - rect.left };
  for (const map of [dst.cells, dst.notes] as Map<string, unknown>[]) {
    for (const k of [...map.keys()]) {
      const [row, col] = k.split(",").map(Number);
      if (row >= target.top && row <= target.bottom && col >= target.left && col <= target.right) map.delete(k);
    }
  }
  for (const [row, col, cell] of cells) dst.cells.set(key(row, col), cell);
  for (const [row, col, note] of notes) dst.notes.set(key(row, col), note);
  // A name or table moves only when the cut took it whole, as a range reference does.
  const follow = (sheetId: string, r: Rect): { sheetId: string; rect: Rect } | null => {
    const name = wb.sheetById(sheetId).name;
    const a = movedCell(name, r.top, r.left, move);
    const b = movedCell(name, r.bottom, r.right, move);
    const moved = (p: { sheet: string; row: number; col: number }, row: number, col: number) =>
      p.sheet !== name || p.row !== row || p.col !== col;
    if (!moved(a, r.top, r.left) || !moved(b, r.bottom, r.right)) return null;
    return { sheetId: wb.sheetByName(a.sheet).id, rect: { top: a.row, left: a.col, bottom: b.row, right: b.col } };
  };
  // One the paste landed on whole (and did not take along) is lost: a name becomes =#REF!, as for a
  // deleted sheet, and a table goes. One the paste covered only in part stays where it is (the
  // fake keeps it simple: what Excel does to a table pasted over in part is not modelled).
  const lost = (sheetId: string, r: Rect) => pastedOver(wb.sheetById(sheetId).name, r, move);
  // Workbook names and every sheet's own names.
  for (const n of [...wb.names.values(), ...wb.sheets.flatMap((s) => [...s.names.values()])]) {
    if (n.sheetId === null) continue;
    const moved = follow(n.sheetId, n.rect);
    if (moved) Object.assign(n, moved);
    else if (lost(n.sheetId, n.rect)) {
      n.sheetId = null;
      n.formula = "=#REF!";
    }
  }
  for (const source of chartSources(wb)) {
    const moved = follow(source.sheetId, source.rect);
    if (moved) Object.assign(source, moved);
  }
  wb.tables = wb.tables.filter((t) => {
    const moved = follow(t.sheetId, t.rect);
    if (moved) Object.assign(t, moved);
    return moved !== null || !lost(t.sheetId, t.rect);
  });
}

/**
 * Refuses a cut and paste as Excel does, before anything moves. A table moves only whole; the
 * cut may take a table whole or cells inside its body (its header row and its edges stay), and
 * the paste may cover a table whole or land inside its body; anything else changes part of a
 * table, which Excel refuses with "Cannot complete operation: You are attempting to change a
 * portion of a table row or column in a way that is not allowed." A table the paste carries may
 * not overlap one it leaves in place (MergedRangeConflict: "A table can't overlap with another
 * table", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * Microsoft documents no error code for the first refusal, a dialog of Excel's user interface
 * (its text as Excel-compatible spreadsheets reproduce it, e.g. GrapeCity SpreadJS's
 * Exp_DragDropChangePartOfTable); the fake raises it as InvalidOperation.
 */
function checkCut(wb: FakeWorkbook, move: Move): void {
  const { rect } = move;
  const h = rect.bottom - rect.top;
  const w = rect.right - rect.left;
  const target = { top: move.row, left: move.col, bottom: move.row + h, right: move.col + w };
  if (target.bottom > MAX_ROW || target.right > MAX_COL)
    throw new FakeOfficeError("InvalidArgument", "The paste would fall off the sheet.");
  const on = (t: TableModel, sheet: string) => wb.sheetById(t.sheetId).name.toLowerCase() === sheet.toLowerCase();
  const portion = (t: TableModel) =>
    new FakeOfficeError(
      "InvalidOperation",
      `Cannot complete operation: You are attempting to change a portion of a table row or column in a way that is not allowed (${t.name}).`,
    );
  const body = (t: TableModel): Rect => ({ ...t.rect, top: t.rect.top + 1 });
  const carried = wb.tables.filter((t) => on(t, move.from) && within(t.rect, rect));
  for (const t of wb.tables) {
    if (carried.includes(t)) continue;
    if (on(t, move.from) && meets(t.rect, rect) && !within(rect, body(t))) throw portion(t);
  }
  const landed = carried.map((t) => ({
    ...t.rect,
    top: t.rect.top - rect.top + move.row,
    bottom: t.rect.bottom - rect.top + move.row,
    left: t.rect.left - rect.left + move.col,
    right: t.rect.right - rect.left + move.col,
  }));
  for (const t of wb.tables) {
    if (carried.includes(t) || !on(t, move.to)) continue;
    if (landed.some((r) => meets(r, t.rect)))
      throw new FakeOfficeError(
        "MergedRangeConflict",
        `Cannot complete the operation. A table can't overlap with another table (${t.name}).`,
      );
    if (meets(t.rect, target) && !within(t.rect, target) && !within(target, body(t))) throw portion(t);
  }
}

/** Whether rectangle `a` lies inside `b`. */
function within(a: Rect, b: Rect): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}

/** Whether two rectangles share a cell. */
function meets(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Sorts a table's body rows by one of its columns (0-based within the table), as Data › Sort does:
 * by the values the cells show (a formula's result), in Excel's default order, numbers, text
 * (ignoring case), FALSE before TRUE, error values, ascending or its reverse; blank cells last
 * either way; rows that tie keep their order.
 * https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654
 */
export function sortTable(wb: FakeWorkbook, tableName: string, column: number, descending = false): void {
  const t = wb.tableByName(tableName);
  if (!Number.isInteger(column) || column < 0 || column > t.rect.right - t.rect.left)
    throw new FakeOfficeError("InvalidArgument", `The table ${t.name} has no column ${column}.`);
  const sheet = wb.sheetById(t.sheetId);
  const rows: number[] = [];
  for (let r = t.rect.top + 1; r <= t.rect.top + bodyRows(t); r++) rows.push(r);
  const sortKey = (r: number): unknown => {
    const c = t.rect.left + column;
    const cell = sheet.cells.get(key(r, c));
    if (!cell) return null;
    return cell.formula !== null ? wb.evaluate(cell.formula, sheet.name, `${columnLetter(c)}${r + 1}`) : cell.value;
  };
  const text = new Intl.Collator("en", { sensitivity: "accent" });
  const rank = (v: unknown) =>
    typeof v === "number" ? 0 : typeof v === "boolean" ? 2 : typeof v !== "string" || v === "" ? 4 : EXCEL_ERROR.test(v) ? 3 : 1;
  const order = [...rows].sort((x, y) => {
    const a = sortKey(x);
    const b = sortKey(y);
    if (rank(a) === 4 || rank(b) === 4) return rank(a) - rank(b);
    const c =
      rank(a) !== rank(b)
        ? rank(a) - rank(b)
        : typeof a === "number" && typeof b === "number"
          ? a - b
          : typeof a === "boolean"
            ? Number(a) - Number(b)
            : text.compare(String(a), String(b));
    return descending ? -c : c;
  });
  const moved = new Map<string, FakeCell>();
  const movedNotes = new Map<string, string>();
  order.forEach((fromRow, i) => {
    const toRow = rows[i];
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const cell = sheet.cells.get(key(fromRow, c));
      if (cell)
        moved.set(key(toRow, c), { ...cell, formula: cell.formula === null ? null : shiftRelative(cell.formula, toRow - fromRow, 0) });
      const note = sheet.notes.get(key(fromRow, c));
      if (note !== undefined) movedNotes.set(key(toRow, c), note);
    }
  });
  for (const r of rows) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      sheet.cells.delete(key(r, c));
      sheet.notes.delete(key(r, c));
    }
  }
  for (const [k, cell] of moved) sheet.cells.set(k, cell);
  for (const [k, note] of movedNotes) sheet.notes.set(k, note);
}

/** Excel's error values, as a cell shows them. */
const EXCEL_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/;

/**
 * Moves every formula, name, table, note and chart for a structural edit, after refusing, as
 * Excel does, a shift it would not make (checkShift).
 */
export function applyEdit(wb: FakeWorkbook, edit: Edit): void {
  const sheet = edit.kind === "rows" || edit.kind === "cols" ? wb.sheetByName(edit.sheet) : null;
  if (sheet && (edit.kind === "rows" || edit.kind === "cols")) checkShift(wb, sheet, edit);
  for (const s of wb.sheets) {
    for (const cell of s.cells.values()) if (cell.formula !== null) cell.formula = adjustFormula(cell.formula, s.name, edit);
  }
  if (!sheet || edit.kind === "rename" || edit.kind === "delete-sheet") return;
  moveLines(sheet, edit);
  // Workbook names and every sheet's own names that refer to the sheet.
  for (const n of [...wb.names.values(), ...wb.sheets.flatMap((s) => [...s.names.values()])]) {
    if (n.sheetId !== sheet.id) continue;
    const r = shiftRect(n.rect, edit);
    if (r) n.rect = r;
    else {
      n.sheetId = null;
      n.formula = "=#REF!";
    }
  }
  wb.tables = wb.tables.filter((t) => {
    if (t.sheetId !== sheet.id) return true;
    const r = shiftRect(t.rect, edit);
    if (r) t.rect = r;
    return r !== null;
  });
  for (const c of sheet.charts) {
    const a = shiftRect({ top: c.anchor.row, left: c.anchor.col, bottom: c.anchor.row, right: c.anchor.col }, edit);
    if (a) c.anchor = { row: a.top, col: a.left };
  }
  // A chart's series reads its cells where they went (one deleted whole keeps its old address in the fake).
  for (const source of chartSources(wb)) {
    const r = source.sheetId === sheet.id ? shiftRect(source.rect, edit) : null;
    if (r) source.rect = r;
  }
}

/** The cells every chart's series reads: its values and its categories. */
function chartSources(wb: FakeWorkbook): { sheetId: string; rect: Rect }[] {
  return wb.sheets.flatMap((s) => s.charts.flatMap((c) => (c.categories ? [c.values, c.categories] : [c.values])));
}

/**
 * Refuses a shift as Excel does, before anything moves: one that would move part of a table
 * (InsertDeleteConflict; Excel says "This operation is not allowed. The operation is attempting
 * to shift cells in a table on your worksheet."), or push a cell that is not empty (content, a
 * format, a note) off the sheet (NonBlankCellOffSheet). A table inside the band moves or grows
 * whole; whole lines never split a table.
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (both codes)
 * https://learn.microsoft.com/answers/questions/5108506/excel-not-allowing-new-rows (the message, for Insert)
 */
function checkShift(wb: FakeWorkbook, sheet: SheetModel, edit: LineEdit): void {
  const rows = edit.kind === "rows";
  const band = edit.within;
  for (const t of wb.tables) {
    if (t.sheetId !== sheet.id || !band) continue;
    const [lo, hi] = rows ? [t.rect.left, t.rect.right] : [t.rect.top, t.rect.bottom];
    const far = rows ? t.rect.bottom : t.rect.right;
    if (lo <= band[1] && hi >= band[0] && far >= edit.at && !inBand(lo, hi, edit)) {
      throw new FakeOfficeError(
        "InsertDeleteConflict",
        `This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet (${t.name}).`,
      );
    }
  }
  if (edit.count <= 0) return;
  const last = rows ? MAX_ROW : MAX_COL;
  const pushedOff = (k: string): boolean => {
    const [row, col] = k.split(",").map(Number);
    const [along, across] = rows ? [row, col] : [col, row];
    return along >= edit.at && along + edit.count > last && inBand(across, across, edit);
  };
  const filled = [...sheet.cells].some(([k, c]) => pushedOff(k) && !isBlank(c)) || [...sheet.notes.keys()].some(pushedOff);
  if (filled) {
    throw new FakeOfficeError(
      "NonBlankCellOffSheet",
      "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
    );
  }
}

/** A cell with no content and no format of its own (as good as absent). */
function isBlank(c: FakeCell): boolean {
  return (
    c.value === null &&
    c.formula === null &&
    c.numberFormat === "General" &&
    !c.bold &&
    !c.italic &&
    !c.fontColor &&
    !c.fill &&
    !c.wrapText &&
    !c.horizontalAlignment
  );
}

/** Moves a sheet's cells and notes for rows or columns inserted or deleted (in the edit's band); deleted ones go. */
function moveLines(sheet: SheetModel, edit: LineEdit): void {
  const rows = edit.kind === "rows";
  const move = <T>(map: Map<string, T>): Map<string, T> => {
    const next = new Map<string, T>();
    for (const [k, v] of map) {
      const [row, col] = k.split(",").map(Number);
      if (!inBand(rows ? col : row, rows ? col : row, edit)) {
        next.set(k, v);
        continue;
      }
      const r = rows ? shiftIndex(row, edit.at, edit.count) : row;
      const c = rows ? col : shiftIndex(col, edit.at, edit.count);
      // What an insert pushes off the sheet is blank (checkShift refused the rest).
      if (r !== null && c !== null && r <= MAX_ROW && c <= MAX_COL) next.set(key(r, c), v);
    }
    return next;
  };
  sheet.cells = move(sheet.cells);
  sheet.notes = move(sheet.notes);
  // Rows a filter hides are whole sheet rows: they move when whole rows are inserted or deleted
  // (a deleted one is gone), not when cells shift within some columns (a table's new rows).
  if (rows && sheet.filtered && !edit.within)
    sheet.filtered = new Set(
      [...sheet.filtered].flatMap((r) => {
        const to = shiftIndex(r, edit.at, edit.count);
        return to === null ? [] : [to];
      }),
    );
}

/**
 * Inserts cells in place of `rect` and shifts the others down or right (Home › Insert › Insert
 * Cells, and Range.insert [ExcelApi 1.1]): only the cells of the rectangle's columns (down) or
 * rows (right) move, with the formulas, names, tables, notes and charts there; a rectangle that
 * spans the sheet inserts whole rows or columns. Refused as checkShift says.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)
 */
export function insertCells(wb: FakeWorkbook, sheet: SheetModel, rect: Rect, shift: "Down" | "Right"): void {
  const down = shift === "Down";
  const whole = down ? rect.left === 0 && rect.right === MAX_COL : rect.top === 0 && rect.bottom === MAX_ROW;
  applyEdit(wb, {
    kind: down ? "rows" : "cols",
    sheet: sheet.name,
    at: down ? rect.top : rect.left,
    count: down ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1,
    within: whole ? undefined : down ? [rect.left, rect.right] : [rect.top, rect.bottom],
  });
}

/** Deletes a sheet as Excel does: references to it become #REF!, its names too. */
export function removeSheet(wb: FakeWorkbook, m: SheetModel): void {
  applyEdit(wb, { kind: "delete-sheet", sheet: m.name });
  wb.sheets = wb.sheets.filter((s) => s !== m);
  wb.tables = wb.tables.filter((t) => t.sheetId !== m.id);
  for (const n of [...wb.names.values(), ...wb.sheets.flatMap((s) => [...s.names.values()])]) {
    if (n.sheetId === m.id) {
      n.sheetId = null;
      n.formula = "=#REF!";
    }
  }
  if (wb.activeSheetId === m.id || wb.selection.sheetId === m.id) {
    const next = wb.sheets.find((s) => s.visibility === "Visible") ?? wb.sheets[0];
    wb.activeSheetId = next.id;
    wb.selection = { sheetId: next.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }
}

/**
 * Copies a sheet as Move or Copy › Create a copy (or a Ctrl+drag of its tab) does, and returns the
 * copy's name ("Deal (2)"): cells with their formats, notes, column widths and charts, placed
 * before `before` or else right after the original. References of the sheet to itself point at
 * the copy. Each table gets the next free name (its name and a number: DealFigures2). Every
 * workbook name that refers to the sheet gets a sheet-scoped copy on the new sheet, as do the
 * sheet's own names (Microsoft KB Q104501; "Issues with Cloning Worksheets",
 * http://www.excelcodex.com/2012/06/defined-names-choosing-the-scope/).
 */
export function copySheet(wb: FakeWorkbook, name: string, before?: string): string {
  const src = wb.sheetByName(name);
  const taken = (n: string) => wb.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase());
  let k = 2;
  while (taken(`${src.name} (${k})`)) k++;
  const copyName = `${src.name} (${k})`;
  const rename = { kind: "rename", from: src.name, to: copyName } as const;
  const id = wb.newId("sheet");
  const cells = new Map(
    [...src.cells].map(([at, c]): [string, FakeCell] => [
      at,
      { ...c, formula: c.formula === null ? null : adjustFormula(c.formula, src.name, rename) },
    ]),
  );
  const on = (sheetId: string) => (sheetId === src.id ? id : sheetId);
  const copy: SheetModel = {
    ...src,
    id,
    name: copyName,
    cells,
    notes: new Map(src.notes),
    columnWidths: new Map(src.columnWidths),
    charts: src.charts.map((c) => ({
      ...c,
      id: wb.newId("chart"),
      values: { ...c.values, sheetId: on(c.values.sheetId) },
      categories: c.categories && { ...c.categories, sheetId: on(c.categories.sheetId) },
    })),
    names: new Map(),
  };
  for (const n of [...wb.names.values()].filter((x) => x.sheetId === src.id))
    copy.names.set(n.name.toUpperCase(), { ...n, sheetId: id, rect: { ...n.rect } });
  for (const n of src.names.values())
    copy.names.set(n.name.toUpperCase(), { ...n, sheetId: n.sheetId === null ? null : on(n.sheetId), rect: { ...n.rect } });
  const at = before === undefined ? wb.sheets.indexOf(src) + 1 : wb.sheets.indexOf(wb.sheetByName(before));
  wb.sheets.splice(at, 0, copy);
  for (const t of wb.tables.filter((x) => x.sheetId === src.id)) {
    let n = 2;
    while (wb.tableNameTaken(`${t.name}${n}`)) n++;
    wb.tables.push({ ...t, id: wb.newId("table"), name: `${t.name}${n}`, sheetId: id, rect: { ...t.rect } });
  }
  return copyName;
}
