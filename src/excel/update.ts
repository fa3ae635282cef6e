/**
 * Review and Apply of an update. Review reads the workbook (one sync) and returns the plan as
 * rows; Apply reads again, checks that the plan is the one reviewed, and writes exactly it (one
 * more sync, and one before it only when a note's text changes, to read the notes it may rewrite).
 * A hidden name of the add-in that was deleted costs a few syncs more to find its block (recover.ts).
 */
import { buildBlock } from "../sheets";
import { toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { countCells, uniqueSheetName, type CellWrite } from "../ownership/layout";
import { changesOf, fingerprint, planWorkbook, type WorkbookPlan } from "../ownership/review";
import { recordAfter, type BlockPlan, type NoteChange } from "../ownership/update";
import { MESSAGES, NOTES_API, failure, protectedSheet } from "./failures";
import { queueCellWrites, queueChangeLog, queueMarker, queueRecord, queueRecordSheet } from "./queue";
import { CHANGE_LOG_SHEET, changeLogRows } from "../ownership/changelog";
import { DATASET, currentDataset } from "../figures";
import { RECORD_SHEET, markerName, recordName } from "../ownership/record";
import { readWorkbook, type WorkbookRead } from "./read";
import { rectRange, withLostMarkers } from "./recover";
import { TEXTS, applySummary, deletedSentences, diffRow, nameSentences, noticeSentences } from "./report";
import { guarded, isSupported } from "./support";
import type { ActionResult, UpdatePlan, UpdateReport } from "./types";

/** Builds a block's spec; the default is the sheet builders on the current dataset. */
export type SpecSource = (block: BlockId, options: { origin?: { row: number; col: number }; includeStockHistory?: boolean }) => SheetSpec;

export const defaultSource: SpecSource = (block, options) => buildBlock(block, { ...options, dataset: currentDataset() });

function planOf(read: WorkbookRead, source: SpecSource): WorkbookPlan {
  const markers = new Map(read.names.map((n) => [n.name.toUpperCase(), n.value]));
  return planWorkbook(
    read.blocks.map((b) => ({ ...b, marker: markers.get(markerName(b.block)) ?? null })),
    (block, origin, includeStockHistory) => source(block, { origin, includeStockHistory }),
    read.names,
  );
}

function reviewOf(plan: WorkbookPlan): UpdatePlan {
  const changes = changesOf(plan).map(diffRow);
  return {
    changes,
    conflicts: changes.filter((c) => c.kind === "conflict"),
    refreshes: changes.filter((c) => c.kind === "refresh").length,
    notes: plan.blocks.reduce((n, b) => n + b.notes.length, 0),
    deleted: deletedSentences(plan),
    names: nameSentences(plan),
    notices: noticeSentences(plan),
    sheets: plan.blocks.map((b) => b.sheet),
    fingerprint: fingerprint(plan),
  };
}

/** The workbook as an update reads it, blocks whose marker was deleted found by their record. */
async function readAll(context: Excel.RequestContext): Promise<WorkbookRead> {
  return withLostMarkers(context, await readWorkbook(context));
}

/** What an update would do: every cell it writes or may write, and what is gone. Reads only. */
export async function planUpdate(source: SpecSource = defaultSource): Promise<ActionResult<UpdatePlan>> {
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<UpdatePlan>> => {
      const plan = planOf(await readAll(context), source);
      if (plan.blocks.length === 0 && plan.sheetDeleted.length === 0) return failure("no-addin-sheets", MESSAGES.noAddinSheets);
      return { ok: true, value: reviewOf(plan) };
    }),
  );
}

/** The note changes whose note still reads what the add-in wrote (one sync, only when there are any). */
async function notesToWrite(context: Excel.RequestContext, changes: readonly NoteChange[]): Promise<NoteChange[]> {
  if (changes.length === 0 || !isSupported(NOTES_API)) return [];
  const notes = changes.map((c) =>
    context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(toA1(c.row, c.col)).load("content"),
  );
  await context.sync();
  return changes.filter((c, i) => !notes[i].isNullObject && notes[i].content === c.from);
}

function writesOf(b: BlockPlan, accepted: ReadonlySet<string>): CellWrite[] {
  return b.changes
    .filter((c) => c.kind === "refresh" || accepted.has(c.id))
    .map((c) => ({
      row: c.row,
      col: c.col,
      content: c.next,
      ...(c.cell.numberFormat !== undefined ? { numberFormat: c.cell.numberFormat } : {}),
    }));
}

/** The record sheet the bands are on; a workbook without one (from before the record) gets one. */
function recordSheetOf(wb: Excel.Workbook, read: WorkbookRead): string {
  const existing = read.blocks.find((b) => b.band)?.band?.sheet ?? read.recordSheet;
  if (existing) return existing;
  const name = uniqueSheetName(RECORD_SHEET, read.sheets);
  queueRecordSheet(wb, name);
  return name;
}

function queueApply(
  context: Excel.RequestContext,
  read: WorkbookRead,
  plan: WorkbookPlan,
  accepted: ReadonlySet<string>,
  notes: readonly NoteChange[],
): number {
  const wb = context.workbook;
  let cells = 0;
  const names = new Set(read.names.map((n) => n.name.toUpperCase()));
  const needsRecord =
    plan.records.length > 0 ||
    plan.blocks.some((b) => !b.recordComplete || writesOf(b, accepted).length > 0 || notes.some((n) => n.block === b.block));
  const recordSheet = needsRecord ? recordSheetOf(wb, read) : "";
  for (const { block, rect } of plan.markers) queueMarker(wb, block, rectRange(wb, rect), false);
  for (const b of plan.blocks) {
    const writes = writesOf(b, accepted);
    cells += countCells(writes);
    if (writes.length > 0) queueCellWrites(wb.worksheets.getItem(b.sheet), writes);
    for (const n of b.names) {
      wb.names.getItem(n.name).delete();
      wb.names.add(n.name, wb.worksheets.getItem(n.sheet).getRange(toA1(n.row, n.col)), n.comment);
    }
    const mine = notes.filter((n) => n.block === b.block);
    for (const n of mine) wb.worksheets.getItem(n.sheet).notes.getItem(toA1(n.row, n.col)).content = n.to;
    const band = read.blocks.find((r) => r.block === b.block)?.band;
    // The references in the record stay current by themselves; it is rewritten when something was.
    if (writes.length === 0 && mine.length === 0 && b.recordComplete && band && !plan.records.includes(b.block)) continue;
    queueRecord(wb, band?.sheet ?? recordSheet, recordAfter(b, accepted, mine), band?.rows ?? 0, names.has(recordName(b.block)));
  }
  return cells;
}

/**
 * Writes the reviewed update: every refresh and the accepted conflicts (ids from the review);
 * every other cell the user changed is kept, and user cells are never written.
 */
export async function applyUpdate(
  acceptedKeys: readonly string[],
  reviewed?: string,
  source: SpecSource = defaultSource,
): Promise<ActionResult<UpdateReport>> {
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<UpdateReport>> => {
      const read = await readAll(context);
      const plan = planOf(read, source);
      if (plan.blocks.length === 0 && plan.sheetDeleted.length === 0) return failure("no-addin-sheets", MESSAGES.noAddinSheets);
      if (reviewed !== undefined && reviewed !== fingerprint(plan)) return failure("changed-since-review", TEXTS.changedSinceReview);
      const accepted = new Set(acceptedKeys);
      const blocked = plan.blocks.find((b) => read.protectedSheets.has(b.sheet) && writesOf(b, accepted).length > 0);
      if (blocked) return protectedSheet(blocked.sheet);
      const notes = await notesToWrite(
        context,
        plan.blocks.flatMap((b) => [...b.notes]),
      );
      context.application.suspendScreenUpdatingUntilNextSync();
      const cellsWritten = queueApply(context, read, plan, accepted, notes);
      if (cellsWritten > 0) {
        const labels = new Map(changesOf(plan).map((c) => [c.id, diffRow(c).label]));
        const rows = changeLogRows(plan, accepted, labels, new Date().toISOString(), `${DATASET.version} (${DATASET.date})`);
        queueChangeLog(context.workbook, rows, read.changeLog, uniqueSheetName(CHANGE_LOG_SHEET, read.sheets), read.takenNames);
      }
      const renamed = plan.blocks.reduce((n, b) => n + b.names.length, 0) + plan.markers.length + plan.records.length;
      if (cellsWritten > 0 || notes.length > 0 || renamed > 0 || plan.blocks.some((b) => !b.recordComplete)) await context.sync();
      const conflicts = changesOf(plan).filter((c) => c.kind === "conflict");
      const taken = conflicts.filter((c) => accepted.has(c.id)).length;
      const counts = { cellsWritten, accepted: taken, kept: conflicts.length - taken, notesUpdated: notes.length };
      return {
        ok: true,
        value: { ...counts, summary: applySummary({ ...counts, deleted: [...nameSentences(plan, true), ...deletedSentences(plan)] }) },
      };
    }),
  );
}
