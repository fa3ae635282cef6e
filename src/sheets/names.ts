/**
 * The workbook-scope names users' models reference. Inputs name the Used cell of a figure's
 * row (the override when entered, the reported value otherwise); derived names hold formulas.
 */

/** Figure id → the name of its Used cell. Figures without a name are shown, not referenced. */
export const INPUT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  "deal.amount": "DEAL_AMOUNT",
  "deal.round_size": "DEAL_ROUND_SIZE",
  "openai.valuation_prior": "OPENAI_VALUATION_PRIOR",
  "openai.valuation_round": "OPENAI_VALUATION_ROUND",
  "amzn.price": "AMZN_PRICE",
  "amzn.return_3y": "AMZN_RETURN_3Y",
  "amazon.capex_2026": "AMAZON_CAPEX_2026",
  "amazon.corporate_layoffs": "AMAZON_CORPORATE_LAYOFFS",
  "anthropic.amazon_investment": "ANTHROPIC_INVESTMENT",
  "anthropic.indiana_campus": "ANTHROPIC_INDIANA_CAMPUS",
});

/** The derived names, each a formula on the input names. */
export const DERIVED_NAMES = Object.freeze([
  "DEAL_STAKE_POST",
  "DEAL_STAKE_PRE",
  "OPENAI_PREMONEY_IMPLIED",
  "DEAL_SHARE_OF_ROUND",
  "OPENAI_STEPUP",
  "AMZN_PRICE_3Y_AGO",
  "AMZN_CAGR_3Y",
  "DEAL_SHARE_OF_CAPEX",
] as const);
