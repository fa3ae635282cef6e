/**
 * The update of a whole workbook, from what was read: each block found in the workbook is planned
 * against the new spec (with its record, or a record rebuilt from the sheet when the record is
 * missing or unreadable); a block whose sheet was deleted is named. The review shows this plan, and
 * its fingerprint holds everything Apply would write and what each target holds now, so that Apply,
 * which reads and plans again, writes only when nothing it would touch changed (compare and swap).
 * Pure.
 */
import { sheetRef, toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { addedContents, type RowAddition, type TableGrowth } from "./additions";
import { parseRef, type BlockCells, type SheetRect } from "./cells";
import type { NameInfo } from "./insert";
import { rebuiltRecord, type BlockRecord, type TrackedCell, type TrackedName } from "./record";
import { shiftOf, type Shift } from "./shift";
import { planBlock, refAt, type BlockPlan, type CellChange, type NoteChange } from "./update";
import { handOver, type NameChange, type NameHolder } from "./names";

export interface BlockInput {
  readonly block: BlockId;
  readonly cells: BlockCells | null;
  readonly record: BlockRecord | null;
  /** The marker name's value as read ("Deal!$A$1:$J$40", "#REF!", "FALSE"); null when missing. */
  readonly marker: string | null;
  /** The marker name was gone and the block was found from the record, here: Apply puts the name back. */
  readonly lostMarker?: SheetRect | null;
  /** The record name was gone and `record` was read at its place on the record sheet: Apply names it again. */
  readonly lostRecord?: boolean;
}

export type SpecAt = (block: BlockId, origin: { row: number; col: number }, includeStockHistory: boolean) => SheetSpec;

export interface WorkbookPlan {
  readonly blocks: readonly BlockPlan[];
  /** Recorded blocks whose sheet was deleted: Insert puts them back. */
  readonly sheetDeleted: readonly BlockId[];
  /** Blocks whose record was missing or unreadable, rebuilt from the sheet. */
  readonly rebuilt: readonly BlockId[];
  /** Blocks whose marker name a user deleted, found by their record: Apply adds the name again. */
  readonly markers: readonly { readonly block: BlockId; readonly rect: SheetRect }[];
  /** Blocks whose record name a user deleted, their band found on the record sheet: Apply adds the name again. */
  readonly records: readonly BlockId[];
  /** Where everything is once Apply has added the new rows of every table (and of the log, once Apply knows it writes one). */
  readonly shift: Shift;
  /** The change log's new rows, when Apply appends to an existing log (they move what is below it, as any table's). */
  readonly log?: TableGrowth;
}

/** What the user chose in the review. */
export interface Choices {
  /** Conflicts (ids) whose new value replaces the user's. */
  readonly accept: ReadonlySet<string>;
  /** Name changes (ids) declined: the name stays as it is, and is the user's from then on. */
  readonly decline: ReadonlySet<string>;
}

export function planWorkbook(
  inputs: readonly BlockInput[],
  specAt: SpecAt,
  names: readonly NameInfo[] = [],
  labelOf?: (id: string) => string,
  movedTo?: (id: string) => string | null,
): WorkbookPlan {
  const planned: { plan: BlockPlan; spec: SheetSpec }[] = [];
  const sheetDeleted: BlockId[] = [];
  const rebuilt: BlockId[] = [];
  const markers: WorkbookPlan["markers"][number][] = [];
  const records: BlockId[] = [];
  for (const input of inputs) {
    if (!input.cells) {
      if (input.record && input.marker !== null && input.marker.includes("#REF!")) sheetDeleted.push(input.block);
      continue;
    }
    const home = input.cells.regions[0];
    const origin = input.record ? input.record.meta.origin : { row: home?.top ?? 0, col: home?.left ?? 0 };
    const stock = input.record?.meta.includeStockHistory ?? false;
    const spec = specAt(input.block, origin, stock);
    const record = input.record ?? rebuiltRecord(spec, input.cells.sheet);
    if (!input.record) rebuilt.push(input.block);
    planned.push({ plan: planBlock(record, spec, input.cells, names, labelOf, movedTo), spec });
    if (input.lostMarker) markers.push({ block: input.block, rect: input.lostMarker });
    if (input.lostRecord) records.push(input.block);
  }
  const blocks = namesHandedOver(planned, names);
  return { blocks, sheetDeleted, rebuilt, markers, records, shift: shiftOf(blocks.flatMap((b) => b.growths)) };
}

/**
 * Each block's plan with the names of figures moved between blocks moving along with them
 * (`handOver`): to a row Apply adds, or to a row the block has already (the figure moved back, or
 * its row was inserted while another block kept the name).
 */
function namesHandedOver(planned: readonly { plan: BlockPlan; spec: SheetSpec }[], names: readonly NameInfo[]): BlockPlan[] {
  const holders: NameHolder[] = planned.map(({ plan, spec }) => ({
    block: plan.block,
    tracked: plan.trackedNames,
    shows: new Set(spec.names.map((n) => n.name.toUpperCase())),
  }));
  return planned.map(({ plan }) => {
    const moves = [...plan.namesLeftAlone, ...plan.namesUnclaimed].flatMap((n) => handOver(n, holders, names) ?? []);
    if (moves.length === 0) return plan;
    const moved = new Set(moves.map((m) => m.id));
    return { ...plan, names: [...plan.names, ...moves], namesLeftAlone: plan.namesLeftAlone.filter((n) => !moved.has(n.id)) };
  });
}

/** The name changes of other blocks that take a name `b` keeps: moves away from it, and adds of the same name. */
export function namesTaken(plan: WorkbookPlan, b: BlockPlan): NameChange[] {
  const keeps = (name: string) => b.trackedNames.some((t) => t.name.toUpperCase() === name.toUpperCase());
  return plan.blocks.flatMap((o) => (o === b ? [] : o.names.filter((n) => n.fromBlock === b.block || (n.kind === "add" && keeps(n.name)))));
}

/**
 * The plan once Apply knows it appends `count` rows to the existing log: the log grows like the
 * tables do, and every position after it counts its new rows.
 */
export function withLog(
  plan: WorkbookPlan,
  log: { table: string; sheet: string; bottom: number; left: number; right: number },
  count: number,
): WorkbookPlan {
  if (count === 0) return plan;
  const growth: TableGrowth = { ...log, tableName: log.table, count, width: log.right - log.left + 1 };
  return { ...plan, log: growth, shift: shiftOf([...plan.blocks.flatMap((b) => b.growths), growth]) };
}

/** Every cell change of the plan, in block order. */
export function changesOf(plan: WorkbookPlan): CellChange[] {
  return plan.blocks.flatMap((b) => [...b.changes]);
}

/** Every row addition of the plan, in block order. */
export function additionsOf(plan: WorkbookPlan): RowAddition[] {
  return plan.blocks.flatMap((b) => [...b.additions]);
}

/** Every name change of the plan, in block order. */
export function nameChangesOf(plan: WorkbookPlan): NameChange[] {
  return plan.blocks.flatMap((b) => [...b.names]);
}

/** The row a new row lands on once every table above it on its sheet has its new rows. */
export function additionRow(plan: WorkbookPlan, a: RowAddition): number {
  const block = plan.blocks.find((b) => b.block === a.block) as BlockPlan;
  const growth = block.growths.find((g) => g.table === a.table);
  return growth ? plan.shift.firstNewRow(growth) + a.index : a.row;
}

/** Where a name change points once Apply added the new rows. */
export function nameTarget(plan: WorkbookPlan, n: NameChange): { sheet: string; row: number; col: number } {
  const added = n.addition ? additionsOf(plan).find((a) => a.id === n.addition) : undefined;
  return { sheet: n.sheet, row: added ? additionRow(plan, added) : plan.shift.row(n.sheet, n.row, n.col), col: n.col };
}

/**
 * A fingerprint of what Apply would write and what each target holds now: the review hands it to
 * Apply, which writes nothing when the workbook changed in between.
 */
export function fingerprint(plan: WorkbookPlan): string {
  return JSON.stringify([
    plan.blocks.map((b) => [
      b.block,
      b.changes.map((c) => [c.id, c.kind, c.sheet, c.row, c.col, c.now, c.next]),
      b.notes.map((n) => [n.sheet, n.row, n.col, n.from, n.to]),
      b.names.map((n) => [n.id, n.kind, n.from, n.sheet, n.row, n.col, n.exists]),
      b.additions.map((a) => [a.id, a.tableName, a.sheet, a.row, a.cells.map((c) => [c.col, c.key])]),
      b.growths.map((g) => [g.tableName, g.sheet, g.bottom, g.left, g.right, g.count]),
    ]),
    plan.markers,
    plan.records,
    plan.sheetDeleted,
  ]);
}

function shiftRef(shift: Shift, ref: string): string {
  const at = parseRef(ref);
  return at ? `=${sheetRef(at.sheet, shift.row(at.sheet, at.row, at.col), at.col)}` : ref;
}

/** The record once Apply wrote: the accepted conflicts, the notes that still read `from`, new rows, names, all at their places after Apply. */
export function recordAfter(plan: WorkbookPlan, b: BlockPlan, choices: Choices, notesWritten: readonly NoteChange[]): BlockRecord {
  const shift = plan.shift;
  const noted = new Map(notesWritten.map((n) => [`${n.sheet.toLowerCase()}!${toA1(n.row, n.col)}`, n.to]));
  const cells: TrackedCell[] = b.kept.map((k) => {
    const written = k.conflict && choices.accept.has(k.conflict.id) ? k.conflict.next : k.written;
    if (!k.place) return { ...k.cell, written };
    const { sheet, row, col } = k.place;
    const note = noted.get(`${sheet.toLowerCase()}!${toA1(row, col)}`);
    const after = shift.row(sheet, row, col);
    return {
      ...k.cell,
      ref: refAt(k.cell, sheet, after, col),
      at: toA1(after, col),
      written: written === undefined ? undefined : shift.formula(sheet, written),
      ...(note !== undefined ? { note } : {}),
    };
  });
  for (const a of b.additions) {
    const row = additionRow(plan, a);
    for (const c of addedContents(a, row)) {
      const header = a.cells.find((x) => x.key === c.key)?.header ?? "";
      cells.push({
        key: c.key,
        ref: "",
        at: toA1(row, c.col),
        written: c.cell.owner === "addin" ? c.content : null,
        owner: c.cell.owner,
        ...(c.cell.note !== undefined ? { note: c.cell.note } : {}),
        table: { name: a.table, header },
      });
    }
  }
  const after = namesAfter(plan, b, choices);
  const meta = { ...b.record.meta, sheetName: b.sheet, tables: { ...b.record.meta.tables, ...b.tableNames }, names: after.made };
  return { meta, cells, names: after.names, complete: true };
}

/**
 * The block's names once Apply wrote (`names`, tracked, at their places after Apply) and the names
 * it counts as made by the add-in (`made`): the changes taken or declined, the new rows' names, and
 * the names other blocks' rows took.
 */
function namesAfter(plan: WorkbookPlan, b: BlockPlan, choices: Choices): { names: TrackedName[]; made: string[] } {
  const shift = plan.shift;
  const changed = new Map(b.names.map((n) => [n.name.toUpperCase(), n]));
  // A name another block's row takes (moved with its figure, or made again there) is that block's
  // now; a declined move leaves it here, the user's, as every declined name change does.
  const given = new Map(namesTaken(plan, b).map((n) => [n.name.toUpperCase(), n]));
  const stays = (name: string) => {
    const n = given.get(name.toUpperCase());
    return !n || choices.decline.has(n.id);
  };
  const names: TrackedName[] = b.trackedNames
    .filter((t) => stays(t.name))
    .map((t) => {
      const g = given.get(t.name.toUpperCase());
      if (g) return { ...t, ref: shiftRef(shift, t.ref), owner: g.kind === "move" ? "user" : t.owner };
      const n = changed.get(t.name.toUpperCase());
      if (n && choices.decline.has(n.id)) return { ...t, owner: "user" };
      if (n) {
        const at = nameTarget(plan, n);
        return { ...t, ref: `=${sheetRef(at.sheet, at.row, at.col)}` };
      }
      return { ...t, ref: shiftRef(shift, t.ref) };
    });
  const addedNames = b.names.filter((n) => (n.kind === "add" || n.kind === "move") && !choices.decline.has(n.id));
  for (const n of addedNames) {
    const at = nameTarget(plan, n);
    names.push({ name: n.name, ref: `=${sheetRef(at.sheet, at.row, at.col)}`, owner: "addin" });
  }
  return { names, made: [...b.record.meta.names.filter(stays), ...addedNames.map((n) => n.name)] };
}
