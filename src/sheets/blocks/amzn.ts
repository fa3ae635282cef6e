/**
 * The AMZN sheet: the share price and 3-year price gain the sources quote, what they imply, the
 * deal per share once the user enters shares outstanding, and optionally a live price beside
 * the quoted snapshot.
 */
import type { Dataset } from "../../figures/types";
import { BlockBuilder, type Origin } from "../block-builder";
import { assumptionSection, FIGURE_COLUMNS, figureTable, metricSection, type Metric } from "../figure-table";
import { FORMATS } from "../formats";
import type { SheetSpec } from "../spec";

/**
 * The last close over the past ten days (STOCKHISTORY lists them oldest first), a Microsoft 365
 * function: it lives only in the optional live cells, never in a reported one.
 */
const LIVE_CLOSES = 'STOCKHISTORY("AMZN",TODAY()-10,TODAY(),0,0,1)';

const PRICE = "amzn.price";
const GAIN = "amzn.return_3y";
const AMOUNT = "deal.amount";

/** The figures the AMZN sheet's metrics and per-share result read, by id (a figures file must keep them). */
export const AMZN_BUILT_ON: readonly string[] = [PRICE, GAIN, AMOUNT];
export const LIVE_CLOSE_FORMULA = `=INDEX(${LIVE_CLOSES},ROWS(${LIVE_CLOSES}),1)`;

/** What the quoted price and gain imply (the pane's derived cards show the CAGR too). */
export const AMZN_METRICS: readonly Metric[] = [
  {
    name: "AMZN_PRICE_3Y_AGO",
    label: "Implied price three years earlier",
    inputs: { up: [PRICE], down: [GAIN] },
    formula: "=AMZN_PRICE/(1+AMZN_RETURN_3Y)",
    numberFormat: FORMATS.price,
    how: "price ÷ (1 + 3-year price gain)",
    note: "The source states the gain as a whole percentage (114%, so between 113.5% and 114.5%): the price three years earlier lies between about $112.69 and $113.22.",
  },
  {
    name: "AMZN_CAGR_3Y",
    label: "3-year compound annual growth of the share price",
    inputs: { up: [GAIN], down: [] },
    formula: "=(1+AMZN_RETURN_3Y)^(1/3)-1",
    numberFormat: FORMATS.percent,
    how: "(1 + 3-year price gain)^(1/3) − 1; dividends are not in it",
  },
];

export function buildAmznBlock(sheetName: string, origin: Origin, data: Dataset, includeStockHistory: boolean): SheetSpec {
  const b = new BlockBuilder("amzn", origin, data);
  b.put(0, 0, { value: "AMZN: the share price the sources quote", style: "title", owner: "addin" });
  b.put(1, 0, {
    value: "A snapshot quoted during the talks, not a live price. Type your own value in Override.",
    style: "muted",
    owner: "addin",
  });
  const tableTop = 3;
  const rows = figureTable(b, tableTop, "amzn", "AmznFigures");

  const metricsTop = tableTop + rows.size + 2;
  metricSection(b, metricsTop, "Derived metrics", AMZN_METRICS);

  assumptionSection(b, metricsTop + 2 + 2 + 1, {
    heading: "Per share: enter shares outstanding (the sources do not give it)",
    inputLabel: "AMZN shares outstanding",
    inputFormat: FORMATS.count,
    inputKind: "shares",
    resultLabel: "Amazon investment in OpenAI (talks) per AMZN share",
    inputs: { up: [AMOUNT], down: [] },
    resultFormula: (shares) => `=IF(${shares}="","",DEAL_AMOUNT/${shares})`,
    resultFormat: FORMATS.price,
  });

  if (includeStockHistory) {
    // Beside the table, one empty column away, so the reported snapshot keeps its place.
    const liveCol = FIGURE_COLUMNS.length + 1;
    b.put(tableTop, liveCol, { value: "Live price (Microsoft 365 STOCKHISTORY)", style: "header", owner: "addin" });
    b.put(tableTop, liveCol + 1, { value: "Value", style: "header", owner: "addin" });
    b.put(tableTop + 1, liveCol, { value: "AMZN last close, live", style: "label", owner: "addin" });
    b.put(tableTop + 1, liveCol + 1, { formula: LIVE_CLOSE_FORMULA, numberFormat: FORMATS.price, style: "derived", owner: "addin" });
    b.put(tableTop + 2, liveCol, { value: "Change since the quoted price", style: "label", owner: "addin" });
    b.put(tableTop + 2, liveCol + 1, {
      formula: `=${b.ref(tableTop + 1, liveCol + 1)}/AMZN_PRICE-1`,
      numberFormat: FORMATS.percent,
      style: "derived",
      owner: "addin",
    });
  }
  return b.finish(sheetName, ["deal"]);
}
