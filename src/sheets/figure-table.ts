/**
 * The figures table every data block starts with (Figure | Reported | Override | Used | Check |
 * Standing | Unit | Qualifier | Status | As of | Period | Source | Id), the notes that carry each
 * claim's provenance, and the derived-metric and assumption sections beneath it, whose labels
 * carry the weakest qualifier of their inputs. Override cells take only numbers in the figure's
 * unit (data validation); Check flags beside Used what validation cannot stop: a paste of text,
 * 35 meaning $35B.
 */
import { findFigureIn, findSourceIn, isLookupError } from "../figures/lookup";
import { formatAsOf, formatClaim } from "../figures/format";
import { citation, qualifierLines, standingLines, tierText } from "../figures/provenance";
import { derivedQualifier, qualifiedLabel, type DerivedQualifier } from "../figures/qualifiers";
import { standingOf } from "../figures/standing";
import type { Dataset, Fact, Figure, FigureBlock, Source } from "../figures/types";
import type { BlockBuilder } from "./block-builder";
import { formatForUnit, isoDateToSerial } from "./formats";
import { UNIT_KINDS, flagFormula, inputValidation, tableFlagFormula, type InputKind } from "./inputs";

export const FIGURE_COLUMNS = Object.freeze([
  "Figure",
  "Reported",
  "Override",
  "Used",
  "Check",
  "Standing",
  "Unit",
  "Qualifier",
  "Status",
  "As of",
  "Period",
  "Source",
  "Id",
] as const);

/** Block-local column of each field of the figures table. */
export const COL = Object.freeze({
  figure: 0,
  reported: 1,
  override: 2,
  used: 3,
  check: 4,
  // Beside the number a model uses, so a contested or single-source figure is marked where it is read.
  standing: 5,
  unit: 6,
  qualifier: 7,
  status: 8,
  asOf: 9,
  period: 10,
  source: 11,
  id: 12,
});

/** The figures a block's table shows, in the file's order: the figures file decides them. */
export function blockFigures(data: Dataset, block: FigureBlock): readonly Figure[] {
  return data.figures.filter((f) => f.block === block);
}

/** A figures file without a figure the sheets are built on (a desk renamed or removed it). */
export class MissingFigureError extends Error {
  constructor(readonly figureId: string) {
    super(`The figures file has no figure with the id "${figureId}", which Deal Desk's sheets are built on.`);
    this.name = "MissingFigureError";
  }
}

/** The figure with this id; MissingFigureError when the figures file lacks it. */
export function figure(data: Dataset, id: string): Figure {
  const found = findFigureIn(data, id);
  if (isLookupError(found)) throw new MissingFigureError(id);
  return found;
}

function source(data: Dataset, sourceId: string): Source {
  const found = findSourceIn(data, sourceId);
  if (!found) throw new Error(`Sheet builder: no source has the id "${sourceId}".`);
  return found;
}

/** The article as a reader cites it, with its tier: never the outlet it only cites as its publisher. */
function sourceLine(data: Dataset, sourceId: string): string {
  const s = source(data, sourceId);
  return `${citation(s)}; ${tierText(s)}`;
}

/** The title of a figure's or fact's source, for the Source column. */
export function sourceTitle(data: Dataset, sourceId: string): string {
  return source(data, sourceId).title;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The note on a figure's Reported cell: the claim, its status and standing, what each qualifier
 * means, when it was stated and the period it is about, its source with its sentence, every
 * article that states, contradicts or hedges it, and the figures that claim otherwise.
 */
export function figureNote(data: Dataset, f: Figure): string {
  const lines = [
    `${capitalize(formatClaim(f))} · ${f.status} · ${standingOf(f).text}`,
    ...qualifierLines(f.qualifier),
    `As of: ${formatAsOf(f)}`,
    `Period: ${f.period}`,
    `Source: ${sourceLine(data, f.sourceId)}`,
    `"${f.quote}"`,
  ];
  if (f.comment) lines.push(f.comment);
  lines.push(...standingLines(data, f));
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
    b.put(row, COL.override, {
      value: null,
      numberFormat,
      style: "input",
      owner: "user",
      figureId: f.id,
      validation: inputValidation(UNIT_KINDS[f.unit], "Blank: the reported figure."),
    });
    const reported = b.ref(row, COL.reported);
    const override = b.ref(row, COL.override);
    b.put(row, COL.used, {
      formula: `=IF(${override}="",${reported},${override})`,
      numberFormat,
      style: "derived",
      owner: "addin",
      figureId: f.id,
    });
    b.put(row, COL.check, {
      formula: tableFlagFormula(override, b.ref(row, COL.unit)),
      style: "flag",
      owner: "addin",
      figureId: f.id,
    });
    text(COL.standing, standingOf(f).text);
    text(COL.unit, f.unit);
    text(COL.qualifier, f.qualifier);
    text(COL.status, f.status);
    text(COL.asOf, formatAsOf(f));
    text(COL.period, f.period);
    text(COL.source, sourceTitle(b.data, f.sourceId));
    // The figure's id: how an update finds this row again after the user sorts or inserts rows.
    b.put(row, COL.id, { value: f.id, style: "muted", owner: "addin", figureId: f.id });
    if (f.name) b.name(f.name, row, COL.used, `${f.label}: the override when entered, otherwise the reported ${formatClaim(f)}.`);
  });
  b.table(tableName, top, 0, top + figures.length, FIGURE_COLUMNS.length - 1, FIGURE_COLUMNS[COL.status]);
  return rows;
}

/**
 * The figures a result grows with (`up`: numerators, terms added) and shrinks with (`down`), by
 * id: its label carries the weakest qualifier of theirs (derivedQualifier).
 */
export interface Inputs {
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/** The qualifier a result computed from these figures carries. */
export function resultQualifier(data: Dataset, inputs: Inputs): DerivedQualifier {
  const fields = (ids: readonly string[]) => ids.map((id) => figure(data, id).qualifier);
  return derivedQualifier(fields(inputs.up), fields(inputs.down));
}

/** A derived metric row: label, formula, explanation; named when `name` is given. */
export interface Metric {
  readonly name?: string;
  /** The label before its qualifier, which comes from `inputs`. */
  readonly label: string;
  readonly inputs: Inputs;
  readonly formula: string;
  readonly numberFormat: string;
  /** How it is computed, in words. */
  readonly how: string;
  /** A caveat shown as the value cell's note. */
  readonly note?: string;
}

/**
 * A "Metric | Value | How it is computed" section from block-local row `top`, each label with its
 * result's qualifier; `assumption`, when given, is said once beside the heading. Returns each
 * metric's row.
 */
export function metricSection(b: BlockBuilder, top: number, heading: string, metrics: readonly Metric[], assumption?: string): number[] {
  b.put(top, 0, { value: heading, style: "subtitle", owner: "addin" });
  if (assumption) b.put(top, 1, { value: assumption, style: "muted", owner: "addin" });
  b.put(top + 1, 0, { value: "Metric", style: "header", owner: "addin" });
  b.put(top + 1, 1, { value: "Value", style: "header", owner: "addin" });
  b.put(top + 1, 2, { value: "How it is computed", style: "header", owner: "addin" });
  return metrics.map((m, i) => {
    const row = top + 2 + i;
    const label = qualifiedLabel(m.label, resultQualifier(b.data, m.inputs));
    b.put(row, 0, { value: label, style: "label", owner: "addin" });
    b.put(row, 1, {
      formula: m.formula,
      numberFormat: m.numberFormat,
      style: "derived",
      owner: "addin",
      ...(m.note ? { note: m.note } : {}),
    });
    b.put(row, 2, { value: m.how, style: "muted", owner: "addin" });
    if (m.name) b.name(m.name, row, 1, `${label}: ${m.how}.`);
    return row;
  });
}

/** An input the sources do not give, and the figure it unlocks once the user fills it in. */
export interface Assumption {
  /** The subtitle, saying what to enter and that the sources do not give it. */
  readonly heading: string;
  readonly inputLabel: string;
  readonly inputFormat: string;
  /** What the input takes: its validation and its flag. */
  readonly inputKind: InputKind;
  /** The result's label before its qualifier, which comes from `inputs`. */
  readonly resultLabel: string;
  readonly inputs: Inputs;
  /** The input cell's workbook name, where a formula elsewhere reads it (the pane's MOIC example). */
  readonly inputName?: string;
  readonly inputComment?: string;
  /** The result's formula, given the input cell's reference. */
  readonly resultFormula: (input: string) => string;
  readonly resultFormat: string;
}

/**
 * An assumption section from block-local row `top`: the heading, the empty input cell (the
 * user's) with its flag beside it, and the result, blank until the input is filled. Returns the input's row.
 */
export function assumptionSection(b: BlockBuilder, top: number, a: Assumption): number {
  b.put(top, 0, { value: a.heading, style: "subtitle", owner: "addin" });
  const inputRow = top + 1;
  b.put(inputRow, 0, { value: a.inputLabel, style: "label", owner: "addin" });
  b.put(inputRow, 1, { value: null, numberFormat: a.inputFormat, style: "input", owner: "user", validation: inputValidation(a.inputKind) });
  b.put(inputRow, 2, { formula: flagFormula(a.inputKind, b.ref(inputRow, 1)), style: "flag", owner: "addin" });
  if (a.inputName) b.name(a.inputName, inputRow, 1, a.inputComment ?? `${a.inputLabel}: blank until you enter it.`);
  b.put(inputRow + 1, 0, { value: qualifiedLabel(a.resultLabel, resultQualifier(b.data, a.inputs)), style: "label", owner: "addin" });
  b.put(inputRow + 1, 1, { formula: a.resultFormula(b.ref(inputRow, 1)), numberFormat: a.resultFormat, style: "derived", owner: "addin" });
  return inputRow;
}
