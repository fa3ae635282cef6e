/**
 * What DEAL.FIGURE, FIGURES and CARD must answer for a figure, worked out here from the dataset's
 * own fields: values from their decimal text by the oracle's parser, dates counted by hand, the
 * as-of text and the source's title and tier looked up, not taken from src/calc.
 */
import { findSource } from "../../../src/figures";
import type { Figure } from "../../../src/figures";
import { STANDINGS } from "../../figures/standings";
import { nearestDouble, parseDecimal } from "./oracle";

/** Days from Excel's day 0, 1899-12-30, counted with the proleptic calendar by hand. */
export function daysFrom1899(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let days = 2; // 1899-12-30 → 1900-01-01
  for (let year = 1900; year < y; year++) days += leap(year) ? 366 : 365;
  for (let month = 1; month < m; month++) days += monthDays[month - 1];
  return days + d - 1;
}

/** DEAL.FIGURE(id, field) for a figure: a number, text, or the #N/A of a figure with no date. */
export function expectedField(figure: Figure, field: string): number | string | { kind: string; message: string } {
  switch (field) {
    case "value":
      if (figure.unit !== "date") return nearestDouble(parseDecimal(figure.value));
      return daysFrom1899(figure.value);
    case "asof":
      // When it was stated, in words, then the date and what it rests on (issues 13, 21).
      return figure.asOfDate === null ? `undated: ${figure.asOf}` : `${figure.asOf}; dated ${figure.asOfDate}, ${figure.asOfBasis}`;
    case "standing":
      return STANDINGS[figure.id];
    case "period":
      return figure.period;
    case "asofdate":
      return figure.asOfDate === null
        ? { kind: "#N/A", message: `No article gives or implies a date for ${figure.id}; DEAL.FIGURE("${figure.id}", "asof") says why.` }
        : daysFrom1899(figure.asOfDate);
    case "source":
      return figure.sourceId;
    case "sourcetitle":
      return findSource(figure.sourceId)!.title;
    case "tier":
      return findSource(figure.sourceId)!.tier;
    default:
      return figure[field as "label" | "unit" | "qualifier" | "status" | "quote" | "comment"];
  }
}

/** DEAL.FIGURES()'s header row, as the issues and the help list it. */
export const EXPECTED_FIGURES_HEADER = [
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
];

/** DEAL.FIGURES()'s row for a figure. */
export function expectedRow(f: Figure): unknown[] {
  const source = findSource(f.sourceId)!;
  return [
    f.id,
    f.label,
    expectedField(f, "value"),
    f.unit,
    f.qualifier,
    f.status,
    STANDINGS[f.id],
    expectedField(f, "asof"),
    f.period,
    source.title,
    source.tier,
    f.comment,
  ];
}
