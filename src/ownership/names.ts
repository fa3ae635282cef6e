/**
 * The add-in's names after the user sorted a figures table: Excel leaves a name on its cell, so
 * DEAL_AMOUNT would read another figure's row. A name of the block that now points at the same
 * column of another figure's row is pointed back at its own figure; a name the user re-pointed
 * anywhere else, or defined again as their own (without the add-in's comment), stays theirs. Pure.
 */
import { toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { OWNED_PREFIX, type NameInfo } from "./insert";
import { keyCells } from "./keys";
import { parseRef, type Place } from "./locate";
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

export function nameFixes(record: BlockRecord, spec: SheetSpec, places: ReadonlyMap<string, Place>, sheet: string, names: readonly NameInfo[]): NameFix[] {
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
    if (!ours.has(n.name.toUpperCase()) || !info || !info.comment.startsWith(OWNED_PREFIX) || !key || place?.state !== "here" || !at || at.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    if (at.row === place.row && at.col === place.col) continue;
    const fromKey = here.get(`${at.row},${at.col}`);
    if (!fromKey || figureColumn(fromKey) === null || figureColumn(fromKey) !== figureColumn(key)) continue;
    fixes.push({ block: record.meta.block, name: info.name, comment: info.comment, from: toA1(at.row, at.col), fromKey, sheet, row: place.row, col: place.col, key });
  }
  return fixes;
}
