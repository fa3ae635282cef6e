/**
 * Every sentence the insert and update actions say, from one table, and the review's rows from
 * an update plan. Pure: no Office types.
 */
import { BLOCK_TITLES } from "../sheets";
import { CHANGE_LOG_HEADERS } from "../ownership/changelog";
import { DATASET, allFacts, allSources, findFigure, findSource, isLookupError } from "../figures";
import type { BlockId } from "../sheets/spec";
import { rangeA1, toA1 } from "../sheets/a1";
import type { SheetRect } from "../ownership/cells";
import { addedContents } from "../ownership/additions";
import { markerName, recordName } from "../ownership/record";
import type { Refusal } from "../ownership/preflight";
import { additionRow, additionsOf, nameChangesOf, nameTarget, type Choices, type WorkbookPlan } from "../ownership/review";
import type { BlockPlan, CellChange, Missing } from "../ownership/update";
import { displayWritten } from "../ownership/written";
import { ELSEWHERE, EMPTY_ROW, type NameChange } from "../ownership/names";
import { failure } from "./failures";
import type { ActionFailure, AdditionRow, DiffRow, NameRow } from "./types";

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function listInWords(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function lower(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

export const TEXTS = Object.freeze({
  sheetDeleted: (title: string) => `The ${title} sheet was deleted; Insert ${title} puts it back and re-points its names.`,
  rowDeleted: (what: string, title: string) =>
    `${what} was deleted from the ${title} block; Deal Desk does not write it again, and every other cell of the block still updates.`,
  columnDeleted: (header: string, table: string, title: string) =>
    `The ${header} column of the ${table} table was deleted from the ${title} block; Deal Desk does not write it again${header === "Id" ? ", and finds the table's rows by the labels it wrote instead" : ""}.`,
  unread: (what: string, title: string) =>
    `${what} of the ${title} block could not be read where its reference points; Deal Desk leaves it as it is and does not update it.`,
  duplicated: (what: string, title: string) =>
    `${what} appears more than once in the ${title} table (a copied row?); Deal Desk updates neither copy until one is removed.`,
  rebuilt: (titles: string) =>
    `Deal Desk's record of what it wrote was not found for ${titles} (a workbook from another version, or a damaged record): every cell that differs from the figures is shown as yours. Choose "Use new" where you want the new figure.`,
  unplaced: (n: number, title: string) =>
    `This version lays out the ${title} block differently: ${plural(n, "cell", "cells")} of the new layout have no place in your sheet and are not written. Insert the block on a new sheet to see the new layout.`,
  nameBack: (name: string, from: string, fromWhat: string, to: string, toWhat: string, done: boolean) =>
    done
      ? `The name ${name} referred to ${from}, ${lower(fromWhat)}, where a sort or a move had left it; Deal Desk pointed it back at ${to}, ${lower(toWhat)}.`
      : `The name ${name} refers to ${from}, ${lower(fromWhat)}, where a sort or a move left it; Apply points it back at ${to}, ${lower(toWhat)}, unless you keep it where it is.`,
  nameRestore: (name: string, to: string, toWhat: string, done: boolean) =>
    done
      ? `The name ${name} had been deleted; Deal Desk made it again on ${to}, ${lower(toWhat)}.`
      : `The name ${name} was deleted; Apply makes it again on ${to}, ${lower(toWhat)}, unless you leave it deleted.`,
  nameAdd: (name: string, to: string, label: string, done: boolean) =>
    done ? `Deal Desk named ${to}, ${label}, ${name}.` : `Apply names ${to}, ${label}, ${name}, unless you decline it.`,
  nameDeclined: (name: string) => `The name ${name} was left as it is, and is yours from now on: Deal Desk will not change it again.`,
  otherLog: (table: string, sheet: string) =>
    `The table ${table} on the sheet "${sheet}" does not have the change log's columns (${CHANGE_LOG_HEADERS.join(", ")}), so Apply leaves it as it is and starts a new change log beside your sheets. To keep one log, name its columns back.`,
  nameMove: (name: string, from: string, to: string, title: string, done: boolean, newRow = true) =>
    done
      ? `The name ${name} moved with its figure from ${from} to ${to}, its row on the ${title} sheet.`
      : `The figures file now shows the figure named ${name} on the ${title} sheet: Apply moves the name from ${from} to ${to}, its ${newRow ? "new " : ""}row there, so that models using the name read it, unless you keep the name where it is.`,
  nameLeftAlone: (name: string) =>
    `A new figure's name, ${name}, is already a name in your workbook: Deal Desk leaves yours alone, and the new row has no name.`,
  rangeTable: (table: string, title: string, labels: readonly string[]) =>
    `The ${table} table on the ${title} sheet is no longer an Excel table (Table Design › Convert to Range), so Apply does not add ${labels.length === 1 ? "the figure" : "the figures"} new in the figures file (${labels.join("; ")}): a table's new rows move what is below it, plain cells do not. Make it a table again (Insert › Table) and review again, or insert the ${title} block on a new sheet to see ${labels.length === 1 ? "it" : "them"}.`,
  legacyTable: (table: string, title: string) =>
    `The ${table} table on the ${title} sheet was inserted by an older version of Deal Desk, which did not record its rows by id: figures new in the figures file are not added to it. Insert ${title} on a new sheet to see them.`,
  rowsAdded: (n: number) => `Added ${plural(n, "row", "rows")} for figures or sources new in the figures file.`,
  // "Apply puts it back" in a review; "Deal Desk put it back" once Insert or Apply has.
  markerBack: (name: string, title: string, address: string, done: boolean) =>
    `The hidden name ${name}, which tells Deal Desk where the ${title} block is, was deleted; Deal Desk found the block by its record, and ${done ? "put the name back" : "Apply puts the name back"} on ${address}.`,
  recordBack: (name: string, title: string, done: boolean) =>
    `The hidden name ${name}, which points to Deal Desk's record of what it wrote in the ${title} block, was deleted; Deal Desk found the record on its hidden sheet, and ${done ? "put the name back" : "Apply puts the name back"}.`,
  /** A blocker that stands only once the user chooses a conflict's new value. */
  ifUseNew: (blocker: string) => `Only if you choose "Use new" for a conflict: ${blocker.charAt(0).toLowerCase()}${blocker.slice(1)}`,
  upToDate: "Everything is up to date: no cell was written.",
  changedSinceReview:
    "The workbook changed since you reviewed the update, so nothing was written. Review the update again to see what it would do now.",
});

function figureText(id: string): { label: string; sourceId: string; status: string; asOf: string } | null {
  const figure = findFigure(id);
  if (!isLookupError(figure)) return figure;
  return allFacts().find((f) => f.id === id) ?? null;
}

/** A row's id in words for the review: a figure's or fact's label, a source's title, else the id. */
export function labelOfId(id: string): string {
  return figureText(id)?.label ?? allSources().find((s) => s.id === id)?.title ?? id;
}

/** What a recorded cell is, in words: "the row of OpenAI valuation before the round". */
function describeKey(key: string): string {
  if (key === EMPTY_ROW) return "An empty row of the table";
  if (key === ELSEWHERE) return "A cell of yours";
  const [kind, first, second] = key.split("|");
  if (kind === "fig") return `The row of ${labelOfId(first)}`;
  if (kind === "head") return `The ${second} column of the ${first} table`;
  if (kind === "row") return `The row “${first}”`;
  return `Cell ${second ?? first}`;
}

/**
 * What of a recorded cell is gone, in words: a table's column once (its header deleted), a row's
 * cell only when the rest of its row is there, the row otherwise.
 */
function missingWhat(key: string, missing: ReadonlySet<string>, present: ReadonlySet<string>): string | null {
  const [kind, first, second] = key.split("|");
  if (kind === "fig" && second !== undefined && !/^\d+,\d+$/.test(second)) {
    if ([...missing].some((k) => k.startsWith("head|") && k.endsWith(`|${second}`))) return null;
    if ([...present].some((k) => k.startsWith(`fig|${first}|`))) return `The ${second} cell of ${lower(describeKey(key))}`;
  }
  return describeKey(key);
}

function missingSentences(plan: BlockPlan): string[] {
  const title = BLOCK_TITLES[plan.block];
  const missing = new Set(plan.missing.map((m) => m.key));
  const present = new Set(plan.kept.filter((k) => k.place).map((k) => k.cell.key));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of plan.missing as Missing[]) {
    const [kind, table, header] = m.key.split("|");
    if (kind === "head" && m.state === "deleted") {
      out.push(TEXTS.columnDeleted(header, table, title));
      continue;
    }
    const what = missingWhat(m.key, missing, present);
    if (what === null || seen.has(what)) continue;
    seen.add(what);
    out.push(
      m.state === "deleted"
        ? TEXTS.rowDeleted(what, title)
        : m.state === "unread"
          ? TEXTS.unread(what, title)
          : TEXTS.duplicated(what, title),
    );
  }
  return out;
}

/** Everything deleted or out of reach, one sentence each. */
export function deletedSentences(plan: WorkbookPlan): string[] {
  return [...plan.sheetDeleted.map((b) => TEXTS.sheetDeleted(BLOCK_TITLES[b])), ...plan.blocks.flatMap(missingSentences)];
}

/** A name change in words, as the review says it or (`done`) once Apply made it. */
export function nameChangeSentence(plan: WorkbookPlan, n: NameChange, done: boolean): string {
  const after = nameTarget(plan, n);
  // Where Apply points it, once the tables (and the log) above it have their new rows: the cell the review's row shows.
  const to = `${after.sheet}!${toA1(after.row, after.col)}`;
  if (n.kind === "follow") return TEXTS.nameBack(n.name, n.from, describeKey(n.fromKey), to, describeKey(n.key), done);
  if (n.kind === "restore") return TEXTS.nameRestore(n.name, to, describeKey(n.key), done);
  if (n.kind === "move") return TEXTS.nameMove(n.name, n.from, to, BLOCK_TITLES[n.block], done, n.addition !== undefined);
  return TEXTS.nameAdd(n.name, to, lower(describeKey(n.key)), done);
}

/** The review's declinable name changes. */
export function nameRows(plan: WorkbookPlan): NameRow[] {
  return nameChangesOf(plan).map((n) => {
    const at = nameTarget(plan, n);
    return {
      key: n.id,
      name: n.name,
      kind: n.kind,
      from: n.from,
      to: `${at.sheet}!${toA1(at.row, at.col)}`,
      sentence: nameChangeSentence(plan, n, false),
    };
  });
}

/**
 * The hidden names Apply puts back and the new figures' names left to the user, one sentence
 * each; once Apply has (`done`), also the name changes it made or left as declined.
 */
export function nameSentences(plan: WorkbookPlan, done = false, choices?: Choices): string[] {
  const lost = lostNameSentences(
    [
      ...plan.markers.map((m) => ({ block: m.block, rect: m.rect, band: false })),
      ...plan.records.map((block) => ({ block, rect: null, band: true })),
    ],
    done,
  );
  const changed = done
    ? nameChangesOf(plan).map((n) => (choices?.decline.has(n.id) ? TEXTS.nameDeclined(n.name) : nameChangeSentence(plan, n, true)))
    : [];
  const leftAlone = plan.blocks.flatMap((b) => b.namesLeftAlone.map((n) => TEXTS.nameLeftAlone(n.name)));
  return [...lost, ...changed, ...leftAlone];
}

/** The rows Apply adds, with where each lands and what it writes. */
export function additionRows(plan: WorkbookPlan): AdditionRow[] {
  return additionsOf(plan).map((a) => {
    const row = additionRow(plan, a);
    const contents = addedContents(a, row);
    const cols = contents.map((c) => c.col);
    return {
      key: a.id,
      table: a.tableName,
      sheetName: a.sheet,
      address: `${a.sheet}!${rangeA1(row, Math.min(...cols), row, Math.max(...cols))}`,
      id: a.rowId,
      label: a.label,
      cells: contents.map((c) => ({
        address: toA1(row, c.col),
        header: a.cells.find((x) => x.key === c.key)?.header ?? "",
        value: displayWritten(c.content),
      })),
    };
  });
}

/** What stands in Apply's way, in words. */
export function blockerSentences(r: Refusal): string[] {
  if (r.kind === "protected-sheets")
    return [
      `${r.sheets.length === 1 ? `The sheet "${r.sheets[0]}" is` : `The sheets ${listInWords(r.sheets.map((s) => `"${s}"`))} are`} protected, and Apply writes there. Unprotect ${r.sheets.length === 1 ? "it" : "them"} (Review › Unprotect Sheet), then apply; until then Apply writes nothing.`,
    ];
  if (r.kind === "protected-structure")
    return [
      `The workbook's structure is protected, and Apply adds ${listInWords(r.adds)}. Unprotect it (Review › Protect Workbook), then apply; until then Apply writes nothing.`,
    ];
  return [
    `Apply adds rows at the end of the table ${r.by} on "${r.sheet}", which moves what is below it down; the table ${r.table} is below it in part of those columns, and Excel does not move part of a table. Move ${r.table} elsewhere, then apply; until then Apply writes nothing.`,
  ];
}

/** The failure Apply returns when it refuses before writing. */
export function refusalFailure(r: Refusal, sentences: readonly string[]): ActionFailure {
  return failure(r.kind === "split-table" ? "excel" : "protected", `${sentences.join(" ")} Nothing was changed.`);
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

/** A table named as the change log that is not it (its columns renamed, or a table of the user's), when Apply writes a log. */
export function otherLogSentence(table: { name: string; sheet: string } | undefined): string[] {
  return table ? [TEXTS.otherLog(table.name, table.sheet)] : [];
}

export function noticeSentences(plan: WorkbookPlan): string[] {
  const out: string[] = [];
  if (plan.rebuilt.length > 0) out.push(TEXTS.rebuilt(listInWords(plan.rebuilt.map((b: BlockId) => BLOCK_TITLES[b]))));
  for (const b of plan.blocks) if (b.unplaced > 0) out.push(TEXTS.unplaced(b.unplaced, BLOCK_TITLES[b.block]));
  for (const b of plan.blocks) for (const t of b.legacyTables) out.push(TEXTS.legacyTable(t, BLOCK_TITLES[b.block]));
  for (const b of plan.blocks) for (const t of b.rangeTables) out.push(TEXTS.rangeTable(t.table, BLOCK_TITLES[b.block], t.labels));
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
    ...(change.retracted ? { retracted: true } : {}),
  };
}

export interface ApplyCounts {
  readonly cellsWritten: number;
  readonly accepted: number;
  readonly kept: number;
  readonly notesUpdated: number;
  readonly rowsAdded: number;
  readonly deleted: readonly string[];
}

export function applySummary(c: ApplyCounts): string {
  const refreshed = c.cellsWritten - c.accepted;
  const parts = [
    c.cellsWritten === 0
      ? TEXTS.upToDate
      : `Updated ${plural(c.cellsWritten, "cell", "cells")} (${plural(refreshed, "refreshed cell", "refreshed cells")}, ${plural(c.accepted, "accepted change", "accepted changes")}).`,
  ];
  if (c.rowsAdded > 0) parts.push(TEXTS.rowsAdded(c.rowsAdded));
  if (c.notesUpdated > 0) parts.push(`Rewrote ${plural(c.notesUpdated, "note", "notes")} whose source text changed.`);
  if (c.kept > 0) parts.push(`Kept ${plural(c.kept, "cell", "cells")} you changed.`);
  return [...parts, ...c.deleted].join(" ");
}
