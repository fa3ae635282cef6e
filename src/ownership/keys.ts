/**
 * A stable identity for every cell of a block, from what the cell means rather than where it
 * sits: `fig|deal.amount|Reported` (a figure's row in a table, found again by the table's Id
 * column), `head|DealFigures|Used` (a table's header), `fig|<fact>|1,0` (a fact's cells),
 * `row|<row label>|<column>` (a labelled row), `pos|<row>,<column>` (anything else). Keys let an
 * update find a cell after the user inserted, deleted or sorted rows, and let a newer build of the
 * add-in refresh cells whose position in its layout changed.
 */
import type { CellSpec, SheetSpec, TableSpec } from "../sheets/spec";

/** The header of the column that holds each figure's id in a figures table. */
export const ID_HEADER = "Id";

export interface KeyedCell {
  readonly key: string;
  readonly cell: CellSpec;
  /** For a cell in a table's body: the table and its column's header (rows are found by Id). */
  readonly table?: { readonly name: string; readonly header: string };
}

function tableAt(spec: SheetSpec, cell: CellSpec): TableSpec | undefined {
  return spec.tables.find((t) => cell.row >= t.top && cell.row <= t.bottom && cell.col >= t.left && cell.col <= t.right);
}

function headerOf(spec: SheetSpec, table: TableSpec, col: number): string {
  const head = spec.cells.find((c) => c.row === table.top && c.col === col);
  return typeof head?.value === "string" ? head.value : `column ${col - table.left}`;
}

/** Whether a table has an Id column, so its rows can be found by figure id. */
export function hasIdColumn(spec: SheetSpec, table: TableSpec): boolean {
  return spec.cells.some((c) => c.row === table.top && c.value === ID_HEADER && c.col >= table.left && c.col <= table.right);
}

function baseKey(spec: SheetSpec, cell: CellSpec, firstRowOf: Map<string, number>): Omit<KeyedCell, "cell"> {
  const dr = cell.row - spec.origin.row;
  const dc = cell.col - spec.origin.col;
  const table = tableAt(spec, cell);
  if (table && cell.row === table.top) return { key: `head|${table.name}|${headerOf(spec, table, cell.col)}` };
  if (table && cell.figureId !== undefined && hasIdColumn(spec, table)) {
    const header = headerOf(spec, table, cell.col);
    return { key: `fig|${cell.figureId}|${header}`, table: { name: table.name, header } };
  }
  if (cell.figureId !== undefined) {
    const first = firstRowOf.get(cell.figureId) ?? cell.row;
    return { key: `fig|${cell.figureId}|${cell.row - first},${dc}` };
  }
  const label = spec.cells.find((c) => c.row === cell.row && c.col === spec.origin.col);
  if (typeof label?.value === "string" && label.value !== "") return { key: `row|${label.value}|${dc}` };
  return { key: `pos|${dr},${dc}` };
}

/** Every cell of the spec with its key; a key that repeats gets "#2", "#3" in spec order. */
export function keyCells(spec: SheetSpec): KeyedCell[] {
  const firstRowOf = new Map<string, number>();
  for (const c of spec.cells) {
    if (c.figureId !== undefined && !firstRowOf.has(c.figureId)) firstRowOf.set(c.figureId, c.row);
  }
  const seen = new Map<string, number>();
  return spec.cells.map((cell) => {
    const base = baseKey(spec, cell, firstRowOf);
    const n = (seen.get(base.key) ?? 0) + 1;
    seen.set(base.key, n);
    return { ...base, key: n === 1 ? base.key : `${base.key}#${n}`, cell };
  });
}
