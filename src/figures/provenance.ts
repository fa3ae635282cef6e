/**
 * How sure a reader can be of a figure, in words: what its qualifier means, when it speaks for
 * and how that date is known, and what kind of source states it. The pane's cards, the Reported
 * cells' notes, the Sources sheet, DEAL.FIGURE and DEAL.CARD all say it with these, so the
 * caveats read the same wherever a figure goes.
 */
import type { Figure, Source } from "./types";

/** Each qualifier and what it tells a reader about the number. */
export const QUALIFIER_MEANINGS = /*#__PURE__*/ Object.freeze({
  "as stated":
    "The source gives the number with no hedge word. It is only as precise as the source states it: 114% is a whole percentage, $500 billion a round amount.",
  approximately: 'The source hedges ("roughly", "approximately"): the true figure is near it, on either side.',
  around: 'The source hedges ("around", "trading around"): the true figure is near it, on either side.',
  "up to": 'A ceiling: the figure could be lower ("up to $50 billion", "could total $100 billion", "by the end of Q1 2026").',
  "at least": "A floor: the figure could be higher.",
});

/** When a figure speaks for, with how that is known: "late January 2026 (talks); 2026-02-01, inferred from another article". */
export function asOfText(figure: Pick<Figure, "asOf" | "asOfDate" | "asOfBasis">): string {
  if (figure.asOfDate === null) return `${figure.asOf}; no date is stated or can be inferred`;
  return `${figure.asOf}; ${figure.asOfDate}, ${figure.asOfBasis}`;
}

/** A source's tier in words: "secondary source: an article reporting on others". */
export function tierText(source: Pick<Source, "tier">): string {
  return source.tier === "primary" ? "primary source: a company statement or filing" : "secondary source: an article reporting on others";
}

/**
 * Where a figure's status rests on one source that is undated or secondary, the sentence that
 * says so; null when other articles state it too or the one source is a dated primary one.
 */
export function singleSourceCaveat(figure: Pick<Figure, "status" | "alsoStatedIn">, source: Pick<Source, "date" | "tier"> | undefined): string | null {
  if (figure.alsoStatedIn.length > 0 || !source) return null;
  const kinds = [source.date === null ? "undated" : "", source.tier === "secondary" ? "secondary" : ""].filter(Boolean);
  if (kinds.length === 0) return null;
  return `"${figure.status}" rests on a single ${kinds.join(", ")} source; no other article states it.`;
}
