/**
 * The Capex 2026 sheet: Amazon's 2026 capital expenditure, the corporate layoffs, its Anthropic
 * commitments, the OpenAI investment against capex, the layoff saving once the user enters a
 * cost per employee, and a chart of the four amounts.
 */
import { BlockBuilder, type Origin } from "../block-builder";
import { assumptionSection, figure, figureTable, metricSection } from "../figure-table";
import { FORMATS } from "../formats";
import { INPUT_NAMES } from "../names";
import type { SheetSpec } from "../spec";

export const CAPEX_FIGURE_IDS = Object.freeze([
  "amazon.capex_2026",
  "amazon.corporate_layoffs",
  "anthropic.amazon_investment",
  "anthropic.indiana_campus",
]);

/** The chart's bars: label and the name whose value it shows. */
export const CAPEX_CHART_ITEMS = Object.freeze([
  { label: "Amazon 2026 capex", name: "AMAZON_CAPEX_2026" },
  { label: "OpenAI investment", name: "DEAL_AMOUNT" },
  { label: "Anthropic investment", name: "ANTHROPIC_INVESTMENT" },
  { label: "Indiana campus", name: "ANTHROPIC_INDIANA_CAMPUS" },
]);

export function buildCapexBlock(sheetName: string, origin: Origin): SheetSpec {
  const b = new BlockBuilder("capex", origin);
  b.put(0, 0, { value: "Amazon 2026 capex, layoffs and Anthropic", style: "title", owner: "addin" });
  b.put(1, 0, {
    value: "Much of the 2026 capex goes to AI data centers and custom chips. Type your own value in Override.",
    style: "muted",
    owner: "addin",
  });
  const figures = CAPEX_FIGURE_IDS.map(figure);
  const tableTop = 3;
  figureTable(b, tableTop, figures, "CapexFigures", INPUT_NAMES);

  const metricsTop = tableTop + figures.length + 2;
  metricSection(b, metricsTop, "Derived metrics", [
    {
      name: "DEAL_SHARE_OF_CAPEX",
      label: "OpenAI investment as a share of 2026 capex",
      formula: "=DEAL_AMOUNT/AMAZON_CAPEX_2026",
      numberFormat: FORMATS.percent,
      how: "amount ÷ 2026 capex",
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
  b.put(chartTop, 0, { value: "Chart data", style: "subtitle", owner: "addin" });
  b.put(chartTop + 1, 0, { value: "Item", style: "header", owner: "addin" });
  b.put(chartTop + 1, 1, { value: "Amount", style: "header", owner: "addin" });
  CAPEX_CHART_ITEMS.forEach((item, i) => {
    b.put(chartTop + 2 + i, 0, { value: item.label, style: "label", owner: "addin" });
    b.put(chartTop + 2 + i, 1, { formula: `=${item.name}`, numberFormat: FORMATS.billions, style: "derived", owner: "addin" });
  });
  const first = chartTop + 2;
  b.chart("Amazon 2026 capex against its AI investments", 0, 1, first, first + CAPEX_CHART_ITEMS.length - 1, {
    row: chartTop,
    col: 3,
  });
  return b.finish(sheetName, ["deal"]);
}
