/**
 * How sure a reader can be of a figure, in words: what its qualifiers mean, what kind of source
 * states it, how to cite that source, and which articles state, contradict or hedge it (the
 * as-of date with its basis is formatAsOf in format.ts). The pane's cards, the Reported cells'
 * notes, the Sources sheet, DEAL.CARD and the docs all say it with these, so the caveats read
 * the same wherever a figure goes.
 */
import { findSourceIn } from "./lookup";
import { qualifiersOf } from "./qualifiers";
import { standingOf, statedWhen } from "./standing";
import type { Dataset, Figure, Qualifier, Source } from "./types";

/** Each qualifier (qualifiers.ts) and what it tells a reader about the number. */
export const QUALIFIER_MEANINGS: Readonly<Record<Qualifier, string>> = /*#__PURE__*/ Object.freeze({
  "as stated":
    "The source gives the number with no hedge word. It is only as precise as the source states it: 114% is a whole percentage, $500 billion a round amount.",
  approximately: 'The source hedges ("roughly", "approximately"): the true figure is near it, on either side.',
  around: 'The source hedges ("around", "trading around"): the true figure is near it, on either side.',
  "up to": 'A ceiling: the figure could be lower ("up to $50 billion", "as much as $50 billion").',
  "at least": "A floor: the figure could be higher.",
  "could total":
    'A possible total ("a new financing round that could total $100 billion"): neither a ceiling nor a floor; it may end higher or lower.',
  "projected by":
    'A date a plan points to ("the projected closing … by the end of Q1 2026"): a projection, not a deadline; it may come later, or not at all.',
  "expects to": "The company's own expectation of a future amount, as an article reports it: it may change.",
  signaled:
    'The company has indicated it in no statement the article quotes ("has signaled that it expects to spend"): weaker than a figure it published.',
});

/** The meaning of each qualifier a field lists, one line each: 'Qualifier "up to": A ceiling: …'. */
export function qualifierLines(field: string): string[] {
  return qualifiersOf(field).map((q) => `Qualifier "${q}": ${QUALIFIER_MEANINGS[q]}`);
}

/** A source's tier in words: "secondary source: an article reporting on others". */
export function tierText(source: Pick<Source, "tier">): string {
  return source.tier === "primary" ? "primary source: a company statement or filing" : "secondary source: an article reporting on others";
}

/** Who published the article and whom it credits: "unnamed outlet, citing The Wall Street Journal". */
export function outletText(source: Pick<Source, "outlet" | "citesOutlet">): string {
  return source.citesOutlet ? `${source.outlet}, citing ${source.citesOutlet}` : source.outlet;
}

/**
 * The citation a reader copies: the article, its outlet and date; an outlet the article only
 * cites is named as cited, never as the publisher.
 *
 * @example citation(advancedTalks) // '"Amazon in Advanced Talks …" (unnamed outlet, citing The Wall Street Journal; undated)'
 */
export function citation(source: Pick<Source, "title" | "outlet" | "citesOutlet" | "date">): string {
  return `"${source.title}" (${outletText(source)}; ${source.date ?? "undated"})`;
}

type Claims = Pick<Figure, "sourceId" | "qualifier" | "asOfDate" | "asOfBasis" | "alsoStatedIn" | "challengedIn">;

/**
 * The figure's standing and the articles behind it, one line each, for the Reported cell's note:
 * every article that states it (qualifier, date), then every one that contradicts or hedges it,
 * with its sentence.
 */
export function standingLines(data: Dataset, figure: Claims): string[] {
  const title = (sourceId: string) => findSourceIn(data, sourceId)?.title ?? sourceId;
  const lines = [`Standing: ${standingOf(figure).text}`];
  const statements = [figure, ...figure.alsoStatedIn];
  for (const s of statements) lines.push(`Stated by ${title(s.sourceId)} (${s.qualifier}; ${statedWhen(s)})`);
  for (const c of figure.challengedIn) {
    lines.push(`${c.kind === "contradicts" ? "Contradicted" : "Hedged"} by ${title(c.sourceId)}: "${c.quote}"`);
  }
  return lines;
}

/**
 * One sentence for a figure a reader must not take at face value, or null when several articles
 * state it and none contradicts it: "Contested: 2 articles contradict it." / "Single source: no
 * other article states it."
 */
export function standingCaveat(figure: Pick<Figure, "sourceId" | "alsoStatedIn" | "challengedIn">): string | null {
  const standing = standingOf(figure);
  if (standing.kind === "contested") {
    const n = standing.contradictedBy;
    return `Contested: ${n} article${n === 1 ? "" : "s"} contradict${n === 1 ? "s" : ""} it.`;
  }
  if (standing.kind === "single source") return "Single source: no other article states it.";
  return null;
}
