/**
 * The Capex 2026 sheet: Amazon's 2026 capital expenditure, the corporate layoffs, its Anthropic
 * commitments, the OpenAI investment against capex, the layoff saving once the user enters a
 * cost per employee, and a chart of the four amounts.
 */
import type { Dataset } from "../../figures/types";
import { BlockBuilder, type Origin } from "../block-builder";
import { assumptionSection, figureTable, metricSection } from "../figure-table";
import { FORMATS } from "../formats";
import type { SheetSpec } from "../spec";

/**
 * The chart's bars: label and the name whose value it shows. The four amounts are not like for
 * like (a year's budget, a multi-year cap, a cumulative floor, a campus already built), so each
 * label says which it is.
 */
export const CAPEX_CHART_ITEMS = Object.freeze([
  { label: "Amazon capex 2026 (one year's spending, guidance)", name: "AMAZON_CAPEX_2026" },
  { label: "OpenAI investment (up to, over several years)", name: "DEAL_AMOUNT" },
  { label: "Anthropic commitment (at least, cumulative)", name: "ANTHROPIC_INVESTMENT" },
  { label: "Indiana campus for Anthropic (already built; Amazon capex)", name: "ANTHROPIC_INDIANA_CAMPUS" },
]);

/** The caveat that goes with every comparison of the OpenAI investment with the 2026 capex. */
export const CAPEX_COMPARISON_CAVEAT =
  "The investment is up to $50B, spread over several years, and an equity investment; the capex is one year's capital spending (2026 guidance). The ratio sets them side by side; it is not a share of the 2026 budget.";

export function buildCapexBlock(sheetName: string, origin: Origin, data: Dataset): SheetSpec {
  const b = new BlockBuilder("capex", origin, data);
  b.put(0, 0, { value: "Amazon 2026 capex, layoffs and Anthropic", style: "title", owner: "addin" });
  b.put(1, 0, {
    value: "Much of the 2026 capex goes to AI data centers and custom chips. Type your own value in Override.",
    style: "muted",
    owner: "addin",
  });
  const tableTop = 3;
  const rows = figureTable(b, tableTop, "capex", "CapexFigures");

  const metricsTop = tableTop + rows.size + 2;
  metricSection(b, metricsTop, "Derived metrics", [
    {
      name: "DEAL_SHARE_OF_CAPEX",
      label: "OpenAI investment (up to $50B, over several years) against one year's capex (2026)",
      formula: "=DEAL_AMOUNT/AMAZON_CAPEX_2026",
      numberFormat: FORMATS.percent,
      how: "amount ÷ 2026 capex: a multi-year cap against one year's spending",
      note: CAPEX_COMPARISON_CAVEAT,
    },
  ]);

  const costRow = assumptionSection(b, metricsTop + 2 + 1 + 1, {
    heading: "Layoff saving: enter the fully loaded cost per employee (the sources do not give it)",
    inputLabel: "Fully loaded annual cost per corporate employee",
    inputFormat: FORMATS.dollars,
    resultLabel: "Implied annual saving",
    resultFormula: (cost) => `=IF(${cost}="","",AMAZON_CORPORATE_LAYOFFS*${cost})`,
    resultFormat: FORMATS.billions,
  });

  const chartTop = costRow + 3;
  b.put(chartTop, 0, {
    value: "Chart data: four amounts that are not like for like (each label says which kind)",
    style: "subtitle",
    owner: "addin",
  });
  b.put(chartTop + 1, 0, { value: "Item", style: "header", owner: "addin" });
  b.put(chartTop + 1, 1, { value: "Amount", style: "header", owner: "addin" });
  CAPEX_CHART_ITEMS.forEach((item, i) => {
    b.put(chartTop + 2 + i, 0, { value: item.label, style: "label", owner: "addin" });
    b.put(chartTop + 2 + i, 1, { formula: `=${item.name}`, numberFormat: FORMATS.billions, style: "derived", owner: "addin" });
  });
  const first = chartTop + 2;
  b.chart(
    "One year's capex (2026) beside multi-year and cumulative AI commitments: not like for like",
    0,
    1,
    first,
    first + CAPEX_CHART_ITEMS.length - 1,
    {
      row: chartTop,
      col: 3,
    },
  );
  return b.finish(sheetName, ["deal"]);
}
