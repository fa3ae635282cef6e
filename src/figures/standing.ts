/**
 * A figure's standing among the articles: confirmed by several, resting on one, or contested by
 * one that says otherwise. Derived from the figure's citations, never typed in, so the sheet's
 * Standing column, the pane's card, DEAL.FIGURE(id, "standing") and DEAL.FIGURES() agree. Pure.
 */
import type { AsOfBasis, Figure } from "./types";

export type StandingKind = "confirmed" | "single source" | "contested";

export interface Standing {
  readonly kind: StandingKind;
  /** Distinct articles that state the claim. */
  readonly statedBy: number;
  readonly contradictedBy: number;
  readonly hedgedBy: number;
  /** In words: "contested", "single source", "confirmed by 4 articles, hedged by 2". */
  readonly text: string;
}

type Claim = Pick<Figure, "sourceId" | "alsoStatedIn" | "challengedIn">;

function distinct(ids: readonly string[]): number {
  return new Set(ids).size;
}

/**
 * The standing of a claim: contested when an article contradicts it, confirmed when two or more
 * articles state it, a single source otherwise; articles that only hedge it are counted beside.
 *
 * @example standingOf(findFigure("deal.amount_announced")).text // "contested"
 */
export function standingOf(figure: Claim): Standing {
  const statedBy = distinct([figure.sourceId, ...figure.alsoStatedIn.map((c) => c.sourceId)]);
  const contradictedBy = distinct(figure.challengedIn.filter((c) => c.kind === "contradicts").map((c) => c.sourceId));
  const hedgedBy = distinct(figure.challengedIn.filter((c) => c.kind === "hedges").map((c) => c.sourceId));
  const kind: StandingKind = contradictedBy > 0 ? "contested" : statedBy > 1 ? "confirmed" : "single source";
  const base = kind === "confirmed" ? `confirmed by ${statedBy} articles` : kind;
  return { kind, statedBy, contradictedBy, hedgedBy, text: hedgedBy > 0 ? `${base}, hedged by ${hedgedBy}` : base };
}

/** True for a figure a reader must not take at face value: contested, or resting on one article. */
export function needsCaution(standing: Standing): boolean {
  return standing.kind !== "confirmed";
}

/** When a statement was made, for a list of statements: "2026-02-01, inferred from another article", "undated". */
export function statedWhen(claim: { readonly asOfDate: string | null; readonly asOfBasis: AsOfBasis }): string {
  return claim.asOfDate === null ? "undated" : `${claim.asOfDate}, ${claim.asOfBasis}`;
}
