import { buildBlock, DERIVED_NAMES } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { evaluateWorkbook, type Override } from "../../src/sheets/evaluate";
import { COL } from "../../src/sheets/figure-table";
import type { CellSpec } from "../../src/sheets/spec";
import { cellAt, exact, nameAddress } from "./helpers";
import { exactOf, Fraction } from "./oracle";

const deal = buildBlock("deal");
const grid = buildBlock("sensitivity");
const B = (n: number) => Fraction.of(String(n)).mul(Fraction.of("1000000000"));

/** The user's input cell on the row a scenario name's cell is on. */
function inputOf(name: string): CellSpec {
  const n = grid.names.find((x) => x.name === name)!;
  const input = grid.cells.find((c) => c.row === n.row && c.owner === "user");
  if (!input) throw new Error(`${name} has no input cell on its row.`);
  return input;
}

/** The step input cell whose label starts with `label`. */
function stepInput(label: string): CellSpec {
  const row = grid.cells.find((c) => typeof c.value === "string" && c.value.startsWith(label))!.row;
  return grid.cells.find((c) => c.row === row && c.owner === "user")!;
}

/** The rows' shares of the centre at the default 10% step, exact. */
const FACTORS = ["0.8", "0.9", "1", "1.1", "1.2"].map((f) => Fraction.of(f));

const typed = (cell: CellSpec, value: number | string): Override => ({ sheet: "Sensitivity", row: cell.row, col: cell.col, value });

/** The post-money and pre-money grids: the header row (valuations), the amounts column, the cells; found by the corner label. */
function grids() {
  const corners = grid.cells.filter((c) => c.value === "Amount ↓ · valuation →");
  return corners.map((corner) => ({
    valuations: [1, 2, 3, 4, 5].map((j) => ({ row: corner.row, col: corner.col + j })),
    amounts: [1, 2, 3, 4, 5].map((i) => ({ row: corner.row + i, col: corner.col })),
    cell: (i: number, j: number) => ({ row: corner.row + 1 + i, col: corner.col + 1 + j }),
  }));
}

describe("Sensitivity block", () => {
  const [post, pre] = grids();

  test("sits on the sheet Sensitivity, needs the Deal block's names, and names the scenario and its stake", () => {
    expect(grid.sheetName).toBe("Sensitivity");
    expect(grid.requires).toEqual(["deal"]);
    expect(grid.names.map((n) => n.name)).toEqual([
      "SCENARIO_AMOUNT",
      "SCENARIO_VALUATION",
      "SCENARIO_BASIS",
      "SCENARIO_ROUND_SIZE",
      "SCENARIO_STAKE",
    ]);
  });

  test("each scenario input is the user's, blank, with its validation; its name holds the input or, when blank, the figure", () => {
    const rows: [string, string, string][] = [
      ["SCENARIO_AMOUNT", "DEAL_AMOUNT", "decimal"],
      ["SCENARIO_VALUATION", "OPENAI_VALUATION_ROUND", "decimal"],
      ["SCENARIO_BASIS", '"post"', "list"],
      ["SCENARIO_ROUND_SIZE", "DEAL_ROUND_SIZE", "decimal"],
    ];
    for (const [name, blank, type] of rows) {
      const input = inputOf(name);
      const own = toA1(input.row, input.col);
      expect(input).toMatchObject({ value: null, owner: "user", style: "input" });
      expect(input.validation?.type).toBe(type);
      expect(input.validation?.prompt.message).toContain(`Blank: ${blank.replace(/"/g, "")}.`);
      expect(cellAt(grid, nameAddress(grid, name))).toMatchObject({ formula: `=IF(${own}="",${blank},${own})`, owner: "addin" });
    }
    expect(inputOf("SCENARIO_AMOUNT").validation).toMatchObject({ min: 0 });
    expect(inputOf("SCENARIO_AMOUNT").validation?.prompt.message).toContain("35e9");
    expect(inputOf("SCENARIO_BASIS").validation?.list).toEqual(["post", "pre"]);
  });

  test("the steps are the user's, 10% by default, between 0 and 45% so no row reaches zero", () => {
    for (const label of ["Amount step", "Valuation step"]) {
      expect(stepInput(label)).toMatchObject({ value: 0.1, numberFormat: "0.00%", owner: "user", style: "input" });
      expect(stepInput(label).validation).toMatchObject({ type: "decimal", min: 0, max: 0.45 });
    }
  });

  test("amounts run down and valuations across as shares of the scenario, ±1 and ±2 steps, in whole dollars", () => {
    const amountStep = toA1(stepInput("Amount step").row, 1, "absolute");
    const valuationStep = toA1(stepInput("Valuation step").row, 1, "absolute");
    const formula = (p: { row: number; col: number }) => grid.cells.find((c) => c.row === p.row && c.col === p.col)?.formula;
    expect(post.amounts.map(formula)).toEqual([
      `=ROUND(SCENARIO_AMOUNT*(1-2*${amountStep}),0)`,
      `=ROUND(SCENARIO_AMOUNT*(1-${amountStep}),0)`,
      "=SCENARIO_AMOUNT",
      `=ROUND(SCENARIO_AMOUNT*(1+${amountStep}),0)`,
      `=ROUND(SCENARIO_AMOUNT*(1+2*${amountStep}),0)`,
    ]);
    expect(post.valuations.map(formula)[0]).toBe(`=ROUND(SCENARIO_VALUATION*(1-2*${valuationStep}),0)`);
    expect(formula(pre.amounts[0])).toBe(`=${toA1(post.amounts[0].row, post.amounts[0].col)}`);
    expect(formula(pre.cell(0, 0))).toBe(
      `=${toA1(pre.amounts[0].row, pre.amounts[0].col, "col")}/(${toA1(pre.valuations[0].row, pre.valuations[0].col, "row")}+SCENARIO_ROUND_SIZE)`,
    );
  });

  test("with the inputs blank the grids centre on the reported $50B and $830B, each cell amount ÷ valuation or ÷ (valuation + round)", () => {
    const wb = evaluateWorkbook([deal, grid]);
    const round = exact("deal.round_size").toNumber();
    for (let i = 0; i < 5; i++) {
      const amount = wb.value("Sensitivity", post.amounts[i].row, post.amounts[i].col) as number;
      // The reported amount and valuation × 0.8, 0.9, 1, 1.1, 1.2, in whole dollars.
      expect(amount).toBe(B(50).mul(FACTORS[i]).toNumber());
      expect(wb.value("Sensitivity", post.valuations[i].row, post.valuations[i].col)).toBe(B(830).mul(FACTORS[i]).toNumber());
      for (let j = 0; j < 5; j++) {
        const valuation = wb.value("Sensitivity", post.valuations[j].row, post.valuations[j].col) as number;
        // The exact quotient of the doubles the sheet holds; the pre-money sum is a double first, as in Excel.
        const [a, v] = [exactOf(amount), exactOf(valuation)];
        expect(wb.value("Sensitivity", post.cell(i, j).row, post.cell(i, j).col)).toBe(a.div(v).toNumber());
        expect(wb.value("Sensitivity", pre.cell(i, j).row, pre.cell(i, j).col)).toBe(a.div(exactOf(valuation + round)).toNumber());
      }
    }
    expect(wb.value("Sensitivity", post.cell(2, 2).row, post.cell(2, 2).col)).toBe(B(50).div(B(830)).toNumber());
    expect(wb.name("SCENARIO_STAKE")).toBe(B(50).div(B(830)).toNumber());
    expect(wb.name("SCENARIO_BASIS")).toBe("post");
  });

  test("a scenario of $35B at $750B post: the ad-hoc stake is 35/750 and the grid's base case is that point", () => {
    const wb = evaluateWorkbook([deal, grid], {
      overrides: [
        typed(inputOf("SCENARIO_AMOUNT"), 35e9),
        typed(inputOf("SCENARIO_VALUATION"), 750e9),
        typed(inputOf("SCENARIO_BASIS"), "post"),
      ],
    });
    const point = B(35).div(B(750)).toNumber();
    expect(wb.name("SCENARIO_STAKE")).toBe(point);
    expect(wb.value("Sensitivity", post.cell(2, 2).row, post.cell(2, 2).col)).toBe(point);
    expect(wb.value("Sensitivity", post.amounts[2].row, post.amounts[2].col)).toBe(35e9);
    expect(wb.value("Sensitivity", post.valuations[2].row, post.valuations[2].col)).toBe(750e9);
  });

  test("pre-money adds the scenario's round size, the Deal sheet's when blank", () => {
    const pre35 = [
      typed(inputOf("SCENARIO_AMOUNT"), 35e9),
      typed(inputOf("SCENARIO_VALUATION"), 750e9),
      typed(inputOf("SCENARIO_BASIS"), "pre"),
    ];
    expect(evaluateWorkbook([deal, grid], { overrides: pre35 }).name("SCENARIO_STAKE")).toBe(B(35).div(B(850)).toNumber());
    const round60 = evaluateWorkbook([deal, grid], { overrides: [...pre35, typed(inputOf("SCENARIO_ROUND_SIZE"), 60e9)] });
    expect(round60.name("SCENARIO_STAKE")).toBe(B(35).div(B(810)).toNumber());
    expect(round60.value("Sensitivity", pre.cell(2, 2).row, pre.cell(2, 2).col)).toBe(B(35).div(B(810)).toNumber());
  });

  test("a basis other than post or pre gives #N/A and its flag says what to type", () => {
    const wb = evaluateWorkbook([deal, grid], { overrides: [typed(inputOf("SCENARIO_BASIS"), "posts")] });
    expect(wb.name("SCENARIO_STAKE")).toEqual({ error: "#N/A" });
    const flag = grid.cells.find((c) => c.row === inputOf("SCENARIO_BASIS").row && c.style === "flag")!;
    expect(wb.value("Sensitivity", flag.row, flag.col)).toBe("Type post or pre");
  });

  test("an override of DEAL_AMOUNT at $15B on the Deal sheet moves the grids and no row goes below zero", () => {
    const amountRow = deal.names.find((n) => n.name === "DEAL_AMOUNT")!.row;
    const wb = evaluateWorkbook([deal, grid], { overrides: [{ sheet: "Deal", row: amountRow, col: COL.override, value: 15e9 }] });
    const amounts = post.amounts.map((p) => wb.value("Sensitivity", p.row, p.col));
    expect(amounts).toEqual([12e9, 13.5e9, 15e9, 16.5e9, 18e9]);
    expect(amounts.every((a) => typeof a === "number" && a > 0)).toBe(true);
  });

  test("the scenario changes only this sheet: every Deal sheet name keeps its value", () => {
    const before = evaluateWorkbook([deal, grid]);
    const after = evaluateWorkbook([deal, grid], {
      overrides: [
        typed(inputOf("SCENARIO_AMOUNT"), 35e9),
        typed(inputOf("SCENARIO_VALUATION"), 750e9),
        typed(inputOf("SCENARIO_BASIS"), "pre"),
        typed(inputOf("SCENARIO_ROUND_SIZE"), 60e9),
      ],
    });
    const dealNames = deal.names.map((n) => n.name);
    expect(dealNames.length).toBeGreaterThan(10);
    expect(dealNames.map((n) => after.name(n))).toEqual(dealNames.map((n) => before.name(n)));
    expect(DERIVED_NAMES.filter((n) => n.startsWith("SCENARIO_")).some((n) => after.name(n) !== before.name(n))).toBe(true);
  });

  test("the base case is highlighted: the centre of each grid and the ad-hoc stake, nothing else", () => {
    const base = grid.cells.filter((c) => c.style === "base").map((c) => toA1(c.row, c.col));
    const centre = (g: typeof post) => toA1(g.cell(2, 2).row, g.cell(2, 2).col);
    expect(new Set(base)).toEqual(new Set([nameAddress(grid, "SCENARIO_STAKE"), centre(post), centre(pre)]));
    expect(base).toHaveLength(3);
  });
});
