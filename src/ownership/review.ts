/**
 * The update of a whole workbook, from what was read: each block with a marker on cells is
 * planned against the new spec (with its record, or a record rebuilt from the sheet when the
 * record is missing or unreadable); a block whose sheet was deleted is named, and stays in the
 * record so its names are still known as the add-in's. Pure.
 */
import type { BlockId, SheetSpec } from "../sheets/spec";
import type { BlockArea, SheetRect } from "./locate";
import type { NameInfo } from "./insert";
import { rebuiltRecord, type BlockRecord } from "./record";
import { planBlock, type BlockPlan, type CellChange } from "./update";

export interface BlockInput {
  readonly block: BlockId;
  readonly area: BlockArea | null;
  readonly record: BlockRecord | null;
  /** The marker name's value as read ("Deal!$A$1:$J$40", "#REF!", "FALSE"); null when missing. */
  readonly marker: string | null;
  /** The marker name was gone and `area` was found from the record, here: Apply puts the name back. */
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
}

export function planWorkbook(inputs: readonly BlockInput[], specAt: SpecAt, names: readonly NameInfo[] = []): WorkbookPlan {
  const blocks: BlockPlan[] = [];
  const sheetDeleted: BlockId[] = [];
  const rebuilt: BlockId[] = [];
  const markers: WorkbookPlan["markers"][number][] = [];
  const records: BlockId[] = [];
  for (const input of inputs) {
    if (!input.area) {
      if (input.record && input.marker !== null && input.marker.includes("#REF!")) sheetDeleted.push(input.block);
      continue;
    }
    const origin = input.record ? input.record.meta.origin : { row: input.area.top, col: input.area.left };
    const stock = input.record?.meta.includeStockHistory ?? false;
    const spec = specAt(input.block, origin, stock);
    const record = input.record ?? rebuiltRecord(spec, input.area.sheet);
    if (!input.record) rebuilt.push(input.block);
    blocks.push(planBlock(record, spec, input.area, names));
    if (input.lostMarker) markers.push({ block: input.block, rect: input.lostMarker });
    if (input.lostRecord) records.push(input.block);
  }
  return { blocks, sheetDeleted, rebuilt, markers, records };
}

/** Every cell change of the plan, in block order. */
export function changesOf(plan: WorkbookPlan): CellChange[] {
  return plan.blocks.flatMap((b) => [...b.changes]);
}

/**
 * A fingerprint of what Apply would write: the review hands it to Apply, which refuses to write
 * when the workbook changed in between (the review must list exactly what Apply writes).
 */
export function fingerprint(plan: WorkbookPlan): string {
  const names = plan.blocks.flatMap((b) => b.names.map((n) => [n.name, n.from, n.sheet, n.row, n.col]));
  return JSON.stringify([changesOf(plan).map((c) => [c.id, c.kind, c.sheet, c.row, c.col, c.next]), names, plan.markers, plan.records]);
}
