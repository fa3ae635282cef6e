/**
 * The workbook-scope names users' models reference. Inputs name the Used cell of a figure's
 * row (the override when entered, the reported value otherwise), as the figures file names them;
 * derived names hold formulas.
 */
import type { Dataset } from "../figures/types";

/** Figure id → the name of its Used cell, for every figure the figures file names. */
export function inputNames(data: Dataset): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(data.figures.flatMap((f) => (f.name ? [[f.id, f.name]] : []))));
}

/** The derived names, each a formula on the input names (SENSITIVITY_ROUND_SIZE shows DEAL_ROUND_SIZE where the grid uses it). */
export const DERIVED_NAMES = Object.freeze([
  "DEAL_STAKE_POST",
  "DEAL_STAKE_PRE",
  "OPENAI_PREMONEY_IMPLIED",
  "DEAL_SHARE_OF_ROUND",
  "OPENAI_STEPUP",
  "OPENAI_STEPUP_IF_POST",
  "AMZN_PRICE_3Y_AGO",
  "AMZN_CAGR_3Y",
  "DEAL_SHARE_OF_CAPEX",
  "SENSITIVITY_ROUND_SIZE",
] as const);
