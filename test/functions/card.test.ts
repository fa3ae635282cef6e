/**
 * DEAL.CARD's entity value. Its type is Excel.EntityCellValue from @types/office-js (the compiler
 * checks src/functions/card.ts against it, and the assignments below); this test checks the
 * shape Excel reads at run time: every property a valid cell value, the card's section listing
 * only properties the entity has, the source as the attribution.
 */
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { useDataset } from "../../src/figures/in-use";
import { CARD_PROPERTIES, cards, figureEntity } from "../../src/functions/card";

beforeAll(() => useDataset(BUILT_IN_FIGURES));

const valid: Record<string, (v: { basicValue?: unknown }) => boolean> = {
  String: (v) => typeof v.basicValue === "string",
  Double: (v) => typeof v.basicValue === "number",
  FormattedNumber: (v) => typeof v.basicValue === "number",
};

describe("DEAL.CARD's entity", () => {
  let entity: Excel.EntityCellValue;
  let props: Record<string, { type: string; basicValue: unknown; numberFormat?: string }>;
  beforeAll(() => {
    entity = figureEntity("openai.valuation_round")!;
    props = entity.properties as typeof props;
  });

  test("is an Entity whose cell text is the label and the claim", () => {
    expect(entity.type).toBe("Entity");
    expect(entity.text).toBe("OpenAI valuation implied by the round: approximately $830B");
  });

  test("every property is a cell value of a type Excel knows, with a basic value of that type", () => {
    expect(Object.keys(props)).toEqual([...CARD_PROPERTIES]);
    for (const [name, value] of Object.entries(props))
      expect([name, value.type, valid[value.type]?.(value)]).toEqual([name, value.type, true]);
  });

  test("the card shows value, qualifier, status, as of with its basis, source with its tier, the quote and the comment", () => {
    const card = entity.layouts!.card!;
    expect(card.sections).toEqual([
      { layout: "List", properties: ["Value", "Qualifier", "Status", "As of", "Source", "Quote", "Comment"] },
    ]);
    expect(props.Value).toEqual({ type: "Double", basicValue: 830e9 });
    expect(props.Qualifier.basicValue).toBe("approximately");
    expect(props.Status.basicValue).toBe("reported");
    expect(props["As of"].basicValue).toBe("late January 2026 (talks); dated 2026-02-01, inferred from another article");
    expect(props.Source.basicValue).toBe(
      "Amazon in talks for up to $50B stake in OpenAI (secondary source: an article reporting on others)",
    );
    expect(props.Quote.basicValue).toBe(
      "The potential Amazon investment is unfolding as OpenAI seeks to raise a new financing round that could total $100 billion, implying a valuation of roughly $830 billion.",
    );
    expect(props.Comment.basicValue).toBe(
      "The sources do not say whether this is pre-money or post-money: the sheets compute both readings.",
    );
  });

  test("the source is the card's attribution", () => {
    const provider: Excel.CellValueProviderAttributes = entity.provider!;
    expect(provider).toEqual({
      description: "Amazon in talks for up to $50B stake in OpenAI (secondary source: an article reporting on others)",
    });
  });

  test("a date's value is a formatted date serial; an unknown id has no entity", () => {
    expect((figureEntity("deal.expected_close")!.properties as Record<string, unknown>).Value).toEqual({
      type: "FormattedNumber",
      basicValue: 46112,
      numberFormat: "yyyy-mm-dd",
    });
    expect(figureEntity("nope")).toBeUndefined();
  });
});

describe("DEAL.CARD's data types gate", () => {
  const global = globalThis as { Office?: unknown };
  const host = (sets: Record<string, string>) => ({
    context: { requirements: { isSetSupported: (set: string, version: string) => sets[set] !== undefined && version <= sets[set] } },
  });
  afterEach(() => delete global.Office);

  test("gives the entity where custom functions return data types (CustomFunctionsRuntime 1.4)", () => {
    global.Office = host({ CustomFunctionsRuntime: "1.4", ExcelApi: "1.17" });
    const [[card]] = cards([[830e9]], [["openai.valuation_round"]]) as Excel.EntityCellValue[][];
    expect([card.type, card.text]).toEqual(["Entity", "OpenAI valuation implied by the round: approximately $830B"]);
  });

  test("gives the plain number where Excel has ExcelApi 1.16 but not CustomFunctionsRuntime 1.4 (perpetual Office 2024), and without Office", () => {
    global.Office = host({ CustomFunctionsRuntime: "1.3", ExcelApi: "1.17" });
    expect(cards([[830e9, "#N/A"]], [["openai.valuation_round", "nope"]])).toEqual([[830e9, "#N/A"]]);
    delete global.Office;
    expect(cards([[830e9]], "openai.valuation_round")).toEqual([[830e9]]);
  });
});
