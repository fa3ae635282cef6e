/**
 * Review of an update: the workbook read (two syncs: names, sheets, records and marker areas;
 * then the blocks' tables and any cell that moved out of its area; a third only when a figure's
 * note text changed, to read the notes it may rewrite), planned in pure code (src/ownership), and
 * returned as rows the pane lists. Apply (apply.ts) reads and plans again and writes only when its
 * plan is the reviewed one.
 */
import { BLOCK_TITLES, buildBlock } from "../sheets";
import { toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { currentDataset } from "../figures";
import { changesOf, planWorkbook, fingerprint, withLog, type WorkbookPlan } from "../ownership/review";
import { refusal, type WorkbookState } from "../ownership/preflight";
import type { NoteChange } from "../ownership/update";
import { markerName } from "../ownership/record";
import { hasLogName } from "../ownership/changelog";
import { MESSAGES, NOTES_API, failure } from "./failures";
import { readWorkbook, type WorkbookRead } from "./read";
import { readCells, type CellsRead } from "./read-cells";
import {
  additionRows,
  blockerSentences,
  deletedSentences,
  diffRow,
  labelOfId,
  nameRows,
  nameSentences,
  noticeSentences,
  otherLogSentence,
  TEXTS,
} from "./report";
import { guarded, isSupported } from "./support";
import type { ActionResult, UpdatePlan } from "./types";

/** Builds a block's spec; the default is the sheet builders on the figures in use. */
export type SpecSource = (block: BlockId, options: { origin?: { row: number; col: number }; includeStockHistory?: boolean }) => SheetSpec;

export const defaultSource: SpecSource = (block, options) => buildBlock(block, { ...options, dataset: currentDataset() });

/** The workbook as an update reads it: everything of `read`, and each block's cells wherever they are. */
export interface UpdateRead extends WorkbookRead {
  readonly found: CellsRead;
}

export async function readForUpdate(context: Excel.RequestContext): Promise<UpdateRead> {
  const read = await readWorkbook(context);
  return { ...read, found: await readCells(context, read) };
}

function planOf(read: UpdateRead, source: SpecSource): WorkbookPlan {
  const markers = new Map(read.names.map((n) => [n.name.toUpperCase(), n.value]));
  return planWorkbook(
    read.found.blocks.map((b) => ({ ...b, marker: markers.get(markerName(b.block)) ?? null })),
    (block, origin, includeStockHistory) => source(block, { origin, includeStockHistory }),
    read.names,
    labelOfId,
    (id) => {
      const figure = currentDataset().figures.find((f) => f.id === id);
      return figure ? BLOCK_TITLES[figure.block] : null;
    },
  );
}

/** The notes whose text the figures changed and that still read what the add-in wrote (one sync, only when there are any). */
async function notesStillOurs(context: Excel.RequestContext, changes: readonly NoteChange[]): Promise<Set<NoteChange>> {
  if (changes.length === 0 || !isSupported(NOTES_API)) return new Set();
  const notes = changes.map((c) =>
    context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(toA1(c.row, c.col)).load("content"),
  );
  await context.sync();
  return new Set(changes.filter((c, i) => !notes[i].isNullObject && notes[i].content === c.from));
}

/**
 * The workbook's update plan as the review shows it and Apply writes it: read, planned, and its
 * note changes kept only where the note still reads what the add-in wrote.
 */
export async function currentPlan(context: Excel.RequestContext, source: SpecSource): Promise<{ read: UpdateRead; plan: WorkbookPlan }> {
  const read = await readForUpdate(context);
  const planned = planOf(read, source);
  const ours = await notesStillOurs(
    context,
    planned.blocks.flatMap((b) => [...b.notes]),
  );
  const plan = { ...planned, blocks: planned.blocks.map((b) => ({ ...b, notes: b.notes.filter((n) => ours.has(n)) })) };
  return { read, plan };
}

/** What Apply needs to know of the workbook to refuse before writing. */
export function stateOf(read: UpdateRead): WorkbookState {
  const log = read.changeLog ? read.found.tables.find((t) => t.name.toUpperCase() === read.changeLog?.name.toUpperCase()) : undefined;
  return {
    protectedSheets: read.protectedSheets,
    structureProtected: read.structureProtected,
    recordSheet: read.blocks.find((b) => b.band)?.band?.sheet ?? read.recordSheet,
    logSheet: log?.sheet ?? null,
    tables: read.found.tables,
  };
}

/** The plan with the log's new rows, when Apply appends `rows` rows to an existing log: they move what is below it. */
export function planWithLog(read: UpdateRead, plan: WorkbookPlan, rows: number): WorkbookPlan {
  const log = read.changeLog ? read.found.tables.find((t) => t.name.toUpperCase() === read.changeLog?.name.toUpperCase()) : undefined;
  return log ? withLog(plan, { ...log, table: log.name }, rows) : plan;
}

/** A table named as the change log (DealChanges, DealChanges_2 …) that findChangeLog did not take for it. */
function namedLikeLog(read: UpdateRead): { name: string; sheet: string } | undefined {
  return read.found.tables.find((t) => hasLogName(t.name));
}

export function reviewOf(plan: WorkbookPlan, read: UpdateRead): UpdatePlan {
  const changes = changesOf(plan).map(diffRow);
  const notes = plan.blocks.flatMap((b) => [...b.notes]);
  const writes = changes.length > 0 || plan.blocks.some((b) => b.additions.length > 0 || b.names.length > 0);
  const logged = writes ? changes.length + plan.blocks.reduce((n, b) => n + b.additions.length + b.names.length, 0) : 0;
  // The log's new rows move what is below it on its sheet, as the tables' new rows do: each new
  // row, and each cell a name is pointed at, is shown where it is once Apply has written them.
  const withLogRows = planWithLog(read, plan, logged);
  // What stops Apply whatever the user chooses (every conflict kept), and what stops it only once
  // they choose a conflict's new value (every conflict accepted): said apart, so neither overstates.
  const state = stateOf(read);
  const none = { accept: new Set<string>(), decline: new Set<string>() };
  const all = { accept: new Set(changes.map((c) => c.key)), decline: new Set<string>() };
  const writesKept = changes.some((c) => c.kind === "refresh") || plan.blocks.some((b) => b.additions.length > 0 || b.names.length > 0);
  // With every conflict kept and nothing else to write, Apply logs nothing: the log's sheet is not written.
  const keptPlan = writesKept ? withLogRows : planWithLog(read, plan, 0);
  const sure = refusal(keptPlan, none, notes, state, writesKept, writesKept || notes.length > 0);
  const ifTaken = sure ? null : refusal(withLogRows, all, notes, state, writes, writes || notes.length > 0);
  return {
    changes,
    conflicts: changes.filter((c) => c.kind === "conflict"),
    refreshes: changes.filter((c) => c.kind === "refresh").length,
    notes: notes.length,
    additions: additionRows(withLogRows),
    nameChanges: nameRows(withLogRows),
    deleted: deletedSentences(plan),
    names: nameSentences(withLogRows),
    notices: [...noticeSentences(plan), ...otherLogSentence(logged > 0 && !read.changeLog ? namedLikeLog(read) : undefined)],
    blockers: sure ? blockerSentences(sure) : ifTaken ? blockerSentences(ifTaken).map(TEXTS.ifUseNew) : [],
    sheets: plan.blocks.map((b) => b.sheet),
    fingerprint: fingerprint(plan),
  };
}

/** What an update would do: every cell, row and name it writes or may write, and what is gone. Reads only. */
export async function planUpdate(source: SpecSource = defaultSource): Promise<ActionResult<UpdatePlan>> {
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<UpdatePlan>> => {
      const { read, plan } = await currentPlan(context, source);
      if (plan.blocks.length === 0 && plan.sheetDeleted.length === 0) return failure("no-addin-sheets", MESSAGES.noAddinSheets);
      return { ok: true, value: reviewOf(plan, read) };
    }),
  );
}
