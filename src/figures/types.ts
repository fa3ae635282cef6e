/**
 * The shape of the dataset. Every figure is a claim: a value with where it comes from and how
 * sure the source is. Nothing here depends on Office; values stay decimal strings until the
 * Excel boundary.
 */

/** What a figure's value measures; "gain as a fraction" is a change, 1.14 for +114%, never a multiple. */
export type Unit = "USD" | "USD per share" | "gain as a fraction" | "employees" | "date";

/**
 * A word of the source's that says how strongly it states the value (qualifiers.ts gives each
 * its meaning and the words of a quote that show it). A figure's or citation's `qualifier` lists
 * one or more, in the quote's order, joined by ", ": "signaled, expects to, approximately".
 */
export type Qualifier =
  "as stated" | "approximately" | "around" | "up to" | "at least" | "could total" | "projected by" | "expects to" | "signaled";

/**
 * How sure the source is:
 * - reported: talks or people familiar with the matter;
 * - announced: a company statement;
 * - guidance: a company's own expectation;
 * - market quote: a price or return quoted from the market.
 */
export type Status = "reported" | "announced" | "guidance" | "market quote";

/**
 * How the date a claim was stated (asOfDate) is known:
 * - stated by the source: the article gives the date (a month it names is dated to its last day);
 * - inferred from another article: the article is undated; a dated article about the same events dates it;
 * - undated: no article gives or implies one (asOfDate is null), said explicitly so it is never skipped.
 */
export type AsOfBasis = "stated by the source" | "inferred from another article" | "undated";

/** primary: a company statement or filing; secondary: an article reporting on others. */
export type SourceTier = "primary" | "secondary";

/** The subjects a portfolio manager browses by. */
export type Topic = "deal" | "openai" | "amazon" | "amzn" | "anthropic";

/** One of the five articles in shared/sources. */
export interface Source {
  /** Stable id, `src.` followed by a short slug. */
  readonly id: string;
  /** The article's title, or its first words where it has none. */
  readonly title: string;
  /** Who published it, as the article gives it ("unnamed outlet"); never an outlet it only cites. */
  readonly outlet: string;
  /** The outlet the article credits with the story ("The Wall Street Journal"), or null. */
  readonly citesOutlet: string | null;
  /** ISO date of the article where it gives one, otherwise null (and `dateNote` says so). */
  readonly date: string | null;
  /** What the article says about when it speaks, in words ("reports circulating in late January 2026"). */
  readonly dateNote: string;
  /** The outlet the article cites, in words ("first reported by The Wall Street Journal"). */
  readonly cites: string;
  /** File name under sources/. */
  readonly file: string;
  readonly tier: SourceTier;
  /** Where the article is published, where known. */
  readonly url: string | null;
}

/** The sheets that show figures in a table; a figure names the one it belongs to. */
export type FigureBlock = "deal" | "amzn" | "capex";

/** A number (or date) stated by one source. */
export interface Figure {
  /** Stable, lowercase, dotted; appears in users' formulas, so never changes once released. */
  readonly id: string;
  readonly topic: Topic;
  /** The block whose figures table shows it; within a block, figures keep the file's order. */
  readonly block: FigureBlock;
  /** The workbook name of its Used cell (DEAL_AMOUNT), which users' models reference; never renamed once released. */
  readonly name?: string;
  /** On the pane's first screen among the headline figures (true); otherwise under More figures. */
  readonly headline?: boolean;
  /** What a person reads in a sheet. */
  readonly label: string;
  /** A decimal string for numbers ("241.73", "1.14" for +114%), an ISO date for dates. */
  readonly value: string;
  readonly unit: Unit;
  /** The main source's qualifiers, in its quote's order (see Qualifier). */
  readonly qualifier: string;
  readonly status: Status;
  /** When the main source stated it, in words ("late January 2026", "during the talks (the article is undated)"). */
  readonly asOf: string;
  /** The day it was stated (ISO), or null when undated: staleness counts from it. */
  readonly asOfDate: string | null;
  /** How asOfDate is known; "undated" exactly when asOfDate is null. */
  readonly asOfBasis: AsOfBasis;
  /** The period the figure is about, in the source's words ("2026", "the past three years"), or "not stated". */
  readonly period: string;
  /** Id of the Source that states it. */
  readonly sourceId: string;
  /** The sentence from the source that states the figure, verbatim. */
  readonly quote: string;
  /** Context a model needs beside the number (pre/post-money ambiguity, other claims). */
  readonly comment: string;
  /** Ids of other figures that state the same quantity with a different claim. */
  readonly otherClaims: readonly string[];
  /** Other articles that state the same claim, each with its own sentence, qualifier and date. */
  readonly alsoStatedIn: readonly Citation[];
  /** Articles that contradict or hedge the claim, each with its sentence. */
  readonly challengedIn: readonly Challenge[];
}

/** Another article's statement of a figure, verbatim, with its own qualifier and date. */
export interface Citation {
  readonly sourceId: string;
  readonly quote: string;
  readonly qualifier: string;
  readonly asOfDate: string | null;
  readonly asOfBasis: AsOfBasis;
  /** The period this article gives, where it gives one ("in the coming weeks"). */
  readonly period?: string;
}

/**
 * An article's sentence against a claim: "contradicts" says otherwise (the talks remain ongoing,
 * against an announcement); "hedges" says it could change.
 */
export interface Challenge {
  readonly sourceId: string;
  readonly quote: string;
  readonly kind: "contradicts" | "hedges";
}

/** A non-numeric fact a model cites beside the numbers (who leads, who else is in talks, when). */
export interface Fact {
  readonly id: string;
  readonly topic: Topic;
  readonly label: string;
  /** The fact in words. */
  readonly text: string;
  readonly status: Status;
  readonly asOf: string;
  readonly sourceId: string;
  readonly quote: string;
}

/** The whole dataset, as figures/figures.json holds it. */
export interface Dataset {
  /** Raised whenever a value, quote or source changes ("1.0.0", "1.1.0"). */
  readonly version: string;
  /** ISO date the dataset was compiled. */
  readonly date: string;
  readonly sources: readonly Source[];
  readonly figures: readonly Figure[];
  readonly facts: readonly Fact[];
}

/** The error value of a failed lookup: never thrown, always returned. */
export interface FigureLookupError {
  readonly kind: "unknown-id";
  readonly id: string;
  readonly message: string;
}
