import { buildBlock } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { cellAt, exact } from "./helpers";
import { Fraction } from "./oracle";

const deal = buildBlock("deal");
const grid = buildBlock("sensitivity");
const B = (n: number) => Fraction.of(String(n)).mul(Fraction.of("1000000000"));

describe("Sensitivity block", () => {
  test("sits on the sheet Sensitivity and needs DEAL_ROUND_SIZE from the Deal block", () => {
    expect(grid.sheetName).toBe("Sensitivity");
    expect(grid.requires).toEqual(["deal"]);
    expect(grid.names).toEqual([]);
  });

  test("four user inputs hold the issue's defaults: $10B by $10B, $730B by $50B", () => {
    const inputs: [string, string, number][] = [
      ["5", "First amount", 10e9],
      ["6", "Amount step", 10e9],
      ["7", "First valuation", 730e9],
      ["8", "Valuation step", 50e9],
    ];
    for (const [row, label, value] of inputs) {
      expect(cellAt(grid, `A${row}`).value).toBe(label);
      expect(cellAt(grid, `B${row}`)).toMatchObject({ value, owner: "user", style: "input", numberFormat: '$#,##0.0,,,"B"' });
    }
  });

  test("the defaults reach the reported amount and centre on the reported valuation", () => {
    const wb = evaluateWorkbook([deal, grid]);
    expect(wb.value("Sensitivity", 15, 0)).toBe(exact("deal.amount").toNumber());
    expect(wb.value("Sensitivity", 10, 3)).toBe(exact("openai.valuation_round").toNumber());
  });

  test("amounts run down column A and valuations across row 11, from the inputs", () => {
    expect(cellAt(grid, "A12").formula).toBe("=$B$5");
    expect(cellAt(grid, "A13").formula).toBe("=A12+$B$6");
    expect(cellAt(grid, "B11").formula).toBe("=$B$7");
    expect(cellAt(grid, "C11").formula).toBe("=B11+$B$8");
    expect(cellAt(grid, "H12").formula).toBe("=A12");
    expect(cellAt(grid, "I11").formula).toBe("=B11");
  });

  test("each post-money cell is amount ÷ valuation and each pre-money cell amount ÷ (valuation + round)", () => {
    const wb = evaluateWorkbook([deal, grid]);
    const round = exact("deal.round_size");
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const amount = B(10).mul(new Fraction(BigInt(i + 1)));
        const valuation = B(730).add(B(50).mul(new Fraction(BigInt(j))));
        const post = grid.cells.find((c) => c.row === 11 + i && c.col === 1 + j);
        const pre = grid.cells.find((c) => c.row === 11 + i && c.col === 8 + j);
        expect(post?.formula).toBe(`=$A${12 + i}/${toA1(10, 1 + j, "row")}`);
        expect(pre?.formula).toBe(`=$H${12 + i}/(${toA1(10, 8 + j, "row")}+DEAL_ROUND_SIZE)`);
        expect(post?.numberFormat).toBe("0.00%");
        expect(wb.value("Sensitivity", 11 + i, 1 + j)).toBe(amount.div(valuation).toNumber());
        expect(wb.value("Sensitivity", 11 + i, 8 + j)).toBe(amount.div(valuation.add(round)).toNumber());
      }
    }
  });

  test("editing the inputs and the round size moves both grids", () => {
    const wb = evaluateWorkbook([deal, grid], {
      overrides: [
        { sheet: "Sensitivity", row: 4, col: 1, value: 5e9 },
        { sheet: "Sensitivity", row: 7, col: 1, value: 100e9 },
        { sheet: "Deal", row: 6, col: 2, value: 60e9 },
      ],
    });
    const amount = B(5).add(B(10).mul(new Fraction(2n)));
    const valuation = B(730).add(B(100));
    expect(wb.value("Sensitivity", 13, 2)).toBe(amount.div(valuation).toNumber());
    expect(wb.value("Sensitivity", 13, 9)).toBe(amount.div(valuation.add(B(60))).toNumber());
  });
});
