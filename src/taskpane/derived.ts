/**
 * The derived cards: numbers computed live from the dataset with the deal math of src/calc,
 * shown beside the figures and formatted as the sheets format them. Each is the sheets' metric of
 * the same name (its label and inputs), so its label and value carry the same qualifier as the
 * sheet's: the weakest of its inputs ("up to ~6.02%"). Pure.
 */
import { cagr, preMoney, stake, stepUp } from "../calc/deal-math";
import { Dec } from "../calc/decimal";
import { isCalcError } from "../calc/errors";
import type { CalcError } from "../calc/errors";
import { currentDataset, findFigure, isLookupError } from "../figures";
import type { Figure } from "../figures";
import { formatClaim } from "../figures/format";
import { qualifiedLabel, qualifiedText } from "../figures/qualifiers";
import { AMZN_METRICS } from "../sheets/blocks/amzn";
import { DEAL_METRICS } from "../sheets/blocks/deal";
import { resultQualifier, type Metric } from "../sheets/figure-table";
import { formatNumber } from "../sheets/formats";
import type { DerivedCard } from "./view-model";

function figure(id: string): Figure {
  const found = findFigure(id);
  // The ids below are the dataset's own; a missing one is a programming error, not user input.
  if (isLookupError(found)) throw new Error(found.message);
  return found;
}

function metric(name: string): Metric {
  const found = [...DEAL_METRICS, ...AMZN_METRICS].find((m) => m.name === name);
  if (!found) throw new Error(`No sheet computes ${name}.`);
  return found;
}

function card(id: string, name: string, result: number | CalcError, basis: string): DerivedCard {
  const m = metric(name);
  const q = resultQualifier(currentDataset(), m.inputs);
  const label = qualifiedLabel(m.label, q);
  if (isCalcError(result)) return { id, label, value: result.kind, basis: `${basis}: ${result.message}` };
  return { id, label, value: qualifiedText(q, formatNumber(result, m.numberFormat)), basis };
}

/** The step-up if the round valuation is post-money: its pre-money part ÷ the prior valuation. */
function stepUpIfPost(valuation: number, round: number, prior: number): number | CalcError {
  const pre = preMoney(valuation, round);
  return isCalcError(pre) ? pre : stepUp(pre, prior);
}

/** Amazon's stake and OpenAI's step-up on both readings of the valuation, and AMZN's 3-year CAGR. */
export function derivedCards(): DerivedCard[] {
  const amount = figure("deal.amount");
  const round = figure("deal.round_size");
  const valuation = figure("openai.valuation_round");
  const prior = figure("openai.valuation_prior");
  const gain = figure("amzn.return_3y");
  const [a, r, v, p] = [amount, round, valuation, prior].map((f) => Number(f.value));
  return [
    card("stake.post", "DEAL_STAKE_POST", stake(a, v, "post"), `${formatClaim(amount)} ÷ ${formatClaim(valuation)}`),
    card(
      "stake.pre",
      "DEAL_STAKE_PRE",
      stake(a, v, "pre", r),
      `${formatClaim(amount)} ÷ (${formatClaim(valuation)} + ${formatClaim(round)} of new money)`,
    ),
    card("openai.stepup_if_pre", "OPENAI_STEPUP_IF_PRE", stepUp(v, p), `${formatClaim(valuation)} ÷ ${formatClaim(prior)}`),
    card(
      "openai.stepup_if_post",
      "OPENAI_STEPUP_IF_POST",
      stepUpIfPost(v, r, p),
      `(${formatClaim(valuation)} − ${formatClaim(round)} of new money) ÷ ${formatClaim(prior)}`,
    ),
    card(
      "amzn.cagr_3y",
      "AMZN_CAGR_3Y",
      cagr(1, new Dec(1).plus(gain.value).toNumber(), 3),
      `(1 + ${formatClaim(gain)} price gain)^(1/3) − 1`,
    ),
  ];
}
