/**
 * The Sensitivity sheet: Amazon's stake for five amounts (down) against five valuations
 * (across), post-money with the pre-money grid beside it. The centre row and column are the
 * Used values (DEAL_AMOUNT, OPENAI_VALUATION_ROUND), so an override on the Deal sheet moves the
 * grid; the steps are the user's inputs; the round size the pre-money grid adds is shown and named.
 */
import type { Dataset } from "../../figures/types";
import { BlockBuilder, type Origin } from "../block-builder";
import { FORMATS } from "../formats";
import type { Owner, SheetSpec } from "../spec";

/** Rows and columns of each grid; odd, so the Used values sit in the middle. */
export const GRID_SIZE = 5;
const CENTRE = (GRID_SIZE - 1) / 2;

/** The steps' defaults: $10B and $50B, so the reported $50B and $830B sit mid-grid among round numbers. */
export const SENSITIVITY_DEFAULTS = Object.freeze({ amountStep: 10e9, valuationStep: 50e9 });

/** The name of the round size the pre-money grid adds (DEAL_ROUND_SIZE, shown on this sheet). */
export const SENSITIVITY_ROUND_NAME = "SENSITIVITY_ROUND_SIZE";

/** Block-local rows and columns of the inputs and the two grids. */
const SENSITIVITY_LAYOUT = Object.freeze({
  inputsTop: 4,
  gridTop: 11,
  postLeft: 0,
  preLeft: GRID_SIZE + 2,
});

/** The inputs: the centres (Used values), the steps (the user's) and the round size; returns their references. */
function inputs(b: BlockBuilder, top: number) {
  b.put(top - 1, 0, { value: "Inputs", style: "subtitle", owner: "addin" });
  const rows: [string, { formula: string } | { value: number }, Owner, "derived" | "input"][] = [
    ["Centre amount (Used DEAL_AMOUNT on the Deal sheet)", { formula: "=DEAL_AMOUNT" }, "addin", "derived"],
    ["Amount step", { value: SENSITIVITY_DEFAULTS.amountStep }, "user", "input"],
    ["Centre valuation (Used OPENAI_VALUATION_ROUND)", { formula: "=OPENAI_VALUATION_ROUND" }, "addin", "derived"],
    ["Valuation step", { value: SENSITIVITY_DEFAULTS.valuationStep }, "user", "input"],
    ["Round size the pre-money grid adds (Used DEAL_ROUND_SIZE)", { formula: "=DEAL_ROUND_SIZE" }, "addin", "derived"],
  ];
  rows.forEach(([label, content, owner, style], i) => {
    b.put(top + i, 0, { value: label, style: "label", owner: "addin" });
    b.put(top + i, 1, { ...content, numberFormat: FORMATS.billions, style, owner });
  });
  b.name(
    SENSITIVITY_ROUND_NAME,
    top + 4,
    1,
    "The whole round the Sensitivity sheet's pre-money grid adds to each valuation: DEAL_ROUND_SIZE.",
  );
  const [amountCentre, amountStep, valuationCentre, valuationStep] = [0, 1, 2, 3].map((i) => b.ref(top + i, 1, "absolute"));
  return { amountCentre, amountStep, valuationCentre, valuationStep };
}

/** The amount or valuation at offset k from the centre: "=$B$5+(-2)*$B$6" reads badly, so signs are written out. */
function axisFormula(centre: string, step: string, k: number): string {
  if (k === 0) return `=${centre}`;
  return `=${centre}${k < 0 ? "-" : "+"}${Math.abs(k) === 1 ? "" : `${Math.abs(k)}*`}${step}`;
}

export function buildSensitivityBlock(sheetName: string, origin: Origin, data: Dataset): SheetSpec {
  const b = new BlockBuilder("sensitivity", origin, data);
  const { inputsTop, gridTop, postLeft, preLeft } = SENSITIVITY_LAYOUT;
  b.put(0, 0, { value: "Sensitivity: Amazon's stake by amount and valuation", style: "title", owner: "addin" });
  b.put(1, 0, {
    value:
      "The grids centre on the Used amount and valuation: an override on the Deal sheet moves them. Edit the steps. The sources do not say whether the valuation is pre- or post-money.",
    style: "muted",
    owner: "addin",
  });
  const refs = inputs(b, inputsTop);

  b.put(gridTop - 1, postLeft, { value: "Stake if the valuation is post-money: amount ÷ valuation", style: "subtitle", owner: "addin" });
  b.put(gridTop - 1, preLeft, {
    value: `Stake if the valuation is pre-money: amount ÷ (valuation + ${SENSITIVITY_ROUND_NAME}, the whole round)`,
    style: "subtitle",
    owner: "addin",
  });
  const corner = "Amount ↓ · valuation →";
  b.put(gridTop, postLeft, { value: corner, style: "header", owner: "addin" });
  b.put(gridTop, preLeft, { value: corner, style: "header", owner: "addin" });
  for (let j = 0; j < GRID_SIZE; j++) {
    const col = postLeft + 1 + j;
    const formula = axisFormula(refs.valuationCentre, refs.valuationStep, j - CENTRE);
    b.put(gridTop, col, { formula, numberFormat: FORMATS.billions, style: "header", owner: "addin" });
    b.put(gridTop, preLeft + 1 + j, {
      formula: `=${b.ref(gridTop, col)}`,
      numberFormat: FORMATS.billions,
      style: "header",
      owner: "addin",
    });
  }
  for (let i = 0; i < GRID_SIZE; i++) {
    const row = gridTop + 1 + i;
    const formula = axisFormula(refs.amountCentre, refs.amountStep, i - CENTRE);
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
        formula: `=${amount(preLeft)}/(${valuation(preLeft)}+${SENSITIVITY_ROUND_NAME})`,
        numberFormat: FORMATS.percent,
        style: "derived",
        owner: "addin",
      });
    }
  }
  return b.finish(sheetName, ["deal"]);
}
