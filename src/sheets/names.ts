/**
 * The workbook-scope names users' models reference. Inputs name the Used cell of a figure's
 * row (the override when entered, the reported value otherwise), as the figures file names them;
 * derived names hold formulas; assumption names are cells the user fills, blank until then. Each
 * name's comment (Excel's Name Manager, docs/workbook.md) says which reading it holds.
 */
import type { Dataset } from "../figures/types";
import { SCENARIO_DEFAULT_BASIS } from "./blocks/sensitivity";

/** Figure id → the name of its Used cell, for every figure the figures file names. */
export function inputNames(data: Dataset): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(data.figures.flatMap((f) => (f.name ? [[f.id, f.name]] : []))));
}

/**
 * The derived names that hold numbers, each a formula on the input names; the SCENARIO_* names
 * follow the Sensitivity sheet's scenario inputs and, while those are blank, the figures.
 */
export const DERIVED_NAMES = Object.freeze([
  "DEAL_STAKE_POST",
  "DEAL_STAKE_PRE",
  "OPENAI_PREMONEY_IMPLIED",
  "DEAL_SHARE_OF_ROUND",
  "OPENAI_STEPUP_IF_PRE",
  // The older name of OPENAI_STEPUP_IF_PRE, on the same cell, kept for the models that use it.
  "OPENAI_STEPUP",
  "OPENAI_STEPUP_IF_POST",
  "AMZN_PRICE_3Y_AGO",
  "AMZN_CAGR_3Y",
  "DEAL_SHARE_OF_CAPEX",
  "SCENARIO_AMOUNT",
  "SCENARIO_VALUATION",
  "SCENARIO_ROUND_SIZE",
  "SCENARIO_STAKE",
] as const);

/** The exit valuation DEAL.MOIC's example reads (the pane inserts it): the sources give none. */
export const EXIT_VALUATION_NAME = "DEAL_EXIT_VALUATION";

/** The names of cells the user fills, blank until then: no number here is the add-in's. */
export const ASSUMPTION_NAMES = Object.freeze([EXIT_VALUATION_NAME] as const);

/** The derived names that hold text, with the text they hold while the scenario's inputs are blank. */
export const TEXT_NAMES: Readonly<Record<string, string>> = Object.freeze({ SCENARIO_BASIS: SCENARIO_DEFAULT_BASIS });
