/**
 * The sheets' plain formulas and the DEAL.* math (src/calc) compute the same numbers from the
 * dataset: a model built on the names and one built on DEAL.* functions agree.
 */
import { cagr, preMoney, priorValue, stake, stepUp } from "../../src/calc/deal-math";
import { buildAllBlocks, buildBlock } from "../../src/sheets";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { figureOf } from "./helpers";
import { ulp } from "./oracle";

const wb = evaluateWorkbook(buildAllBlocks());
const value = (id: string) => Number(figureOf(id).value);
const amount = value("deal.amount");
const round = value("deal.round_size");
const valuation = value("openai.valuation_round");

describe("the sheets agree with src/calc", () => {
  test("stakes, implied pre-money, step-up and share of capex are the same doubles", () => {
    expect(wb.name("DEAL_STAKE_POST")).toBe(stake(amount, valuation, "post"));
    expect(wb.name("DEAL_STAKE_PRE")).toBe(stake(amount, valuation, "pre", round));
    expect(wb.name("OPENAI_PREMONEY_IMPLIED")).toBe(preMoney(valuation, round));
    expect(wb.name("OPENAI_STEPUP")).toBe(stepUp(valuation, value("openai.valuation_prior")));
    expect(wb.name("DEAL_SHARE_OF_ROUND")).toBe(stake(amount, round, "post"));
    expect(wb.name("DEAL_SHARE_OF_CAPEX")).toBe(stake(amount, value("amazon.capex_2026"), "post"));
  });

  test("the price three years earlier and the CAGR agree to within Excel's double rounding", () => {
    const prior = priorValue(value("amzn.price"), value("amzn.return_3y")) as number;
    expect(Math.abs((wb.name("AMZN_PRICE_3Y_AGO") as number) - prior)).toBeLessThanOrEqual(2 * ulp(prior));
    const rate = cagr(1, 1 + value("amzn.return_3y"), 3) as number;
    expect(Math.abs((wb.name("AMZN_CAGR_3Y") as number) - rate)).toBeLessThanOrEqual(4 * ulp(rate));
  });

  test("every sensitivity cell is DEAL.STAKE of its amount and valuation, post and pre; the ad-hoc stake too", () => {
    // Each grid hangs off its corner label: valuations to the right of it, amounts below.
    const [post, pre] = buildBlock("sensitivity").cells.filter((c) => c.value === "Amount ↓ · valuation →");
    for (let i = 1; i <= 5; i++) {
      for (let j = 1; j <= 5; j++) {
        const a = wb.value("Sensitivity", post.row + i, post.col) as number;
        const v = wb.value("Sensitivity", post.row, post.col + j) as number;
        expect(wb.value("Sensitivity", post.row + i, post.col + j)).toBe(stake(a, v, "post"));
        expect(wb.value("Sensitivity", pre.row + i, pre.col + j)).toBe(stake(a, v, "pre", round));
      }
    }
    expect(wb.name("SCENARIO_STAKE")).toBe(stake(amount, valuation, "post"));
  });
});
