/**
 * The shape of one block's update plan (update.ts planBlock decides it): its cell changes and
 * notes, what is gone, the rows and names it adds or changes, and what the record keeps. The
 * review shows it and Apply writes it.
 */
import type { BlockId, CellSpec } from "../sheets/spec";
import type { RowAddition, TableGrowth } from "./additions";
import type { NameChange } from "./names";
import type { BlockRecord, TrackedCell, TrackedName } from "./record";
import type { Written } from "./written";

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
  /** The row's id is no longer in the figures file: the change marks it retracted. */
  readonly retracted?: boolean;
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
  readonly state: "deleted" | "duplicated" | "unread";
  readonly cell: CellSpec | undefined;
}

/** A cell the record keeps after Apply: where it is now and what it holds once Apply wrote (or kept) it. */
export interface Kept {
  readonly cell: TrackedCell;
  readonly place: { readonly sheet: string; readonly row: number; readonly col: number } | null;
  readonly written: Written | undefined;
  /** A conflict: when accepted, the cell holds `next`. */
  readonly conflict?: { readonly id: string; readonly next: Written };
}

export interface BlockPlan {
  readonly block: BlockId;
  /** The block's home sheet (its marker's). */
  readonly sheet: string;
  readonly changes: readonly CellChange[];
  readonly notes: readonly NoteChange[];
  readonly missing: readonly Missing[];
  /** Cells of the new layout the recorded block has no place for (an older build's layout). */
  readonly unplaced: number;
  /** False when the record was rebuilt: every difference counted as the user's. */
  readonly recordComplete: boolean;
  /** Changes to the block's names, each declinable. */
  readonly names: readonly NameChange[];
  /** Rows the figures file adds to the block's tables, and the growth of each table they make. */
  readonly additions: readonly RowAddition[];
  readonly growths: readonly TableGrowth[];
  /** Tables laid out by an older build that new figures cannot be added to. */
  readonly legacyTables: readonly string[];
  /** Tables no longer Excel tables (Convert to Range), with the labels of the rows new in the figures file not added to them. */
  readonly rangeTables: readonly { readonly table: string; readonly labels: readonly string[] }[];
  /** New figures' names that exist already (the user's): the adds left out, said in the review. */
  readonly namesLeftAlone: readonly NameChange[];
  /** Names of figures on rows the block has, kept by another block's record: moved to them when that block gave the figure up (review.ts namesHandedOver). */
  readonly namesUnclaimed: readonly NameChange[];
  /** The names the record keeps, before the review's choices and the rows Apply adds. */
  readonly trackedNames: readonly TrackedName[];
  /** Each table's name in the workbook now, by its name in the spec (a table the user renamed is followed). */
  readonly tableNames: Readonly<Record<string, string>>;
  /** What the record keeps, before Apply's choices and the rows it adds. */
  readonly kept: readonly Kept[];
  readonly record: BlockRecord;
}
