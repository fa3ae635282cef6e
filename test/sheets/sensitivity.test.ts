import { buildBlock } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { cellAt, exact } from "./helpers";
import { Fraction } from "./oracle";

const deal = buildBlock("deal");
const grid = buildBlock("sensitivity");
const B = (n: number) => Fraction.of(String(n)).mul(Fraction.of("1000000000"));

describe("Sensitivity block", () => {
  test("sits on the sheet Sensitivity, needs the Deal block's names, and names the round size it uses", () => {
    expect(grid.sheetName).toBe("Sensitivity");
    expect(grid.requires).toEqual(["deal"]);
    expect(grid.names.map((n) => [n.name, toA1(n.row, n.col)])).toEqual([["SENSITIVITY_ROUND_SIZE", "B9"]]);
  });

  test("the centres are the Used values, the steps are the user's inputs ($10B and $50B), the round size is shown", () => {
    const rows: [string, string, object][] = [
      ["5", "Centre amount (Used DEAL_AMOUNT on the Deal sheet)", { formula: "=DEAL_AMOUNT", owner: "addin" }],
      ["6", "Amount step", { value: 10e9, owner: "user", style: "input" }],
      ["7", "Centre valuation (Used OPENAI_VALUATION_ROUND)", { formula: "=OPENAI_VALUATION_ROUND", owner: "addin" }],
      ["8", "Valuation step", { value: 50e9, owner: "user", style: "input" }],
      ["9", "Round size the pre-money grid adds (Used DEAL_ROUND_SIZE)", { formula: "=DEAL_ROUND_SIZE", owner: "addin" }],
    ];
    for (const [row, label, content] of rows) {
      expect(cellAt(grid, `A${row}`).value).toBe(label);
      expect(cellAt(grid, `B${row}`)).toMatchObject({ ...content, numberFormat: '$#,##0.0,,,"B"' });
    }
  });

  test("amounts run down column A and valuations across row 12, two steps either side of the centre", () => {
    expect(["A13", "A14", "A15", "A16", "A17"].map((a) => cellAt(grid, a).formula)).toEqual([
      "=$B$5-2*$B$6",
      "=$B$5-$B$6",
      "=$B$5",
      "=$B$5+$B$6",
      "=$B$5+2*$B$6",
    ]);
    expect(["B12", "C12", "D12", "E12", "F12"].map((a) => cellAt(grid, a).formula)).toEqual([
      "=$B$7-2*$B$8",
      "=$B$7-$B$8",
      "=$B$7",
      "=$B$7+$B$8",
      "=$B$7+2*$B$8",
    ]);
    expect(cellAt(grid, "H13").formula).toBe("=A13");
    expect(cellAt(grid, "I12").formula).toBe("=B12");
  });

  test("with the reported figures the grid runs $30B–$70B by $730B–$930B, each cell amount ÷ valuation or ÷ (valuation + round)", () => {
    const wb = evaluateWorkbook([deal, grid]);
    const round = exact("deal.round_size");
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const amount = B(30 + 10 * i);
        const valuation = B(730 + 50 * j);
        const post = grid.cells.find((c) => c.row === 12 + i && c.col === 1 + j);
        const pre = grid.cells.find((c) => c.row === 12 + i && c.col === 8 + j);
        expect(post?.formula).toBe(`=$A${13 + i}/${toA1(11, 1 + j, "row")}`);
        expect(pre?.formula).toBe(`=$H${13 + i}/(${toA1(11, 8 + j, "row")}+SENSITIVITY_ROUND_SIZE)`);
        expect(post?.numberFormat).toBe("0.00%");
        expect(wb.value("Sensitivity", 12 + i, 1 + j)).toBe(amount.div(valuation).toNumber());
        expect(wb.value("Sensitivity", 12 + i, 8 + j)).toBe(amount.div(valuation.add(round)).toNumber());
      }
    }
    expect(wb.value("Sensitivity", 14, 0)).toBe(exact("deal.amount").toNumber());
    expect(wb.value("Sensitivity", 11, 3)).toBe(exact("openai.valuation_round").toNumber());
  });

  test("an override of DEAL_AMOUNT at $37B moves the grid: it shows 37/830 and 37/930", () => {
    const wb = evaluateWorkbook([deal, grid], { overrides: [{ sheet: "Deal", row: 4, col: 2, value: 37e9 }] });
    expect(wb.value("Sensitivity", 14, 0)).toBe(37e9);
    expect(wb.value("Sensitivity", 14, 3)).toBe(B(37).div(B(830)).toNumber());
    expect(wb.value("Sensitivity", 14, 5)).toBe(B(37).div(B(930)).toNumber());
  });

  test("editing the steps, the valuation and the round size moves both grids", () => {
    const wb = evaluateWorkbook([deal, grid], {
      overrides: [
        { sheet: "Sensitivity", row: 5, col: 1, value: 5e9 },
        { sheet: "Deal", row: 8, col: 2, value: 900e9 },
        { sheet: "Deal", row: 6, col: 2, value: 60e9 },
      ],
    });
    expect(wb.value("Sensitivity", 8, 1)).toBe(60e9);
    const amount = B(50).add(B(5));
    const valuation = B(900).sub(B(50));
    expect(wb.value("Sensitivity", 15, 2)).toBe(amount.div(valuation).toNumber());
    expect(wb.value("Sensitivity", 15, 9)).toBe(amount.div(valuation.add(B(60))).toNumber());
  });
});
