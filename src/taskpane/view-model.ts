/**
 * What the pane shows, as plain data computed from the dataset: no DOM, no Office. Tested in Node.
 */
import { allFigures, findSource } from "../figures";
import type { Figure } from "../figures";
import { formatClaim } from "../figures/format";

/** One headline figure as a compact card. */
export interface FigureCard {
  readonly id: string;
  readonly label: string;
  /** The value as the source puts it: "up to $50B". */
  readonly claim: string;
  readonly status: string;
  /** "up to $50B — reported". */
  readonly headline: string;
  readonly asOf: string;
  /** The article's title. */
  readonly source: string;
  /** The outlet the article cites, in words. */
  readonly cites: string;
  /** The sentence that states the figure. */
  readonly quote: string;
}

/** The card of one figure. */
export function figureCard(figure: Figure): FigureCard {
  const source = findSource(figure.sourceId);
  const claim = formatClaim(figure);
  return {
    id: figure.id,
    label: figure.label,
    claim,
    status: figure.status,
    headline: `${claim} — ${figure.status}`,
    asOf: figure.asOf,
    source: source ? source.title : figure.sourceId,
    cites: source ? source.cites : "",
    quote: figure.quote,
  };
}

/** A card for every figure of the dataset, in its order. */
export function figureCards(figures: readonly Figure[] = allFigures()): FigureCard[] {
  return figures.map(figureCard);
}
