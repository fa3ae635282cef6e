import { buildBlock } from "../../src/sheets";
import { evaluateWorkbook } from "../../src/sheets/evaluate";
import { functionsIn } from "../../src/sheets/formula";
import { cellAt, exact, expectFigureRow, expectTableHeader, nameAddress } from "./helpers";
import { exactOf, Fraction, ulp } from "./oracle";
import { blockFigureIds } from "../../src/sheets";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";

const deal = buildBlock("deal");
const amzn = buildBlock("amzn");
const live = buildBlock("amzn", { includeStockHistory: true });
const price = exact("amzn.price");
const gain = exact("amzn.return_3y");
const one = new Fraction(1n);

describe("AMZN block", () => {
  test("sits on the sheet AMZN and needs the Deal block for DEAL_AMOUNT", () => {
    expect(amzn.sheetName).toBe("AMZN");
    expect(amzn.requires).toEqual(["deal"]);
  });

  test("the figures table AmznFigures holds the quoted price and 3-year return", () => {
    expectTableHeader(amzn, 4);
    expectFigureRow(amzn, 5, "amzn.price");
    expectFigureRow(amzn, 6, "amzn.return_3y");
    expect(amzn.tables).toEqual([
      { name: "AmznFigures", top: 3, left: 0, bottom: 3 + blockFigureIds(BUILT_IN_FIGURES, "amzn").length, right: 9, retractIn: "Status" },
    ]);
    expect(nameAddress(amzn, "AMZN_PRICE")).toBe("D5");
    expect(nameAddress(amzn, "AMZN_RETURN_3Y")).toBe("D6");
  });

  test("the implied price three years earlier is price ÷ (1 + return), within Excel's double rounding", () => {
    expect(cellAt(amzn, "B10")).toMatchObject({ formula: "=AMZN_PRICE/(1+AMZN_RETURN_3Y)", numberFormat: "$#,##0.00" });
    expect(nameAddress(amzn, "AMZN_PRICE_3Y_AGO")).toBe("B10");
    const value = evaluateWorkbook([deal, amzn]).name("AMZN_PRICE_3Y_AGO") as number;
    const expected = price.div(one.add(gain)).toNumber();
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(2 * ulp(expected));
  });

  test("the 3-year CAGR cubed gives back the 3-year return", () => {
    expect(cellAt(amzn, "B11")).toMatchObject({ formula: "=(1+AMZN_RETURN_3Y)^(1/3)-1", numberFormat: "0.00%" });
    expect(nameAddress(amzn, "AMZN_CAGR_3Y")).toBe("B11");
    const cagr = evaluateWorkbook([deal, amzn]).name("AMZN_CAGR_3Y") as number;
    const cubed = exactOf(cagr).add(one).pow(3);
    const target = one.add(gain);
    const relative = Math.abs(cubed.sub(target).div(target).toNumber());
    expect(relative).toBeLessThan(1e-14);
  });

  test("shares outstanding is an empty input of the user's; the per-share amount stays empty until it is filled", () => {
    expect(cellAt(amzn, "B14")).toEqual({ row: 13, col: 1, value: null, numberFormat: "#,##0", style: "input", owner: "user" });
    expect(cellAt(amzn, "B15")).toMatchObject({ formula: '=IF(B14="","",DEAL_AMOUNT/B14)', numberFormat: "$#,##0.00" });
    expect(evaluateWorkbook([deal, amzn]).value("AMZN", 14, 1)).toBe("");
  });

  test("once shares outstanding is entered, the per-share amount is the deal amount ÷ shares", () => {
    const shares = 10_700_000_000;
    const wb = evaluateWorkbook([deal, amzn], { overrides: [{ sheet: "AMZN", row: 13, col: 1, value: shares }] });
    expect(wb.value("AMZN", 14, 1)).toBe(
      exact("deal.amount")
        .div(Fraction.of(String(shares)))
        .toNumber(),
    );
  });

  test("without the option no formula uses STOCKHISTORY", () => {
    const functions = amzn.cells.flatMap((c) => (c.formula ? functionsIn(c.formula) : []));
    expect(functions).not.toContain("STOCKHISTORY");
  });

  test("the live option adds STOCKHISTORY cells beside the snapshot and changes nothing else", () => {
    const added = live.cells.filter((c) => !amzn.cells.some((b) => b.row === c.row && b.col === c.col));
    expect(amzn.cells.every((c) => live.cells.some((l) => JSON.stringify(l) === JSON.stringify(c)))).toBe(true);
    expect(added.every((c) => c.col >= 10 && c.row >= 3 && c.row <= 5 && c.owner === "addin" && !c.figureId)).toBe(true);
    expect(cellAt(live, "K5").value).toBe("AMZN last close, live");
    expect(cellAt(live, "L5")).toMatchObject({
      formula: '=INDEX(STOCKHISTORY("AMZN",TODAY()-10,TODAY(),0,0,1),ROWS(STOCKHISTORY("AMZN",TODAY()-10,TODAY(),0,0,1)),1)',
      numberFormat: "$#,##0.00",
    });
    expect(cellAt(live, "L6")).toMatchObject({ formula: "=L5/AMZN_PRICE-1", numberFormat: "0.00%" });
    expect(cellAt(live, "B5").value).toBe(cellAt(amzn, "B5").value);
  });

  test("outside Excel the live price is #N/A and the reported snapshot still computes", () => {
    const wb = evaluateWorkbook([deal, live]);
    expect(wb.value("AMZN", 4, 11)).toEqual({ error: "#N/A" });
    expect(wb.value("AMZN", 5, 11)).toEqual({ error: "#N/A" });
    expect(wb.name("AMZN_PRICE")).toBe(price.toNumber());
  });
});
