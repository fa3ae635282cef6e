/**
 * How Excel moves references when the user changes a workbook's structure, for the fake host:
 * rows or columns inserted or deleted (whole, or cells shifted down or right within a band of
 * columns or rows), a sheet renamed or deleted, cells copied or sorted. Every formula, name,
 * table, note and chart of the fake goes through these, as Excel's own do.
 * Plain functions of plain data; no Office types.
 */
import { columnIndex, columnLetter, type Rect } from "./a1";

export type { Rect };

/**
 * Rows or columns inserted (count > 0) or deleted (count < 0) at a 0-based index of a sheet. With
 * `within`, only the cells of that band of the other axis shift (Range.insert of a part of a row:
 * "rows" within columns [left, right] shifts those columns' cells down); without it, whole lines.
 */
export interface LineEdit {
  readonly kind: "rows" | "cols";
  readonly sheet: string;
  readonly at: number;
  readonly count: number;
  readonly within?: readonly [number, number];
}

/**
 * Whether cells spanning [lo, hi] on the axis across the edit shift with it: all do for whole
 * lines; for a band, only those inside it. A range reaching outside the band keeps its address,
 * as Excel keeps a reference it cannot move whole.
 */
export function inBand(lo: number, hi: number, edit: LineEdit): boolean {
  return !edit.within || (lo >= edit.within[0] && hi <= edit.within[1]);
}

export type Edit =
  | LineEdit
  | { readonly kind: "rename"; readonly from: string; readonly to: string }
  | { readonly kind: "delete-sheet"; readonly sheet: string };

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function unquote(prefix: string): string {
  const bare = prefix.slice(0, -1);
  return bare.startsWith("'") ? bare.slice(1, -1).replace(/''/g, "'") : bare;
}

/** An index after the edit of its axis; null when the index itself was deleted. */
export function shiftIndex(i: number, at: number, count: number): number | null {
  if (count >= 0) return i >= at ? i + count : i;
  const gone = -count;
  if (i < at) return i;
  if (i < at + gone) return null;
  return i - gone;
}

/** A span [a, b] after an edit of its axis: it grows around inserted lines, shrinks for deleted ones. */
export function shiftSpan(a: number, b: number, at: number, count: number): [number, number] | null {
  if (count >= 0) return [a >= at ? a + count : a, b >= at ? b + count : b];
  const gone = -count;
  const deleted = (i: number) => i >= at && i < at + gone;
  const keep = (i: number) => (i < at ? i : i - gone);
  if (deleted(a) && deleted(b)) return null;
  // A deleted end moves to the nearest surviving line, in the coordinates after the edit.
  const first = deleted(a) ? at : keep(a);
  const last = deleted(b) ? at - 1 : keep(b);
  return last < first ? null : [first, last];
}

/** A rectangle on the edited sheet after a row or column edit; null when it was deleted whole; unchanged when it reaches outside the edit's band. */
export function shiftRect(r: Rect, edit: LineEdit): Rect | null {
  if (!(edit.kind === "rows" ? inBand(r.left, r.right, edit) : inBand(r.top, r.bottom, edit))) return r;
  if (edit.kind === "rows") {
    const span = shiftSpan(r.top, r.bottom, edit.at, edit.count);
    return span ? { ...r, top: span[0], bottom: span[1] } : null;
  }
  const span = shiftSpan(r.left, r.right, edit.at, edit.count);
  return span ? { ...r, left: span[0], right: span[1] } : null;
}

const REF =
  /(?<![A-Za-z0-9_.$'\]])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?::(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7}))?(?![A-Za-z0-9_(!.])/g;

interface Ref {
  prefix: string;
  a: { absCol: boolean; col: number; absRow: boolean; row: number };
  b: { absCol: boolean; col: number; absRow: boolean; row: number } | null;
}

function show(p: Ref["a"]): string {
  return `${p.absCol ? "$" : ""}${columnLetter(p.col)}${p.absRow ? "$" : ""}${p.row + 1}`;
}

/** Applies `f` to each reference outside string literals. */
function mapRefs(formula: string, f: (ref: Ref) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (_whole: string, prefix: string | undefined, c1, l1, r1, d1, c2, l2, r2, d2) => {
            const a = { absCol: c1 === "$", col: columnIndex(l1), absRow: r1 === "$", row: Number(d1) - 1 };
            const b = l2 ? { absCol: c2 === "$", col: columnIndex(l2), absRow: r2 === "$", row: Number(d2) - 1 } : null;
            return f({ prefix: prefix ?? "", a, b });
          }),
    )
    .join("");
}

function lineEditRef(ref: Ref, edit: LineEdit): string {
  const rows = edit.kind === "rows";
  const get = (p: Ref["a"]) => (rows ? p.row : p.col);
  const put = (p: Ref["a"], v: number) => (rows ? { ...p, row: v } : { ...p, col: v });
  const across = (p: Ref["a"]) => (rows ? p.col : p.row);
  const end = ref.b ?? ref.a;
  if (!inBand(Math.min(across(ref.a), across(end)), Math.max(across(ref.a), across(end)), edit))
    return ref.prefix + show(ref.a) + (ref.b ? `:${show(ref.b)}` : "");
  if (!ref.b) {
    const v = shiftIndex(get(ref.a), edit.at, edit.count);
    return v === null ? `${ref.prefix}#REF!` : ref.prefix + show(put(ref.a, v));
  }
  const span = shiftSpan(get(ref.a), get(ref.b), edit.at, edit.count);
  return span === null ? `${ref.prefix}#REF!` : `${ref.prefix}${show(put(ref.a, span[0]))}:${show(put(ref.b, span[1]))}`;
}

/** A formula that sits on `hostSheet` after the edit. */
export function adjustFormula(formula: string, hostSheet: string, edit: Edit): string {
  return mapRefs(formula, (ref) => {
    const target = ref.prefix ? unquote(ref.prefix) : hostSheet;
    const same = (name: string) => target.toLowerCase() === name.toLowerCase();
    const text = ref.prefix + show(ref.a) + (ref.b ? `:${show(ref.b)}` : "");
    if (edit.kind === "rename") return ref.prefix && same(edit.from) ? `${quoteSheetName(edit.to)}!${text.slice(ref.prefix.length)}` : text;
    if (edit.kind === "delete-sheet") return same(edit.sheet) ? "#REF!" : text;
    return same(edit.sheet) ? lineEditRef(ref, edit) : text;
  });
}

/** A formula copied by (dRow, dCol): relative parts move, $-anchored parts stay. */
export function shiftRelative(formula: string, dRow: number, dCol: number): string {
  return mapRefs(formula, (ref) => {
    const move = (p: Ref["a"]) => ({ ...p, row: p.absRow ? p.row : p.row + dRow, col: p.absCol ? p.col : p.col + dCol });
    const a = move(ref.a);
    const b = ref.b ? move(ref.b) : null;
    if (a.row < 0 || a.col < 0 || (b && (b.row < 0 || b.col < 0))) return `${ref.prefix}#REF!`;
    return ref.prefix + show(a) + (b ? `:${show(b)}` : "");
  });
}

/** Cells cut from a rectangle of one sheet and pasted with their top-left at (row, col) of another (or the same). */
export interface Move {
  readonly from: string;
  readonly rect: Rect;
  readonly to: string;
  readonly row: number;
  readonly col: number;
}

/** Where a cell is after the move: moved when it was inside the cut rectangle, else where it was. */
export function movedCell(sheet: string, row: number, col: number, move: Move): { sheet: string; row: number; col: number } {
  const r = move.rect;
  const inside = sheet.toLowerCase() === move.from.toLowerCase() && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  return inside ? { sheet: move.to, row: row - r.top + move.row, col: col - r.left + move.col } : { sheet, row, col };
}

/**
 * Whether a rectangle of `sheet` was pasted over by the move, so that references to it become
 * #REF!: every cell of it lies in the destination rectangle and none in the cut one (a cell of
 * the destination that was cut too moves with the cut cells; references to it follow them). A
 * rectangle only partly pasted over is not: its references stay as they were.
 */
export function pastedOver(sheet: string, r: Rect, move: Move): boolean {
  const h = move.rect.bottom - move.rect.top;
  const w = move.rect.right - move.rect.left;
  const dst = { top: move.row, left: move.col, bottom: move.row + h, right: move.col + w };
  const within = (a: Rect, b: Rect) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
  const meets = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
  const same = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();
  return same(sheet, move.to) && within(r, dst) && !(same(sheet, move.from) && meets(r, move.rect));
}

/**
 * A formula on `hostSheet` after cells were cut and pasted: references to cut cells follow them,
 * a range follows only when it was inside the cut rectangle whole (as Excel does); a reference to
 * cells the paste landed on that were not cut themselves becomes #REF! (a range only when all of
 * it was pasted over). `hostAfter` is the formula's sheet after the move (the destination, for a
 * formula that was cut too).
 */
export function adjustForMove(formula: string, hostSheet: string, move: Move, hostAfter: string = hostSheet): string {
  return mapRefs(formula, (ref) => {
    const target = ref.prefix ? unquote(ref.prefix) : hostSheet;
    const a = movedCell(target, ref.a.row, ref.a.col, move);
    const b = ref.b ? movedCell(target, ref.b.row, ref.b.col, move) : a;
    const movedA = a.sheet !== target || a.row !== ref.a.row || a.col !== ref.a.col;
    const movedB = !ref.b || b.sheet !== target || b.row !== ref.b.row || b.col !== ref.b.col;
    if (!movedA || !movedB) {
      const end = ref.b ?? ref.a;
      const rect = {
        top: Math.min(ref.a.row, end.row),
        left: Math.min(ref.a.col, end.col),
        bottom: Math.max(ref.a.row, end.row),
        right: Math.max(ref.a.col, end.col),
      };
      // A formula cut to another sheet keeps pointing at the cells of its old sheet.
      const prefix = ref.prefix || (hostAfter.toLowerCase() !== hostSheet.toLowerCase() ? `${quoteSheetName(hostSheet)}!` : "");
      if (pastedOver(target, rect, move)) return `${prefix}#REF!`;
      return prefix + show(ref.a) + (ref.b ? `:${show(ref.b)}` : "");
    }
    const prefix =
      a.sheet.toLowerCase() !== hostAfter.toLowerCase() || (ref.prefix && hostAfter === hostSheet) ? `${quoteSheetName(a.sheet)}!` : "";
    return prefix + show({ ...ref.a, row: a.row, col: a.col }) + (ref.b ? `:${show({ ...ref.b, row: b.row, col: b.col })}` : "");
  });
}
