/**
 * What an update does to one block, decided from plain data: the record of what the add-in last
 * wrote, the block's cells as they are now (cells.ts) and the new spec. Pure and deterministic: the
 * review shows exactly this plan and Apply writes exactly this plan, or nothing.
 *
 * For each cell the new spec gives the add-in, found by identity (locate.ts):
 * - unchanged since the add-in wrote it, and the new content differs → a refresh;
 * - changed by the user, and different from the new content → a conflict, kept unless accepted;
 * - already what the new spec says → nothing, the record adopts it;
 * - the user's cells (overrides, inputs) → never written;
 * - a cell that was deleted or duplicated → never written, and said.
 * Rows the figures file adds or retracts (additions.ts) and the block's names (names.ts) are
 * planned beside the cells. Positions here are the workbook's as read; rows an update adds move
 * what is below them, and Apply writes at the places shift.ts gives.
 */
import { sheetRef, toA1 } from "../sheets/a1";
import type { CellSpec, SheetSpec } from "../sheets/spec";
import { movedMark, retractedRows, RETRACTED, specRows, tableAdditions, type RowAddition } from "./additions";
import type { BlockCells } from "./cells";
import { moveReferences } from "./formula-refs";
import type { NameInfo } from "./insert";
import { keyCells, type KeyedCell } from "./keys";
import { locate, movesOf, rowIdOf, type Place, type TablePlace } from "./locate";
import { additionNames, nameChanges, trackedNamesOf, unclaimedNames } from "./names";
import type { BlockRecord, TrackedCell } from "./record";
import { sameWritten, writtenOf, type Written } from "./written";
import type { BlockPlan, CellChange, Kept, Missing, NoteChange } from "./block-plan";

export type { BlockPlan, CellChange, Kept, Missing, NoteChange } from "./block-plan";

interface Context {
  readonly record: BlockRecord;
  readonly place: (key: string) => Place | undefined;
  readonly atMoves: ReadonlyMap<string, { row: number; col: number }>;
  readonly specMoves: ReadonlyMap<string, { row: number; col: number }>;
}

/** The content rewritten to the cells' places now; null when a reference cannot be placed. */
function placed(w: Written | undefined, moves: ReadonlyMap<string, { row: number; col: number }>): Written | undefined | null {
  if (w === undefined || w === null || typeof w !== "object") return w;
  const formula = moveReferences(w.formula, moves);
  return formula === null ? null : { formula };
}

type Decision =
  { readonly change?: CellChange; readonly written: Written | undefined } | { readonly skip: "unplaced" | "missing" | "user" };

function decide(ctx: Context, keyed: KeyedCell, tracked: TrackedCell | undefined): Decision {
  if (!tracked) return { skip: "unplaced" };
  if (tracked.owner === "user" || keyed.cell.owner === "user") return { skip: "user" };
  const place = ctx.place(keyed.key);
  if (place?.state !== "here") return { skip: "missing" };
  const next = placed(writtenOf(keyed.cell), ctx.specMoves);
  if (next === null || next === undefined) return { skip: "unplaced" };
  const last = placed(tracked.written, ctx.atMoves);
  const change = (kind: CellChange["kind"]): CellChange => ({
    id: `${ctx.record.meta.block}|${keyed.key}`,
    kind,
    block: ctx.record.meta.block,
    sheet: place.sheet,
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

function noteChange(ctx: Context, keyed: KeyedCell, tracked: TrackedCell | undefined): NoteChange | null {
  const place = ctx.place(keyed.key);
  if (!tracked?.note || keyed.cell.note === undefined || tracked.note === keyed.cell.note || place?.state !== "here") return null;
  return { block: ctx.record.meta.block, sheet: place.sheet, row: place.row, col: place.col, from: tracked.note, to: keyed.cell.note };
}

/**
 * Rows of a new figure that are already in the table (a build that wrote them without recording
 * them, or an Apply that stopped half-way): adopted, as if their content were unknown.
 */
function adoptedRows(keyed: readonly KeyedCell[], tracked: ReadonlyMap<string, TrackedCell>, tables: ReadonlyMap<string, TablePlace>) {
  const adopted = new Map<string, { tracked: TrackedCell; place: Place }>();
  for (const k of keyed) {
    const t = k.table ? tables.get(k.table.name) : undefined;
    if (!k.table || !t || tracked.has(k.key)) continue;
    const rows = t.rows.get(rowIdOf(k.key)) ?? [];
    const col = t.col(k.table.header);
    if (rows.length !== 1 || col === null) continue;
    adopted.set(k.key, {
      tracked: { key: k.key, ref: "", at: toA1(rows[0], col), written: undefined, owner: k.cell.owner, table: k.table },
      place: { state: "here", sheet: t.sheet, row: rows[0], col, now: null },
    });
  }
  return adopted;
}

function retractions(
  ctx: Context,
  spec: SheetSpec,
  rowsByTable: ReturnType<typeof specRows>,
  places: ReadonlyMap<string, Place>,
  tracked: ReadonlyMap<string, TrackedCell>,
  movedTo: (id: string) => string | null,
) {
  const changes: CellChange[] = [];
  const written = new Map<string, Written | undefined>();
  for (const table of spec.tables) {
    for (const r of retractedRows(ctx.record, table, rowsByTable.get(table.name) ?? new Map(), places)) {
      const t = tracked.get(r.key);
      const last = placed(t?.written, ctx.atMoves);
      // Still in the figures file, in another block's table: the row says where it went, not that it was retracted.
      const elsewhere = movedTo(r.rowId);
      const mark = elsewhere ? movedMark(elsewhere) : RETRACTED;
      if (sameWritten(r.place.now, mark)) {
        written.set(r.key, mark);
        continue;
      }
      const kind = last !== undefined && last !== null && sameWritten(r.place.now, last) ? "refresh" : "conflict";
      const cell: CellSpec = { row: r.place.row, col: r.place.col, value: mark, owner: "addin", figureId: r.rowId };
      changes.push({
        id: `${ctx.record.meta.block}|${r.key}`,
        kind,
        block: ctx.record.meta.block,
        sheet: r.place.sheet,
        row: r.place.row,
        col: r.place.col,
        cell,
        now: r.place.now,
        next: mark,
        retracted: true,
      });
      written.set(r.key, kind === "refresh" ? mark : (last ?? undefined));
    }
  }
  return { changes, written };
}

type Adopted = ReturnType<typeof adoptedRows>;
type Decided = { written: Written | undefined; conflict?: CellChange };

/** Every spec cell decided: the changes, the notes, what each cell holds after Apply, and the cells with no place. */
function decideAll(ctx: Context, keyed: readonly KeyedCell[], tracked: ReadonlyMap<string, TrackedCell>, adopted: Adopted) {
  const changes: CellChange[] = [];
  const notes: NoteChange[] = [];
  const written = new Map<string, Decided>();
  const unplaced: string[] = [];
  for (const k of keyed) {
    const t = tracked.get(k.key) ?? adopted.get(k.key)?.tracked;
    const d = decide(ctx, k, t);
    if ("skip" in d) {
      if (d.skip === "unplaced") unplaced.push(k.key);
      continue;
    }
    if (d.change) changes.push(d.change);
    const note = noteChange(ctx, k, t);
    if (note) notes.push(note);
    written.set(k.key, { written: d.written, ...(d.change?.kind === "conflict" ? { conflict: d.change } : {}) });
  }
  return { changes, notes, written, unplaced };
}

/** What the record keeps of each recorded (or adopted) cell: where it is, what it holds after Apply, its conflict. */
function keptCells(
  ctx: Context,
  cells: readonly TrackedCell[],
  written: ReadonlyMap<string, Decided>,
  retracted: ReturnType<typeof retractions>,
): Kept[] {
  return cells.map((cell): Kept => {
    const p = ctx.place(cell.key);
    const w = written.get(cell.key);
    const id = `${ctx.record.meta.block}|${cell.key}`;
    const conflict = w?.conflict ?? retracted.changes.find((c) => c.id === id && c.kind === "conflict");
    const here = p?.state === "here";
    const now = retracted.written.has(cell.key)
      ? retracted.written.get(cell.key)
      : w
        ? w.written
        : here
          ? (placed(cell.written, ctx.atMoves) ?? undefined)
          : cell.written;
    return {
      cell,
      place: p?.state === "here" ? { sheet: p.sheet, row: p.row, col: p.col } : null,
      written: now,
      ...(conflict ? { conflict: { id: conflict.id, next: conflict.next } } : {}),
    };
  });
}

/** The block's name changes (pointed back, made again, new figures' names) and the names its record keeps. */
function blockNames(
  ctx: Context,
  spec: SheetSpec,
  keyed: readonly KeyedCell[],
  located: ReturnType<typeof locate>,
  cells: BlockCells,
  names: readonly NameInfo[],
  additions: readonly RowAddition[],
) {
  const named = nameChanges(ctx.record, spec, located, cells, names);
  const added = additionNames(ctx.record.meta.block, spec, additions, names);
  const targets = new Map(
    spec.names.flatMap((n) => {
      const key = keyed.find((k) => k.cell.row === n.row && k.cell.col === n.col)?.key;
      const p = key ? ctx.place(key) : undefined;
      return p?.state === "here" ? [[n.name.toUpperCase(), `=${sheetRef(p.sheet, p.row, p.col)}`] as const] : [];
    }),
  );
  return {
    changes: [...named, ...added.changes],
    leftAlone: added.leftAlone,
    unclaimed: unclaimedNames(ctx.record, spec, located, names),
    tracked: trackedNamesOf(ctx.record, names, named, targets),
  };
}

function missingOf(record: BlockRecord, places: ReadonlyMap<string, Place>, keyed: readonly KeyedCell[]): Missing[] {
  const specByKey = new Map(keyed.map((k) => [k.key, k.cell]));
  return record.cells
    .filter((c) => places.get(c.key)?.state !== "here")
    .map((c) => ({ key: c.key, state: places.get(c.key)?.state as Missing["state"], cell: specByKey.get(c.key) }));
}

/**
 * The update plan of one block whose cells were read as `cells`. `labelOf` names a row's id for the
 * review; `movedTo` gives the sheet a figure the block no longer shows is shown on now, or null when
 * the figures file no longer has it.
 */
export function planBlock(
  record: BlockRecord,
  spec: SheetSpec,
  cells: BlockCells,
  names: readonly NameInfo[] = [],
  labelOf: (id: string) => string = (id) => id,
  movedTo: (id: string) => string | null = () => null,
): BlockPlan {
  const keyed = keyCells(spec);
  const rowsByTable = specRows(spec, keyed);
  const located = locate(record, cells, new Map([...rowsByTable].map(([t, rows]) => [t, new Set(rows.keys())])));
  const trackedByKey = new Map(record.cells.map((c) => [c.key, c]));
  const adopted = adoptedRows(keyed, trackedByKey, located.tables);
  const place = (key: string) => located.places.get(key) ?? adopted.get(key)?.place;
  const specMoves = new Map<string, { row: number; col: number }>();
  for (const { key, cell } of keyed) {
    const p = place(key);
    if (p?.state === "here") specMoves.set(toA1(cell.row, cell.col), { row: p.row, col: p.col });
  }
  const ctx: Context = { record, place, atMoves: movesOf(record, located.places), specMoves };
  const decided = decideAll(ctx, keyed, trackedByKey, adopted);
  const retracted = retractions(ctx, spec, rowsByTable, located.places, trackedByKey, movedTo);
  const grown = spec.tables.map((t) =>
    tableAdditions(record, t, rowsByTable.get(t.name) ?? new Map(), located.tables.get(t.name), labelOf),
  );
  const additions = grown.flatMap((g) => g.additions);
  // Cells of rows Apply adds, or cannot add to a range, are not "without a place"; those that found
  // no column (an older layout) are.
  const unadded = grown.flatMap((g, i) => g.unadded.flatMap((id) => rowsByTable.get(spec.tables[i].name)?.get(id) ?? []));
  const inNewRows = new Set([...additions.flatMap((a) => a.cells.map((c) => c.key)), ...unadded.map((k) => k.key)]);
  const named = blockNames(ctx, spec, keyed, located, cells, names, additions);
  return {
    block: record.meta.block,
    sheet: cells.sheet,
    changes: [...decided.changes, ...retracted.changes],
    notes: decided.notes,
    missing: missingOf(record, located.places, keyed),
    unplaced: decided.unplaced.filter((key) => !inNewRows.has(key)).length,
    recordComplete: record.complete,
    names: named.changes,
    additions,
    growths: grown.flatMap((g) => (g.growth ? [g.growth] : [])),
    legacyTables: grown.flatMap((g, i) => (g.legacy ? [spec.tables[i].name] : [])),
    rangeTables: grown.flatMap((g, i) => (g.unadded.length > 0 ? [{ table: spec.tables[i].name, labels: g.unadded.map(labelOf) }] : [])),
    namesLeftAlone: named.leftAlone,
    namesUnclaimed: named.unclaimed,
    trackedNames: named.tracked,
    tableNames: Object.fromEntries([...located.tables].flatMap(([name, t]) => (t.table ? [[name, t.table.name]] : []))),
    kept: keptCells(ctx, [...record.cells, ...[...adopted.values()].map((a) => a.tracked)], decided.written, retracted),
    record,
  };
}

/** A kept cell's reference formula at its place (table rows have none: they are found by id). */
export function refAt(cell: TrackedCell, sheet: string, row: number, col: number): string {
  return cell.table ? "" : `=${sheetRef(sheet, row, col)}`;
}
