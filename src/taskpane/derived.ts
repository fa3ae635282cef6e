/**
 * The derived cards: numbers computed live from the dataset with the deal math of src/calc,
 * shown beside the figures and formatted as the sheets format them. Pure.
 */
import { cagr, preMoney, stake, stepUp } from "../calc/deal-math";
import { Dec } from "../calc/decimal";
import { isCalcError } from "../calc/errors";
import type { CalcError } from "../calc/errors";
import { findFigure, isLookupError } from "../figures";
import type { Figure } from "../figures";
import { formatClaim } from "../figures/format";
import { FORMATS, formatNumber } from "../sheets/formats";
import type { DerivedCard } from "./view-model";

function figure(id: string): Figure {
  const found = findFigure(id);
  // The ids below are the dataset's own; a missing one is a programming error, not user input.
  if (isLookupError(found)) throw new Error(found.message);
  return found;
}

function card(id: string, label: string, result: number | CalcError, format: string, basis: string): DerivedCard {
  if (isCalcError(result)) return { id, label, value: result.kind, basis: `${basis}: ${result.message}` };
  return { id, label, value: formatNumber(result, format), basis };
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
    card(
      "stake.post",
      "Amazon stake if the valuation is post-money",
      stake(a, v, "post"),
      FORMATS.percent,
      `${formatClaim(amount)} ÷ ${formatClaim(valuation)}`,
    ),
    card(
      "stake.pre",
      "Amazon stake if the valuation is pre-money",
      stake(a, v, "pre", r),
      FORMATS.percent,
      `${formatClaim(amount)} ÷ (${formatClaim(valuation)} + ${formatClaim(round)} of new money)`,
    ),
    card(
      "openai.stepup",
      "OpenAI step-up from the prior valuation if the valuation is pre-money",
      stepUp(v, p),
      FORMATS.multiple,
      `${formatClaim(valuation)} ÷ ${formatClaim(prior)}`,
    ),
    card(
      "openai.stepup_if_post",
      "OpenAI step-up from the prior valuation if the valuation is post-money",
      stepUpIfPost(v, r, p),
      FORMATS.multiple,
      `(${formatClaim(valuation)} − ${formatClaim(round)} of new money) ÷ ${formatClaim(prior)}`,
    ),
    card(
      "amzn.cagr_3y",
      "AMZN 3-year compound annual growth of the share price",
      cagr(1, new Dec(1).plus(gain.value).toNumber(), 3),
      FORMATS.percent,
      `(1 + ${formatClaim(gain)} price gain)^(1/3) − 1`,
    ),
  ];
}
