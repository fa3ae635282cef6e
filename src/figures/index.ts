/**
 * The figures dataset and its lookups. Pure data, frozen at load; no dependency on Office.
 *
 * Lookups never throw: an unknown id comes back as a FigureLookupError value that names the id
 * and says how to list the valid ones.
 */
import { FACTS, FIGURES } from "./dataset";
import { SOURCES } from "./sources";
import type { Fact, Figure, FigureLookupError, Source } from "./types";

export type * from "./types";

/** The dataset's version and the date it was compiled; bump the version when a value changes. */
export const DATASET = Object.freeze({ version: "1.0.0", date: "2026-11-22" });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const figures = deepFreeze(FIGURES);
// Pure: a bundle that never lists the facts (functions.js) drops them.
const facts = /*#__PURE__*/ deepFreeze(FACTS);
const sources = deepFreeze(SOURCES);
const figureById = new Map(figures.map((f) => [f.id, f]));
const sourceById = new Map(sources.map((s) => [s.id, s]));

/** Every figure, in the dataset's stable order. */
export function allFigures(): readonly Figure[] {
  return figures;
}

/** Every fact (who leads the talks, other investors, timeline), in a stable order. */
export function allFacts(): readonly Fact[] {
  return facts;
}

/** The five articles, in file order. */
export function allSources(): readonly Source[] {
  return sources;
}

/** True when a lookup failed. */
export function isLookupError(value: unknown): value is FigureLookupError {
  return typeof value === "object" && value !== null && (value as FigureLookupError).kind === "unknown-id";
}

/**
 * The figure with this id, ignoring case and surrounding spaces.
 *
 * @example findFigure("AMZN.Price") // the figure with value "241.73"
 * @example findFigure("amzn.prices") // { kind: "unknown-id", message: 'No figure has the id "amzn.prices". …' }
 */
export function findFigure(id: string): Figure | FigureLookupError {
  const key = String(id).trim().toLowerCase();
  const figure = figureById.get(key);
  if (figure) return figure;
  return {
    kind: "unknown-id",
    id: String(id),
    message: `No figure has the id "${String(id)}". =DEAL.FIGURES() lists the valid ids (for example "${figures[0].id}").`,
  };
}

/** The source with this id; every figure's and fact's sourceId names one (a test says so). */
export function findSource(id: string): Source | undefined {
  return sourceById.get(id);
}

/** The ids of the figures and facts a source states, first as the main source, then as corroboration. */
export function idsSupportedBy(sourceId: string): readonly string[] {
  const main = [...figures, ...facts].filter((item) => item.sourceId === sourceId).map((item) => item.id);
  const also = figures.filter((f) => f.alsoStatedIn.some((c) => c.sourceId === sourceId)).map((f) => f.id);
  return [...main, ...also.filter((id) => !main.includes(id))];
}
