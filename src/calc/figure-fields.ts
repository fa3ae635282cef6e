/**
 * The dataset as cell values for DEAL.FIGURE and DEAL.FIGURES: numbers as numbers, dates as
 * Excel date serials, everything else as text. Pure; the values come only from src/figures.
 */
import { allFigures, findFigure, findSource, isLookupError } from "../figures";
import type { Figure } from "../figures";
import { ERRORS, type CalcError } from "./errors";

/** The fields DEAL.FIGURE reads, in the order its help lists them. */
export const FIGURE_FIELDS = ["value", "label", "unit", "qualifier", "status", "asof", "source", "quote"] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** The header row of DEAL.FIGURES(). */
export const FIGURES_HEADER = ["id", "label", "value", "unit", "status", "as of", "source"] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Excel's serial 0 is 1899-12-30 in the 1900 date system, so 1970-01-01 is serial 25569. */
const UNIX_EPOCH_SERIAL = 25_569;

/** An ISO date (yyyy-mm-dd) as an Excel date serial: 2026-03-31 → 46112. */
export function excelDateSerial(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) return NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** A figure's value as Excel holds it: a number read from its decimal string, or a date serial. */
export function figureValue(figure: Figure): number {
  return figure.unit === "date" ? excelDateSerial(figure.value) : Number(figure.value);
}

/** The title of the article that states the figure. */
function sourceTitle(figure: Figure): string {
  return findSource(figure.sourceId)?.title ?? figure.sourceId;
}

function field(figure: Figure, name: FigureField): number | string {
  switch (name) {
    case "value":
      return figureValue(figure);
    case "label":
      return figure.label;
    case "unit":
      return figure.unit;
    case "qualifier":
      return figure.qualifier;
    case "status":
      return figure.status;
    case "asof":
      return figure.asOf;
    case "source":
      return sourceTitle(figure);
    case "quote":
      return figure.quote;
  }
}

/**
 * DEAL.FIGURE: the field of the figure with this id (ids and field names ignore case; the field
 * defaults to the value). An unknown id is #N/A with the dataset's message; an unknown field is
 * #VALUE!.
 */
export function figureField(id: string, fieldName: string = "value"): number | string | CalcError {
  const key = fieldName.trim().toLowerCase() as FigureField;
  if (!FIGURE_FIELDS.includes(key)) return ERRORS.unknownField(fieldName, FIGURE_FIELDS);
  const figure = findFigure(id);
  if (isLookupError(figure)) return ERRORS.unknownId(figure.message);
  return field(figure, key);
}

/** DEAL.FIGURES(): the header row, then one row per figure in the dataset's order. */
export function figuresTable(): (number | string)[][] {
  return [
    [...FIGURES_HEADER],
    ...allFigures().map((f) => [f.id, f.label, figureValue(f), f.unit, f.status, f.asOf, sourceTitle(f)]),
  ];
}
