/**
 * The add-in's names after the user sorted a figures table: Excel leaves a name on its cell, so
 * DEAL_AMOUNT would read another figure's row, or an empty row the user inserted in the table. A
 * name of the block that now points at the same column of another figure's row, or of an empty
 * row between its figures, is pointed back at its own figure; a name the user re-pointed anywhere
 * else, or defined again as their own (without the add-in's comment), stays theirs. Pure.
 */
import { toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { OWNED_PREFIX, type NameInfo } from "./insert";
import { keyCells } from "./keys";
import { cellIn, parseRef, type BlockArea, type Place } from "./locate";
import type { BlockRecord } from "./record";

export interface NameFix {
  readonly block: BlockId;
  readonly name: string;
  readonly comment: string;
  /** Where it points now, and the figure row that is. */
  readonly from: string;
  readonly fromKey: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly key: string;
}

/** The column part of a figure-row key: "fig|deal.amount|Used" → "Used"; null for other keys. */
function figureColumn(key: string): string | null {
  const [kind, , column] = key.split("|");
  return kind === "fig" && column !== undefined && !/^\d+,\d+$/.test(column) ? column : null;
}

/** The `fromKey` of a name left on an empty row of the table. */
export const EMPTY_ROW = "";

/**
 * Whether the cell at (row, col) of `area` is empty and below the header of the table that the
 * figure cell `key` is in: a row the user inserted in the table, which a sort may have moved.
 */
function emptyRowOfTable(area: BlockArea, places: ReadonlyMap<string, Place>, key: string, row: number, col: number): boolean {
  const header = [...places].find(
    ([k, p]) => p.state === "here" && k.startsWith("head|") && k.endsWith(`|${figureColumn(key)}`) && p.col === col,
  )?.[1];
  const now = cellIn(area, row, col);
  return header?.state === "here" && row > header.row && (now === null || now === "");
}

export function nameFixes(
  record: BlockRecord,
  spec: SheetSpec,
  places: ReadonlyMap<string, Place>,
  area: BlockArea,
  names: readonly NameInfo[],
): NameFix[] {
  const sheet = area.sheet;
  const keyAt = new Map(keyCells(spec).map((k) => [toA1(k.cell.row, k.cell.col), k.key]));
  const here = new Map<string, string>();
  for (const [key, place] of places) if (place.state === "here") here.set(`${place.row},${place.col}`, key);
  const byName = new Map(names.map((n) => [n.name.toUpperCase(), n]));
  const ours = new Set(record.meta.names.map((n) => n.toUpperCase()));
  const fixes: NameFix[] = [];
  for (const n of spec.names) {
    const info = byName.get(n.name.toUpperCase());
    const key = keyAt.get(toA1(n.row, n.col));
    const place = key ? places.get(key) : undefined;
    const at = info?.type === "Range" ? parseRef(`=${info.value}`) : null;
    // A name the user defined again (without the add-in's comment) is theirs, wherever it points.
    if (
      !ours.has(n.name.toUpperCase()) ||
      !info ||
      !info.comment.startsWith(OWNED_PREFIX) ||
      !key ||
      place?.state !== "here" ||
      !at ||
      at.sheet.toLowerCase() !== sheet.toLowerCase()
    )
      continue;
    if (at.row === place.row && at.col === place.col) continue;
    // Left by a sort on another figure's row, or on an empty row the user inserted in the table.
    const fromKey =
      here.get(`${at.row},${at.col}`) ??
      (at.col === place.col && emptyRowOfTable(area, places, key, at.row, at.col) ? EMPTY_ROW : undefined);
    if (fromKey === undefined || (fromKey !== EMPTY_ROW && (figureColumn(fromKey) === null || figureColumn(fromKey) !== figureColumn(key))))
      continue;
    fixes.push({
      block: record.meta.block,
      name: info.name,
      comment: info.comment,
      from: toA1(at.row, at.col),
      fromKey,
      sheet,
      row: place.row,
      col: place.col,
      key,
    });
  }
  return fixes;
}
