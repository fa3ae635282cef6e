/**
 * What the Excel writer promises the pane: plain values in, plain typed results out. Every
 * action resolves (never rejects); a failure is an `ActionFailure` with a message in plain words
 * that says what to do.
 */
import type { BlockId } from "../sheets/spec";

export interface InsertOptions {
  /** "new-sheet" (default): each block on its own worksheet; "selection": at the selected cell. */
  readonly target: "new-sheet" | "selection";
  /** Add the live STOCKHISTORY row to the AMZN block (Microsoft 365 only). */
  readonly includeStockHistory: boolean;
}

/** What one block's insert did, for the pane's summary. */
export interface BlockOutcome {
  readonly block: BlockId;
  /** The worksheet written; differs from the block's preferred name when a user's sheet had it. */
  readonly sheetName: string;
  /** True when the block was already in the workbook and nothing was written. */
  readonly alreadyPresent: boolean;
  readonly figures: number;
  readonly cellsWritten: number;
  readonly namesWritten: readonly string[];
  /** Names that exist and belong to the user: left alone, with the reason in words. */
  readonly leftAlone: readonly { readonly what: string; readonly reason: string }[];
}

export interface InsertReport {
  readonly blocks: readonly BlockOutcome[];
  /** One sentence per block, e.g. "Inserted sheet Deal with 11 figures and 8 named ranges." */
  readonly summary: readonly string[];
}

/** A reported cell the user changed since the add-in wrote it. */
export interface DiffRow {
  /** Stable key to accept this row: "<sheet>!<address>". */
  readonly key: string;
  readonly sheetName: string;
  readonly address: string;
  readonly figureId: string;
  readonly label: string;
  readonly userValue: string | number | boolean | null;
  readonly lastWritten: string | number | boolean | null;
  readonly newValue: string | number | boolean | null;
  /** The source of the new value, in words. */
  readonly source: string;
}

export interface UpdatePlan {
  /** Cells the user changed: kept unless accepted. */
  readonly conflicts: readonly DiffRow[];
  /** Reported cells the user has not touched whose value changes: refreshed on apply. */
  readonly refreshes: number;
  /** The add-in's sheets found in the workbook. */
  readonly sheets: readonly string[];
}

export interface UpdateReport {
  readonly cellsWritten: number;
  readonly accepted: number;
  readonly kept: number;
  /** Notes rewritten because their figure's source text changed (notes the user edited are kept). */
  readonly notesUpdated?: number;
  readonly summary: string;
}

export type FailureKind =
  | "protected"
  | "invalid-name"
  | "unsupported"
  | "not-empty"
  | "no-addin-sheets"
  | "excel";

export interface ActionFailure {
  readonly ok: false;
  readonly kind: FailureKind;
  /** Plain words: what happened and what to do. */
  readonly message: string;
}

export interface ActionSuccess<T> {
  readonly ok: true;
  readonly value: T;
}

export type ActionResult<T> = ActionSuccess<T> | ActionFailure;
