import { figureCard, standingLine } from "../../src/taskpane/view-model";
import { findFigure } from "../../src/figures";
import type { Figure } from "../../src/figures";

const card = (id: string) => figureCard(findFigure(id) as Figure, { today: "2026-12-01", staleDays: 90 });

describe("the pane's figure card carries each figure's caveats", () => {
  test("as of with its date and how that date is known, the source with its tier, the comment", () => {
    const c = card("openai.valuation_round");
    expect(c.claim).toBe("approximately $830B");
    expect(c.asOf).toBe("during the talks (the article is undated); dated 2026-02-01, inferred from another article");
    expect(c.period).toBe("the new financing round");
    expect(c.source).toBe("Amazon in talks for up to $50B stake in OpenAI");
    expect(c.tier).toBe("secondary source: an article reporting on others");
    expect(c.comment).toBe("The sources do not say whether this is pre-money or post-money: the sheets compute both readings.");
  });

  test("carries the standing, marks a contested or single-source figure, and says why", () => {
    expect(card("deal.amount_announced")).toMatchObject({
      standing: "contested",
      caution: true,
      caveat: "Contested: 2 articles contradict it.",
      asOf: "undated: the article gives no date",
    });
    expect(card("amazon.capex_2026")).toMatchObject({
      standing: "single source",
      caution: true,
      caveat: "Single source: no other article states it.",
    });
    // Four articles state the talks figure and none contradicts it: no caveat, the hedges counted beside.
    expect(card("deal.amount")).toMatchObject({ standing: "confirmed by 4 articles, hedged by 2", caution: false, caveat: null });
  });

  test("names the article's outlet, and the outlet it cites as cited", () => {
    expect(card("amzn.price").cites).toBe("unnamed outlet, citing The Wall Street Journal");
    expect(card("amzn.price").source).toBe("Amazon in Advanced Talks to Invest Up to $50 Billion in OpenAI, Signaling Major AI Ambitions");
  });

  test("the AMZN gain reads +114% as stated, never as a multiple", () => {
    const c = card("amzn.return_3y");
    expect([c.label, c.claim]).toEqual(["Amazon stock gain over the past three years", "+114%"]);
    expect(c.comment).toContain("stated as a whole percentage");
  });
});

describe("a card's standing line", () => {
  test("is the status, then the standing among the articles", () => {
    expect(standingLine(card("deal.amount"))).toBe("reported · confirmed by 4 articles, hedged by 2");
    expect(standingLine(card("deal.amount_announced"))).toBe("announced · contested");
  });
});
