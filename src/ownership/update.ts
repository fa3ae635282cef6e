/**
 * What an update does to one block, decided from plain data: the record of what the add-in
 * last wrote, the block's cells as they are now, and the new spec. Pure and deterministic; the
 * review shows exactly this plan and Apply writes exactly this plan.
 *
 * For each cell the new spec gives the add-in:
 * - unchanged since the add-in wrote it, and the new content differs → a refresh;
 * - changed by the user, and different from the new content → a conflict, kept unless accepted;
 * - already what the new spec says → nothing, the record adopts it;
 * - the user's cells (overrides, inputs) → never written;
 * - a cell that was deleted, moved off the block's sheet or duplicated → never written, and said.
 */
import { sheetRef, toA1 } from "../sheets/a1";
import type { BlockId, CellSpec, SheetSpec } from "../sheets/spec";
import { moveReferences } from "./formula-refs";
import { keyCells, type KeyedCell } from "./keys";
import { locate, movesOf, type BlockArea, type Place } from "./locate";
import type { BlockRecord, TrackedCell } from "./record";
import type { NameInfo } from "./insert";
import { nameFixes, type NameFix } from "./names";
import { sameWritten, writtenOf, type Written } from "./written";

export interface CellChange {
  /** Stable id of the change: "<block>|<cell key>". */
  readonly id: string;
  readonly kind: "refresh" | "conflict";
  readonly block: BlockId;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly cell: CellSpec;
  readonly now: Written;
  readonly next: Written;
}

export interface NoteChange {
  readonly block: BlockId;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly from: string;
  readonly to: string;
}

/** Something of the block that is gone or out of reach, for the review to say. */
export interface Missing {
  readonly key: string;
  readonly state: "deleted" | "moved-away" | "duplicated";
  readonly cell: CellSpec | undefined;
}

export interface BlockPlan {
  readonly block: BlockId;
  readonly sheet: string;
  readonly changes: readonly CellChange[];
  readonly notes: readonly NoteChange[];
  readonly missing: readonly Missing[];
  /** Cells of the new layout the recorded block has no place for (a newer build's new rows). */
  readonly unplaced: number;
  /** False when the record was rebuilt: every difference counted as the user's. */
  readonly recordComplete: boolean;
  /** The block's names that a sort left on another figure's row, pointed back by Apply. */
  readonly names: readonly NameFix[];
  /** The record after Apply if no conflict is accepted. */
  readonly record: BlockRecord;
}

interface Context {
  readonly record: BlockRecord;
  readonly places: ReadonlyMap<string, Place>;
  readonly atMoves: ReadonlyMap<string, { row: number; col: number }>;
  readonly specMoves: ReadonlyMap<string, { row: number; col: number }>;
}

/** The content rewritten to the cells' places now; null when a reference cannot be placed. */
function placed(w: Written | undefined, moves: ReadonlyMap<string, { row: number; col: number }>): Written | undefined | null {
  if (w === undefined || w === null || typeof w !== "object") return w;
  const formula = moveReferences(w.formula, moves);
  return formula === null ? null : { formula };
}

function specMovesOf(keyed: readonly KeyedCell[], places: ReadonlyMap<string, Place>): Map<string, { row: number; col: number }> {
  const moves = new Map<string, { row: number; col: number }>();
  for (const { key, cell } of keyed) {
    const place = places.get(key);
    if (place?.state === "here") moves.set(toA1(cell.row, cell.col), { row: place.row, col: place.col });
  }
  return moves;
}

type Decision =
  { readonly change?: CellChange; readonly written: Written | undefined } | { readonly skip: "unplaced" | "missing" | "user" };

function decide(ctx: Context, area: BlockArea, keyed: KeyedCell, tracked: TrackedCell | undefined): Decision {
  if (!tracked) return { skip: "unplaced" };
  if (tracked.owner === "user" || keyed.cell.owner === "user") return { skip: "user" };
  const place = ctx.places.get(keyed.key);
  if (place?.state !== "here") return { skip: "missing" };
  const next = placed(writtenOf(keyed.cell), ctx.specMoves);
  if (next === null || next === undefined) return { skip: "unplaced" };
  const last = placed(tracked.written, ctx.atMoves);
  const change = (kind: CellChange["kind"]): CellChange => ({
    id: `${ctx.record.meta.block}|${keyed.key}`,
    kind,
    block: ctx.record.meta.block,
    sheet: area.sheet,
    row: place.row,
    col: place.col,
    cell: keyed.cell,
    now: place.now,
    next,
  });
  if (last !== undefined && last !== null && sameWritten(place.now, last)) {
    return sameWritten(last, next) ? { written: next } : { change: change("refresh"), written: next };
  }
  if (sameWritten(place.now, next)) return { written: next };
  return { change: change("conflict"), written: last ?? undefined };
}

function noteChange(ctx: Context, area: BlockArea, keyed: KeyedCell, tracked: TrackedCell | undefined): NoteChange | null {
  const place = ctx.places.get(keyed.key);
  if (!tracked?.note || keyed.cell.note === undefined || tracked.note === keyed.cell.note || place?.state !== "here") return null;
  return { block: ctx.record.meta.block, sheet: area.sheet, row: place.row, col: place.col, from: tracked.note, to: keyed.cell.note };
}

/** A recorded cell as it is recorded after Apply, at its place now. */
function nextTracked(tracked: TrackedCell, place: Place | undefined, sheet: string, written: Written | undefined): TrackedCell {
  if (place?.state !== "here") return tracked;
  const ref = tracked.table ? "" : `=${sheetRef(sheet, place.row, place.col)}`;
  return { ...tracked, at: toA1(place.row, place.col), ref, written };
}

/** The update plan of one block whose area was read as `area`. */
export function planBlock(record: BlockRecord, spec: SheetSpec, area: BlockArea, names: readonly NameInfo[] = []): BlockPlan {
  const places = locate(record, area);
  const keyed = keyCells(spec);
  const ctx: Context = { record, places, atMoves: movesOf(record, places), specMoves: specMovesOf(keyed, places) };
  const trackedByKey = new Map(record.cells.map((c) => [c.key, c]));
  const changes: CellChange[] = [];
  const notes: NoteChange[] = [];
  const nextCells = new Map<string, TrackedCell>();
  let unplaced = 0;
  for (const k of keyed) {
    const tracked = trackedByKey.get(k.key);
    const d = decide(ctx, area, k, tracked);
    if ("skip" in d) {
      if (d.skip === "unplaced") unplaced++;
      continue;
    }
    if (d.change) changes.push(d.change);
    const note = noteChange(ctx, area, k, tracked);
    if (note) notes.push(note);
    if (tracked) nextCells.set(k.key, nextTracked(tracked, places.get(k.key), area.sheet, d.written));
  }
  const cells = record.cells.map((c) => nextCells.get(c.key) ?? nextTracked(c, places.get(c.key), area.sheet, c.written));
  const specByKey = new Map(keyed.map((k) => [k.key, k.cell]));
  const missing = record.cells
    .filter((c) => places.get(c.key)?.state !== "here")
    .map((c) => ({ key: c.key, state: places.get(c.key)?.state as Missing["state"], cell: specByKey.get(c.key) }));
  return {
    block: record.meta.block,
    sheet: area.sheet,
    changes,
    notes,
    missing,
    unplaced,
    recordComplete: record.complete,
    names: nameFixes(record, spec, places, area, names),
    record: { meta: { ...record.meta, sheetName: area.sheet }, cells, complete: true },
  };
}

/** The record once Apply wrote the accepted conflicts (ids) and the notes that still read `from`. */
export function recordAfter(plan: BlockPlan, accepted: ReadonlySet<string>, notesWritten: readonly NoteChange[]): BlockRecord {
  const taken = new Map(
    plan.changes.filter((c) => c.kind === "conflict" && accepted.has(c.id)).map((c) => [c.id.slice(c.block.length + 1), c.next]),
  );
  const noted = new Map(notesWritten.map((n) => [toA1(n.row, n.col), n.to]));
  const cells = plan.record.cells.map((c) => {
    const written = taken.has(c.key) ? taken.get(c.key) : c.written;
    const note = noted.get(c.at);
    return { ...c, written, ...(note !== undefined ? { note } : {}) };
  });
  return { ...plan.record, cells };
}
