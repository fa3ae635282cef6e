/**
 * Each figure's standing among the articles, the oracle the sheets', the functions' and the pane's
 * tests compare the derived standing with. Computed here from the raw figures/figures.json, apart
 * from src/figures/standing.ts (docs/figures.md gives the rules), so a figure added to the file
 * has its standing without a test to edit; HAND_COUNTED keeps the counts made by hand from
 * sources/ (issue 21) for the built-in figures, to check this oracle against.
 */
import * as fs from "fs";
import * as path from "path";

interface RawCitation {
  readonly sourceId: string;
  readonly kind?: string;
}

interface RawFigure {
  readonly id: string;
  readonly sourceId: string;
  readonly alsoStatedIn: readonly RawCitation[];
  readonly challengedIn: readonly RawCitation[];
}

/** Counted by hand from the articles: distinct articles stating each claim, and those against it. */
export const HAND_COUNTED: Readonly<Record<string, string>> = {
  "deal.amount": "confirmed by 4 articles, hedged by 2",
  "deal.amount_announced": "contested",
  "deal.round_size": "confirmed by 2 articles",
  "openai.valuation_prior": "single source",
  "openai.valuation_round": "confirmed by 2 articles",
  "deal.expected_close": "single source",
  "amzn.price": "single source",
  "amzn.return_3y": "single source",
  "amazon.capex_2026": "single source",
  "amazon.corporate_layoffs": "single source",
  "anthropic.amazon_investment": "single source",
  "anthropic.indiana_campus": "confirmed by 2 articles",
};

/**
 * The rules of docs/figures.md: any article that contradicts a claim makes it contested; else two
 * or more distinct articles stating it confirm it; else it rests on a single source. Distinct
 * articles that hedge it are counted beside, whatever the rest.
 */
export function standingFromCitations(figure: RawFigure): string {
  const articles = (cites: readonly RawCitation[]): number => new Set(cites.map((c) => c.sourceId)).size;
  const stating = articles([{ sourceId: figure.sourceId }, ...figure.alsoStatedIn]);
  const contradicting = articles(figure.challengedIn.filter((c) => c.kind === "contradicts"));
  const hedging = articles(figure.challengedIn.filter((c) => c.kind === "hedges"));
  const said = contradicting > 0 ? "contested" : stating >= 2 ? `confirmed by ${stating} articles` : "single source";
  return hedging === 0 ? said : `${said}, hedged by ${hedging}`;
}

const raw: { figures: RawFigure[] } = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../figures/figures.json"), "utf8"));

/** Every figure of figures/figures.json, by id, with its standing in words. */
export const STANDINGS: Readonly<Record<string, string>> = Object.fromEntries(raw.figures.map((f) => [f.id, standingFromCitations(f)]));
