/**
 * How sure a reader can be of a figure, in words: what its qualifier means, what kind of source
 * states it, and where its status rests on a single undated or secondary source (the as-of date
 * with its basis is formatAsOf in format.ts). The pane's cards, the Reported cells' notes, the
 * Sources sheet, DEAL.CARD and the docs all say it with these, so the caveats read the same
 * wherever a figure goes.
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

/** A source's tier in words: "secondary source: an article reporting on others". */
export function tierText(source: Pick<Source, "tier">): string {
  return source.tier === "primary" ? "primary source: a company statement or filing" : "secondary source: an article reporting on others";
}

/**
 * Where a figure's status rests on one source that is undated or secondary, the sentence that
 * says so; null when other articles state it too or the one source is a dated primary one.
 */
export function singleSourceCaveat(
  figure: Pick<Figure, "status" | "alsoStatedIn">,
  source: Pick<Source, "date" | "tier"> | undefined,
): string | null {
  if (figure.alsoStatedIn.length > 0 || !source) return null;
  const kinds = [source.date === null ? "undated" : "", source.tier === "secondary" ? "secondary" : ""].filter(Boolean);
  if (kinds.length === 0) return null;
  return `"${figure.status}" rests on a single ${kinds.join(", ")} source; no other article states it.`;
}
