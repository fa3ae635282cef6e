/**
 * The Sensitivity sheet: Amazon's stake for five amounts (down) against five valuations
 * (across), from four input cells the user edits, post-money with the pre-money grid beside it.
 */
import { BlockBuilder, type Origin } from "../block-builder";
import { FORMATS } from "../formats";
import type { SheetSpec } from "../spec";

/** Rows and columns of each grid. */
export const GRID_SIZE = 5;

/**
 * The inputs' defaults, as the issue sets them from the sources: amounts $10B to the reported
 * $50B by $10B; valuations $730B to $930B by $50B, centred on the reported $830B.
 */
export const SENSITIVITY_DEFAULTS = Object.freeze({
  amountStart: 10e9,
  amountStep: 10e9,
  valuationStart: 730e9,
  valuationStep: 50e9,
});

/** Block-local rows and columns of the inputs and the two grids. */
const SENSITIVITY_LAYOUT = Object.freeze({
  inputsTop: 4,
  gridTop: 10,
  postLeft: 0,
  preLeft: GRID_SIZE + 2,
});

export function buildSensitivityBlock(sheetName: string, origin: Origin): SheetSpec {
  const b = new BlockBuilder("sensitivity", origin);
  const { inputsTop, gridTop, postLeft, preLeft } = SENSITIVITY_LAYOUT;
  b.put(0, 0, { value: "Sensitivity: Amazon's stake by amount and valuation", style: "title", owner: "addin" });
  b.put(1, 0, {
    value: "Edit the four inputs; both grids follow. The sources do not say whether the valuation is pre- or post-money.",
    style: "muted",
    owner: "addin",
  });
  b.put(inputsTop - 1, 0, { value: "Inputs", style: "subtitle", owner: "addin" });
  const inputs: [string, number][] = [
    ["First amount", SENSITIVITY_DEFAULTS.amountStart],
    ["Amount step", SENSITIVITY_DEFAULTS.amountStep],
    ["First valuation", SENSITIVITY_DEFAULTS.valuationStart],
    ["Valuation step", SENSITIVITY_DEFAULTS.valuationStep],
  ];
  inputs.forEach(([label, value], i) => {
    b.put(inputsTop + i, 0, { value: label, style: "label", owner: "addin" });
    b.put(inputsTop + i, 1, { value, numberFormat: FORMATS.billions, style: "input", owner: "user" });
  });
  const [amountStart, amountStep, valuationStart, valuationStep] = inputs.map((_, i) => b.ref(inputsTop + i, 1, "absolute"));

  b.put(gridTop - 1, postLeft, { value: "Stake if the valuation is post-money: amount ÷ valuation", style: "subtitle", owner: "addin" });
  b.put(gridTop - 1, preLeft, {
    value: "Stake if the valuation is pre-money: amount ÷ (valuation + the whole round)",
    style: "subtitle",
    owner: "addin",
  });
  const corner = "Amount ↓ · valuation →";
  b.put(gridTop, postLeft, { value: corner, style: "header", owner: "addin" });
  b.put(gridTop, preLeft, { value: corner, style: "header", owner: "addin" });
  for (let j = 0; j < GRID_SIZE; j++) {
    const col = postLeft + 1 + j;
    const formula = j === 0 ? `=${valuationStart}` : `=${b.ref(gridTop, col - 1)}+${valuationStep}`;
    b.put(gridTop, col, { formula, numberFormat: FORMATS.billions, style: "header", owner: "addin" });
    b.put(gridTop, preLeft + 1 + j, { formula: `=${b.ref(gridTop, col)}`, numberFormat: FORMATS.billions, style: "header", owner: "addin" });
  }
  for (let i = 0; i < GRID_SIZE; i++) {
    const row = gridTop + 1 + i;
    const formula = i === 0 ? `=${amountStart}` : `=${b.ref(row - 1, postLeft)}+${amountStep}`;
    b.put(row, postLeft, { formula, numberFormat: FORMATS.billions, style: "header", owner: "addin" });
    b.put(row, preLeft, { formula: `=${b.ref(row, postLeft)}`, numberFormat: FORMATS.billions, style: "header", owner: "addin" });
    for (let j = 0; j < GRID_SIZE; j++) {
      const amount = (left: number) => b.ref(row, left, "col");
      const valuation = (left: number) => b.ref(gridTop, left + 1 + j, "row");
      b.put(row, postLeft + 1 + j, {
        formula: `=${amount(postLeft)}/${valuation(postLeft)}`,
        numberFormat: FORMATS.percent,
        style: "derived",
        owner: "addin",
      });
      b.put(row, preLeft + 1 + j, {
        formula: `=${amount(preLeft)}/(${valuation(preLeft)}+DEAL_ROUND_SIZE)`,
        numberFormat: FORMATS.percent,
        style: "derived",
        owner: "addin",
      });
    }
  }
  return b.finish(sheetName, ["deal"]);
}
