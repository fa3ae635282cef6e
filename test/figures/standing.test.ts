/**
 * A figure's standing, derived from the articles that state, contradict or hedge it (issue 21):
 * never typed in, so editing the citations changes it, and each article counts once.
 */
import { standingOf } from "../../src/figures/standing";
import type { Challenge, Citation } from "../../src/figures/types";

const said = (sourceId: string): Citation => ({
  sourceId,
  quote: "a sentence",
  qualifier: "as stated",
  asOfDate: null,
  asOfBasis: "undated",
});
const against = (sourceId: string, kind: Challenge["kind"]): Challenge => ({ sourceId, quote: "another sentence", kind });

describe("standingOf", () => {
  test("one article is a single source", () => {
    expect(standingOf({ sourceId: "src.a", alsoStatedIn: [], challengedIn: [] })).toEqual({
      kind: "single source",
      statedBy: 1,
      contradictedBy: 0,
      hedgedBy: 0,
      text: "single source",
    });
  });

  test("two or more articles confirm it, each counted once", () => {
    const claim = { sourceId: "src.a", alsoStatedIn: [said("src.b"), said("src.c"), said("src.b")], challengedIn: [] };
    expect(standingOf(claim).text).toBe("confirmed by 3 articles");
  });

  test("one article that contradicts it makes it contested, however many state it", () => {
    const claim = { sourceId: "src.a", alsoStatedIn: [said("src.b"), said("src.c")], challengedIn: [against("src.d", "contradicts")] };
    expect(standingOf(claim)).toMatchObject({ kind: "contested", statedBy: 3, contradictedBy: 1, text: "contested" });
  });

  test("articles that only hedge it are counted beside its standing, not against it", () => {
    const claim = {
      sourceId: "src.a",
      alsoStatedIn: [said("src.b")],
      challengedIn: [against("src.a", "hedges"), against("src.c", "hedges"), against("src.c", "hedges")],
    };
    expect(standingOf(claim)).toMatchObject({ kind: "confirmed", hedgedBy: 2, text: "confirmed by 2 articles, hedged by 2" });
    expect(standingOf({ sourceId: "src.a", alsoStatedIn: [], challengedIn: [against("src.b", "hedges")] }).text).toBe(
      "single source, hedged by 1",
    );
  });
});
