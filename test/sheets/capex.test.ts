import { buildBlock } from "../../src/sheets";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { cellAt, colLetter, exact, expectFigureRow, expectTableHeader, isEmptyAt, nameAddress } from "./helpers";
import { Fraction } from "./oracle";
import { blockFigureIds } from "../../src/sheets";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";

const deal = buildBlock("deal");
const capex = buildBlock("capex");

describe("Capex 2026 block", () => {
  test("sits on the sheet 'Capex 2026' and needs the Deal block", () => {
    expect(capex.sheetName).toBe("Capex 2026");
    expect(capex.requires).toEqual(["deal"]);
  });

  test("the figures table CapexFigures: capex, layoffs, the Anthropic investment and the Indiana campus", () => {
    expectTableHeader(capex, 4);
    expectFigureRow(capex, 5, "amazon.capex_2026");
    expectFigureRow(capex, 6, "amazon.corporate_layoffs");
    expectFigureRow(capex, 7, "anthropic.amazon_investment");
    expectFigureRow(capex, 8, "anthropic.indiana_campus");
    expect(capex.tables).toEqual([
      {
        name: "CapexFigures",
        top: 3,
        left: 0,
        bottom: 3 + blockFigureIds(BUILT_IN_FIGURES, "capex").length,
        right: 12,
        retractIn: "Status",
      },
    ]);
    expect(nameAddress(capex, "AMAZON_CAPEX_2026")).toBe("D5");
    expect(nameAddress(capex, "AMAZON_CORPORATE_LAYOFFS")).toBe("D6");
    expect(nameAddress(capex, "ANTHROPIC_INVESTMENT")).toBe("D7");
    expect(nameAddress(capex, "ANTHROPIC_INDIANA_CAMPUS")).toBe("D8");
  });

  test("the capex row is dated to when it was said, during the talks, and is about 2026", () => {
    expect(cellAt(capex, `${colLetter("asOf")}5`).value).toBe(
      "during the talks (the article is undated); dated 2026-02-01, inferred from another article",
    );
    expect(cellAt(capex, `${colLetter("period")}5`).value).toBe("2026");
    expect(cellAt(capex, `${colLetter("qualifier")}5`).value).toBe("signaled, expects to, approximately");
    expect(cellAt(capex, "A5").value).toBe("What Amazon expects to spend in 2026");
  });

  test("the OpenAI investment against the 2026 spending is amount ÷ spending, with its qualifier and caveat in the label, the note and the name", () => {
    // Up to $50B over approximately $125B: at most, about.
    expect(cellAt(capex, "A12").value).toBe("Amazon investment in OpenAI (talks) against what Amazon expects to spend in 2026 (up to ~)");
    expect(cellAt(capex, "B12")).toMatchObject({ formula: "=DEAL_AMOUNT/AMAZON_CAPEX_2026", numberFormat: "0.00%" });
    expect(cellAt(capex, "B12").note).toContain("what Amazon expects to spend in one year, 2026");
    expect(cellAt(capex, "B12").note).toContain("it is not a share of the 2026 spending");
    expect(capex.names.find((n) => n.name === "DEAL_SHARE_OF_CAPEX")!.comment).toContain("(up to ~)");
    expect(nameAddress(capex, "DEAL_SHARE_OF_CAPEX")).toBe("B12");
    const wb = evaluateWorkbook([deal, capex]);
    expect(wb.name("DEAL_SHARE_OF_CAPEX")).toBe(exact("deal.amount").div(exact("amazon.capex_2026")).toNumber());
  });

  test("the cost per employee is an empty user input; the saving stays empty until it is filled", () => {
    const { validation, ...input } = cellAt(capex, "B15");
    expect(input).toEqual({ row: 14, col: 1, value: null, numberFormat: "$#,##0", style: "input", owner: "user" });
    expect(validation).toMatchObject({ type: "decimal", min: 0 });
    expect(validation?.prompt.message).toContain("100000 for $100,000");
    expect(cellAt(capex, "C15")).toMatchObject({ style: "flag", owner: "addin" });
    expect(cellAt(capex, "B16")).toMatchObject({ formula: '=IF(B15="","",AMAZON_CORPORATE_LAYOFFS*B15)', numberFormat: '$#,##0.0,,,"B"' });
    expect(evaluateWorkbook([deal, capex]).value("Capex 2026", 15, 1)).toBe("");
  });

  test("the implied annual saving is layoffs × the cost the user enters, and follows a layoffs override", () => {
    const cost = 215_000;
    const wb = evaluateWorkbook([deal, capex], { overrides: [{ sheet: "Capex 2026", row: 14, col: 1, value: cost }] });
    expect(wb.value("Capex 2026", 15, 1)).toBe(
      exact("amazon.corporate_layoffs")
        .mul(Fraction.of(String(cost)))
        .toNumber(),
    );
    const edited = evaluateWorkbook([deal, capex], {
      overrides: [
        { sheet: "Capex 2026", row: 14, col: 1, value: cost },
        { sheet: "Capex 2026", row: 5, col: 2, value: 14_000 },
      ],
    });
    expect(edited.value("Capex 2026", 15, 1)).toBe(14_000 * cost);
  });

  test("the chart sets capex beside the OpenAI investment, the Anthropic commitment and the campus, each label saying what kind of amount it is", () => {
    expect(capex.charts).toHaveLength(1);
    const chart = capex.charts[0];
    expect(chart.categories).toEqual({ top: 19, bottom: 22, col: 0 });
    expect(chart.values).toEqual({ top: 19, bottom: 22, col: 1 });
    const labels = [20, 21, 22, 23].map((r) => cellAt(capex, `A${r}`).value);
    // Each bar's label is its figure's, with the qualifier of its value: no words of another article.
    expect(labels).toEqual([
      "What Amazon expects to spend in 2026, approximately",
      "Amazon investment in OpenAI (talks), up to",
      "Amount Amazon has committed to Anthropic, at least",
      "Data center campus in Indiana for Anthropic, as stated",
    ]);
    // No bar repeats a figure's label: the rows of a table whose Id column was lost are found by their labels.
    for (const label of labels) expect(capex.cells.filter((c) => c.value === label)).toHaveLength(1);
    expect(chart.title).toBe("What Amazon expects to spend in 2026 beside its AI commitments: not like for like");
    const wb = evaluateWorkbook([deal, capex]);
    const ids = ["amazon.capex_2026", "deal.amount", "anthropic.amazon_investment", "anthropic.indiana_campus"];
    ids.forEach((id, i) => {
      expect(cellAt(capex, `B${20 + i}`).numberFormat).toBe('$#,##0.0,,,"B"');
      expect(wb.value("Capex 2026", 19 + i, 1)).toBe(exact(id).toNumber());
    });
  });

  test("the chart sits on empty cells beside its data", () => {
    const { anchor } = capex.charts[0];
    expect(anchor.col).toBeGreaterThan(1);
    expect(capex.cells.filter((c) => c.row >= anchor.row && c.col >= anchor.col)).toEqual([]);
    expect(isEmptyAt(capex, "D18")).toBe(true);
  });
});
