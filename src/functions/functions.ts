/**
 * The DEAL.* custom functions. Each JSDoc block becomes Excel's formula help and, through
 * custom-functions-metadata (see webpack.config.js), functions.json; test/functions checks it against
 * src/calc/catalog.ts. The wrappers are one line each: src/calc/dispatch.ts coerces, broadcasts
 * and computes; this file only turns CalcErrors into Excel errors and registers the functions.
 * Nothing here touches the DOM, so it loads in Excel's JavaScript-only runtime. The dataset is not
 * in this bundle: FIGURE and FIGURES wait for the figures the pane loads in the shared runtime.
 */
import type { CalcError } from "../calc/errors";
import { evaluate } from "../calc/dispatch";
import { useDataset } from "../figures/in-use";
import { publishedFigures } from "../figures/runtime-slot";
import { toExcelGrid } from "./results";

/** Excel shows a message only with #VALUE! and #N/A; the other codes take none. */
function toExcelError(error: CalcError): CustomFunctions.Error {
  switch (error.kind) {
    case "#DIV/0!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case "#NUM!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error.message);
    case "#VALUE!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
  }
}

/** evaluate() never throws; the catch covers the Office side, so Excel never waits on a #BUSY!. */
function run(name: string, args: unknown[]): unknown[][] {
  try {
    return toExcelGrid(evaluate(name, args), toExcelError);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `DEAL.${name} failed unexpectedly (${detail}); please report it.`)]];
  }
}

/** FIGURE and FIGURES answer from the figures the pane loaded: the served file, or the built-in copy. */
async function runOnFigures(name: string, args: unknown[]): Promise<unknown[][]> {
  const loaded = await publishedFigures();
  useDataset(loaded.dataset);
  return run(name, args);
}

/**
 * The share of the company that an investment of amount buys at valuation, as a fraction (0.06 is 6%).
 * @customfunction STAKE
 * @helpurl https://localhost:3000/help.html#STAKE
 * @param {any[][]} amount The money invested, in a currency (for example dollars); 0 or more.
 * @param {any[][]} valuation The company's valuation in the currency of amount; 0 or more.
 * @param {any[][]} [basis] Text "post" (the valuation already includes this round's money) or "pre" (it does not); not case-sensitive.
 * @param {any[][]} [roundsize] All the new money in the round, in the currency of amount; used with basis "pre"; 0 or blank means amount.
 * @returns {any[][]} The stake as a fraction: amount ÷ valuation for basis "post", amount ÷ (valuation + roundsize) for "pre".
 */
export function stake(amount: unknown[][], valuation: unknown[][], basis?: unknown[][], roundsize?: unknown[][]): unknown[][] {
  return run("STAKE", [amount, valuation, basis, roundsize]);
}

/**
 * The valuation after a round: the pre-money valuation plus the new money.
 * @customfunction POSTMONEY
 * @helpurl https://localhost:3000/help.html#POSTMONEY
 * @param {any[][]} premoney The valuation before the round, in a currency; 0 or more.
 * @param {any[][]} amount The new money in the round, in the currency of premoney; 0 or more.
 * @returns {any[][]} The post-money valuation, in the currency of the arguments.
 */
export function postmoney(premoney: unknown[][], amount: unknown[][]): unknown[][] {
  return run("POSTMONEY", [premoney, amount]);
}

/**
 * The valuation before a round: the post-money valuation minus the new money.
 * @customfunction PREMONEY
 * @helpurl https://localhost:3000/help.html#PREMONEY
 * @param {any[][]} postmoney The valuation after the round, in a currency; 0 or more.
 * @param {any[][]} amount The new money in the round, in the currency of postmoney; 0 to postmoney.
 * @returns {any[][]} The pre-money valuation, in the currency of the arguments.
 */
export function premoney(postmoney: unknown[][], amount: unknown[][]): unknown[][] {
  return run("PREMONEY", [postmoney, amount]);
}

/**
 * The valuation implied when an investment of amount buys a stake of the company.
 * @customfunction IMPLIEDVALUATION
 * @helpurl https://localhost:3000/help.html#IMPLIEDVALUATION
 * @param {any[][]} amount The money invested, in a currency; 0 or more.
 * @param {any[][]} stake The share it buys, as a fraction above 0 and at most 1 (0.06 is 6%).
 * @param {any[][]} [basis] Text "post" (the valuation already includes this round's money) or "pre" (it does not); not case-sensitive.
 * @param {any[][]} [roundsize] All the new money in the round, in the currency of amount; used with basis "pre"; 0 or blank means amount.
 * @returns {any[][]} The valuation in the currency of amount: amount ÷ stake (post-money) for basis "post", amount ÷ stake − roundsize (pre-money) for "pre".
 */
export function impliedvaluation(amount: unknown[][], stake: unknown[][], basis?: unknown[][], roundsize?: unknown[][]): unknown[][] {
  return run("IMPLIEDVALUATION", [amount, stake, basis, roundsize]);
}

/**
 * An existing holder's stake after a round of amount at a pre-money valuation: stake × premoney ÷ (premoney + amount).
 * @customfunction DILUTE
 * @helpurl https://localhost:3000/help.html#DILUTE
 * @param {any[][]} stake The holder's stake before the round, as a fraction above 0 and at most 1.
 * @param {any[][]} amount The new money in the round, in a currency; 0 or more.
 * @param {any[][]} premoney The valuation before the round, in the currency of amount; 0 or more.
 * @returns {any[][]} The holder's stake after the round, as a fraction.
 */
export function dilute(stake: unknown[][], amount: unknown[][], premoney: unknown[][]): unknown[][] {
  return run("DILUTE", [stake, amount, premoney]);
}

/**
 * What a stake is worth at a valuation: stake × valuation.
 * @customfunction STAKEVALUE
 * @helpurl https://localhost:3000/help.html#STAKEVALUE
 * @param {any[][]} stake The share of the company, as a fraction above 0 and at most 1.
 * @param {any[][]} valuation The company's valuation, in a currency; 0 or more.
 * @returns {any[][]} The value of the stake, in the currency of valuation.
 */
export function stakevalue(stake: unknown[][], valuation: unknown[][]): unknown[][] {
  return run("STAKEVALUE", [stake, valuation]);
}

/**
 * How many times a new valuation is the old one: newvaluation ÷ oldvaluation.
 * @customfunction STEPUP
 * @helpurl https://localhost:3000/help.html#STEPUP
 * @param {any[][]} newvaluation The later valuation, in a currency; 0 or more.
 * @param {any[][]} oldvaluation The earlier valuation, in the currency of newvaluation; above 0.
 * @returns {any[][]} The step-up as a multiple (2 means the valuation doubled).
 */
export function stepup(newvaluation: unknown[][], oldvaluation: unknown[][]): unknown[][] {
  return run("STEPUP", [newvaluation, oldvaluation]);
}

/**
 * The multiple on invested capital: value ÷ invested.
 * @customfunction MOIC
 * @helpurl https://localhost:3000/help.html#MOIC
 * @param {any[][]} invested The money put in, in a currency; above 0.
 * @param {any[][]} value What the investment is worth now or returned, in the currency of invested; 0 or more.
 * @returns {any[][]} The multiple (3 means three times the money invested).
 */
export function moic(invested: unknown[][], value: unknown[][]): unknown[][] {
  return run("MOIC", [invested, value]);
}

/**
 * The compound annual growth rate from startvalue to endvalue over years: (endvalue ÷ startvalue)^(1 ÷ years) − 1.
 * @customfunction CAGR
 * @helpurl https://localhost:3000/help.html#CAGR
 * @param {any[][]} startvalue The value at the start, in a currency or any unit; above 0.
 * @param {any[][]} endvalue The value at the end, in the unit of startvalue; 0 or more.
 * @param {any[][]} years The time between them in years (fractions allowed); above 0.
 * @returns {any[][]} The yearly growth rate as a fraction (0.3 is 30% a year), within 2 units in the last place.
 */
export function cagr(startvalue: unknown[][], endvalue: unknown[][], years: unknown[][]): unknown[][] {
  return run("CAGR", [startvalue, endvalue, years]);
}

/**
 * The value before a total return: value ÷ (1 + totalreturn).
 * @customfunction PRIORVALUE
 * @helpurl https://localhost:3000/help.html#PRIORVALUE
 * @param {any[][]} value The value after the return, in a currency or any unit; 0 or more.
 * @param {any[][]} totalreturn The total return as a fraction above −1 (1.14 is +114%).
 * @returns {any[][]} The value before the return, in the unit of value.
 */
export function priorvalue(value: unknown[][], totalreturn: unknown[][]): unknown[][] {
  return run("PRIORVALUE", [value, totalreturn]);
}

/**
 * A figure of the Deal Desk dataset by its id: its value, or the field named.
 * @customfunction FIGURE
 * @helpurl https://localhost:3000/help.html#FIGURE
 * @param {any[][]} id The figure's id, such as "deal.amount" (=DEAL.FIGURES() lists them); not case-sensitive.
 * @param {any[][]} [field] Text "value", "label", "unit", "qualifier", "status", "asof", "source" or "quote"; not case-sensitive.
 * @returns {Promise<any[][]>} The field: the value as a number (dates as Excel date serials), the others as text.
 */
export function figure(id: unknown[][], field?: unknown[][]): Promise<unknown[][]> {
  return runOnFigures("FIGURE", [id, field]);
}

/**
 * The whole Deal Desk dataset as a table that spills, with a header row.
 * @customfunction FIGURES
 * @helpurl https://localhost:3000/help.html#FIGURES
 * @returns {Promise<any[][]>} A table with the columns id, label, value, unit, status, as of and source; one row per figure.
 */
export function figures(): Promise<unknown[][]> {
  return runOnFigures("FIGURES", []);
}

/** Excel name → implementation, registered when the custom-functions runtime is present. */
export const FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown[][] | Promise<unknown[][]>>> = {
  STAKE: stake,
  POSTMONEY: postmoney,
  PREMONEY: premoney,
  IMPLIEDVALUATION: impliedvaluation,
  DILUTE: dilute,
  STAKEVALUE: stakevalue,
  STEPUP: stepup,
  MOIC: moic,
  CAGR: cagr,
  PRIORVALUE: priorvalue,
  FIGURE: figure,
  FIGURES: figures,
};

if (typeof CustomFunctions !== "undefined") {
  for (const [name, fn] of Object.entries(FUNCTIONS)) CustomFunctions.associate(name, fn);
}
