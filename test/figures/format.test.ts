import { formatClaim, formatValue, groupThousands, shiftDecimal } from "../../src/figures/format";
import { allFigures } from "../../src/figures";

describe("shiftDecimal", () => {
  test.each([
    ["50000000000", -9, "50"],
    ["241.73", -9, "0.00000024173"],
    ["1.14", 2, "114"],
    ["1.145", 2, "114.5"],
    ["0.05", 2, "5"],
    ["7", 3, "7000"],
    ["8500000000", -9, "8.5"],
    ["0", 2, "0"],
  ])("moves the point of %s by %d places exactly: %s", (value, places, expected) => {
    expect(shiftDecimal(value, places)).toBe(expected);
  });
});

describe("groupThousands", () => {
  test.each([
    ["16000", "16,000"],
    ["1234567.891", "1,234,567.891"],
    ["999", "999"],
  ])("%s → %s", (value, expected) => expect(groupThousands(value)).toBe(expected));
});

describe("formatValue and formatClaim", () => {
  test("show each figure as the pane's cards do", () => {
    const shown = Object.fromEntries(allFigures().map((f) => [f.id, formatClaim(f)]));
    expect(shown).toMatchObject({
      "deal.amount": "up to $50B",
      "deal.amount_announced": "$50B",
      "deal.round_size": "could total $100B",
      "openai.valuation_prior": "$500B",
      "openai.valuation_round": "approximately $830B",
      "deal.expected_close": "projected by 2026-03-31",
      "anthropic.amazon_investment": "at least $8B",
      "amzn.price": "around $241.73",
      "amzn.return_3y": "+114%",
      // "signaled" and "expects to" are about the statement: the Qualifier column carries them.
      "amazon.capex_2026": "approximately $125B",
      "amazon.corporate_layoffs": "around 16,000",
    });
  });

  test("writes every qualifier that goes before a value, in the field's order, and none about the statement", () => {
    expect(formatClaim({ value: "125000000000", unit: "USD", qualifier: "signaled, expects to, approximately" })).toBe(
      "approximately $125B",
    );
    expect(formatClaim({ value: "2026-03-31", unit: "date", qualifier: "projected by" })).toBe("projected by 2026-03-31");
    expect(formatClaim({ value: "8000000000", unit: "USD", qualifier: "as stated" })).toBe("$8B");
    expect(formatClaim({ value: "8000000000", unit: "USD", qualifier: "signaled" })).toBe("$8B");
  });

  test("keeps dollar amounts under a billion in full", () => {
    expect(formatValue({ value: "250000000", unit: "USD" })).toBe("$250,000,000");
    expect(formatValue({ value: "1500000000", unit: "USD" })).toBe("$1.5B");
  });
});
