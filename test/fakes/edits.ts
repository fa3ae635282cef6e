/**
 * The user's structural edits applied to the fake's workbook, as Excel applies them: rows or
 * columns inserted or deleted move cells, notes, names, tables and chart anchors, and every
 * formula that refers to them (structure.ts rewrites the references); a deleted sheet turns the
 * references and names that pointed at it into #REF!; a copy moves relative references; a cut
 * moves the cells and everything that referred to them, and what referred to the cells it pasted
 * over gets #REF!; a sort moves a table's rows.
 */
import { parseRect, key, type Rect } from "./a1";
import { emptyCell, type FakeCell } from "./cells";
import { FakeOfficeError } from "./errors";
import {
  adjustForMove,
  adjustFormula,
  movedCell,
  pastedOver,
  shiftIndex,
  shiftRect,
  shiftRelative,
  type Edit,
  type LineEdit,
} from "./structure";
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
 */
export function moveCells(wb: FakeWorkbook, fromSheet: string, address: string, toSheet: string, to: string): void {
  const src = wb.sheetByName(fromSheet);
  const dst = wb.sheetByName(toSheet);
  const rect = parseRect(address);
  const at = wb.cellRef(to);
  if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a range.`);
  const move = { from: src.name, rect, to: dst.name, row: at.row, col: at.col };
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
  wb.tables = wb.tables.filter((t) => {
    const moved = follow(t.sheetId, t.rect);
    if (moved) Object.assign(t, moved);
    return moved !== null || !lost(t.sheetId, t.rect);
  });
}

/** Sorts a table's body rows by one of its columns (0-based within the table), as Data › Sort does; blanks go last. */
export function sortTable(wb: FakeWorkbook, tableName: string, column: number, descending = false): void {
  const t = wb.tables.find((x) => x.name.toUpperCase() === tableName.toUpperCase());
  if (!t) throw new FakeOfficeError("ItemNotFound", `There is no table named "${tableName}".`);
  const sheet = wb.sheetById(t.sheetId);
  const rows: number[] = [];
  for (let r = t.rect.top + 1; r <= t.rect.bottom; r++) rows.push(r);
  const sortKey = (r: number) => sheet.cells.get(key(r, t.rect.left + column))?.value ?? null;
  // Excel's order: numbers, then text, then TRUE/FALSE; blank cells last in either direction.
  // https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654
  const rank = (v: unknown) => (typeof v === "number" ? 0 : typeof v === "string" && v !== "" ? 1 : typeof v === "boolean" ? 2 : 3);
  const order = [...rows].sort((x, y) => {
    const a = sortKey(x);
    const b = sortKey(y);
    if (rank(a) === 3 || rank(b) === 3) return rank(a) - rank(b);
    const c =
      rank(a) !== rank(b) ? rank(a) - rank(b) : typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
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

/** Moves every formula, name, table, note and chart for a structural edit. */
export function applyEdit(wb: FakeWorkbook, edit: Edit): void {
  for (const s of wb.sheets) {
    for (const cell of s.cells.values()) if (cell.formula !== null) cell.formula = adjustFormula(cell.formula, s.name, edit);
  }
  if (edit.kind === "rename") return;
  if (edit.kind === "delete-sheet") return;
  const sheet = wb.sheetByName(edit.sheet);
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
}

/** Moves a sheet's cells and notes for rows or columns inserted or deleted; deleted ones go. */
function moveLines(sheet: SheetModel, edit: LineEdit): void {
  const move = <T>(map: Map<string, T>): Map<string, T> => {
    const next = new Map<string, T>();
    for (const [k, v] of map) {
      const [row, col] = k.split(",").map(Number);
      const r = edit.kind === "rows" ? shiftIndex(row, edit.at, edit.count) : row;
      const c = edit.kind === "cols" ? shiftIndex(col, edit.at, edit.count) : col;
      if (r !== null && c !== null) next.set(key(r, c), v);
    }
    return next;
  };
  sheet.cells = move(sheet.cells);
  sheet.notes = move(sheet.notes);
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
