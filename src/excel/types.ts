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

/** One cell an update would write: a refresh of an add-in cell, or a conflict with the user's edit. */
export interface DiffRow {
  /** Stable id of the change, to accept a conflict: "<block>|<cell key>". */
  readonly key: string;
  readonly kind: "refresh" | "conflict";
  readonly sheetName: string;
  readonly address: string;
  readonly figureId: string;
  readonly label: string;
  /** What the cell holds now (the user's value for a conflict). */
  readonly userValue: string | number | boolean | null;
  readonly newValue: string | number | boolean | null;
  /** The source of the new value, in words. */
  readonly source: string;
  /** The row's figure or source is no longer in the figures file: the change marks it retracted. */
  readonly retracted?: boolean;
}

/** A row Apply adds to a table: a figure or source new in the figures file. */
export interface AdditionRow {
  readonly key: string;
  readonly table: string;
  readonly sheetName: string;
  /** The row it takes ("Deal!A11:J11"), once every row added above it is in. */
  readonly address: string;
  readonly id: string;
  readonly label: string;
  /** Each cell it writes: its address ("A11"), its column's header and what it holds. */
  readonly cells: readonly { readonly address: string; readonly header: string; readonly value: string | number | boolean | null }[];
}

/** A change Apply makes to a name of the add-in's: listed, and declinable (the name is then the user's). */
export interface NameRow {
  readonly key: string;
  readonly name: string;
  readonly kind: "follow" | "restore" | "add" | "move";
  /** Where it refers now ("Deal!D7"), "" when it does not exist. */
  readonly from: string;
  /** Where Apply points it ("Deal!D5"). */
  readonly to: string;
  /** The change in words. */
  readonly sentence: string;
}

export interface UpdatePlan {
  /** Every cell Apply writes (refreshes) or may write (conflicts, when accepted), in sheet order. */
  readonly changes: readonly DiffRow[];
  /** The conflicts among `changes`: cells the user changed, kept unless accepted. */
  readonly conflicts: readonly DiffRow[];
  /** How many of `changes` are refreshes. */
  readonly refreshes: number;
  /** Notes whose figure's source text changed, and that still read what the add-in wrote: rewritten. */
  readonly notes: number;
  /** Rows Apply adds: figures and sources new in the figures file. */
  readonly additions: readonly AdditionRow[];
  /** Changes to the add-in's names, each declinable. */
  readonly nameChanges: readonly NameRow[];
  /** What of the add-in's is gone or out of reach, one sentence each ("The Deal sheet was deleted; …"). */
  readonly deleted: readonly string[];
  /** The hidden names Apply puts back, and names left to the user, one sentence each. */
  readonly names: readonly string[];
  /** Other things the user should know (a record rebuilt from the sheet, a newer layout). */
  readonly notices: readonly string[];
  /** What would make Apply refuse now (a protected sheet, …), one sentence each; empty when none. */
  readonly blockers: readonly string[];
  /** The add-in's sheets found in the workbook. */
  readonly sheets: readonly string[];
  /** Hands the review to Apply: Apply writes nothing if the workbook changed since. */
  readonly fingerprint: string;
}

/** What the user chose in a review: the conflict keys to accept, or those and the name change keys to decline. */
export type ApplyChoices = readonly string[] | { readonly accept: readonly string[]; readonly decline?: readonly string[] };

export interface UpdateReport {
  readonly cellsWritten: number;
  readonly accepted: number;
  readonly kept: number;
  /** Notes rewritten because their figure's source text changed (notes the user edited are kept). */
  readonly notesUpdated: number;
  /** Rows added for figures and sources new in the figures file. */
  readonly rowsAdded: number;
  readonly summary: string;
}

export type FailureKind =
  "protected" | "invalid-name" | "unsupported" | "not-empty" | "no-addin-sheets" | "changed-since-review" | "figures-file" | "excel";

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
