/**
 * The figures in use and their lookups; no dependency on Office. Importing this module puts the
 * built-in copy of figures/figures.json in use; the pane swaps in the served file once it has
 * loaded and validated it (useDataset), so the sheets it builds carry the served figures.
 */
import { BUILT_IN_FIGURES } from "./builtin";
import { datasetInUse, hasDataset, useDataset } from "./in-use";
import { findFigureIn, findSourceIn, idsSupportedByIn } from "./lookup";
import type { Dataset, Fact, Figure, FigureLookupError, Source } from "./types";

export type * from "./types";
export { findFigureIn, findSourceIn, idsSupportedByIn, isLookupError } from "./lookup";
export { BUILT_IN_FIGURES };
export { useDataset };

if (!hasDataset()) useDataset(BUILT_IN_FIGURES);

/** The dataset in use. */
export function currentDataset(): Dataset {
  return datasetInUse();
}

/** The version and date of the dataset in use ("1.0.0", "2026-11-22"). */
export const DATASET: { readonly version: string; readonly date: string } = Object.freeze({
  get version() {
    return datasetInUse().version;
  },
  get date() {
    return datasetInUse().date;
  },
});

/** Every figure, in the dataset's stable order. */
export function allFigures(): readonly Figure[] {
  return datasetInUse().figures;
}

/** Every fact (who leads the talks, other investors, timeline), in a stable order. */
export function allFacts(): readonly Fact[] {
  return datasetInUse().facts;
}

/** The articles, in file order. */
export function allSources(): readonly Source[] {
  return datasetInUse().sources;
}

/** The figure with this id, ignoring case and surrounding spaces (see findFigureIn). */
export function findFigure(id: string): Figure | FigureLookupError {
  return findFigureIn(datasetInUse(), id);
}

/** The source with this id. */
export function findSource(id: string): Source | undefined {
  return findSourceIn(datasetInUse(), id);
}

/** The ids of the figures and facts a source states, first as the main source, then as corroboration. */
export function idsSupportedBy(sourceId: string): readonly string[] {
  return idsSupportedByIn(datasetInUse(), sourceId);
}
