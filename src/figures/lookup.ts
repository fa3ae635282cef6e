/**
 * Lookups in a given dataset. Pure and dataset-free, so the functions bundle can use them on the
 * dataset it loads without carrying a copy of its own. Lookups never throw: an unknown id comes
 * back as a FigureLookupError value that names the id and says how to list the valid ones.
 */
import type { Dataset, Figure, FigureLookupError, Source } from "./types";

/** True when a lookup failed. */
export function isLookupError(value: unknown): value is FigureLookupError {
  return typeof value === "object" && value !== null && (value as FigureLookupError).kind === "unknown-id";
}

/**
 * The figure with this id, ignoring case and surrounding spaces.
 *
 * @example findFigureIn(dataset, "AMZN.Price") // the figure with value "241.73"
 * @example findFigureIn(dataset, "amzn.prices") // { kind: "unknown-id", message: 'No figure has the id "amzn.prices". …' }
 */
export function findFigureIn(dataset: Dataset, id: string): Figure | FigureLookupError {
  const key = String(id).trim().toLowerCase();
  const figure = dataset.figures.find((f) => f.id === key);
  if (figure) return figure;
  return {
    kind: "unknown-id",
    id: String(id),
    message: `No figure has the id "${String(id)}". =DEAL.FIGURES() lists the valid ids (for example "${dataset.figures[0].id}").`,
  };
}

/** The ids of the figures and facts a source states, first as the main source, then as corroboration. */
export function idsSupportedByIn(dataset: Dataset, sourceId: string): readonly string[] {
  const main = [...dataset.figures, ...dataset.facts].filter((item) => item.sourceId === sourceId).map((item) => item.id);
  const also = dataset.figures.filter((f) => f.alsoStatedIn.some((c) => c.sourceId === sourceId)).map((f) => f.id);
  return [...main, ...also.filter((id) => !main.includes(id))];
}

/** The source with this id; the validator makes sure every figure's and fact's sourceId names one. */
export function findSourceIn(dataset: Dataset, id: string): Source | undefined {
  return dataset.sources.find((s) => s.id === id);
}
