/**
 * The figures file decides what a block's tables show. A row whose id the file has and the
 * workbook's table lacks (never written there: a figure or source the desk added) is added at the
 * end of the table by Apply, with its name when the figure has one; a row the add-in wrote whose id
 * the file no longer has is marked retracted in the table's mark column (`TableSpec.retractIn`),
 * never deleted and never left unsaid. Both are listed in the review and logged. A row the user
 * deleted is not added again (the record knows it was written), and a table laid out by an older
 * build (its rows were never recorded by id) gets no rows: the review says so. Pure.
 */
import { toA1 } from "../sheets/a1";
import type { BlockId, CellSpec, SheetSpec, TableSpec } from "../sheets/spec";
import { moveReferences } from "./formula-refs";
import type { KeyedCell } from "./keys";
import { rowIdOf, type Place, type TablePlace } from "./locate";
import type { BlockRecord } from "./record";
import type { Growth } from "./shift";
import { writtenOf, type Written } from "./written";

/** What a retracted row's mark column says. */
export const RETRACTED = "retracted: no longer in the figures file";

/** The mark on a figure's row when the figures file now shows the figure in another block's table. */
export function movedMark(sheetTitle: string): string {
  return `moved: the figures file now shows it on the ${sheetTitle} sheet`;
}

/** One cell of a row Apply adds: the spec's cell and the column it goes in. */
export interface AddedCell {
  readonly key: string;
  readonly header: string;
  readonly col: number;
  readonly cell: CellSpec;
}

/** A row Apply adds at the end of a table. */
export interface RowAddition {
  /** "<block>|add|<table>|<id>": how the review lists it and the log names it. */
  readonly id: string;
  readonly block: BlockId;
  /** The table's name in the spec, and in the workbook. */
  readonly table: string;
  readonly tableName: string;
  readonly rowId: string;
  readonly label: string;
  readonly sheet: string;
  /** The row it takes, counted before any addition (the table's last row + 1 + index). */
  readonly row: number;
  /** Its place among the table's new rows. */
  readonly index: number;
  readonly cells: readonly AddedCell[];
}

/** What Apply writes in each cell of a new row that lands on `row`: its references to its own row moved there. */
export function addedContents(addition: RowAddition, row: number): { key: string; col: number; cell: CellSpec; content: Written }[] {
  const rowMoves = new Map(addition.cells.map((c) => [toA1(c.cell.row, c.cell.col), { row, col: c.col }]));
  return addition.cells.flatMap((c): { key: string; col: number; cell: CellSpec; content: Written }[] => {
    const w = writtenOf(c.cell);
    if (w === null || typeof w !== "object") return [{ key: c.key, col: c.col, cell: c.cell, content: w }];
    const formula = moveReferences(w.formula, rowMoves);
    return formula === null ? [] : [{ key: c.key, col: c.col, cell: c.cell, content: { formula } }];
  });
}

export interface TableGrowth extends Growth {
  readonly table: string;
  readonly tableName: string;
  /** The columns of the workbook table, for one value per column. */
  readonly width: number;
}

/** The spec's table rows by table and id, in spec order. */
export function specRows(spec: SheetSpec, keyed: readonly KeyedCell[]): Map<string, Map<string, KeyedCell[]>> {
  const out = new Map<string, Map<string, KeyedCell[]>>();
  for (const t of spec.tables) out.set(t.name, new Map());
  for (const k of keyed) {
    if (!k.table) continue;
    const rows = out.get(k.table.name) as Map<string, KeyedCell[]>;
    const id = rowIdOf(k.key);
    rows.set(id, [...(rows.get(id) ?? []), k]);
  }
  return out;
}

/** A table's new rows (ids the workbook's table lacks and the record never wrote), and the growth they make. */
export function tableAdditions(
  record: BlockRecord,
  spec: TableSpec,
  rows: ReadonlyMap<string, KeyedCell[]>,
  t: TablePlace | undefined,
  labelOf: (id: string) => string,
): { additions: RowAddition[]; growth: TableGrowth | null; legacy: boolean; unadded: string[] } {
  const recorded = new Set(record.cells.filter((c) => c.table?.name === spec.name).map((c) => rowIdOf(c.key)));
  const fresh = [...rows.keys()].filter((id) => !recorded.has(id) && !t?.rows.has(id));
  // A table whose rows were never recorded by id was laid out by an older build: it is not extended.
  const legacy = recorded.size === 0;
  if (fresh.length === 0 || legacy || !t) return { additions: [], growth: null, legacy: legacy && fresh.length > 0, unadded: [] };
  // Found by its headers and ids but no longer an Excel table (Convert to Range): rows are added
  // only to a table, which moves what is below it; over plain cells they could land on the user's.
  if (!t.table) return { additions: [], growth: null, legacy: false, unadded: fresh };
  const bottom = t.table.bottom;
  const { left, right } = t.table;
  const additions = fresh.map((id, index): RowAddition => {
    const cells = (rows.get(id) ?? []).flatMap((kc): AddedCell[] => {
      const header = kc.table?.header ?? "";
      const col = t.col(header);
      // Only inside the table: its new row is all TableRowCollection.add writes (a column placed
      // outside it, as when the header row was deleted, has no cell in that row).
      return col === null || col < left || col > right ? [] : [{ key: kc.key, header, col, cell: kc.cell }];
    });
    return {
      id: `${record.meta.block}|add|${spec.name}|${id}`,
      block: record.meta.block,
      table: spec.name,
      tableName: t.table?.name ?? spec.name,
      rowId: id,
      label: labelOf(id),
      sheet: t.sheet,
      row: bottom + 1 + index,
      index,
      cells,
    };
  });
  const growth: TableGrowth = {
    table: spec.name,
    tableName: t.table.name,
    sheet: t.sheet,
    bottom,
    left: t.table.left,
    right: t.table.right,
    count: additions.length,
    width: t.table.right - t.table.left + 1,
  };
  return { additions, growth, legacy: false, unadded: [] };
}

/** The recorded rows of a table whose ids the new figures no longer have, with the cell that marks each. */
export function retractedRows(
  record: BlockRecord,
  spec: TableSpec,
  rows: ReadonlyMap<string, KeyedCell[]>,
  places: ReadonlyMap<string, Place>,
): { key: string; rowId: string; place: Place & { state: "here" } }[] {
  if (!spec.retractIn) return [];
  const out: { key: string; rowId: string; place: Place & { state: "here" } }[] = [];
  for (const c of record.cells) {
    if (c.table?.name !== spec.name || c.table.header !== spec.retractIn || rows.has(rowIdOf(c.key))) continue;
    const place = places.get(c.key);
    if (place?.state === "here") out.push({ key: c.key, rowId: rowIdOf(c.key), place });
  }
  return out;
}
