/**
 * Each figure's standing among the articles, counted by hand from sources/ (issue 21): the
 * distinct articles that state each claim, and those that contradict or hedge it. The oracle the
 * sheets', the functions' and the pane's tests compare the derived standing with.
 */
export const STANDINGS: Readonly<Record<string, string>> = {
  "deal.amount": "confirmed by 4 articles, hedged by 2",
  "deal.amount_announced": "contested",
  "deal.round_size": "confirmed by 2 articles",
  "openai.valuation_prior": "single source",
  "openai.valuation_round": "confirmed by 2 articles",
  "deal.expected_close": "single source",
  "amzn.price": "single source",
  "amzn.return_3y": "single source",
  "amazon.capex_2026": "single source",
  "amazon.corporate_layoffs": "single source",
  "anthropic.amazon_investment": "single source",
  "anthropic.indiana_campus": "confirmed by 2 articles",
};
