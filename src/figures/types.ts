/**
 * The shape of the dataset. Every figure is a claim: a value with where it comes from and how
 * sure the source is. Nothing here depends on Office; values stay decimal strings until the
 * Excel boundary.
 */

/** What a figure's value measures; "gain as a fraction" is a change, 1.14 for +114%, never a multiple. */
export type Unit = "USD" | "USD per share" | "gain as a fraction" | "employees" | "date";

/** How precisely the source states the value. */
export type Qualifier = "as stated" | "approximately" | "around" | "up to" | "at least";

/**
 * How sure the source is:
 * - reported: talks or people familiar with the matter;
 * - announced: a company statement;
 * - guidance: a company's own expectation;
 * - market quote: a price or return quoted from the market.
 */
export type Status = "reported" | "announced" | "guidance" | "market quote";

/**
 * How a figure's asOfDate is known:
 * - stated by the source: the article gives the date (a month it names is dated to its last day);
 * - inferred from another article: the article is undated; a dated article about the same events dates it;
 * - period covered: the figure speaks for a period, and asOfDate is that period's last day.
 */
export type AsOfBasis = "stated by the source" | "inferred from another article" | "period covered";

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
  /** What a person reads in a sheet. */
  readonly label: string;
  /** A decimal string for numbers ("241.73", "1.14" for +114%), an ISO date for dates. */
  readonly value: string;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
  readonly status: Status;
  /** The date or period the figure speaks for, in words where the source gives no date. */
  readonly asOf: string;
  /** The as-of date (ISO), or null when no article gives or implies one. */
  readonly asOfDate: string | null;
  /** How asOfDate is known; null exactly when asOfDate is null. */
  readonly asOfBasis: AsOfBasis | null;
  /** Id of the Source that states it. */
  readonly sourceId: string;
  /** The sentence from the source that states the figure, verbatim. */
  readonly quote: string;
  /** Context a model needs beside the number (pre/post-money ambiguity, other claims). */
  readonly comment: string;
  /** Ids of other figures that state the same quantity with a different claim. */
  readonly otherClaims: readonly string[];
  /** Other sources that state the same claim, with their own sentence. */
  readonly alsoStatedIn: readonly Citation[];
}

/** A sentence of a source, verbatim. */
export interface Citation {
  readonly sourceId: string;
  readonly quote: string;
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
