import { figureCard, standingLine } from "../../src/taskpane/view-model";
import { findFigure } from "../../src/figures";
import type { Figure } from "../../src/figures";

const card = (id: string) => figureCard(findFigure(id) as Figure, { today: "2026-12-01", staleDays: 90 });

describe("the pane's figure card carries each figure's caveats", () => {
  test("as of with its date and how that date is known, the source with its tier, the comment", () => {
    const c = card("openai.valuation_round");
    expect(c.claim).toBe("approximately $830B");
    expect(c.asOf).toBe("late January 2026 (talks); dated 2026-02-01, inferred from another article");
    expect(c.source).toBe("Amazon in talks for up to $50B stake in OpenAI");
    expect(c.tier).toBe("secondary source: an article reporting on others");
    expect(c.comment).toBe("The sources do not say whether this is pre-money or post-money: the sheets compute both readings.");
  });

  test("says where a status rests on a single undated or secondary source, and not where other articles state it", () => {
    expect(card("deal.amount_announced").caveat).toBe(
      '"announced" rests on a single undated, secondary source; no other article states it.',
    );
    expect(card("deal.amount_announced").asOf).toBe("date of the announcement (the source gives none); no article gives a date");
    expect(card("amazon.capex_2026").caveat).toBe('"guidance" rests on a single undated, secondary source; no other article states it.');
    // Four articles state the talks figure, so no single-source caveat.
    expect(card("deal.amount").caveat).toBeNull();
  });

  test("the AMZN gain reads +114% as stated, never as a multiple", () => {
    const c = card("amzn.return_3y");
    expect([c.label, c.claim]).toEqual(["AMZN share price gain over three years", "+114%"]);
    expect(c.comment).toContain("stated as a whole percentage");
  });
});

describe("a card's standing", () => {
  const figure = findFigure("deal.amount") as Figure;

  test("is shown after the status where the dataset gives a standing", () => {
    const withStanding = { ...figure, standing: "confirmed by 4 articles" } as Figure;
    const c = figureCard(withStanding, { today: "2026-12-01", staleDays: 90 });
    expect(c.standing).toBe("confirmed by 4 articles");
    expect(standingLine(c)).toBe("reported · confirmed by 4 articles");
  });

  test("is left out, never guessed, where the dataset has none", () => {
    const c = figureCard(figure, { today: "2026-12-01", staleDays: 90 });
    expect(c.standing).toBeNull();
    expect(standingLine(c)).toBe("reported");
  });
});
