/**
 * The Sensitivity sheet: a scenario a portfolio manager types in (amount, valuation, basis, round
 * size; a blank input uses the figure) with its ad-hoc stake, and Amazon's stake for five amounts
 * (down) against five valuations (across) around that scenario, post-money with the pre-money
 * grid beside it. The scenario changes this sheet only: an override on the Deal sheet changes the
 * figures everywhere, this sheet included. The grids' steps are shares of their centre, so no row
 * goes below zero whatever the centre.
 */
import type { Dataset } from "../../figures/types";
import { BlockBuilder, type Origin } from "../block-builder";
import { FORMATS } from "../formats";
import { flagFormula, inputValidation, type InputKind } from "../inputs";
import type { SheetSpec } from "../spec";

/** Rows and columns of each grid; odd, so the scenario sits in the middle. */
export const GRID_SIZE = 5;
const CENTRE = (GRID_SIZE - 1) / 2;

/** The steps' defaults, as shares of the centre: rows and columns at ±10% and ±20%. */
export const SENSITIVITY_DEFAULTS = Object.freeze({ amountStep: 0.1, valuationStep: 0.1 });

/** The basis a blank input means: the sources do not say, and post-money is the plain reading of "valued at". */
export const SCENARIO_DEFAULT_BASIS = "post";

/** The scenario's names: the value each input stands for (the user's, or the figure when blank), and the stake. */
export const SCENARIO_NAMES = Object.freeze({
  amount: "SCENARIO_AMOUNT",
  valuation: "SCENARIO_VALUATION",
  basis: "SCENARIO_BASIS",
  roundSize: "SCENARIO_ROUND_SIZE",
  stake: "SCENARIO_STAKE",
});

/** Block-local rows and columns. */
const LAYOUT = Object.freeze({ scenarioTop: 3, stakeRow: 12, gridTop: 15, postLeft: 0, preLeft: GRID_SIZE + 2 });

/** Columns of the scenario area. */
const INPUT = 1;
const USED = 2;
const CHECK = 3;

interface ScenarioInput {
  readonly label: string;
  readonly kind: InputKind;
  readonly name: string;
  /** What a blank input means: a figure's name or a text literal. */
  readonly blank: string;
  readonly blankNote: string;
  readonly numberFormat?: string;
}

const SCENARIO_INPUTS: readonly ScenarioInput[] = [
  {
    label: "Amount Amazon invests (blank: DEAL_AMOUNT)",
    kind: "usd",
    name: SCENARIO_NAMES.amount,
    blank: "DEAL_AMOUNT",
    blankNote: "Blank: DEAL_AMOUNT.",
    numberFormat: FORMATS.billions,
  },
  {
    label: "OpenAI valuation (blank: OPENAI_VALUATION_ROUND)",
    kind: "usd",
    name: SCENARIO_NAMES.valuation,
    blank: "OPENAI_VALUATION_ROUND",
    blankNote: "Blank: OPENAI_VALUATION_ROUND.",
    numberFormat: FORMATS.billions,
  },
  {
    label: `Valuation basis, post or pre (blank: ${SCENARIO_DEFAULT_BASIS})`,
    kind: "basis",
    name: SCENARIO_NAMES.basis,
    blank: `"${SCENARIO_DEFAULT_BASIS}"`,
    blankNote: `Blank: ${SCENARIO_DEFAULT_BASIS}.`,
  },
  {
    label: "Whole round, new money (blank: DEAL_ROUND_SIZE)",
    kind: "usd",
    name: SCENARIO_NAMES.roundSize,
    blank: "DEAL_ROUND_SIZE",
    blankNote: "Blank: DEAL_ROUND_SIZE.",
    numberFormat: FORMATS.billions,
  },
];

/** The scenario area: header, one row per input (input, the value used, its flag), the two steps. Returns the steps' references. */
function scenario(b: BlockBuilder, top: number): { amountStep: string; valuationStep: string } {
  b.put(top, 0, { value: "Scenario: type your own numbers; a blank input uses the figure", style: "subtitle", owner: "addin" });
  ["Input", "Your value", "Used here", "Check"].forEach((title, col) =>
    b.put(top + 1, col, { value: title, style: "header", owner: "addin" }),
  );
  SCENARIO_INPUTS.forEach((input, i) => {
    const row = top + 2 + i;
    const own = b.ref(row, INPUT);
    const format = input.numberFormat ? { numberFormat: input.numberFormat } : {};
    b.put(row, 0, { value: input.label, style: "label", owner: "addin" });
    b.put(row, INPUT, { value: null, ...format, style: "input", owner: "user", validation: inputValidation(input.kind, input.blankNote) });
    b.put(row, USED, { formula: `=IF(${own}="",${input.blank},${own})`, ...format, style: "derived", owner: "addin" });
    b.put(row, CHECK, { formula: flagFormula(input.kind, own), style: "flag", owner: "addin" });
    b.name(
      input.name,
      row,
      USED,
      `${input.label.replace(/ \(blank: .*\)$/, "")}: your value on the Sensitivity sheet, or ${input.blank} when blank.`,
    );
  });
  const steps: [string, number][] = [
    ["Amount step, a share of the amount", SENSITIVITY_DEFAULTS.amountStep],
    ["Valuation step, a share of the valuation", SENSITIVITY_DEFAULTS.valuationStep],
  ];
  const [amountStep, valuationStep] = steps.map(([label, value], i) => {
    const row = top + 2 + SCENARIO_INPUTS.length + i;
    b.put(row, 0, { value: label, style: "label", owner: "addin" });
    b.put(row, INPUT, { value, numberFormat: FORMATS.percent, style: "input", owner: "user", validation: inputValidation("step") });
    b.put(row, CHECK, { formula: flagFormula("step", b.ref(row, INPUT)), style: "flag", owner: "addin" });
    return b.ref(row, INPUT, "absolute");
  });
  return { amountStep, valuationStep };
}

/** The ad-hoc stake of the scenario; #N/A when the basis is neither post nor pre. */
function adHocStake(b: BlockBuilder, row: number): void {
  const { amount, valuation, basis, roundSize, stake } = SCENARIO_NAMES;
  b.put(row, 0, { value: "Ad-hoc stake: Amazon's stake in your scenario", style: "label", owner: "addin" });
  b.put(row, USED, {
    formula: `=IF(${basis}="pre",${amount}/(${valuation}+${roundSize}),IF(${basis}="post",${amount}/${valuation},NA()))`,
    numberFormat: FORMATS.percent,
    style: "base",
    owner: "addin",
  });
  b.put(row, CHECK, { value: "post: amount ÷ valuation; pre: amount ÷ (valuation + whole round)", style: "muted", owner: "addin" });
  b.name(
    stake,
    row,
    USED,
    "Amazon's stake in the Sensitivity sheet's scenario: amount ÷ valuation (post), or ÷ (valuation + round) (pre).",
  );
}

/**
 * The amount or valuation at k steps from the centre, a share of it, in whole dollars:
 * "=ROUND(SCENARIO_AMOUNT*(1-2*$B$10),0)". Whole dollars keep each cell exactly DEAL.STAKE of its
 * amount and valuation (a valuation plus the round is then exact in doubles); the centre is the scenario as typed.
 */
function axisFormula(centre: string, step: string, k: number): string {
  if (k === 0) return `=${centre}`;
  return `=ROUND(${centre}*(1${k < 0 ? "-" : "+"}${Math.abs(k) === 1 ? "" : `${Math.abs(k)}*`}${step}),0)`;
}

/** Both grids: axes from the scenario and the steps, the base case (the centre) highlighted. */
function grids(b: BlockBuilder, steps: { amountStep: string; valuationStep: string }): void {
  const { gridTop, postLeft, preLeft } = LAYOUT;
  b.put(gridTop - 1, postLeft, { value: "Stake if the valuation is post-money: amount ÷ valuation", style: "subtitle", owner: "addin" });
  b.put(gridTop - 1, preLeft, {
    value: `Stake if the valuation is pre-money: amount ÷ (valuation + ${SCENARIO_NAMES.roundSize}, the whole round)`,
    style: "subtitle",
    owner: "addin",
  });
  const corner = "Amount ↓ · valuation →";
  const axis = { numberFormat: FORMATS.billions, style: "header", owner: "addin" } as const;
  for (const left of [postLeft, preLeft]) b.put(gridTop, left, { value: corner, style: "header", owner: "addin" });
  for (let j = 0; j < GRID_SIZE; j++) {
    const col = postLeft + 1 + j;
    b.put(gridTop, col, { formula: axisFormula(SCENARIO_NAMES.valuation, steps.valuationStep, j - CENTRE), ...axis });
    b.put(gridTop, preLeft + 1 + j, { formula: `=${b.ref(gridTop, col)}`, ...axis });
  }
  for (let i = 0; i < GRID_SIZE; i++) {
    const row = gridTop + 1 + i;
    b.put(row, postLeft, { formula: axisFormula(SCENARIO_NAMES.amount, steps.amountStep, i - CENTRE), ...axis });
    b.put(row, preLeft, { formula: `=${b.ref(row, postLeft)}`, ...axis });
    for (let j = 0; j < GRID_SIZE; j++) {
      const style = i === CENTRE && j === CENTRE ? "base" : "derived";
      const amount = (left: number) => b.ref(row, left, "col");
      const valuation = (left: number) => b.ref(gridTop, left + 1 + j, "row");
      const cell = { numberFormat: FORMATS.percent, style, owner: "addin" } as const;
      b.put(row, postLeft + 1 + j, { formula: `=${amount(postLeft)}/${valuation(postLeft)}`, ...cell });
      b.put(row, preLeft + 1 + j, { formula: `=${amount(preLeft)}/(${valuation(preLeft)}+${SCENARIO_NAMES.roundSize})`, ...cell });
    }
  }
}

export function buildSensitivityBlock(sheetName: string, origin: Origin, data: Dataset): SheetSpec {
  const b = new BlockBuilder("sensitivity", origin, data);
  b.put(0, 0, { value: "Sensitivity: Amazon's stake by amount and valuation", style: "title", owner: "addin" });
  b.put(1, 0, {
    value:
      "Your scenario changes this sheet only; an override on the Deal sheet changes the figures everywhere. The grids centre on the scenario (highlighted). The sources do not say whether the valuation is pre- or post-money.",
    style: "muted",
    owner: "addin",
  });
  const steps = scenario(b, LAYOUT.scenarioTop);
  adHocStake(b, LAYOUT.stakeRow);
  grids(b, steps);
  return b.finish(sheetName, ["deal"]);
}
