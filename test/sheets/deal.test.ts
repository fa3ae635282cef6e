import * as fs from "fs";
import * as path from "path";
import { allFacts, findSource } from "../../src/figures";
import { buildBlock } from "../../src/sheets";
import { parseA1 } from "../../src/sheets/a1";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { cellAt, colLetter, exact, expectFigureRow, expectTableHeader, figureOf, nameAddress, sourceTitleOf, tableCell } from "./helpers";
import { Fraction } from "./oracle";
import { blockFigureIds } from "../../src/sheets";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { rawFigures } from "../figures/json";

const deal = buildBlock("deal");
/**
 * Each deal figure's row (1-based): under the header in row 4, in the figures file's order, read
 * from the raw file, so a figure added to the file moves these checks with it.
 */
const DEAL_ROWS: [number, string][] = rawFigures()
  .filter((f) => f.block === "deal")
  .map((f, i) => [5 + i, f.id]);
const rowOf = (id: string): number => DEAL_ROWS.find(([, x]) => x === id)![0];
const [AMOUNT, ANNOUNCED, ROUND, PRIOR, VALUATION, CLOSE] = [
  "deal.amount",
  "deal.amount_announced",
  "deal.round_size",
  "openai.valuation_prior",
  "openai.valuation_round",
  "deal.expected_close",
].map(rowOf);

describe("Deal block", () => {
  test("sits on the sheet Deal, needs no other block, and has a title", () => {
    expect(deal.sheetName).toBe("Deal");
    expect(deal.requires).toEqual([]);
    expect(cellAt(deal, "A1")).toMatchObject({ value: "Amazon investment in OpenAI: the deal", style: "title" });
  });

  test("the figures table is the Excel table DealFigures from A4 to column M, one row per deal figure", () => {
    expectTableHeader(deal, 4);
    expect(deal.tables).toEqual([
      { name: "DealFigures", top: 3, left: 0, bottom: 3 + blockFigureIds(BUILT_IN_FIGURES, "deal").length, right: 12, retractIn: "Status" },
    ]);
  });

  test.each(DEAL_ROWS)("row %i shows %s with its source, an empty override and the Used formula", (row, id) => {
    expectFigureRow(deal, row, id);
  });

  test("the 'up to $50B' talks figure and the announced $50B are separate rows with their own status", () => {
    expect(tableCell(deal, AMOUNT, "Status").value).toBe("reported");
    expect(tableCell(deal, AMOUNT, "Qualifier").value).toBe("up to");
    expect(tableCell(deal, ANNOUNCED, "Status").value).toBe("announced");
    expect(cellAt(deal, `B${AMOUNT}`).note).toContain("Other claim: Amazon investment in OpenAI (announced) (deal.amount_announced)");
  });

  test("the announced row shows in a cell beside its number that it is contested, and its note quotes who contradicts it", () => {
    expect(colLetter("standing")).toBe("F");
    expect(cellAt(deal, `F${ANNOUNCED}`)).toMatchObject({ value: "contested", figureId: "deal.amount_announced", owner: "addin" });
    expect(cellAt(deal, `F${AMOUNT}`).value).toBe("confirmed by 4 articles, hedged by 2");
    const note = cellAt(deal, `B${ANNOUNCED}`).note ?? "";
    expect(note.split("\n")[0]).toBe("$50B · announced · contested");
    expect(note).toContain(
      'Contradicted by Amazon in talks for up to $50B stake in OpenAI: "People familiar with the matter say Amazon may invest as much as $50 billion in the AI company in the coming weeks, though the talks remain ongoing and the final amount could change."',
    );
    expect(note).toContain("Stated by Amazon has announced a $50 billion investment in OpenAI… (as stated; undated)");
  });

  test("round size and close date carry the source's own qualifier, never up to", () => {
    expect(cellAt(deal, `${colLetter("qualifier")}${ROUND}`).value).toBe("could total");
    expect(cellAt(deal, `${colLetter("qualifier")}${CLOSE}`).value).toBe("projected by");
    expect(cellAt(deal, `A${CLOSE}`).value).toBe("Projected closing of the funding deal");
    expect(cellAt(deal, `B${ROUND}`).note?.split("\n")[0]).toBe("Could total $100B · reported · confirmed by 2 articles");
    expect(cellAt(deal, `B${CLOSE}`).note?.split("\n")[0]).toBe("Projected by 2026-03-31 · reported · single source");
  });

  test("the expected close is a date serial shown yyyy-mm-dd", () => {
    expect(cellAt(deal, `B${CLOSE}`)).toMatchObject({ value: 46112, numberFormat: "yyyy-mm-dd" });
  });

  test("the input names point to the Used cells", () => {
    expect(nameAddress(deal, "DEAL_AMOUNT")).toBe(`D${AMOUNT}`);
    expect(nameAddress(deal, "DEAL_ROUND_SIZE")).toBe(`D${ROUND}`);
    expect(nameAddress(deal, "OPENAI_VALUATION_PRIOR")).toBe(`D${PRIOR}`);
    expect(nameAddress(deal, "OPENAI_VALUATION_ROUND")).toBe(`D${VALUATION}`);
  });

  test("every reported row has a name: the announced amount and the expected close too", () => {
    expect(nameAddress(deal, "DEAL_AMOUNT_ANNOUNCED")).toBe(`D${ANNOUNCED}`);
    expect(nameAddress(deal, "DEAL_EXPECTED_CLOSE")).toBe(`D${CLOSE}`);
    const wb = evaluateWorkbook([deal]);
    expect(wb.name("DEAL_AMOUNT_ANNOUNCED")).toBe(50e9);
    expect(wb.name("DEAL_EXPECTED_CLOSE")).toBe(46112);
    const overridden = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: CLOSE - 1, col: 2, value: 46203 }] });
    expect(overridden.name("DEAL_EXPECTED_CLOSE")).toBe(46203);
  });

  const amount = exact("deal.amount");
  const round = exact("deal.round_size");
  const prior = exact("openai.valuation_prior");
  const valuation = exact("openai.valuation_round");
  // Each metric is found by its name's cell, so a figure added to the table moves none of these checks.
  const derived: [string, string, string, Fraction][] = [
    ["DEAL_STAKE_POST", "=DEAL_AMOUNT/OPENAI_VALUATION_ROUND", "0.00%", amount.div(valuation)],
    ["DEAL_STAKE_PRE", "=DEAL_AMOUNT/(OPENAI_VALUATION_ROUND+DEAL_ROUND_SIZE)", "0.00%", amount.div(valuation.add(round))],
    ["OPENAI_PREMONEY_IMPLIED", "=OPENAI_VALUATION_ROUND-DEAL_ROUND_SIZE", '$#,##0.0,,,"B"', valuation.sub(round)],
    ["DEAL_SHARE_OF_ROUND", "=DEAL_AMOUNT/DEAL_ROUND_SIZE", "0.00%", amount.div(round)],
    ["OPENAI_STEPUP_IF_PRE", "=OPENAI_VALUATION_ROUND/OPENAI_VALUATION_PRIOR", '0.00"x"', valuation.div(prior)],
    ["OPENAI_STEPUP_IF_POST", "=OPENAI_PREMONEY_IMPLIED/OPENAI_VALUATION_PRIOR", '0.00"x"', valuation.sub(round).div(prior)],
  ];
  /** The label beside a derived metric: column A of its name's row. */
  const labelOf = (name: string) => cellAt(deal, `A${parseA1(nameAddress(deal, name)).row + 1}`).value;

  test("the step-up is shown under both readings: 1.66x if $830B is pre-money, 1.46x if it is post-money", () => {
    expect(labelOf("OPENAI_STEPUP_IF_PRE")).toBe("Step-up from the prior valuation if the valuation is pre-money (~)");
    expect(labelOf("OPENAI_STEPUP_IF_POST")).toBe("Step-up from the prior valuation if the valuation is post-money (~)");
    const wb = evaluateWorkbook([deal]);
    expect(wb.name("OPENAI_STEPUP_IF_PRE")).toBe(830 / 500);
    expect(wb.name("OPENAI_STEPUP_IF_POST")).toBe(730 / 500);
  });

  test("OPENAI_STEPUP, the older name, still names the pre-money step-up, and says so", () => {
    expect(nameAddress(deal, "OPENAI_STEPUP")).toBe(nameAddress(deal, "OPENAI_STEPUP_IF_PRE"));
    expect(evaluateWorkbook([deal]).name("OPENAI_STEPUP")).toBe(830 / 500);
    expect(deal.names.find((n) => n.name === "OPENAI_STEPUP")?.comment).toMatch(/pre-money.*older name of OPENAI_STEPUP_IF_PRE/);
  });

  test("each result's label carries the weakest qualifier of its inputs: up to $50B, roughly $830B, a round that could total $100B", () => {
    // A ceiling over an approximate figure stays a ceiling, approximately; approximate over exact is approximate.
    expect(["DEAL_STAKE_POST", "DEAL_STAKE_PRE", "OPENAI_PREMONEY_IMPLIED", "DEAL_SHARE_OF_ROUND"].map(labelOf)).toEqual([
      "Amazon stake if the valuation is post-money (up to ~)",
      "Amazon stake if the valuation is pre-money (up to ~)",
      "OpenAI pre-money valuation if the valuation is post-money (~)",
      "Amazon share of the round (up to ~)",
    ]);
  });

  test("the stakes' assumption is stated once, beside the metrics, in the words of the article that describes the structure", () => {
    const said = deal.cells.filter((c) => typeof c.value === "string" && c.value.includes("capped-profit"));
    // The metrics' heading sits one empty row below the figures table, the first metric a row below it.
    const heading = deal.tables[0].bottom + 2;
    expect(said.map((c) => [c.row, c.col])).toEqual([[heading, 1]]);
    expect(cellAt(deal, `A${heading + 1}`).value).toBe("Derived metrics");
    expect(parseA1(nameAddress(deal, "DEAL_STAKE_POST")).row).toBe(heading + 2);
    expect(said[0].value).toContain("Stakes assume Amazon's money buys equity at the round's valuation");
    const article = fs.readFileSync(path.resolve(__dirname, "../../sources", findSource("src.late_january_reports")!.file), "utf8");
    expect(article).toContain('a "capped-profit" entity');
  });

  test("the MOIC's exit valuation is the user's input, blank, and the multiple is blank until it is entered", () => {
    const input = nameAddress(deal, "DEAL_EXIT_VALUATION");
    expect(cellAt(deal, input)).toMatchObject({ value: null, owner: "user", style: "input" });
    const { row, col } = parseA1(input);
    const result = deal.cells.find((c) => c.row === row + 1 && c.col === col)!;
    expect(result.formula).toBe(`=IF(DEAL_EXIT_VALUATION="","",DEAL_STAKE_POST*DEAL_EXIT_VALUATION/DEAL_AMOUNT)`);
    expect(evaluateWorkbook([deal]).value("Deal", row + 1, col)).toBe("");
    const filled = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row, col, value: 1660e9 }] });
    // 1660 ÷ 830 with the stake bought at $830B post-money: twice the money.
    expect(filled.value("Deal", row + 1, col)).toBe(2);
  });

  test("the metrics follow their heading one a row, in this order", () => {
    const first = parseA1(nameAddress(deal, derived[0][0])).row;
    expect(derived.map(([name]) => parseA1(nameAddress(deal, name)).row - first)).toEqual(derived.map((_, i) => i));
  });

  test.each(derived)("%s, in column B: %s, format %s, the exact value of the dataset", (name, formula, format, expected) => {
    const address = nameAddress(deal, name);
    expect(address).toMatch(/^B\d+$/);
    expect(cellAt(deal, address)).toMatchObject({ formula, numberFormat: format, owner: "addin", style: "derived" });
    const wb = evaluateWorkbook([deal]);
    expect(wb.name(name)).toBe(expected.toNumber());
  });

  test("a user's override flows into Used and every derived metric; the reported cell is unchanged", () => {
    const wb = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: AMOUNT - 1, col: 2, value: 40e9 }] });
    const forty = Fraction.of("40000000000");
    expect(wb.name("DEAL_AMOUNT")).toBe(40e9);
    expect(wb.value("Deal", 4, 1)).toBe(amount.toNumber());
    expect(wb.name("DEAL_STAKE_POST")).toBe(forty.div(valuation).toNumber());
    expect(wb.name("DEAL_STAKE_PRE")).toBe(forty.div(valuation.add(round)).toNumber());
    expect(wb.name("DEAL_SHARE_OF_ROUND")).toBe(forty.div(round).toNumber());
  });

  test("a zero valuation override shows #DIV/0! only where it divides", () => {
    const wb = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: VALUATION - 1, col: 2, value: 0 }] });
    expect(wb.name("DEAL_STAKE_POST")).toEqual({ error: "#DIV/0!" });
    expect(wb.name("DEAL_STAKE_PRE")).toBe(amount.div(round).toNumber());
    expect(wb.name("OPENAI_PREMONEY_IMPLIED")).toBe(round.mul(Fraction.of("-1")).toNumber());
    expect(wb.name("OPENAI_STEPUP_IF_PRE")).toBe(0);
  });

  test("a text override that is not a number makes the metrics #VALUE!", () => {
    const wb = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: ROUND - 1, col: 2, value: "tbd" }] });
    expect(wb.name("DEAL_ROUND_SIZE")).toBe("tbd");
    expect(wb.name("DEAL_SHARE_OF_ROUND")).toEqual({ error: "#VALUE!" });
    expect(wb.name("DEAL_STAKE_POST")).toBe(amount.div(valuation).toNumber());
  });

  test("who leads, who else is in talks and the timeline follow, each with its source and quote", () => {
    const heading = deal.cells.find((c) => c.value === "Who, with whom, when")!;
    expect(heading.col).toBe(0);
    allFacts().forEach((fact, i) => {
      const row = heading.row + 2 + 2 * i;
      expect(cellAt(deal, `A${row}`)).toMatchObject({ value: fact.label, figureId: fact.id, owner: "addin" });
      const text = cellAt(deal, `B${row}`);
      expect(text).toMatchObject({ value: fact.text, figureId: fact.id, owner: "addin" });
      expect(text.note).toContain(`"${fact.quote}"`);
      expect(text.note).toContain(findSource(fact.sourceId)?.outlet ?? "missing source");
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
