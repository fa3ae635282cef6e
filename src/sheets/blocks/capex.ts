/**
 * The Capex 2026 sheet: what Amazon expects to spend in 2026, the corporate layoffs, its Anthropic
 * commitments, the OpenAI investment against the 2026 spending, the layoff saving once the user
 * enters a cost per employee, and a chart of the four amounts.
 */
import type { Dataset } from "../../figures/types";
import { valuePrefix } from "../../figures/qualifiers";
import { BlockBuilder, type Origin } from "../block-builder";
import { assumptionSection, figure, figureTable, metricSection } from "../figure-table";
import { FORMATS } from "../formats";
import type { SheetSpec } from "../spec";

/**
 * The chart's bars: the figure each shows (by id: its label names it) and its workbook name. The
 * four amounts are not like for like, so each bar's label adds the figure's own qualifier.
 */
const CAPEX = "amazon.capex_2026";
const AMOUNT = "deal.amount";
const LAYOFFS = "amazon.corporate_layoffs";

export const CAPEX_CHART_ITEMS = Object.freeze([
  { id: CAPEX, name: "AMAZON_CAPEX_2026" },
  { id: AMOUNT, name: "DEAL_AMOUNT" },
  { id: "anthropic.amazon_investment", name: "ANTHROPIC_INVESTMENT" },
  { id: "anthropic.indiana_campus", name: "ANTHROPIC_INDIANA_CAMPUS" },
]);

/** The figures the Capex sheet's chart, share of capex and layoff saving read, by id (a figures file must keep them). */
export const CAPEX_BUILT_ON: readonly string[] = [...CAPEX_CHART_ITEMS.map((i) => i.id), LAYOFFS];

/** The caveat that goes with every comparison of the OpenAI investment with the 2026 spending. */
export const CAPEX_COMPARISON_CAVEAT =
  "The OpenAI investment of up to $50 billion under discussion in the talks, set against what Amazon expects to spend in one year, 2026: the ratio sets them side by side; it is not a share of the 2026 spending.";

/**
 * A bar's label: the figure's label with the qualifier of its value ("Amazon investment in OpenAI
 * (talks), up to"; "as stated" where it has none). Never the label alone: an update that lost a
 * table's Id column finds its rows by their labels, so no other row of the block repeats one.
 */
function barLabel(data: Dataset, id: string): string {
  const f = figure(data, id);
  return `${f.label}, ${valuePrefix(f.qualifier) || "as stated"}`;
}

export function buildCapexBlock(sheetName: string, origin: Origin, data: Dataset): SheetSpec {
  const b = new BlockBuilder("capex", origin, data);
  b.put(0, 0, { value: "Amazon 2026 capex, layoffs and Anthropic", style: "title", owner: "addin" });
  b.put(1, 0, {
    value: "Amazon expects much of its 2026 spending to go to AI data centers and custom chips. Type your own value in Override.",
    style: "muted",
    owner: "addin",
  });
  const tableTop = 3;
  const rows = figureTable(b, tableTop, "capex", "CapexFigures");

  const metricsTop = tableTop + rows.size + 2;
  metricSection(b, metricsTop, "Derived metrics", [
    {
      name: "DEAL_SHARE_OF_CAPEX",
      label: "Amazon investment in OpenAI (talks) against what Amazon expects to spend in 2026",
      inputs: { up: [AMOUNT], down: [CAPEX] },
      formula: "=DEAL_AMOUNT/AMAZON_CAPEX_2026",
      numberFormat: FORMATS.percent,
      how: "amount ÷ 2026 spending: an investment set against one year's spending",
      note: CAPEX_COMPARISON_CAVEAT,
    },
  ]);

  const costRow = assumptionSection(b, metricsTop + 2 + 1 + 1, {
    heading: "Layoff saving: enter the fully loaded cost per employee (the sources do not give it)",
    inputLabel: "Fully loaded annual cost per corporate employee",
    inputFormat: FORMATS.dollars,
    inputKind: "annualDollars",
    resultLabel: "Implied annual saving",
    inputs: { up: [LAYOFFS], down: [] },
    resultFormula: (cost) => `=IF(${cost}="","",AMAZON_CORPORATE_LAYOFFS*${cost})`,
    resultFormat: FORMATS.billions,
  });

  const chartTop = costRow + 3;
  b.put(chartTop, 0, {
    value: "Chart data: four amounts that are not like for like (each label says which, with its qualifier)",
    style: "subtitle",
    owner: "addin",
  });
  b.put(chartTop + 1, 0, { value: "Item", style: "header", owner: "addin" });
  b.put(chartTop + 1, 1, { value: "Amount", style: "header", owner: "addin" });
  CAPEX_CHART_ITEMS.forEach((item, i) => {
    b.put(chartTop + 2 + i, 0, { value: barLabel(b.data, item.id), style: "label", owner: "addin" });
    b.put(chartTop + 2 + i, 1, { formula: `=${item.name}`, numberFormat: FORMATS.billions, style: "derived", owner: "addin" });
  });
  const first = chartTop + 2;
  b.chart(
    "What Amazon expects to spend in 2026 beside its AI commitments: not like for like",
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
