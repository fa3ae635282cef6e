/**
 * Cell references inside formulas, found and rewritten as Excel does when cells move: a block's
 * formulas refer to its own cells by A1 address, and an update compares and writes them at the
 * cells' current places. Text in quotes, names (DEAL_AMOUNT), function names (LOG10) and
 * references to other sheets are left as they are.
 */
import { parseA1, toA1, type Anchor } from "../sheets/a1";

/** A local A1 reference, not part of a longer name, not a function call, not sheet-qualified. */
const REF = /(?<![A-Za-z0-9_.$!'\]])(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!.])/g;

function anchorOf(absCol: boolean, absRow: boolean): Anchor {
  if (absCol && absRow) return "absolute";
  if (absRow) return "row";
  if (absCol) return "col";
  return "relative";
}

/** Applies `f` to each local reference outside string literals; null from `f` fails the whole. */
function rewrite(formula: string, f: (row: number, col: number) => { row: number; col: number } | null): string | null {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  let failed = false;
  const out = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    return part.replace(REF, (whole, absCol: string, letters: string, absRow: string, digits: string) => {
      let at;
      try {
        at = parseA1(`${letters}${digits}`);
      } catch {
        return whole;
      }
      const moved = f(at.row, at.col);
      if (!moved) {
        failed = true;
        return whole;
      }
      return toA1(moved.row, moved.col, anchorOf(absCol === "$", absRow === "$"));
    });
  });
  return failed ? null : out.join("");
}

/** The local cell references of a formula, as "B5" addresses. */
export function referencedCells(formula: string): string[] {
  const found: string[] = [];
  rewrite(formula, (row, col) => {
    found.push(toA1(row, col));
    return { row, col };
  });
  return found;
}

/** The formula with every local reference at (row, col) replaced by `to(row, col)` (anchors kept). */
export function mapReferences(formula: string, to: (row: number, col: number) => { row: number; col: number }): string {
  return rewrite(formula, to) as string;
}

/**
 * The formula with each reference to a cell in `moves` ("B5" → its new place) rewritten; null
 * when it refers to a cell that `moves` does not know (the result would be a guess).
 */
export function moveReferences(formula: string, moves: ReadonlyMap<string, { row: number; col: number }>): string | null {
  return rewrite(formula, (row, col) => moves.get(toA1(row, col)) ?? null);
}
