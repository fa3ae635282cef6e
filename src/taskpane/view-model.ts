/**
 * What the pane shows, as plain data computed from the dataset: no DOM, no Office. Tested in Node.
 */
import { allFigures, findSource } from "../figures";
import type { Figure } from "../figures";
import { ageInDays } from "../figures/age";
import { formatAsOf, formatClaim, groupThousands } from "../figures/format";
import { outletText, standingCaveat, tierText } from "../figures/provenance";
import { needsCaution, standingOf } from "../figures/standing";
import type { ActionFailure, DiffRow, InsertReport, UpdatePlan } from "../excel/types";
import type { BlockId } from "../sheets/spec";
import { TEXTS, listInWords } from "./texts";

/** One headline figure as a compact card. */
export interface FigureCard {
  readonly id: string;
  readonly label: string;
  /** The value as the source puts it: "up to $50B". */
  readonly claim: string;
  readonly status: string;
  /** Among the articles: "contested", "single source", "confirmed by 4 articles, hedged by 2". */
  readonly standing: string;
  /** Contested or single source: marked beside the claim. */
  readonly caution: boolean;
  /** When it was stated, with its date and how that date is known ("undated: …" when no article dates it). */
  readonly asOf: string;
  /** The period it is about, in the source's words. */
  readonly period: string;
  /** The article's title. */
  readonly source: string;
  /** The source's tier in words ("secondary source: an article reporting on others"). */
  readonly tier: string;
  /** Who published the article and whom it cites: "unnamed outlet, citing The Wall Street Journal". */
  readonly cites: string;
  /** The sentence that states the figure. */
  readonly quote: string;
  /** Context a model needs beside the number. */
  readonly comment: string;
  /** For a contested or single-source figure, the sentence that says so. */
  readonly caveat: string | null;
  /** How old it is on the day the pane opened: "303 days old". */
  readonly age: string;
  /** Older than the threshold the user chose. */
  readonly stale: boolean;
}

/** The day the pane opened (ISO) and the age above which a figure is flagged, in days. */
export interface AgeContext {
  readonly today: string;
  readonly staleDays: number;
}

function ageText(figure: Figure, today: string): string {
  const days = ageInDays(figure, today);
  return days === null ? TEXTS.noDate : TEXTS.ageDays(days);
}

/** The card of one figure, its age taken on `age.today`. */
export function figureCard(figure: Figure, age: AgeContext): FigureCard {
  const source = findSource(figure.sourceId);
  const days = ageInDays(figure, age.today);
  const standing = standingOf(figure);
  return {
    id: figure.id,
    label: figure.label,
    claim: formatClaim(figure),
    status: figure.status,
    standing: standing.text,
    caution: needsCaution(standing),
    asOf: formatAsOf(figure),
    period: figure.period,
    source: source ? source.title : figure.sourceId,
    tier: source ? tierText(source) : "",
    cites: source ? outletText(source) : "",
    quote: figure.quote,
    comment: figure.comment,
    caveat: standingCaveat(figure),
    age: ageText(figure, age.today),
    stale: days !== null && days > age.staleDays,
  };
}

/** The line under a card's number: its status, then its standing among the articles. */
export function standingLine(card: Pick<FigureCard, "status" | "standing">): string {
  return `${card.status} · ${card.standing}`;
}

/** A card for every figure of the dataset, in its order. */
export function figureCards(age: AgeContext, figures: readonly Figure[] = allFigures()): FigureCard[] {
  return figures.map((f) => figureCard(f, age));
}

/** A cell value as the pane shows it: empty cells say so, numbers are grouped by thousands. */
export function displayCellValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === "") return TEXTS.empty;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    const text = String(value);
    return /e/i.test(text) ? text : (value < 0 ? "-" : "") + groupThousands(text.replace(/^-/, ""));
  }
  return value;
}

/** The lines the pane shows after an insert: Excel's summary, then each thing left alone and why. */
export function insertResultLines(report: InsertReport): string[] {
  const leftAlone = report.blocks.flatMap((block) => block.leftAlone.map((item) => TEXTS.leftAlone(item.what, item.reason)));
  return [...report.summary, ...leftAlone.filter((line) => !report.summary.includes(line))];
}

/**
 * The insert's outcome in one or two sentences for the status line; the full lines
 * (insertResultLines) are shown under the buttons.
 */
export function insertStatus(report: InsertReport): string {
  const written = report.blocks.filter((b) => !b.alreadyPresent).map((b) => b.sheetName);
  const present = report.blocks.filter((b) => b.alreadyPresent).map((b) => b.sheetName);
  const leftAlone = report.blocks.reduce((n, b) => n + b.leftAlone.length, 0);
  const parts = [
    written.length ? TEXTS.inserted(listInWords(written)) : TEXTS.nothingInserted,
    present.length ? TEXTS.alreadyPresent(listInWords(present)) : "",
    leftAlone ? TEXTS.leftAloneCount(leftAlone) : "",
  ];
  return parts.filter(Boolean).join(" ");
}

/** One row of the update's review table. */
export interface DiffRowView {
  readonly key: string;
  /** "Deal!B4" */
  readonly cell: string;
  readonly label: string;
  readonly yours: string;
  readonly next: string;
  readonly source: string;
}

export function diffRowView(row: DiffRow): DiffRowView {
  const sheet = /^[A-Za-z0-9_]+$/.test(row.sheetName) ? row.sheetName : `'${row.sheetName.replace(/'/g, "''")}'`;
  return {
    key: row.key,
    cell: `${sheet}!${row.address}`,
    label: row.label,
    yours: displayCellValue(row.userValue),
    next: displayCellValue(row.newValue),
    source: row.source,
  };
}

/** What the update would do, in one sentence, before the user applies it. */
export function updatePlanSummary(plan: UpdatePlan): string {
  const changed = plan.conflicts.length;
  const edits = changed === 0 ? TEXTS.noConflicts : changed === 1 ? TEXTS.oneConflict : TEXTS.conflicts(changed);
  const refresh = plan.refreshes === 0 ? TEXTS.noRefresh : TEXTS.refreshes(plan.refreshes);
  return TEXTS.planSummary(edits, refresh);
}

/** True when applying the plan would write nothing whatever the user chooses. */
export function planIsEmpty(plan: UpdatePlan): boolean {
  return (
    plan.changes.length === 0 && plan.notes === 0 && plan.names.length === 0 && plan.additions.length === 0 && plan.nameChanges.length === 0
  );
}

/** A failure in plain words for the pane: what went wrong and what to do, as the writer said it. */
export function failureText(action: string, failure: ActionFailure): string {
  return TEXTS.failed(action, failure.message);
}

/** A number computed from the figures (stake, step-up, CAGR), shown beside them. */
export interface DerivedCard {
  readonly id: string;
  /** With the weakest qualifier of its inputs: "Amazon stake if the valuation is post-money (up to ~)". */
  readonly label: string;
  /** Formatted, with that qualifier: "up to ~6.02%". */
  readonly value: string;
  /** How it is computed, in words, naming the figures used. */
  readonly basis: string;
}

/** A block the pane can insert. */
export interface BlockEntry {
  readonly id: BlockId;
  readonly title: string;
}

/** One DEAL.* function in the reference list. */
export interface FunctionEntry {
  readonly name: string;
  readonly summary: string;
  /** Example calls with their results, as the catalog gives them. */
  readonly examples: readonly string[];
  /** The formula the pane puts in the selected cell: the call on the workbook's names. */
  readonly insert: string;
}

/** A block's cells as a read-only grid for the preview outside Excel. */
export interface PreviewTable {
  readonly block: BlockId;
  readonly title: string;
  readonly sheetName: string;
  /** Column letters of the block's area: ["A", "B", …]. */
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly string[] }[];
  /** Titles of the charts the block adds beside its cells. */
  readonly charts: readonly string[];
}
