/**
 * What each named range must hold, computed with src/calc from the dataset (or from a user's
 * overrides), never read from a workbook: the oracle the LibreOffice checks compare against.
 */
import { cagr, priorValue, stake, stepUp, preMoney } from "../../src/calc/deal-math";
import { Dec } from "../../src/calc/decimal";
import { isCalcError, type CalcError } from "../../src/calc/errors";
import { findFigure, isLookupError } from "../../src/figures";
import { isoDateToSerial } from "../../src/figures/excel-dates";
import { DERIVED_NAMES, INPUT_NAMES } from "../../src/sheets";

export type DerivedName = (typeof DERIVED_NAMES)[number];

/** An input name's value: the name (DEAL_AMOUNT) → a number. */
export type Inputs = Readonly<Record<string, number>>;

/** Each input name with its figure's reported value, as the sheets show it before any override. */
export function datasetInputs(): Inputs {
  const inputs: Record<string, number> = {};
  for (const [id, name] of Object.entries(INPUT_NAMES)) {
    const figure = findFigure(id);
    if (isLookupError(figure)) throw new Error(figure.message);
    inputs[name] = figure.unit === "date" ? isoDateToSerial(figure.value) : Number(figure.value);
  }
  return inputs;
}

function ok(result: number | CalcError, what: string): number {
  if (isCalcError(result)) throw new Error(`src/calc cannot compute ${what}: ${result.message}`);
  return result;
}

/** Each derived name's value from these inputs, by src/calc. */
export function expectedDerived(inputs: Inputs): Record<DerivedName, number> {
  const amount = inputs.DEAL_AMOUNT;
  const round = inputs.DEAL_ROUND_SIZE;
  const valuation = inputs.OPENAI_VALUATION_ROUND;
  const totalReturn = inputs.AMZN_RETURN_3Y;
  // 1 + the return, exactly, so CAGR's start-to-end ratio is the one the sheet's formula uses.
  const growth = new Dec(1).plus(new Dec(String(totalReturn))).toNumber();
  return {
    DEAL_STAKE_POST: ok(stake(amount, valuation), "DEAL_STAKE_POST"),
    DEAL_STAKE_PRE: ok(stake(amount, valuation, "pre", round), "DEAL_STAKE_PRE"),
    OPENAI_PREMONEY_IMPLIED: ok(preMoney(valuation, round), "OPENAI_PREMONEY_IMPLIED"),
    // The amount's share of the whole round is the stake the amount would buy of the round.
    DEAL_SHARE_OF_ROUND: ok(stake(amount, round), "DEAL_SHARE_OF_ROUND"),
    OPENAI_STEPUP: ok(stepUp(valuation, inputs.OPENAI_VALUATION_PRIOR), "OPENAI_STEPUP"),
    OPENAI_STEPUP_IF_POST: ok(stepUp(ok(preMoney(valuation, round), "the pre-money valuation"), inputs.OPENAI_VALUATION_PRIOR), "OPENAI_STEPUP_IF_POST"),
    AMZN_PRICE_3Y_AGO: ok(priorValue(inputs.AMZN_PRICE, totalReturn), "AMZN_PRICE_3Y_AGO"),
    AMZN_CAGR_3Y: ok(cagr(1, growth, 3), "AMZN_CAGR_3Y"),
    DEAL_SHARE_OF_CAPEX: ok(stake(amount, inputs.AMAZON_CAPEX_2026), "DEAL_SHARE_OF_CAPEX"),
    SENSITIVITY_ROUND_SIZE: round,
  };
}

/** Every name's expected value: the inputs and what src/calc derives from them. */
export function expectedNames(inputs: Inputs): Record<string, number> {
  return { ...inputs, ...expectedDerived(inputs) };
}

/** |actual − expected| within a relative 1e-14 (LibreOffice stores 15 significant digits). */
export function closeTo(actual: number, expected: number, relative = 1e-14): boolean {
  if (expected === 0) return actual === 0;
  return Math.abs(actual - expected) <= relative * Math.abs(expected);
}
