import { allFacts, findSource } from "../../src/figures";
import { buildBlock } from "../../src/sheets";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { cellAt, exact, expectFigureRow, expectTableHeader, figureOf, nameAddress, sourceTitleOf } from "./helpers";
import { Fraction } from "./oracle";
import { blockFigureIds } from "../../src/sheets";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";

const deal = buildBlock("deal");
const DEAL_ROWS: [number, string][] = [
  [5, "deal.amount"],
  [6, "deal.amount_announced"],
  [7, "deal.round_size"],
  [8, "openai.valuation_prior"],
  [9, "openai.valuation_round"],
  [10, "deal.expected_close"],
];

describe("Deal block", () => {
  test("sits on the sheet Deal, needs no other block, and has a title", () => {
    expect(deal.sheetName).toBe("Deal");
    expect(deal.requires).toEqual([]);
    expect(cellAt(deal, "A1")).toMatchObject({ value: "Amazon investment in OpenAI: the deal", style: "title" });
  });

  test("the figures table is the Excel table DealFigures over A4:J10", () => {
    expectTableHeader(deal, 4);
    expect(deal.tables).toEqual([
      { name: "DealFigures", top: 3, left: 0, bottom: 3 + blockFigureIds(BUILT_IN_FIGURES, "deal").length, right: 9, retractIn: "Status" },
    ]);
  });

  test.each(DEAL_ROWS)("row %i shows %s with its source, an empty override and the Used formula", (row, id) => {
    expectFigureRow(deal, row, id);
  });

  test("the 'up to $50B' talks figure and the announced $50B are separate rows with their own status", () => {
    expect(cellAt(deal, "G5").value).toBe("reported");
    expect(cellAt(deal, "F5").value).toBe("up to");
    expect(cellAt(deal, "G6").value).toBe("announced");
    expect(cellAt(deal, "B5").note).toContain("Other claim: Amazon investment in OpenAI (announced) (deal.amount_announced)");
  });

  test("the expected close is a date serial shown yyyy-mm-dd", () => {
    expect(cellAt(deal, "B10")).toMatchObject({ value: 46112, numberFormat: "yyyy-mm-dd" });
  });

  test("the input names point to the Used cells", () => {
    expect(nameAddress(deal, "DEAL_AMOUNT")).toBe("D5");
    expect(nameAddress(deal, "DEAL_ROUND_SIZE")).toBe("D7");
    expect(nameAddress(deal, "OPENAI_VALUATION_PRIOR")).toBe("D8");
    expect(nameAddress(deal, "OPENAI_VALUATION_ROUND")).toBe("D9");
  });

  test("every reported row has a name: the announced amount and the expected close too", () => {
    expect(nameAddress(deal, "DEAL_AMOUNT_ANNOUNCED")).toBe("D6");
    expect(nameAddress(deal, "DEAL_EXPECTED_CLOSE")).toBe("D10");
    const wb = evaluateWorkbook([deal]);
    expect(wb.name("DEAL_AMOUNT_ANNOUNCED")).toBe(50e9);
    expect(wb.name("DEAL_EXPECTED_CLOSE")).toBe(46112);
    const overridden = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: 9, col: 2, value: 46203 }] });
    expect(overridden.name("DEAL_EXPECTED_CLOSE")).toBe(46203);
  });

  const amount = exact("deal.amount");
  const round = exact("deal.round_size");
  const prior = exact("openai.valuation_prior");
  const valuation = exact("openai.valuation_round");
  const derived: [string, string, string, string, Fraction][] = [
    ["B14", "DEAL_STAKE_POST", "=DEAL_AMOUNT/OPENAI_VALUATION_ROUND", "0.00%", amount.div(valuation)],
    ["B15", "DEAL_STAKE_PRE", "=DEAL_AMOUNT/(OPENAI_VALUATION_ROUND+DEAL_ROUND_SIZE)", "0.00%", amount.div(valuation.add(round))],
    ["B16", "OPENAI_PREMONEY_IMPLIED", "=OPENAI_VALUATION_ROUND-DEAL_ROUND_SIZE", '$#,##0.0,,,"B"', valuation.sub(round)],
    ["B17", "DEAL_SHARE_OF_ROUND", "=DEAL_AMOUNT/DEAL_ROUND_SIZE", "0.00%", amount.div(round)],
    ["B18", "OPENAI_STEPUP", "=OPENAI_VALUATION_ROUND/OPENAI_VALUATION_PRIOR", '0.00"x"', valuation.div(prior)],
    ["B19", "OPENAI_STEPUP_IF_POST", "=OPENAI_PREMONEY_IMPLIED/OPENAI_VALUATION_PRIOR", '0.00"x"', valuation.sub(round).div(prior)],
  ];

  test("the step-up is shown under both readings: 1.66x if $830B is pre-money, 1.46x if it is post-money", () => {
    expect(cellAt(deal, "A18").value).toBe("Step-up from the prior valuation if the valuation is pre-money");
    expect(cellAt(deal, "A19").value).toBe("Step-up from the prior valuation if the valuation is post-money");
    const wb = evaluateWorkbook([deal]);
    expect(wb.name("OPENAI_STEPUP")).toBe(830 / 500);
    expect(wb.name("OPENAI_STEPUP_IF_POST")).toBe(730 / 500);
  });

  test.each(derived)("%s holds %s: %s, format %s, the exact value of the dataset", (address, name, formula, format, expected) => {
    expect(cellAt(deal, address)).toMatchObject({ formula, numberFormat: format, owner: "addin", style: "derived" });
    expect(nameAddress(deal, name)).toBe(address);
    const wb = evaluateWorkbook([deal]);
    expect(wb.name(name)).toBe(expected.toNumber());
  });

  test("a user's override flows into Used and every derived metric; the reported cell is unchanged", () => {
    const wb = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: 4, col: 2, value: 40e9 }] });
    const forty = Fraction.of("40000000000");
    expect(wb.name("DEAL_AMOUNT")).toBe(40e9);
    expect(wb.value("Deal", 4, 1)).toBe(amount.toNumber());
    expect(wb.name("DEAL_STAKE_POST")).toBe(forty.div(valuation).toNumber());
    expect(wb.name("DEAL_STAKE_PRE")).toBe(forty.div(valuation.add(round)).toNumber());
    expect(wb.name("DEAL_SHARE_OF_ROUND")).toBe(forty.div(round).toNumber());
  });

  test("a zero valuation override shows #DIV/0! only where it divides", () => {
    const wb = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: 8, col: 2, value: 0 }] });
    expect(wb.name("DEAL_STAKE_POST")).toEqual({ error: "#DIV/0!" });
    expect(wb.name("DEAL_STAKE_PRE")).toBe(amount.div(round).toNumber());
    expect(wb.name("OPENAI_PREMONEY_IMPLIED")).toBe(round.mul(Fraction.of("-1")).toNumber());
    expect(wb.name("OPENAI_STEPUP")).toBe(0);
  });

  test("a text override that is not a number makes the metrics #VALUE!", () => {
    const wb = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: 6, col: 2, value: "tbd" }] });
    expect(wb.name("DEAL_ROUND_SIZE")).toBe("tbd");
    expect(wb.name("DEAL_SHARE_OF_ROUND")).toEqual({ error: "#VALUE!" });
    expect(wb.name("DEAL_STAKE_POST")).toBe(amount.div(valuation).toNumber());
  });

  test("who leads, who else is in talks and the timeline follow, each with its source and quote", () => {
    expect(cellAt(deal, "A21").value).toBe("Who, with whom, when");
    allFacts().forEach((fact, i) => {
      const row = 22 + 2 * i;
      expect(cellAt(deal, `A${row}`)).toMatchObject({ value: fact.label, figureId: fact.id, owner: "addin" });
      const text = cellAt(deal, `B${row}`);
      expect(text).toMatchObject({ value: fact.text, figureId: fact.id, owner: "addin" });
      expect(text.note).toContain(`"${fact.quote}"`);
      expect(text.note).toContain(findSource(fact.sourceId)?.cites ?? "missing source");
      expect(cellAt(deal, `B${row + 1}`).value).toBe(`${fact.status} · as of ${fact.asOf} · ${sourceTitleOf(fact.sourceId)}`);
    });
    expect(allFacts().map((f) => f.id)).toEqual(
      expect.arrayContaining(["talks.leaders", "talks.other_investors", "timeline.announcement"]),
    );
  });

  test("each Used cell computes the reported value when no override is entered", () => {
    const wb = evaluateWorkbook([deal]);
    for (const [row, id] of DEAL_ROWS) {
      expect(wb.value("Deal", row - 1, 3)).toBe(cellAt(deal, `B${row}`).value);
      expect(cellAt(deal, `B${row}`).figureId).toBe(figureOf(id).id);
    }
  });
});
