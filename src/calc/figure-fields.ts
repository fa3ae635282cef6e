/**
 * The dataset as cell values for DEAL.FIGURE, DEAL.FIGURES and DEAL.CARD: numbers as numbers,
 * dates as Excel date serials, everything else as text. Pure; the values come only from the
 * dataset in use (src/figures/in-use.ts), which the functions bundle receives from the pane
 * rather than carrying a copy.
 */
import { isoDateToSerial } from "../figures/excel-dates";
import { formatAsOf } from "../figures/format";
import { datasetInUse } from "../figures/in-use";
import { findFigureIn, findSourceIn, isLookupError } from "../figures/lookup";
import { standingOf } from "../figures/standing";
import type { Figure } from "../figures/types";
import { FIGURE_FIELDS } from "./catalog";
import { ERRORS, type CalcError } from "./errors";

export type FigureField = (typeof FIGURE_FIELDS)[number];

/** The header row of DEAL.FIGURES(). */
export const FIGURES_HEADER = [
  "id",
  "label",
  "value",
  "unit",
  "qualifier",
  "status",
  "standing",
  "as of",
  "period",
  "source",
  "tier",
  "comment",
] as const;

/** A figure's value as Excel holds it: a number read from its decimal string, or a date serial. */
export function figureValue(figure: Figure): number {
  return figure.unit === "date" ? isoDateToSerial(figure.value) : Number(figure.value);
}

function field(figure: Figure, name: FigureField): number | string | CalcError {
  const source = findSourceIn(datasetInUse(), figure.sourceId);
  switch (name) {
    case "value":
      return figureValue(figure);
    case "label":
    case "unit":
    case "qualifier":
    case "status":
    case "quote":
    case "comment":
      return figure[name];
    case "standing":
      return standingOf(figure).text;
    case "asof":
      return formatAsOf(figure);
    case "period":
      return figure.period;
    case "asofdate":
      return figure.asOfDate === null ? ERRORS.noAsOfDate(figure.id) : isoDateToSerial(figure.asOfDate);
    case "source":
      return figure.sourceId;
    case "sourcetitle":
      return source?.title ?? figure.sourceId;
    case "tier":
      return source?.tier ?? "";
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
  const dataset = datasetInUse();
  return [
    [...FIGURES_HEADER],
    ...dataset.figures.map((f) => {
      const source = findSourceIn(dataset, f.sourceId);
      return [
        f.id,
        f.label,
        figureValue(f),
        f.unit,
        f.qualifier,
        f.status,
        standingOf(f).text,
        formatAsOf(f),
        f.period,
        source?.title ?? f.sourceId,
        source?.tier ?? "",
        f.comment,
      ];
    }),
  ];
}
