/**
 * The figures the sheets are built on (FIGURES_BUILT_ON, as the builders declare them), against
 * what building every block asks for: a figures file that renamed or removed one is named with
 * every id it lacks, before anything is written.
 */
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import type { Dataset, Figure } from "../../src/figures/types";
import { FIGURES_BUILT_ON, MissingFigureError, buildAllBlocks, missingFigures, unbuildableReason } from "../../src/sheets";

/**
 * The ids the builders ask for, found by building: every block is built, and each figure that
 * stops the build (MissingFigureError) is stood in for by a nameless copy of another, until every
 * block builds. The oracle for FIGURES_BUILT_ON, independent of the builders' declarations.
 */
function askedFor(data: Dataset): string[] {
  const missing: string[] = [];
  let probe = data;
  for (;;) {
    try {
      buildAllBlocks({ dataset: probe });
      return missing;
    } catch (error) {
      if (!(error instanceof MissingFigureError) || missing.includes(error.figureId)) throw error;
      missing.push(error.figureId);
      const standIn: Figure = { ...probe.figures[0], id: error.figureId };
      delete (standIn as { name?: string }).name;
      probe = { ...probe, figures: [...probe.figures, standIn] };
    }
  }
}

/**
 * The ids the builders name, read from src/sheets/blocks/*.ts by hand: the Deal metrics' inputs,
 * the AMZN metrics' and per-share inputs, the Capex chart's bars, its share of capex and its
 * layoff saving.
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

const ALL = BUILT_IN_FIGURES.figures.map((f) => f.id);

describe("the figures the sheets are built on", () => {
  test("as the builders declare them: exactly what building every block asks for, and what a reader counts", () => {
    expect([...askedFor(renamed(ALL))].sort()).toEqual(NAMED_BY_BUILDERS);
    expect([...FIGURES_BUILT_ON].sort()).toEqual(NAMED_BY_BUILDERS);
  });

  test("the built-in figures lack none", () => {
    expect(missingFigures(BUILT_IN_FIGURES)).toEqual([]);
    expect(unbuildableReason(BUILT_IN_FIGURES)).toBeNull();
  });

  test.each(ALL)("%s renamed alone: missing exactly when building a block asks for it", (id) => {
    expect(missingFigures(renamed([id]))).toEqual(askedFor(renamed([id])));
    expect(missingFigures(renamed([id]))).toEqual(NAMED_BY_BUILDERS.includes(id) ? [id] : []);
  });

  test("a missing figure stops the build with its id; the reason names every one missing", () => {
    expect(() => buildAllBlocks({ dataset: renamed(["deal.round_size"]) })).toThrow(MissingFigureError);
    expect(unbuildableReason(renamed(["amzn.price", "deal.round_size"]))).toBe(
      `has no figure with the id "deal.round_size", "amzn.price", which Deal Desk's sheets are built on (renamed or removed?)`,
    );
  });
});
