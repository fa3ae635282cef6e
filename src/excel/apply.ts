/**
 * Apply of a reviewed update. The promise, in one sentence: Apply writes exactly the cells, values
 * and names the review showed, or nothing, and nothing the user owns, whatever they did to the
 * workbook in between. So Apply reads and plans again, and writes only when
 * - its plan is the reviewed one, target by target: what each cell, note and name holds now is in
 *   the fingerprint (compare and swap; any difference: nothing is written, review again);
 * - nothing Excel could refuse is in the way (preflight: protected sheets and structure, a table of
 *   the user's the new rows would cut), checked before the first write;
 * and it queues the writes so that a failure half-way leaves a record claiming only what was
 * written (queue-update.ts). One write sync.
 */
import { CHANGE_LOG_SHEET, changeLogRows, rowsForLog } from "../ownership/changelog";
import { uniqueSheetName } from "../ownership/layout";
import { refusal } from "../ownership/preflight";
import { RECORD_SHEET, markerName, recordName } from "../ownership/record";
import { changesOf, fingerprint, nameChangesOf, namesTaken, recordAfter, type Choices, type WorkbookPlan } from "../ownership/review";
import type { BlockPlan, NoteChange } from "../ownership/update";
import { DATASET } from "../figures";
import { MESSAGES, failure } from "./failures";
import { queueChangeLog, queueMarker, queueRecord, queueRecordSheet } from "./queue";
import { queueCellChanges, queueLogValues, queueNameChanges, queueNewRows, queueNotes } from "./queue-update";
import { rectRange } from "./recover";
import { TEXTS, applySummary, blockerSentences, deletedSentences, diffRow, nameSentences, refusalFailure } from "./report";
import { guarded } from "./support";
import type { ActionResult, ApplyChoices, UpdateReport } from "./types";
import { currentPlan, defaultSource, planWithLog, stateOf, type SpecSource, type UpdateRead } from "./update";

function choicesOf(c: ApplyChoices): Choices {
  if (Array.isArray(c)) return { accept: new Set(c as readonly string[]), decline: new Set() };
  const o = c as { accept: readonly string[]; decline?: readonly string[] };
  return { accept: new Set(o.accept), decline: new Set(o.decline ?? []) };
}

/** Whether Apply rewrites a block's band: when it writes anything of the block, or the record must be mended. */
function rewritesRecord(plan: WorkbookPlan, b: BlockPlan, choices: Choices): boolean {
  const taken = b.changes.some((c) => c.kind === "refresh" || choices.accept.has(c.id));
  const tableRenamed = Object.entries(b.tableNames).some(([spec, name]) => b.record.meta.tables[spec] !== name);
  return (
    taken ||
    b.notes.length > 0 ||
    b.names.length > 0 ||
    // a name of its record taken by another block's row (recordAfter gives it up)
    namesTaken(plan, b).length > 0 ||
    b.additions.length > 0 ||
    !b.recordComplete ||
    plan.records.includes(b.block) ||
    tableRenamed
  );
}

function queueRecords(
  context: Excel.RequestContext,
  read: UpdateRead,
  plan: WorkbookPlan,
  choices: Choices,
  notes: readonly NoteChange[],
): void {
  const wb = context.workbook;
  const blocks = plan.blocks.filter((b) => rewritesRecord(plan, b, choices));
  if (blocks.length === 0) return;
  const names = new Set(read.names.map((n) => n.name.toUpperCase()));
  let sheet = read.blocks.find((b) => b.band)?.band?.sheet ?? read.recordSheet;
  if (!sheet) {
    sheet = uniqueSheetName(RECORD_SHEET, read.sheets);
    queueRecordSheet(wb, sheet);
  }
  for (const b of blocks) {
    const band = read.blocks.find((r) => r.block === b.block)?.band;
    const mine = notes.filter((n) => n.block === b.block);
    queueRecord(wb, band?.sheet ?? sheet, recordAfter(plan, b, choices, mine), band?.rows ?? 0, names.has(recordName(b.block)));
  }
}

function logRows(plan: WorkbookPlan, choices: Choices): (string | number | boolean)[][] {
  const labels = new Map(changesOf(plan).map((c) => [c.id, diffRow(c).label]));
  return changeLogRows(plan, choices, labels, new Date().toISOString(), `${DATASET.version} (${DATASET.date})`);
}

/** Queues every write of the Apply, in the order that keeps the promise; returns the cells and names written. */
function queueAll(
  context: Excel.RequestContext,
  read: UpdateRead,
  plan: WorkbookPlan,
  c: Choices,
  notes: readonly NoteChange[],
  log: number,
): { cells: number; renamed: number } {
  const wb = context.workbook;
  const added = queueNewRows(wb, plan);
  const cells = queueCellChanges(wb, plan, c) + added;
  queueNotes(wb, plan, notes);
  const renamed = queueNameChanges(wb, plan, nameChangesOf(plan), c);
  const names = new Set(read.names.map((n) => n.name.toUpperCase()));
  for (const { block, rect } of plan.markers) {
    const [top, bottom] = [plan.shift.row(rect.sheet, rect.top, rect.left), plan.shift.row(rect.sheet, rect.bottom, rect.left)];
    queueMarker(wb, block, rectRange(wb, { ...rect, top, bottom }), names.has(markerName(block)));
  }
  if (log > 0) {
    const rows = rowsForLog(logRows(plan, c), read.changeLog);
    if (plan.log) queueLogValues(wb, plan, rows);
    else queueChangeLog(wb, rows, null, uniqueSheetName(CHANGE_LOG_SHEET, read.sheets), read.takenNames);
  }
  queueRecords(context, read, plan, c, notes);
  return { cells, renamed };
}

/**
 * Writes the reviewed update: every refresh, the accepted conflicts, the new rows and the name
 * changes not declined; every other cell the user changed is kept, and user cells are never written.
 */
export async function applyUpdate(
  choices: ApplyChoices,
  reviewed?: string,
  source: SpecSource = defaultSource,
): Promise<ActionResult<UpdateReport>> {
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<UpdateReport>> => {
      const current = await currentPlan(context, source);
      const read = current.read;
      if (current.plan.blocks.length === 0 && current.plan.sheetDeleted.length === 0)
        return failure("no-addin-sheets", MESSAGES.noAddinSheets);
      if (reviewed !== undefined && reviewed !== fingerprint(current.plan))
        return failure("changed-since-review", TEXTS.changedSinceReview);
      const c = choicesOf(choices);
      const notes = current.plan.blocks.flatMap((b) => [...b.notes]);
      const writes =
        changesOf(current.plan).some((x) => x.kind === "refresh" || c.accept.has(x.id)) ||
        current.plan.blocks.some((b) => b.additions.length > 0);
      const log = writes || nameChangesOf(current.plan).length > 0 ? logRows(current.plan, c).length : 0;
      const plan = planWithLog(read, current.plan, log);
      const records = plan.blocks.some((b) => rewritesRecord(plan, b, c));
      const blocked = refusal(plan, c, notes, stateOf(read), log > 0, records);
      if (blocked) return refusalFailure(blocked, blockerSentences(blocked));
      const anything = writes || notes.length > 0 || nameChangesOf(plan).length > 0 || records || plan.markers.length > 0;
      // Only when there is something to write: Excel.run syncs whatever is left queued at its end.
      if (anything) context.application.suspendScreenUpdatingUntilNextSync();
      const { cells: cellsWritten, renamed } = queueAll(context, read, plan, c, notes, log);
      if (anything || renamed > 0) await context.sync();
      const conflicts = changesOf(plan).filter((x) => x.kind === "conflict");
      const taken = conflicts.filter((x) => c.accept.has(x.id)).length;
      const counts = {
        cellsWritten,
        accepted: taken,
        kept: conflicts.length - taken,
        notesUpdated: notes.length,
        rowsAdded: plan.blocks.reduce((n, b) => n + b.additions.length, 0),
      };
      return {
        ok: true,
        value: { ...counts, summary: applySummary({ ...counts, deleted: [...nameSentences(plan, true, c), ...deletedSentences(plan)] }) },
      };
    }),
  );
}
