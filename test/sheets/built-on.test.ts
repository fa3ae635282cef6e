/**
 * The figures the sheets are built on, found by building them (missingFigures): a figures file
 * that renamed or removed one is named with every id it lacks, before anything is written.
 */
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import type { Dataset } from "../../src/figures/types";
import { MissingFigureError, buildAllBlocks, missingFigures, unbuildableReason } from "../../src/sheets";

/**
 * The ids the builders ask for by name, read from src/sheets/blocks/*.ts by hand: the Deal
 * metrics' inputs, the AMZN metrics' and per-share inputs, the Capex chart's bars, its share of
 * capex and its layoff saving.
 */
const NAMED_BY_BUILDERS = [
  "amazon.capex_2026",
  "amazon.corporate_layoffs",
  "amzn.price",
  "amzn.return_3y",
  "anthropic.amazon_investment",
  "anthropic.indiana_campus",
  "deal.amount",
  "deal.round_size",
  "openai.valuation_prior",
  "openai.valuation_round",
];

/** The built-in figures with these ids renamed (as a desk might), the other figures' references following. */
function renamed(ids: readonly string[]): Dataset {
  const to = (id: string) => (ids.includes(id) ? `${id}_renamed` : id);
  return {
    ...BUILT_IN_FIGURES,
    figures: BUILT_IN_FIGURES.figures.map((f) => ({ ...f, id: to(f.id), otherClaims: f.otherClaims.map(to) })),
  };
}

describe("missingFigures", () => {
  test("the built-in figures lack nothing", () => {
    expect(missingFigures(BUILT_IN_FIGURES)).toEqual([]);
    expect(unbuildableReason(BUILT_IN_FIGURES)).toBeNull();
  });

  test("every figure renamed: exactly the ids the builders name are missing, each once", () => {
    const all = BUILT_IN_FIGURES.figures.map((f) => f.id);
    expect([...missingFigures(renamed(all))].sort()).toEqual(NAMED_BY_BUILDERS);
  });

  test.each(BUILT_IN_FIGURES.figures.map((f) => f.id))("%s renamed alone: missing exactly when a builder names it", (id) => {
    expect(missingFigures(renamed([id]))).toEqual(NAMED_BY_BUILDERS.includes(id) ? [id] : []);
  });

  test("a missing figure stops the build with its id, not a stand-in's", () => {
    expect(() => buildAllBlocks({ dataset: renamed(["deal.round_size"]) })).toThrow(MissingFigureError);
    expect(unbuildableReason(renamed(["deal.round_size", "amzn.price"]))).toBe(
      `has no figure with the id "deal.round_size", "amzn.price", which Deal Desk's sheets are built on (renamed or removed?)`,
    );
  });
});
