/**
 * The block's names after the user's edits. A name the add-in made follows its figure: where Excel
 * left it on another cell (a sort moves values, not names) Apply points it back at its figure's cell,
 * and where the user deleted it Apply can make it again; each such change is listed in the review
 * and can be declined, after which the name is the user's. A name the user re-pointed (its reference
 * differs from the one the record keeps beside it, which Excel moves exactly as it moves the name)
 * or defined again as their own (without the add-in's comment) is theirs and never touched.
 * Records written before names were tracked fall back to the rule of that time: a name of the block
 * that points at the same column of another figure's row, or of an empty row of the table, was left
 * there by a sort. Pure.
 */
import { toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { cellAt, parseRef, type BlockCells } from "./cells";
import { OWNED_PREFIX, type NameInfo } from "./insert";
import { keyCells } from "./keys";
import type { Place, TablePlace } from "./locate";
import type { BlockRecord, TrackedName } from "./record";

export interface NameChange {
  /** "name|DEAL_AMOUNT": the id a review lists and Apply takes or declines. */
  readonly id: string;
  readonly block: BlockId;
  readonly name: string;
  readonly comment: string;
  /**
   * follow: point it back at its figure's cell; restore: make a deleted name again; add: a new
   * figure's name; move: the name of a figure the figures file moved from another block, moved
   * with it to its new row.
   */
  readonly kind: "follow" | "restore" | "add" | "move";
  /** Where it refers now ("Deal!D7"); "" when it does not exist. */
  readonly from: string;
  /** The key of the cell it refers to now (EMPTY_ROW: an empty row of the table; "" unknown). */
  readonly fromKey: string;
  /** Where Apply points it, as the workbook is now (before rows an update adds). */
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly key: string;
  /** The name exists now (Apply deletes it before adding it again). */
  readonly exists: boolean;
  /** For a new figure's name: the id of the row addition whose cell it names (its row is known once the row is added). */
  readonly addition?: string;
  /** For a moved name: the block whose record kept it, which gives it up. */
  readonly fromBlock?: BlockId;
}

/** The `fromKey` of a name left on an empty row of the table, and of one left on any other cell. */
export const EMPTY_ROW = "";
export const ELSEWHERE = "elsewhere";

export function nameChangeId(name: string): string {
  return `name|${name.toUpperCase()}`;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function sameRef(a: string, b: string): boolean {
  const x = parseRef(a);
  const y = parseRef(b);
  if (!x || !y) return a.replace(/^=/, "") === b.replace(/^=/, "");
  return same(x.sheet, y.sheet) && x.row === y.row && x.col === y.col;
}

/** The column part of a figure-row key: "fig|deal.amount|Used" → "Used"; null for other keys. */
function figureColumn(key: string): string | null {
  const [kind, , column] = key.split("|");
  return kind === "fig" && column !== undefined && !/^\d+,\d+$/.test(column) ? column : null;
}

interface Context {
  readonly record: BlockRecord;
  readonly cells: BlockCells;
  readonly places: ReadonlyMap<string, Place>;
  readonly tables: ReadonlyMap<string, TablePlace>;
  readonly here: ReadonlyMap<string, string>;
}

/** A legacy record's rule: left by a sort on another figure's row in the same column, or on an empty row of the table. */
function leftBySort(ctx: Context, key: string, at: { sheet: string; row: number; col: number }): string | undefined {
  const fromKey = ctx.here.get(`${at.sheet.toLowerCase()}!${at.row},${at.col}`);
  if (fromKey !== undefined) return figureColumn(fromKey) !== null && figureColumn(fromKey) === figureColumn(key) ? fromKey : undefined;
  const table = [...ctx.tables.values()].find(
    (t) => same(t.sheet, at.sheet) && figureColumn(key) !== null && t.col(figureColumn(key) as string) === at.col,
  );
  const now = cellAt(ctx.cells, at.sheet, at.row, at.col);
  return table && at.row > table.headerRow && at.row <= table.bottom && (now === null || now === "") ? EMPTY_ROW : undefined;
}

function change(
  ctx: Context,
  n: { name: string; comment: string },
  kind: NameChange["kind"],
  target: Place & { state: "here" },
  key: string,
  info: NameInfo | undefined,
  fromKey: string,
): NameChange {
  const at = info?.type === "Range" ? parseRef(`=${info.value}`) : null;
  return {
    id: nameChangeId(n.name),
    block: ctx.record.meta.block,
    name: info?.name ?? n.name,
    comment: info?.comment || n.comment,
    kind,
    from: at ? `${at.sheet}!${toA1(at.row, at.col)}` : info ? info.value.replace(/^=/, "") : "",
    fromKey,
    sheet: target.sheet,
    row: target.row,
    col: target.col,
    key,
    exists: info !== undefined,
  };
}

/** The changes Apply proposes for the block's names (declinable, each listed). */
export function nameChanges(
  record: BlockRecord,
  spec: SheetSpec,
  located: { places: ReadonlyMap<string, Place>; tables: ReadonlyMap<string, TablePlace> },
  cells: BlockCells,
  names: readonly NameInfo[],
): NameChange[] {
  const here = new Map<string, string>();
  for (const [key, p] of located.places) if (p.state === "here") here.set(`${p.sheet.toLowerCase()}!${p.row},${p.col}`, key);
  const ctx: Context = { record, cells, places: located.places, tables: located.tables, here };
  const keyAt = new Map(keyCells(spec).map((k) => [toA1(k.cell.row, k.cell.col), k.key]));
  const byName = new Map(names.map((n) => [n.name.toUpperCase(), n]));
  const tracked = new Map((record.names ?? []).map((t) => [t.name.toUpperCase(), t]));
  const ours = new Set(record.meta.names.map((n) => n.toUpperCase()));
  const out: NameChange[] = [];
  for (const n of spec.names) {
    const key = keyAt.get(toA1(n.row, n.col));
    const target = key ? located.places.get(key) : undefined;
    if (!ours.has(n.name.toUpperCase()) || !key || target?.state !== "here") continue;
    const info = byName.get(n.name.toUpperCase());
    const t = tracked.get(n.name.toUpperCase());
    const proposed = t ? trackedChange(ctx, n, key, target, info, t) : legacyChange(ctx, n, key, target, info);
    if (proposed) out.push(proposed);
  }
  return out;
}

function trackedChange(
  ctx: Context,
  n: { name: string; comment: string },
  key: string,
  target: Place & { state: "here" },
  info: NameInfo | undefined,
  t: TrackedName,
): NameChange | null {
  if (t.owner === "user") return null;
  if (!info) return change(ctx, n, "restore", target, key, undefined, "");
  // Re-pointed by the user, or defined again as their own: theirs.
  if (!sameRef(`=${info.value}`, t.ref) || !info.comment.startsWith(OWNED_PREFIX)) return null;
  const at = info.type === "Range" ? parseRef(`=${info.value}`) : null;
  if (at && same(at.sheet, target.sheet) && at.row === target.row && at.col === target.col) return null;
  const fromKey = at ? (ctx.here.get(`${at.sheet.toLowerCase()}!${at.row},${at.col}`) ?? leftBySort(ctx, key, at) ?? ELSEWHERE) : ELSEWHERE;
  return change(ctx, n, at ? "follow" : "restore", target, key, info, fromKey);
}

function legacyChange(
  ctx: Context,
  n: { name: string; comment: string },
  key: string,
  target: Place & { state: "here" },
  info: NameInfo | undefined,
): NameChange | null {
  const at = info?.type === "Range" ? parseRef(`=${info.value}`) : null;
  if (!info || !at || !info.comment.startsWith(OWNED_PREFIX) || !same(at.sheet, target.sheet)) return null;
  if (at.row === target.row && at.col === target.col) return null;
  const fromKey = leftBySort(ctx, key, at);
  return fromKey === undefined ? null : change(ctx, n, "follow", target, key, info, fromKey);
}

/**
 * The names of the block's record after Apply, before the review's choices: those tracked, and for
 * a record from before names were tracked, each name the add-in made that exists, taken as the
 * add-in left it where it still names its figure's cell (or a sort left it: `changes` points it
 * back), and as the user's where it names anything else.
 */
export function trackedNamesOf(
  record: BlockRecord,
  names: readonly NameInfo[],
  changes: readonly NameChange[],
  targets: ReadonlyMap<string, string>,
): TrackedName[] {
  if (record.names) return [...record.names];
  const byName = new Map(names.map((n) => [n.name.toUpperCase(), n]));
  return record.meta.names.flatMap((name): TrackedName[] => {
    const info = byName.get(name.toUpperCase());
    if (!info) return [];
    const ref = `=${info.value.replace(/^=/, "")}`;
    const fixed = changes.some((c) => c.name.toUpperCase() === name.toUpperCase());
    const target = targets.get(name.toUpperCase());
    const asLeft = fixed || (target !== undefined && sameRef(ref, target) && info.comment.startsWith(OWNED_PREFIX));
    return [{ name: info.name, ref, owner: asLeft ? "addin" : "user" }];
  });
}

/**
 * The names of new figures' rows: added with their row (declinable), unless a name of that name
 * exists (the user's, or another block's): then the add is left out, and returned as `leftAlone`
 * for the workbook's plan to say, or to turn into a move (`handOver`).
 */
export function additionNames(
  block: BlockId,
  spec: SheetSpec,
  additions: readonly {
    id: string;
    sheet: string;
    row: number;
    cells: readonly { key: string; col: number; cell: { row: number; col: number } }[];
  }[],
  names: readonly NameInfo[],
): { changes: NameChange[]; leftAlone: NameChange[] } {
  const taken = new Set(names.map((n) => n.name.toUpperCase()));
  const changes: NameChange[] = [];
  const leftAlone: NameChange[] = [];
  for (const a of additions) {
    for (const n of spec.names) {
      const c = a.cells.find((x) => x.cell.row === n.row && x.cell.col === n.col);
      if (!c) continue;
      (taken.has(n.name.toUpperCase()) ? leftAlone : changes).push({
        id: nameChangeId(n.name),
        block,
        name: n.name,
        comment: `${OWNED_PREFIX}${n.comment}`,
        kind: "add",
        from: "",
        fromKey: "",
        sheet: a.sheet,
        row: a.row,
        col: c.col,
        key: c.key,
        exists: false,
        addition: a.id,
      });
    }
  }
  return { changes, leftAlone };
}

/**
 * The names of figures the block shows on a row it has already, that its record does not keep: the
 * figure came back from another block (whose record took the name along), or the row was inserted
 * while another block's record kept the name (Insert leaves an existing name alone). Each is only a
 * candidate for `handOver`, which turns it into a move when another block's record keeps the name
 * where the add-in left it, for a figure that block no longer shows; otherwise it is dropped.
 */
export function unclaimedNames(
  record: BlockRecord,
  spec: SheetSpec,
  located: { places: ReadonlyMap<string, Place> },
  names: readonly NameInfo[],
): NameChange[] {
  const keyAt = new Map(keyCells(spec).map((k) => [toA1(k.cell.row, k.cell.col), k.key]));
  const exists = new Set(names.map((n) => n.name.toUpperCase()));
  const kept = new Set([...record.meta.names, ...(record.names ?? []).map((t) => t.name)].map((n) => n.toUpperCase()));
  return spec.names.flatMap((n): NameChange[] => {
    const key = keyAt.get(toA1(n.row, n.col));
    const target = key ? located.places.get(key) : undefined;
    if (!key || target?.state !== "here" || kept.has(n.name.toUpperCase()) || !exists.has(n.name.toUpperCase())) return [];
    return [
      {
        id: nameChangeId(n.name),
        block: record.meta.block,
        name: n.name,
        comment: `${OWNED_PREFIX}${n.comment}`,
        kind: "move",
        from: "",
        fromKey: ELSEWHERE,
        sheet: target.sheet,
        row: target.row,
        col: target.col,
        key,
        exists: true,
      },
    ];
  });
}

/** A reference whose cells were deleted: the name reads "#REF!", the record's formula "=Deal!#REF!". */
const broken = (ref: string) => ref.includes("#REF!");

/** What a block gives to another: the names its record keeps, and the names its figures file still shows. */
export interface NameHolder {
  readonly block: BlockId;
  readonly tracked: readonly TrackedName[];
  /** Its spec's names, upper case. */
  readonly shows: ReadonlySet<string>;
}

/**
 * A figure the figures file moved to another block takes its name along. A new row's name that is
 * taken (`leftAlone`, from `additionNames`) by the name another block's record keeps as the
 * add-in's, where the add-in left it (not re-pointed, not defined again by the user; on #REF! if its
 * row was deleted), for a figure
 * that block no longer shows, becomes a move of that name to the new row: listed, and declinable
 * as every name change is. Null when the name is anyone else's: it is left alone.
 */
export function handOver(leftAlone: NameChange, holders: readonly NameHolder[], names: readonly NameInfo[]): NameChange | null {
  const info = names.find((n) => same(n.name, leftAlone.name));
  if (!info || !info.comment.startsWith(OWNED_PREFIX)) return null;
  const holder = holders.find(
    (h) =>
      h.block !== leftAlone.block &&
      !h.shows.has(info.name.toUpperCase()) &&
      h.tracked.some(
        (t) =>
          t.owner === "addin" && same(t.name, info.name) && (sameRef(`=${info.value}`, t.ref) || (broken(info.value) && broken(t.ref))),
      ),
  );
  if (!holder) return null;
  // On #REF! when the user deleted the figure's old row: moved, it names the figure again.
  const at = info.type === "Range" ? parseRef(`=${info.value}`) : null;
  return {
    ...leftAlone,
    name: info.name,
    comment: info.comment,
    kind: "move",
    from: at ? `${at.sheet}!${toA1(at.row, at.col)}` : info.value.replace(/^=/, ""),
    fromKey: ELSEWHERE,
    exists: true,
    fromBlock: holder.block,
  };
}
