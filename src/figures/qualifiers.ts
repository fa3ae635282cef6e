/**
 * The qualifiers: the words with which the articles say how strongly they state a figure ("up
 * to", "could total", "signaled"). One table gives each the words of a quote that show it and what
 * it does to a result computed from the figure, so the validator, the claims and the derived
 * results all read the same; what each means in words is QUALIFIER_MEANINGS (provenance.ts), kept
 * apart so the functions bundle, which needs only this table, does not carry the sentences. Pure.
 */
import type { Qualifier } from "./types";

interface QualifierInfo {
  /** Words of a quote that show it, lowercase; none for "as stated". */
  readonly words: readonly string[];
  /** What it says of the true value: at most this (ceiling), at least this (floor), or neither. */
  readonly bound: "ceiling" | "floor" | null;
  /** The true value may lie on either side. */
  readonly approximate: boolean;
  /** Written before the value in a claim ("up to $50B"); words about the statement itself are not. */
  readonly beforeValue: boolean;
}

export const QUALIFIERS: Readonly<Record<Qualifier, QualifierInfo>> = Object.freeze({
  "as stated": {
    words: [],
    bound: null,
    approximate: false,
    beforeValue: false,
  },
  approximately: {
    words: ["approximately", "roughly"],
    bound: null,
    approximate: true,
    beforeValue: true,
  },
  around: {
    words: ["around"],
    bound: null,
    approximate: true,
    beforeValue: true,
  },
  "up to": {
    words: ["up to", "as much as"],
    bound: "ceiling",
    approximate: false,
    beforeValue: true,
  },
  "at least": {
    words: ["at least"],
    bound: "floor",
    approximate: false,
    beforeValue: true,
  },
  "could total": {
    words: ["could total"],
    bound: null,
    approximate: true,
    beforeValue: true,
  },
  "projected by": {
    words: ["projected"],
    bound: null,
    approximate: true,
    beforeValue: true,
  },
  "expects to": {
    words: ["expects to", "expected to"],
    bound: null,
    approximate: true,
    beforeValue: false,
  },
  signaled: {
    words: ["signaled", "signalled"],
    bound: null,
    approximate: true,
    beforeValue: false,
  },
});

const ALL = Object.keys(QUALIFIERS) as Qualifier[];

function isQualifier(word: string): word is Qualifier {
  return (ALL as string[]).includes(word);
}

/** The qualifiers a `qualifier` field lists ("signaled, expects to, approximately"), in order; unknown words are left out. */
export function qualifiersOf(field: string): Qualifier[] {
  return field.split(", ").filter(isQualifier);
}

/** The qualifier a field lists twice, or null ("up to, up to" would count one hedge as two). */
export function repeatedQualifier(field: string): string | null {
  const words = field.split(", ");
  return words.find((w, i) => words.indexOf(w) !== i) ?? null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when `text` uses `word` as a word (not inside another word), ignoring case. */
export function usesWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^a-z])${escape(word)}($|[^a-z])`, "i").test(text);
}

/** The qualifiers whose words `text` uses: what a label or a timeline sentence claims about strength. */
export function qualifiersUsedIn(text: string): { readonly qualifier: Qualifier; readonly word: string }[] {
  return ALL.flatMap((qualifier) =>
    QUALIFIERS[qualifier].words.filter((word) => usesWord(text, word)).map((word) => ({ qualifier, word })),
  );
}

/** True when `quote` uses a word of `qualifier` ("as stated" is shown by the absence of the others, so always true). */
export function quoteShows(quote: string, qualifier: Qualifier): boolean {
  const words = QUALIFIERS[qualifier].words;
  return words.length === 0 || words.some((w) => usesWord(quote, w));
}

/** The words written before a value in a claim: "approximately" of "signaled, expects to, approximately". */
export function valuePrefix(field: string): string {
  return qualifiersOf(field)
    .filter((q) => QUALIFIERS[q].beforeValue)
    .join(" ");
}

/** A result's qualifier, from its inputs': a ceiling or a floor it keeps, and whether it is approximate. */
export interface DerivedQualifier {
  readonly bound: "ceiling" | "floor" | null;
  readonly approximate: boolean;
}

const INVERSE = { ceiling: "floor", floor: "ceiling" } as const;

/**
 * The weakest qualifier a result can carry, given the qualifier fields of the inputs it grows with
 * (`up`: numerators, terms added) and of those it shrinks with (`down`: denominators, terms
 * subtracted). A ceiling in a numerator stays a ceiling; in a denominator it becomes a floor; two
 * bounds pulling opposite ways cancel into "approximate".
 */
export function derivedQualifier(up: readonly string[], down: readonly string[]): DerivedQualifier {
  const infos = (fields: readonly string[]) => fields.flatMap(qualifiersOf).map((q) => QUALIFIERS[q]);
  const bounds = new Set([
    ...infos(up).flatMap((i) => (i.bound ? [i.bound] : [])),
    ...infos(down).flatMap((i) => (i.bound ? [INVERSE[i.bound]] : [])),
  ]);
  const approximate = [...infos(up), ...infos(down)].some((i) => i.approximate) || bounds.size > 1;
  return { bound: bounds.size === 1 ? [...bounds][0] : null, approximate };
}

/** The qualifier in words, as a label or a value carries it: "up to ~", "at least", "~", or "" for none. */
export function derivedWords(q: DerivedQualifier): string {
  const bound = q.bound === "ceiling" ? "up to" : q.bound === "floor" ? "at least" : "";
  return [bound, q.approximate ? "~" : ""].filter(Boolean).join(" ");
}

/** A shown result with its qualifier: "up to ~6.02%", "~1.66x", "$41.5B". */
export function qualifiedText(q: DerivedQualifier, shown: string): string {
  const bound = q.bound === "ceiling" ? "up to " : q.bound === "floor" ? "at least " : "";
  return `${bound}${q.approximate ? "~" : ""}${shown}`;
}

/** A label with its result's qualifier: "Amazon stake if the valuation is post-money (up to ~)". */
export function qualifiedLabel(label: string, q: DerivedQualifier): string {
  const words = derivedWords(q);
  return words === "" ? label : `${label} (${words})`;
}

/**
 * Said once beside the stakes and the results: what they assume, and what "~" and "up to" mean
 * there. The capped-profit structure is the one the late-January article describes.
 */
export const DERIVED_ASSUMPTION =
  'Stakes assume Amazon\'s money buys equity at the round\'s valuation, whatever OpenAI\'s "capped-profit" structure does. Each result carries the weakest qualifier of its inputs: "up to" where an input is a ceiling, "~" where one is approximate.';
