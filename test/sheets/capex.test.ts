import { buildBlock } from "../../src/sheets";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { cellAt, exact, expectFigureRow, expectTableHeader, isEmptyAt, nameAddress } from "./helpers";
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
        right: 9,
        retractIn: "Status",
      },
    ]);
    expect(nameAddress(capex, "AMAZON_CAPEX_2026")).toBe("D5");
    expect(nameAddress(capex, "AMAZON_CORPORATE_LAYOFFS")).toBe("D6");
    expect(nameAddress(capex, "ANTHROPIC_INVESTMENT")).toBe("D7");
    expect(nameAddress(capex, "ANTHROPIC_INDIANA_CAMPUS")).toBe("D8");
  });

  test("the OpenAI investment against one year's capex is amount ÷ capex, with its caveats in the label, the note and the name", () => {
    expect(cellAt(capex, "A12").value).toBe("OpenAI investment (up to $50B, over several years) against one year's capex (2026)");
    expect(cellAt(capex, "B12")).toMatchObject({ formula: "=DEAL_AMOUNT/AMAZON_CAPEX_2026", numberFormat: "0.00%" });
    expect(cellAt(capex, "B12").note).toContain("spread over several years");
    expect(cellAt(capex, "B12").note).toContain("one year's capital spending");
    expect(capex.names.find((n) => n.name === "DEAL_SHARE_OF_CAPEX")!.comment).toContain("a multi-year cap against one year's spending");
    expect(nameAddress(capex, "DEAL_SHARE_OF_CAPEX")).toBe("B12");
    const wb = evaluateWorkbook([deal, capex]);
    expect(wb.name("DEAL_SHARE_OF_CAPEX")).toBe(exact("deal.amount").div(exact("amazon.capex_2026")).toNumber());
  });

  test("the cost per employee is an empty user input; the saving stays empty until it is filled", () => {
    expect(cellAt(capex, "B15")).toEqual({ row: 14, col: 1, value: null, numberFormat: "$#,##0", style: "input", owner: "user" });
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
    expect(labels).toEqual([
      "Amazon capex 2026 (one year's spending, guidance)",
      "OpenAI investment (up to, over several years)",
      "Anthropic commitment (at least, cumulative)",
      "Indiana campus for Anthropic (already built; Amazon capex)",
    ]);
    expect(chart.title).toBe("One year's capex (2026) beside multi-year and cumulative AI commitments: not like for like");
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
