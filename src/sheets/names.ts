/**
 * The workbook-scope names users' models reference. Inputs name the Used cell of a figure's
 * row (the override when entered, the reported value otherwise); derived names hold formulas.
 */

/** Figure id → the name of its Used cell; every reported row has one. */
export const INPUT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  "deal.amount": "DEAL_AMOUNT",
  "deal.amount_announced": "DEAL_AMOUNT_ANNOUNCED",
  "deal.round_size": "DEAL_ROUND_SIZE",
  "openai.valuation_prior": "OPENAI_VALUATION_PRIOR",
  "openai.valuation_round": "OPENAI_VALUATION_ROUND",
  "deal.expected_close": "DEAL_EXPECTED_CLOSE",
  "amzn.price": "AMZN_PRICE",
  "amzn.return_3y": "AMZN_RETURN_3Y",
  "amazon.capex_2026": "AMAZON_CAPEX_2026",
  "amazon.corporate_layoffs": "AMAZON_CORPORATE_LAYOFFS",
  "anthropic.amazon_investment": "ANTHROPIC_INVESTMENT",
  "anthropic.indiana_campus": "ANTHROPIC_INDIANA_CAMPUS",
});

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
