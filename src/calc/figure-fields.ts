/**
 * The dataset as cell values for DEAL.FIGURE and DEAL.FIGURES: numbers as numbers, dates as
 * Excel date serials, everything else as text. Pure; the values come only from the dataset in use (src/figures/in-use.ts), which the
 * functions bundle receives from the pane rather than carrying a copy.
 */
import { isoDateToSerial } from "../figures/excel-dates";
import { formatAsOf } from "../figures/format";
import { datasetInUse } from "../figures/in-use";
import { findFigureIn, findSourceIn, isLookupError } from "../figures/lookup";
import type { Figure } from "../figures/types";
import { ERRORS, type CalcError } from "./errors";

/** The fields DEAL.FIGURE reads, in the order its help lists them. */
export const FIGURE_FIELDS = ["value", "label", "unit", "qualifier", "status", "asof", "source", "quote"] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** The header row of DEAL.FIGURES(). */
export const FIGURES_HEADER = ["id", "label", "value", "unit", "status", "as of", "source"] as const;

/** A figure's value as Excel holds it: a number read from its decimal string, or a date serial. */
export function figureValue(figure: Figure): number {
  return figure.unit === "date" ? isoDateToSerial(figure.value) : Number(figure.value);
}

/** The title of the article that states the figure. */
function sourceTitle(figure: Figure): string {
  return findSourceIn(datasetInUse(), figure.sourceId)?.title ?? figure.sourceId;
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
      return formatAsOf(figure);
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
  const figure = findFigureIn(datasetInUse(), id);
  if (isLookupError(figure)) return ERRORS.unknownId(figure.message);
  return field(figure, key);
}

/** DEAL.FIGURES(): the header row, then one row per figure in the dataset's order. */
export function figuresTable(): (number | string)[][] {
  return [
    [...FIGURES_HEADER],
    ...datasetInUse().figures.map((f) => [f.id, f.label, figureValue(f), f.unit, f.status, f.asOf, sourceTitle(f)]),
  ];
}
