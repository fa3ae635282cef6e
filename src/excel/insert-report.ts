/** What an insert did, in words: one outcome and a few sentences per block. Pure. */
import { BLOCK_TITLES } from "../sheets";
import { toA1 } from "../sheets/a1";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { allFacts, allFigures } from "../figures";
import type { PlannedInsert } from "../ownership/insert";
import { countCells, creationWrites } from "../ownership/layout";
import { NOTES_API } from "./failures";
import { listInWords, lostNameSentences, plural } from "./report";
import type { LostNames } from "./recover";
import type { BlockOutcome, InsertReport } from "./types";

/** Distinct ids of the dataset's figures (not facts) that a spec's reported cells show. */
function figureIds(spec: SheetSpec): Set<string> {
  const figures = new Set(allFigures().map((f) => f.id));
  return new Set(
    spec.cells
      .filter((c) => c.style === "reported" && c.figureId !== undefined && figures.has(c.figureId))
      .map((c) => c.figureId as string),
  );
}

/** What a block holds, in words: its figures, facts and input cells ("6 figures, 5 facts"). */
function contentsOf(spec: SheetSpec, cellsWritten: number): string[] {
  const figures = figureIds(spec);
  // The dataset's facts the block shows; a figure's id elsewhere (Sources' as-of table) is neither.
  const factIds = new Set(allFacts().map((f) => f.id));
  const facts = new Set(spec.cells.filter((c) => c.figureId !== undefined && factIds.has(c.figureId)).map((c) => c.figureId));
  const inputs = spec.cells.filter((c) => c.owner === "user" && c.figureId === undefined).length;
  const parts = [
    figures.size > 0 ? plural(figures.size, "figure", "figures") : "",
    facts.size > 0 ? plural(facts.size, "fact", "facts") : "",
    inputs > 0 ? plural(inputs, "input cell", "input cells") : "",
  ].filter((part) => part !== "");
  return parts.length > 0 ? parts : [plural(cellsWritten, "cell", "cells")];
}

function outcomeOf(block: BlockId, p: PlannedInsert | undefined, present: ReadonlyMap<BlockId, string>): BlockOutcome {
  if (!p)
    return {
      block,
      sheetName: present.get(block) ?? BLOCK_TITLES[block],
      alreadyPresent: true,
      figures: 0,
      cellsWritten: 0,
      namesWritten: [],
      leftAlone: [],
    };
  return {
    block,
    sheetName: p.sheetName,
    alreadyPresent: false,
    figures: figureIds(p.spec).size,
    cellsWritten: countCells(creationWrites(p.spec)),
    namesWritten: p.names.map((n) => n.name),
    leftAlone: p.leftAlone,
  };
}

function summaryOf(outcome: BlockOutcome, p: PlannedInsert | undefined): string[] {
  const title = BLOCK_TITLES[outcome.block];
  if (!p)
    return [
      `${title} is already in the workbook (sheet ${outcome.sheetName}); no cell of it was written. Use Update to refresh its figures.`,
    ];
  const where = p.newSheet
    ? `sheet ${outcome.sheetName}`
    : `the ${title} block on sheet ${outcome.sheetName} at ${toA1(p.spec.origin.row, p.spec.origin.col)}`;
  const names = outcome.namesWritten.length > 0 ? [plural(outcome.namesWritten.length, "named range", "named ranges")] : [];
  const lines = [`Inserted ${where} with ${listInWords([...contentsOf(p.spec, outcome.cellsWritten), ...names])}.`];
  if (p.renamedFrom)
    lines.push(
      `A sheet of yours is already named ${p.renamedFrom}, so the block went to ${outcome.sheetName} and your sheet was left as it is.`,
    );
  for (const t of p.tables)
    if (t.name !== t.specName) lines.push(`The table name ${t.specName} was taken, so the table is called ${t.name}.`);
  const repointed = p.names.filter((n) => n.replace).map((n) => n.name);
  if (repointed.length > 0)
    lines.push(`Re-pointed ${listInWords(repointed)}, which Excel had set to #REF! when the block's sheet was deleted, to the new sheet.`);
  for (const l of outcome.leftAlone) lines.push(`Left ${l.what} alone: ${l.reason}`);
  return lines;
}

export function insertReport(
  wanted: readonly BlockId[],
  plans: readonly PlannedInsert[],
  present: ReadonlyMap<BlockId, string>,
  notes: boolean,
  lost: ReadonlyMap<BlockId, LostNames> = new Map(),
): InsertReport {
  const outcomes = wanted.map((block) =>
    outcomeOf(
      block,
      plans.find((p) => p.spec.block === block),
      present,
    ),
  );
  const summary = outcomes.flatMap((o) =>
    summaryOf(
      o,
      plans.find((p) => p.spec.block === o.block),
    ),
  );
  summary.push(
    ...lostNameSentences(
      [...lost].map(([block, { rect, band }]) => ({ block, rect, band: band !== null })),
      true,
    ),
  );
  if (!notes && plans.some((p) => p.spec.cells.some((c) => c.note))) {
    summary.push(
      `This version of Excel cannot add notes (it needs the Excel JavaScript API ${NOTES_API}), so figures have no notes; each row's Source, Status and As of columns say where it comes from.`,
    );
  }
  return { blocks: outcomes, summary };
}
