/**
 * The qualifiers in the sources' words (issue 21): which words of a quote show each, which go
 * before a value, and the weakest qualifier a result carries from its inputs.
 */
import schema from "../../figures/figures.schema.json";
import { QUALIFIER_MEANINGS } from "../../src/figures/provenance";
import {
  derivedQualifier,
  derivedWords,
  qualifiedLabel,
  qualifiedText,
  qualifiersOf,
  qualifiersUsedIn,
  quoteShows,
  QUALIFIERS,
  valuePrefix,
} from "../../src/figures/qualifiers";

describe("the qualifiers", () => {
  test("are the ones the schema allows, each with a one-line meaning", () => {
    const pattern = (schema as { $defs: { qualifier: { pattern: string } } }).$defs.qualifier.pattern;
    const hedges = /\(([^()]+)\)\(,/.exec(pattern)![1].split("|");
    expect(Object.keys(QUALIFIERS)).toEqual(["as stated", ...hedges]);
    expect(Object.keys(QUALIFIER_MEANINGS)).toEqual(Object.keys(QUALIFIERS));
    for (const meaning of Object.values(QUALIFIER_MEANINGS)) expect(meaning).not.toMatch(/\n/);
  });

  test("a field lists them in the quote's order; only those about the number go before it", () => {
    expect(qualifiersOf("signaled, expects to, approximately")).toEqual(["signaled", "expects to", "approximately"]);
    expect(valuePrefix("signaled, expects to, approximately")).toBe("approximately");
    expect(valuePrefix("could total")).toBe("could total");
    expect(valuePrefix("as stated")).toBe("");
  });

  test("a quote shows a qualifier by its words, as whole words", () => {
    expect(quoteShows("may invest as much as $50 billion", "up to")).toBe(true);
    expect(quoteShows("a round that could total $100 billion", "up to")).toBe(false);
    expect(quoteShows("the projected closing of the funding deal", "projected by")).toBe(true);
    expect(quoteShows("surrounding $5", "around")).toBe(false);
    expect(qualifiersUsedIn("Up to $50B, roughly")).toEqual([
      { qualifier: "approximately", word: "roughly" },
      { qualifier: "up to", word: "up to" },
    ]);
  });
});

describe("a result's qualifier", () => {
  test.each([
    // up (numerators), down (denominators), words
    [["up to"], ["approximately"], "up to ~"],
    [["up to"], ["approximately", "could total"], "up to ~"],
    [["up to"], [], "up to"],
    [["up to"], ["up to"], "~"],
    [["up to"], ["at least"], "up to"],
    [["at least"], ["as stated"], "at least"],
    [["approximately"], ["as stated"], "~"],
    [["as stated"], ["as stated"], ""],
    [["signaled, expects to, approximately"], [], "~"],
    [[], ["up to"], "at least"],
  ])("%j over %j is %p", (up, down, words) => {
    expect(derivedWords(derivedQualifier(up, down))).toBe(words);
  });

  test("shows in the label and beside the value", () => {
    const q = derivedQualifier(["up to"], ["approximately"]);
    expect(qualifiedText(q, "6.02%")).toBe("up to ~6.02%");
    expect(qualifiedLabel("Amazon stake if the valuation is post-money", q)).toBe("Amazon stake if the valuation is post-money (up to ~)");
    expect(qualifiedLabel("3-year CAGR", derivedQualifier(["as stated"], []))).toBe("3-year CAGR");
  });
});
