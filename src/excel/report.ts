/**
 * Every sentence the insert and update actions say, from one table, and the review's rows from
 * an update plan. Pure: no Office types.
 */
import { BLOCK_TITLES } from "../sheets";
import { DATASET, allFacts, findFigure, findSource, isLookupError } from "../figures";
import type { BlockId } from "../sheets/spec";
import { rangeA1, toA1 } from "../sheets/a1";
import type { SheetRect } from "../ownership/locate";
import { markerName, recordName } from "../ownership/record";
import type { WorkbookPlan } from "../ownership/review";
import type { BlockPlan, CellChange, Missing } from "../ownership/update";
import { displayWritten } from "../ownership/written";
import { EMPTY_ROW } from "../ownership/names";
import type { DiffRow } from "./types";

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function listInWords(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export const TEXTS = Object.freeze({
  sheetDeleted: (title: string) => `The ${title} sheet was deleted; Insert ${title} puts it back and re-points its names.`,
  rowDeleted: (what: string, title: string) =>
    `${what} was deleted from the ${title} block; it is not written again. To get it back, delete the ${title} sheet and Insert ${title}.`,
  movedAway: (what: string, title: string) =>
    `${what} was moved off the ${title} sheet; Deal Desk leaves it where it is and does not update it.`,
  duplicated: (what: string, title: string) =>
    `${what} appears more than once in the ${title} table (a copied row?); Deal Desk updates neither copy until one is removed.`,
  rebuilt: (titles: string) =>
    `Deal Desk's record of what it wrote was not found for ${titles} (a workbook from another version, or a damaged record): every cell that differs from the figures is shown as yours. Choose "Use new" where you want the new figure.`,
  unplaced: (n: number, title: string) =>
    `This version lays out the ${title} block differently: ${plural(n, "cell", "cells")} of the new layout have no place in your sheet and are not written. Insert the block on a new sheet to see the new layout.`,
  nameBack: (name: string, from: string, fromWhat: string, to: string, toWhat: string, done: boolean) =>
    done
      ? `The name ${name} referred to ${from}, ${fromWhat.charAt(0).toLowerCase()}${fromWhat.slice(1)}, since the table was sorted; Deal Desk pointed it back at ${to}, ${toWhat.charAt(0).toLowerCase()}${toWhat.slice(1)}.`
      : `The name ${name} refers to ${from}, ${fromWhat.charAt(0).toLowerCase()}${fromWhat.slice(1)}, since the table was sorted; Apply points it back at ${to}, ${toWhat.charAt(0).toLowerCase()}${toWhat.slice(1)}.`,
  // "Apply puts it back" in a review; "Deal Desk put it back" once Insert or Apply has.
  markerBack: (name: string, title: string, address: string, done: boolean) =>
    `The hidden name ${name}, which tells Deal Desk where the ${title} block is, was deleted; Deal Desk found the block by its record, and ${done ? "put the name back" : "Apply puts the name back"} on ${address}.`,
  recordBack: (name: string, title: string, done: boolean) =>
    `The hidden name ${name}, which points to Deal Desk's record of what it wrote in the ${title} block, was deleted; Deal Desk found the record on its hidden sheet, and ${done ? "put the name back" : "Apply puts the name back"}.`,
  upToDate: "Everything is up to date: no cell was written.",
  changedSinceReview:
    "The workbook changed since you reviewed the update, so nothing was written. Review the update again to see what it would do now.",
});

function figureText(id: string): { label: string; sourceId: string; status: string; asOf: string } | null {
  const figure = findFigure(id);
  if (!isLookupError(figure)) return figure;
  return allFacts().find((f) => f.id === id) ?? null;
}

/** What a recorded cell is, in words: "the row of OpenAI valuation before the round". */
function describeKey(key: string): string {
  if (key === EMPTY_ROW) return "An empty row of the table";
  const [kind, first, second] = key.split("|");
  if (kind === "fig") return `The row of ${figureText(first)?.label ?? first}`;
  if (kind === "head") return `The ${second} column of the ${first} table`;
  if (kind === "row") return `The row “${first}”`;
  return `Cell ${second ?? first}`;
}

function missingSentences(plan: BlockPlan): string[] {
  const title = BLOCK_TITLES[plan.block];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of plan.missing as Missing[]) {
    const what = describeKey(m.key);
    if (seen.has(what)) continue;
    seen.add(what);
    out.push(
      m.state === "deleted"
        ? TEXTS.rowDeleted(what, title)
        : m.state === "moved-away"
          ? TEXTS.movedAway(what, title)
          : TEXTS.duplicated(what, title),
    );
  }
  return out;
}

/** Everything deleted or out of reach, one sentence each. */
export function deletedSentences(plan: WorkbookPlan): string[] {
  return [...plan.sheetDeleted.map((b) => TEXTS.sheetDeleted(BLOCK_TITLES[b])), ...plan.blocks.flatMap(missingSentences)];
}

/**
 * The names Apply points back at their figure's row, and the block markers and record names it
 * adds again, one sentence each: as a review says them, or (`done`) once Apply has.
 */
export function nameSentences(plan: WorkbookPlan, done = false): string[] {
  return [
    ...lostNameSentences(
      [
        ...plan.markers.map((m) => ({ block: m.block, rect: m.rect, band: false })),
        ...plan.records.map((block) => ({ block, rect: null, band: true })),
      ],
      done,
    ),
    ...plan.blocks.flatMap((b) =>
      b.names.map((n) =>
        TEXTS.nameBack(
          n.name,
          `${n.sheet}!${n.from}`,
          describeKey(n.fromKey),
          `${n.sheet}!${toA1(n.row, n.col)}`,
          describeKey(n.key),
          done,
        ),
      ),
    ),
  ];
}

/** A sentence for each block marker (with where it goes) and record name put back. */
export function lostNameSentences(lost: readonly { block: BlockId; rect: SheetRect | null; band: boolean }[], done: boolean): string[] {
  return lost.flatMap(({ block, rect, band }) => [
    ...(rect
      ? [
          TEXTS.markerBack(
            markerName(block),
            BLOCK_TITLES[block],
            `${rect.sheet}!${rangeA1(rect.top, rect.left, rect.bottom, rect.right)}`,
            done,
          ),
        ]
      : []),
    ...(band ? [TEXTS.recordBack(recordName(block), BLOCK_TITLES[block], done)] : []),
  ]);
}

export function noticeSentences(plan: WorkbookPlan): string[] {
  const out: string[] = [];
  if (plan.rebuilt.length > 0) out.push(TEXTS.rebuilt(listInWords(plan.rebuilt.map((b: BlockId) => BLOCK_TITLES[b]))));
  for (const b of plan.blocks) if (b.unplaced > 0) out.push(TEXTS.unplaced(b.unplaced, BLOCK_TITLES[b.block]));
  return out;
}

function labelOf(change: CellChange): { label: string; source: string } {
  const [, first, second] = change.id.slice(change.block.length + 1).split("|");
  const dataset = `Deal Desk dataset ${DATASET.version} (${DATASET.date})`;
  const figure = change.cell.figureId ? figureText(change.cell.figureId) : null;
  if (figure) {
    const src = findSource(figure.sourceId);
    const column = second && !/^\d+,\d+$/.test(second) ? ` — ${second}` : "";
    return {
      label: `${figure.label}${column}`,
      source: `${src ? src.title : figure.sourceId} (${figure.status}, as of ${figure.asOf}); ${dataset}`,
    };
  }
  const label = change.id.includes("|row|") ? first : `Cell ${toA1(change.row, change.col)}`;
  return { label, source: dataset };
}

export function diffRow(change: CellChange): DiffRow {
  const { label, source } = labelOf(change);
  return {
    key: change.id,
    kind: change.kind,
    sheetName: change.sheet,
    address: toA1(change.row, change.col),
    figureId: change.cell.figureId ?? "",
    label,
    userValue: displayWritten(change.now),
    newValue: displayWritten(change.next),
    source,
  };
}

export interface ApplyCounts {
  readonly cellsWritten: number;
  readonly accepted: number;
  readonly kept: number;
  readonly notesUpdated: number;
  readonly deleted: readonly string[];
}

export function applySummary(c: ApplyCounts): string {
  const refreshed = c.cellsWritten - c.accepted;
  const parts = [
    c.cellsWritten === 0
      ? TEXTS.upToDate
      : `Updated ${plural(c.cellsWritten, "cell", "cells")} (${plural(refreshed, "refreshed cell", "refreshed cells")}, ${plural(c.accepted, "accepted change", "accepted changes")}).`,
  ];
  if (c.notesUpdated > 0) parts.push(`Rewrote ${plural(c.notesUpdated, "note", "notes")} whose source text changed.`);
  if (c.kept > 0) parts.push(`Kept ${plural(c.kept, "cell", "cells")} you changed.`);
  return [...parts, ...c.deleted].join(" ");
}
