/**
 * The Deal sheet: the deal's figures with their sources, the metrics derived from them, and
 * who leads the talks, who else is in them, and when.
 */
import type { Dataset } from "../../figures/types";
import { BlockBuilder, type Origin } from "../block-builder";
import { factNote, figureTable, metricSection, sourceTitle, type Metric } from "../figure-table";
import { FORMATS } from "../formats";
import type { SheetSpec } from "../spec";

/** The derived metrics under the figures table, each a named cell with its formula. */
const DEAL_METRICS: readonly Metric[] = [
  {
    name: "DEAL_STAKE_POST",
    label: "Amazon stake if the valuation is post-money",
    formula: "=DEAL_AMOUNT/OPENAI_VALUATION_ROUND",
    numberFormat: FORMATS.percent,
    how: "amount ÷ round valuation",
  },
  {
    name: "DEAL_STAKE_PRE",
    label: "Amazon stake if the valuation is pre-money",
    formula: "=DEAL_AMOUNT/(OPENAI_VALUATION_ROUND+DEAL_ROUND_SIZE)",
    numberFormat: FORMATS.percent,
    how: "amount ÷ (round valuation + the whole round)",
  },
  {
    name: "OPENAI_PREMONEY_IMPLIED",
    label: "OpenAI pre-money valuation if the valuation is post-money",
    formula: "=OPENAI_VALUATION_ROUND-DEAL_ROUND_SIZE",
    numberFormat: FORMATS.billions,
    how: "round valuation − the whole round",
  },
  {
    name: "DEAL_SHARE_OF_ROUND",
    label: "Amazon share of the round",
    formula: "=DEAL_AMOUNT/DEAL_ROUND_SIZE",
    numberFormat: FORMATS.percent,
    how: "amount ÷ the whole round",
  },
  {
    name: "OPENAI_STEPUP",
    label: "Step-up from the prior valuation if the valuation is pre-money",
    formula: "=OPENAI_VALUATION_ROUND/OPENAI_VALUATION_PRIOR",
    numberFormat: FORMATS.multiple,
    how: "round valuation ÷ prior valuation",
  },
  {
    name: "OPENAI_STEPUP_IF_POST",
    label: "Step-up from the prior valuation if the valuation is post-money",
    formula: "=OPENAI_PREMONEY_IMPLIED/OPENAI_VALUATION_PRIOR",
    numberFormat: FORMATS.multiple,
    how: "(round valuation − the whole round) ÷ prior valuation",
  },
];

export function buildDealBlock(sheetName: string, origin: Origin, data: Dataset): SheetSpec {
  const b = new BlockBuilder("deal", origin, data);
  b.put(0, 0, { value: "Amazon investment in OpenAI: the deal", style: "title", owner: "addin" });
  b.put(1, 0, {
    value: "Reported figures with their sources. Type your own value in Override: Used, the names and every formula follow it.",
    style: "muted",
    owner: "addin",
  });
  const tableTop = 3;
  const rows = figureTable(b, tableTop, "deal", "DealFigures");

  const metricsTop = tableTop + rows.size + 2;
  const metricRows = metricSection(b, metricsTop, "Derived metrics", DEAL_METRICS);

  const factsTop = metricRows[metricRows.length - 1] + 2;
  b.put(factsTop, 0, { value: "Who, with whom, when", style: "subtitle", owner: "addin" });
  b.data.facts.forEach((fact, i) => {
    const row = factsTop + 1 + 2 * i;
    b.put(row, 0, { value: fact.label, style: "label", owner: "addin", figureId: fact.id });
    b.put(row, 1, { value: fact.text, style: "reported", note: factNote(b.data, fact), owner: "addin", figureId: fact.id });
    b.put(row + 1, 1, {
      value: `${fact.status} · as of ${fact.asOf} · ${sourceTitle(b.data, fact.sourceId)}`,
      style: "muted",
      owner: "addin",
      figureId: fact.id,
    });
  });
  return b.finish(sheetName, []);
}
