/**
 * The Deal sheet: the deal's figures with their sources, the metrics derived from them, and
 * who leads the talks, who else is in them, and when.
 */
import type { Dataset } from "../../figures/types";
import { BlockBuilder, type Origin } from "../block-builder";
import { DERIVED_ASSUMPTION } from "../../figures/qualifiers";
import { assumptionSection, factNote, figureTable, metricSection, sourceTitle, type Metric } from "../figure-table";
import { FORMATS } from "../formats";
import { EXIT_VALUATION_NAME } from "../names";
import type { SheetSpec } from "../spec";

const AMOUNT = "deal.amount";
const VALUATION = "openai.valuation_round";
const ROUND = "deal.round_size";
const PRIOR = "openai.valuation_prior";

/** The figures the Deal sheet's metrics and multiple read, by id (a figures file must keep them). */
export const DEAL_BUILT_ON: readonly string[] = [AMOUNT, VALUATION, ROUND, PRIOR];

/** The derived metrics under the figures table, each a named cell with its formula (the pane's derived cards show them too). */
export const DEAL_METRICS: readonly Metric[] = [
  {
    name: "DEAL_STAKE_POST",
    label: "Amazon stake if the valuation is post-money",
    inputs: { up: [AMOUNT], down: [VALUATION] },
    formula: "=DEAL_AMOUNT/OPENAI_VALUATION_ROUND",
    numberFormat: FORMATS.percent,
    how: "amount ÷ round valuation",
  },
  {
    name: "DEAL_STAKE_PRE",
    label: "Amazon stake if the valuation is pre-money",
    inputs: { up: [AMOUNT], down: [VALUATION, ROUND] },
    formula: "=DEAL_AMOUNT/(OPENAI_VALUATION_ROUND+DEAL_ROUND_SIZE)",
    numberFormat: FORMATS.percent,
    how: "amount ÷ (round valuation + the whole round)",
  },
  {
    name: "OPENAI_PREMONEY_IMPLIED",
    label: "OpenAI pre-money valuation if the valuation is post-money",
    inputs: { up: [VALUATION], down: [ROUND] },
    formula: "=OPENAI_VALUATION_ROUND-DEAL_ROUND_SIZE",
    numberFormat: FORMATS.billions,
    how: "round valuation − the whole round",
  },
  {
    name: "DEAL_SHARE_OF_ROUND",
    label: "Amazon share of the round",
    inputs: { up: [AMOUNT], down: [ROUND] },
    formula: "=DEAL_AMOUNT/DEAL_ROUND_SIZE",
    numberFormat: FORMATS.percent,
    how: "amount ÷ the whole round",
  },
  {
    name: "OPENAI_STEPUP_IF_PRE",
    label: "Step-up from the prior valuation if the valuation is pre-money",
    inputs: { up: [VALUATION], down: [PRIOR] },
    formula: "=OPENAI_VALUATION_ROUND/OPENAI_VALUATION_PRIOR",
    numberFormat: FORMATS.multiple,
    how: "round valuation ÷ prior valuation",
  },
  {
    name: "OPENAI_STEPUP_IF_POST",
    label: "Step-up from the prior valuation if the valuation is post-money",
    inputs: { up: [VALUATION], down: [ROUND, PRIOR] },
    formula: "=OPENAI_PREMONEY_IMPLIED/OPENAI_VALUATION_PRIOR",
    numberFormat: FORMATS.multiple,
    how: "(round valuation − the whole round) ÷ prior valuation",
  },
];

/** Workbooks made before OPENAI_STEPUP_IF_PRE reference OPENAI_STEPUP: it names the same cell, the pre-money reading. */
const OLD_STEPUP_NAME = {
  name: "OPENAI_STEPUP",
  comment:
    "The step-up if the valuation is pre-money (round valuation ÷ prior valuation): the older name of OPENAI_STEPUP_IF_PRE, kept for models that use it.",
};

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
  const metricRows = metricSection(b, metricsTop, "Derived metrics", DEAL_METRICS, DERIVED_ASSUMPTION);
  const stepUpRow = metricRows[DEAL_METRICS.findIndex((m) => m.name === "OPENAI_STEPUP_IF_PRE")];
  b.name(OLD_STEPUP_NAME.name, stepUpRow, 1, OLD_STEPUP_NAME.comment);

  const exitTop = metricRows[metricRows.length - 1] + 2;
  assumptionSection(b, exitTop, {
    heading: "Multiple on the investment: enter an exit valuation (the sources do not give one)",
    inputLabel: "OpenAI valuation at exit",
    inputFormat: FORMATS.billions,
    inputKind: "usd",
    inputName: EXIT_VALUATION_NAME,
    inputComment: "OpenAI's valuation at an exit you choose, for DEAL.MOIC: the sources give none, so it is blank until you enter it.",
    resultLabel: "Multiple on the investment at that exit, if the valuation is post-money",
    inputs: { up: [], down: [VALUATION] },
    // By its name, so the formula reads as the guide quotes it wherever figures added above move the cell.
    resultFormula: () => `=IF(${EXIT_VALUATION_NAME}="","",DEAL_STAKE_POST*${EXIT_VALUATION_NAME}/DEAL_AMOUNT)`,
    resultFormat: FORMATS.multiple,
  });

  const factsTop = exitTop + 4;
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
