/**
 * The figures in use and their lookups; no dependency on Office. The dataset in use starts as the
 * built-in copy of figures/figures.json; the pane swaps in the served file once it has loaded and
 * validated it (useDataset), so the sheets it builds carry the served figures.
 */
import { BUILT_IN_FIGURES } from "./builtin";
import { findFigureIn, findSourceIn } from "./lookup";
import type { Dataset, Fact, Figure, FigureLookupError, Source } from "./types";

export type * from "./types";
export { isLookupError } from "./lookup";

let current: Dataset = BUILT_IN_FIGURES;

/** Makes `dataset` (validated by checkDataset) the one every lookup below reads. */
export function useDataset(dataset: Dataset): void {
  current = dataset;
}

/** The dataset in use. */
export function currentDataset(): Dataset {
  return current;
}

/** The version and date of the dataset in use ("1.0.0", "2026-11-22"). */
export const DATASET: { readonly version: string; readonly date: string } = Object.freeze({
  get version() {
    return current.version;
  },
  get date() {
    return current.date;
  },
});

/** Every figure, in the dataset's stable order. */
export function allFigures(): readonly Figure[] {
  return current.figures;
}

/** Every fact (who leads the talks, other investors, timeline), in a stable order. */
export function allFacts(): readonly Fact[] {
  return current.facts;
}

/** The articles, in file order. */
export function allSources(): readonly Source[] {
  return current.sources;
}

/** The figure with this id, ignoring case and surrounding spaces (see findFigureIn). */
export function findFigure(id: string): Figure | FigureLookupError {
  return findFigureIn(current, id);
}

/** The source with this id. */
export function findSource(id: string): Source | undefined {
  return findSourceIn(current, id);
}

/** The ids of the figures and facts a source states, first as the main source, then as corroboration. */
export function idsSupportedBy(sourceId: string): readonly string[] {
  const main = [...current.figures, ...current.facts].filter((item) => item.sourceId === sourceId).map((item) => item.id);
  const also = current.figures.filter((f) => f.alsoStatedIn.some((c) => c.sourceId === sourceId)).map((f) => f.id);
  return [...main, ...also.filter((id) => !main.includes(id))];
}
