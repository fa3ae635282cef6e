/**
 * What the workbook must show, computed with src/calc from the dataset and never read from a
 * workbook: the oracle of the self-test a user runs in real Excel and of the LibreOffice checks.
 * Pure; runs in the pane and in Node.
 */
import { CATALOG } from "../calc/catalog";
import { cagr, preMoney, priorValue, stake, stepUp } from "../calc/deal-math";
import { Dec } from "../calc/decimal";
import { isCalcError, type CalcError } from "../calc/errors";
import { FIGURES_HEADER } from "../calc/figure-fields";
import { currentDataset, findFigure, isLookupError } from "../figures";
import { formatClaim } from "../figures/format";
import { isoDateToSerial } from "../figures/excel-dates";
import { DERIVED_NAMES, inputNames } from "../sheets/names";
import { GRID_SIZE, SENSITIVITY_DEFAULTS } from "../sheets/blocks/sensitivity";

export type DerivedName = (typeof DERIVED_NAMES)[number];

/** An input name's value: the name (DEAL_AMOUNT) → a number. */
export type Inputs = Readonly<Record<string, number>>;

/** Each input name with its figure's reported value, as the sheets show it before any override. */
export function datasetInputs(): Inputs {
  const inputs: Record<string, number> = {};
  for (const [id, name] of Object.entries(inputNames(currentDataset()))) {
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
    OPENAI_STEPUP_IF_POST: ok(
      stepUp(ok(preMoney(valuation, round), "the pre-money valuation"), inputs.OPENAI_VALUATION_PRIOR),
      "OPENAI_STEPUP_IF_POST",
    ),
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

/** The Sensitivity sheet's grids at its default steps, centred on the Used amount and valuation. */
export interface SensitivityGrid {
  readonly amounts: readonly number[];
  readonly valuations: readonly number[];
  /** post[i][j]: the stake of amounts[i] at valuations[j] read as post-money. */
  readonly post: readonly (readonly number[])[];
  /** pre[i][j]: the same read as pre-money, with `round` the whole round. */
  readonly pre: readonly (readonly number[])[];
}

export function expectedSensitivity(round: number, inputs: Inputs = datasetInputs()): SensitivityGrid {
  const { amountStep, valuationStep } = SENSITIVITY_DEFAULTS;
  // k steps either side of the centre, computed as the sheet's formulas do (=$B$5-2*$B$6).
  const half = (GRID_SIZE - 1) / 2;
  const series = (centre: number, step: number) =>
    Array.from({ length: GRID_SIZE }, (_, i) => i - half).map((k) => (k === 0 ? centre : k < 0 ? centre - -k * step : centre + k * step));
  const amounts = series(inputs.DEAL_AMOUNT, amountStep);
  const valuations = series(inputs.OPENAI_VALUATION_ROUND, valuationStep);
  return {
    amounts,
    valuations,
    post: amounts.map((a) => valuations.map((v) => ok(stake(a, v, "post"), "a post-money grid cell"))),
    pre: amounts.map((a) => valuations.map((v) => ok(stake(a, v, "pre", round), "a pre-money grid cell"))),
  };
}

/** A DEAL.* formula and what its cell must show. */
export interface FunctionExample {
  readonly name: string;
  readonly formula: string;
  readonly expected: number | string;
}

/**
 * Each function's first documented example (src/calc/catalog.ts, also Excel's formula help) with
 * its result; DEAL.FIGURE's example reads the figure of the dataset in use (a desk may publish new
 * figures), and DEAL.FIGURES() shows its table's header in its own cell. DEAL.CARD is apart
 * (cardExample): what its cell holds depends on the host.
 */
export function functionExamples(): FunctionExample[] {
  return CATALOG.filter((spec) => spec.name !== "CARD").map((spec) => {
    const example = spec.examples[0];
    const figureId = spec.name === "FIGURE" ? /"([^"]+)"/.exec(example.formula)?.[1] : undefined;
    if (figureId !== undefined) {
      const figure = findFigure(figureId);
      if (isLookupError(figure)) throw new Error(figure.message);
      return { name: spec.name, formula: example.formula, expected: Number(figure.value) };
    }
    if (spec.name === "FIGURES") return { name: spec.name, formula: example.formula, expected: FIGURES_HEADER[0] };
    return { name: spec.name, formula: example.formula, expected: example.result };
  });
}

/**
 * DEAL.CARD's documented example and what its cell holds: where custom functions return data
 * types, an entity whose cell text is the figure's label and claim (read through valuesAsJson);
 * elsewhere the figure's plain number.
 */
export function cardExample(dataTypes: boolean): { formula: string; expected: { type: "Entity"; text: string } | number } {
  const spec = CATALOG.find((s) => s.name === "CARD");
  const formula = spec?.examples[0].formula ?? "";
  const id = /"([^"]+)"/.exec(formula)?.[1] ?? "";
  const figure = findFigure(id);
  if (isLookupError(figure)) throw new Error(figure.message);
  return {
    formula,
    expected: dataTypes ? { type: "Entity", text: `${figure.label}: ${formatClaim(figure)}` } : Number(figure.value),
  };
}
