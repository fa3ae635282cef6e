/**
 * The figures table every data block starts with (Figure | Reported | Override | Used | Unit |
 * Qualifier | Status | As of | Source | Id) and the notes that carry each claim's provenance.
 */
import { findFigureIn, findSourceIn, isLookupError } from "../figures/lookup";
import { formatAsOf, formatClaim } from "../figures/format";
import { QUALIFIER_MEANINGS, singleSourceCaveat, tierText } from "../figures/provenance";
import type { Dataset, Fact, Figure, FigureBlock, Source } from "../figures/types";
import type { BlockBuilder } from "./block-builder";
import { formatForUnit, isoDateToSerial } from "./formats";

export const FIGURE_COLUMNS = Object.freeze([
  "Figure",
  "Reported",
  "Override",
  "Used",
  "Unit",
  "Qualifier",
  "Status",
  "As of",
  "Source",
  "Id",
] as const);

/** Block-local column of each field of the figures table. */
export const COL = Object.freeze({
  figure: 0,
  reported: 1,
  override: 2,
  used: 3,
  unit: 4,
  qualifier: 5,
  status: 6,
  asOf: 7,
  source: 8,
  id: 9,
});

/** The figures a block's table shows, in the file's order: the figures file decides them. */
export function blockFigures(data: Dataset, block: FigureBlock): readonly Figure[] {
  return data.figures.filter((f) => f.block === block);
}

/** The figure with this id; a missing id is a builder bug. */
export function figure(data: Dataset, id: string): Figure {
  const found = findFigureIn(data, id);
  if (isLookupError(found)) throw new Error(`Sheet builder asks for a figure the dataset lacks: ${found.message}`);
  return found;
}

function source(data: Dataset, sourceId: string): Source {
  const found = findSourceIn(data, sourceId);
  if (!found) throw new Error(`Sheet builder: no source has the id "${sourceId}".`);
  return found;
}

function sourceLine(data: Dataset, sourceId: string): string {
  const s = source(data, sourceId);
  return `${s.title} (${s.cites}${s.date ? `, ${s.date}` : ", undated"}); ${tierText(s)}`;
}

/** The title of a figure's or fact's source, for the Source column. */
export function sourceTitle(data: Dataset, sourceId: string): string {
  return source(data, sourceId).title;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The note on a figure's Reported cell: the claim, its qualifier and status, its date and how it is known, its source with its tier, the sentence, the caveats. */
export function figureNote(data: Dataset, f: Figure): string {
  const lines = [
    `${capitalize(formatClaim(f))} · ${f.status}`,
    `Qualifier "${f.qualifier}": ${QUALIFIER_MEANINGS[f.qualifier]}`,
    `As of: ${formatAsOf(f)}`,
    `Source: ${sourceLine(data, f.sourceId)}`,
    `"${f.quote}"`,
  ];
  if (f.comment) lines.push(f.comment);
  const caveat = singleSourceCaveat(f, findSourceIn(data, f.sourceId));
  if (caveat) lines.push(caveat);
  if (f.alsoStatedIn.length > 0) lines.push(`Also stated in: ${f.alsoStatedIn.map((c) => sourceTitle(data, c.sourceId)).join("; ")}`);
  for (const other of f.otherClaims) lines.push(`Other claim: ${figure(data, other).label} (${other}), a row of its own.`);
  return lines.join("\n");
}

/** The note on a fact's cell: its status and date, its source and sentence. */
export function factNote(data: Dataset, f: Fact): string {
  return [`${capitalize(f.status)} · as of ${f.asOf}`, `Source: ${sourceLine(data, f.sourceId)}`, `"${f.quote}"`].join("\n");
}

/** A figure's value as the number Excel stores: the decimal as a double, a date as its serial. */
export function reportedNumber(f: Figure): number {
  if (f.unit === "date") return isoDateToSerial(f.value);
  const n = Number(f.value);
  if (!/^-?\d+(\.\d+)?$/.test(f.value) || !Number.isFinite(n)) {
    throw new Error(`Figure ${f.id} has the value "${f.value}", which is not a decimal number.`);
  }
  return n;
}

/**
 * Table header and one row per figure of `block` (the figures file decides which, in its order)
 * from block-local row `top`; each figure with a name names its Used cell. Returns each figure's row.
 */
export function figureTable(b: BlockBuilder, top: number, block: FigureBlock, tableName: string): Map<string, number> {
  const figures = blockFigures(b.data, block);
  FIGURE_COLUMNS.forEach((title, col) => b.put(top, col, { value: title, style: "header", owner: "addin" }));
  const rows = new Map<string, number>();
  figures.forEach((f, i) => {
    const row = top + 1 + i;
    rows.set(f.id, row);
    const numberFormat = formatForUnit(f.unit);
    const text = (col: number, value: string) => b.put(row, col, { value, style: "text", owner: "addin", figureId: f.id });
    b.put(row, COL.figure, { value: f.label, style: "label", owner: "addin", figureId: f.id });
    b.put(row, COL.reported, {
      value: reportedNumber(f),
      numberFormat,
      style: "reported",
      note: figureNote(b.data, f),
      owner: "addin",
      figureId: f.id,
    });
    b.put(row, COL.override, { value: null, numberFormat, style: "input", owner: "user", figureId: f.id });
    const reported = b.ref(row, COL.reported);
    const override = b.ref(row, COL.override);
    b.put(row, COL.used, {
      formula: `=IF(${override}="",${reported},${override})`,
      numberFormat,
      style: "derived",
      owner: "addin",
      figureId: f.id,
    });
    text(COL.unit, f.unit);
    text(COL.qualifier, f.qualifier);
    text(COL.status, f.status);
    text(COL.asOf, f.asOf);
    text(COL.source, sourceTitle(b.data, f.sourceId));
    // The figure's id: how an update finds this row again after the user sorts or inserts rows.
    b.put(row, COL.id, { value: f.id, style: "muted", owner: "addin", figureId: f.id });
    if (f.name) b.name(f.name, row, COL.used, `${f.label}: the override when entered, otherwise the reported ${formatClaim(f)}.`);
  });
  b.table(tableName, top, 0, top + figures.length, FIGURE_COLUMNS.length - 1, FIGURE_COLUMNS[COL.status]);
  return rows;
}

/** A derived metric row: label, formula, explanation; named when `name` is given. */
export interface Metric {
  readonly name?: string;
  readonly label: string;
  readonly formula: string;
  readonly numberFormat: string;
  /** How it is computed, in words. */
  readonly how: string;
  /** A caveat shown as the value cell's note. */
  readonly note?: string;
}

/** A "Metric | Value | How it is computed" section from block-local row `top`; returns each metric's row. */
export function metricSection(b: BlockBuilder, top: number, heading: string, metrics: readonly Metric[]): number[] {
  b.put(top, 0, { value: heading, style: "subtitle", owner: "addin" });
  b.put(top + 1, 0, { value: "Metric", style: "header", owner: "addin" });
  b.put(top + 1, 1, { value: "Value", style: "header", owner: "addin" });
  b.put(top + 1, 2, { value: "How it is computed", style: "header", owner: "addin" });
  return metrics.map((m, i) => {
    const row = top + 2 + i;
    b.put(row, 0, { value: m.label, style: "label", owner: "addin" });
    b.put(row, 1, {
      formula: m.formula,
      numberFormat: m.numberFormat,
      style: "derived",
      owner: "addin",
      ...(m.note ? { note: m.note } : {}),
    });
    b.put(row, 2, { value: m.how, style: "muted", owner: "addin" });
    if (m.name) b.name(m.name, row, 1, `${m.label}: ${m.how}.`);
    return row;
  });
}

/** An input the sources do not give, and the figure it unlocks once the user fills it in. */
export interface Assumption {
  /** The subtitle, saying what to enter and that the sources do not give it. */
  readonly heading: string;
  readonly inputLabel: string;
  readonly inputFormat: string;
  readonly resultLabel: string;
  /** The result's formula, given the input cell's reference. */
  readonly resultFormula: (input: string) => string;
  readonly resultFormat: string;
}

/**
 * An assumption section from block-local row `top`: the heading, the empty input cell (the
 * user's) and the result, blank until the input is filled. Returns the input's row.
 */
export function assumptionSection(b: BlockBuilder, top: number, a: Assumption): number {
  b.put(top, 0, { value: a.heading, style: "subtitle", owner: "addin" });
  const inputRow = top + 1;
  b.put(inputRow, 0, { value: a.inputLabel, style: "label", owner: "addin" });
  b.put(inputRow, 1, { value: null, numberFormat: a.inputFormat, style: "input", owner: "user" });
  b.put(inputRow + 1, 0, { value: a.resultLabel, style: "label", owner: "addin" });
  b.put(inputRow + 1, 1, { formula: a.resultFormula(b.ref(inputRow, 1)), numberFormat: a.resultFormat, style: "derived", owner: "addin" });
  return inputRow;
}
