import { parseA1 } from "../../src/sheets/a1";
import { displayText, evaluateWorkbook, isFormulaError, type Override } from "../../src/sheets/evaluate";
import { functionsIn, namesIn, parseFormula } from "../../src/sheets/formula";
import type { CellSpec, SheetSpec } from "../../src/sheets/spec";
import { Fraction } from "./oracle";

/** A sheet from { A1: value or "=formula" } and { NAME: "A1" }. */
function sheet(
  sheetName: string,
  content: Record<string, string | number | boolean | null>,
  names: Record<string, string> = {},
): SheetSpec {
  const cells: CellSpec[] = Object.entries(content).map(([address, v]) => {
    const { row, col } = parseA1(address);
    return typeof v === "string" && v.startsWith("=") ? { row, col, formula: v, owner: "addin" } : { row, col, value: v, owner: "addin" };
  });
  return {
    block: "deal",
    sheetName,
    origin: { row: 0, col: 0 },
    cells,
    names: Object.entries(names).map(([name, address]) => ({ name, ...parseA1(address), comment: name })),
    tables: [],
    charts: [],
    columnWidths: [],
    requires: [],
  };
}

/** The value of a formula typed in A1 of a sheet that holds `content`. */
function compute(formula: string, content: Record<string, string | number | boolean | null> = {}, overrides: Override[] = []) {
  return evaluateWorkbook([sheet("S", { ...content, Z99: formula })], { overrides }).value("S", 98, 25);
}

const err = (code: string) => ({ error: code });

describe("formula evaluator: arithmetic", () => {
  test.each([
    ["=1+2", 3],
    ["=7-10", -3],
    ["=6*7", 42],
    ["=1/4", 0.25],
    ["=2^10", 1024],
    ["=2+3*4", 14],
    ["=(2+3)*4", 20],
    ["=10-4-3", 3],
    ["=2^3^2", 64],
    ["=-2^2", 4],
    ["=--3", 3],
    ["=+5", 5],
    ["=50%", 0.5],
    ["=-5%*2", -0.1],
    ["=1.5e3+.5", 1500.5],
    ["=8^(1/3)", 2],
  ])("%s is %p", (formula, expected) => {
    expect(compute(formula)).toBe(expected);
  });

  test("division is the double nearest the exact quotient", () => {
    expect(compute("=50000000000/830000000000")).toBe(Fraction.of("50000000000").div(Fraction.of("830000000000")).toNumber());
  });

  test("blank cells are 0 in arithmetic; numeric text is a number; TRUE is 1", () => {
    expect(compute("=A1+5", { A1: null })).toBe(5);
    expect(compute("=A1*B1", { B1: 3 })).toBe(0);
    expect(compute('="2"+1')).toBe(3);
    expect(compute('="5%"*2')).toBe(0.1);
    expect(compute("=TRUE+TRUE")).toBe(2);
  });

  test("text that is not a number, or empty text, is #VALUE!", () => {
    expect(compute('="abc"+1')).toEqual(err("#VALUE!"));
    expect(compute('=""*2')).toEqual(err("#VALUE!"));
    expect(compute("=-A1", { A1: "x" })).toEqual(err("#VALUE!"));
  });

  test("division by zero or by a blank is #DIV/0!", () => {
    expect(compute("=1/0")).toEqual(err("#DIV/0!"));
    expect(compute("=1/A1")).toEqual(err("#DIV/0!"));
    expect(compute("=0^-1")).toEqual(err("#DIV/0!"));
  });

  test("powers with no real result, 0^0 and overflow are #NUM!", () => {
    expect(compute("=(-8)^(1/3)")).toEqual(err("#NUM!"));
    expect(compute("=0^0")).toEqual(err("#NUM!"));
    expect(compute("=10^400")).toEqual(err("#NUM!"));
    expect(compute("=1e308*10")).toEqual(err("#NUM!"));
  });

  test("a negative zero shows as 0", () => {
    expect(Object.is(compute("=-0"), 0)).toBe(true);
    expect(Object.is(compute("=0*-1"), 0)).toBe(true);
  });
});

describe("formula evaluator: text and comparisons", () => {
  test.each([
    ['="a"&"b"', "ab"],
    ['="x"&1.5', "x1.5"],
    ['=1/3&""', "0.333333333333333"],
    ['="v"&TRUE', "vTRUE"],
    ['="["&A1&"]"', "[]"],
    ['="say ""hi"""', 'say "hi"'],
  ])("%s is %p", (formula, expected) => {
    expect(compute(formula)).toBe(expected);
  });

  test.each([
    ["=1<2", true],
    ["=2<=2", true],
    ["=3>=4", false],
    ["=1<>1", false],
    ['="abc"="ABC"', true],
    ['="a"<"b"', true],
    ['=5<"a"', true],
    ['="z"<TRUE', true],
    ["=FALSE<TRUE", true],
    ['=A1=""', true],
    ["=A1=0", true],
    ["=A1=FALSE", true],
    ['=B1=""', false],
    ["=1+1=2", true],
    ['="a"&"b"="ab"', true],
  ])("%s is %p (A1 blank, B1 = 0)", (formula, expected) => {
    expect(compute(formula, { B1: 0 })).toBe(expected);
  });
});

describe("formula evaluator: functions", () => {
  test("IF picks a branch and computes only that one", () => {
    expect(compute('=IF(A1="","empty",1/0)')).toBe("empty");
    expect(compute("=IF(1,2,3)")).toBe(2);
    expect(compute("=IF(0,2)")).toBe(false);
    expect(compute('=IF("TRUE",1,2)')).toBe(1);
    expect(compute('=IF("yes",1,2)')).toEqual(err("#VALUE!"));
    expect(compute("=IF(NA(),1,2)")).toEqual(err("#N/A"));
    expect(compute("=IF(TRUE,A1)")).toBe(0);
  });

  test("IFERROR replaces any error and keeps any other value", () => {
    expect(compute('=IFERROR(1/0,"none")')).toBe("none");
    expect(compute("=IFERROR(NA(),7)")).toBe(7);
    expect(compute("=IFERROR(5,7)")).toBe(5);
  });

  test("ISBLANK is TRUE only for an empty cell, not for empty text or 0", () => {
    expect(compute("=ISBLANK(A1)")).toBe(true);
    expect(compute("=ISBLANK(B1)", { B1: "" })).toBe(false);
    expect(compute("=ISBLANK(B1)", { B1: 0 })).toBe(false);
    expect(compute("=ISBLANK(B1)", { B1: "=A1" })).toBe(false);
    expect(compute("=ISBLANK(NA())")).toBe(false);
  });

  test("ISNUMBER is TRUE for a number only: not for numeric text, a blank, a boolean or an error", () => {
    expect(compute("=ISNUMBER(B1)", { B1: 35e9 })).toBe(true);
    expect(compute("=ISNUMBER(B1)", { B1: "35" })).toBe(false);
    expect(compute("=ISNUMBER(B1)", { B1: "$35bn" })).toBe(false);
    expect(compute("=ISNUMBER(A1)")).toBe(false);
    expect(compute("=ISNUMBER(TRUE)")).toBe(false);
    expect(compute("=ISNUMBER(1/0)")).toBe(false);
  });

  test("AND, OR and NOT: blanks skipped, all blank or text is #VALUE!, errors propagate", () => {
    expect(compute("=AND(1>0,2>1)")).toBe(true);
    expect(compute("=AND(1>0,A1,2<1)")).toBe(false);
    expect(compute("=OR(1<0,A1,2>1)")).toBe(true);
    expect(compute("=OR(A1)")).toEqual(err("#VALUE!"));
    expect(compute('=AND("x",TRUE)')).toEqual(err("#VALUE!"));
    expect(compute("=OR(TRUE,NA())")).toEqual(err("#N/A"));
    expect(compute("=NOT(1>2)")).toBe(true);
    expect(compute("=NOT(5)")).toBe(false);
    expect(compute("=NOT(NA())")).toEqual(err("#N/A"));
  });

  test("ROUND rounds half away from zero on the number as Excel shows it", () => {
    expect(compute("=ROUND(913000000000.0001,0)")).toBe(913000000000);
    expect(compute("=ROUND(2.5,0)")).toBe(3);
    expect(compute("=ROUND(-2.5,0)")).toBe(-3);
    // The double of 2.675 is a little under it; Excel's ROUND still gives 2.68.
    expect(compute("=ROUND(2.675,2)")).toBe(2.68);
    expect(compute("=ROUND(1234.5,-2)")).toBe(1200);
    expect(compute("=ROUND(1.5e20,0)")).toBe(1.5e20);
    expect(compute('=ROUND("x",0)')).toEqual(err("#VALUE!"));
  });

  test("INDEX and ROWS on a single value, and STOCKHISTORY's missing live data", () => {
    expect(compute("=INDEX(7,1,1)")).toBe(7);
    expect(compute("=INDEX(7,ROWS(7))")).toBe(7);
    expect(compute("=INDEX(7,2)")).toEqual(err("#REF!"));
    expect(compute('=INDEX(STOCKHISTORY("AMZN",TODAY()-10,TODAY(),0,0,1),1)')).toEqual(err("#N/A"));
    expect(compute('=ROWS(STOCKHISTORY("AMZN",1))')).toEqual(err("#N/A"));
  });

  test("errors propagate through operators, left operand first", () => {
    expect(compute("=NA()+1")).toEqual(err("#N/A"));
    expect(compute("=1/0+NA()")).toEqual(err("#DIV/0!"));
    expect(compute('=NA()&"x"')).toEqual(err("#N/A"));
    expect(compute("=NA()=1")).toEqual(err("#N/A"));
    expect(compute("=-NA()")).toEqual(err("#N/A"));
    expect(compute("=NA()%")).toEqual(err("#N/A"));
    expect(compute("=A1*2", { A1: "=1/0" })).toEqual(err("#DIV/0!"));
    expect(compute("=#REF!+1")).toEqual(err("#REF!"));
  });
});

describe("formula evaluator: references, names and overrides", () => {
  const deal = sheet("Deal", { B5: 50e9, C5: null, D5: '=IF(C5="",B5,C5)', B6: 830e9, D6: "=B6" }, { DEAL_AMOUNT: "D5", VALUATION: "D6" });
  const capex = sheet("Capex 2026", { B5: 125e9, B6: "=DEAL_AMOUNT/$B$5", B7: "=Deal!$D$5/'Capex 2026'!B5", B8: "=deal!d5" });

  test("names and sheet-qualified references read other sheets, ignoring case", () => {
    const wb = evaluateWorkbook([deal, capex]);
    const share = Fraction.of("50000000000").div(Fraction.of("125000000000")).toNumber();
    expect(wb.value("Capex 2026", 5, 1)).toBe(share);
    expect(wb.value("Capex 2026", 6, 1)).toBe(share);
    expect(wb.value("Capex 2026", 7, 1)).toBe(50e9);
    expect(wb.name("deal_amount")).toBe(50e9);
  });

  test("an override is used as if the user had typed it, and flows into every formula", () => {
    const wb = evaluateWorkbook([deal, capex], { overrides: [{ sheet: "Deal", row: 4, col: 2, value: 40e9 }] });
    expect(wb.name("DEAL_AMOUNT")).toBe(40e9);
    expect(wb.value("Capex 2026", 5, 1)).toBe(Fraction.of("40000000000").div(Fraction.of("125000000000")).toNumber());
  });

  test("an override by name replaces the named cell's formula", () => {
    const wb = evaluateWorkbook([deal, capex], { overrides: [{ name: "DEAL_AMOUNT", value: "n/a" }] });
    expect(wb.value("Capex 2026", 5, 1)).toEqual(err("#VALUE!"));
  });

  test("a blank override makes a formula cell blank", () => {
    const wb = evaluateWorkbook([deal], { overrides: [{ sheet: "Deal", row: 5, col: 3, value: null }] });
    expect(wb.value("Deal", 5, 3)).toBeNull();
  });

  test("a formula that returns a blank cell shows 0; an empty cell is null", () => {
    const wb = evaluateWorkbook([sheet("S", { A1: "=B1" })]);
    expect(wb.value("S", 0, 0)).toBe(0);
    expect(wb.value("S", 0, 1)).toBeNull();
  });

  test("a missing name is #NAME? and a missing sheet is #REF!", () => {
    const wb = evaluateWorkbook([capex]);
    expect(wb.value("Capex 2026", 5, 1)).toEqual(err("#NAME?"));
    expect(wb.value("Capex 2026", 6, 1)).toEqual(err("#REF!"));
    expect(wb.name("NOPE")).toEqual(err("#NAME?"));
  });

  test("evaluate computes a formula of the user's in the context of a sheet", () => {
    const wb = evaluateWorkbook([deal]);
    expect(wb.evaluate("=DEAL_AMOUNT/VALUATION", "Deal")).toBe(Fraction.of("50").div(Fraction.of("830")).toNumber());
    expect(wb.evaluate("=Z1", "Deal")).toBe(0);
  });

  test("overrides of unknown names or sheets, duplicate sheets and duplicate names are refused", () => {
    expect(() => evaluateWorkbook([deal], { overrides: [{ name: "NOPE", value: 1 }] })).toThrow("Cannot override NOPE");
    expect(() => evaluateWorkbook([deal], { overrides: [{ sheet: "Other", row: 0, col: 0, value: 1 }] })).toThrow(
      'Cannot override a cell on "Other"',
    );
    expect(() => evaluateWorkbook([deal, deal])).toThrow('Two blocks use the sheet name "Deal".');
    expect(() => evaluateWorkbook([deal, sheet("T", {}, { deal_amount: "A1" })])).toThrow("The name deal_amount is defined twice.");
  });

  test("a circular reference is a builder bug and throws, naming the cell", () => {
    const wb = evaluateWorkbook([sheet("Loop", { A1: "=B1+1", B1: "=A1" })]);
    expect(() => wb.value("Loop", 0, 0)).toThrow("Circular reference through Loop!");
  });
});

describe("formula parser", () => {
  test.each([
    ["=SUM(A1:A3)", "ranges (A1:B2) are not supported"],
    ["=1+", "it ends too early"],
    ["=(1+2", 'expected ")"'],
    ["=1 2", "it has extra text after the expression"],
    ['="open', "a string is not closed"],
    ["=#BAD", "unknown error literal"],
    ["=Deal!", "is not followed by a cell address"],
    ["=1;2", 'unexpected ";"'],
    ["1+2", 'a formula starts with "="'],
  ])("%s is refused: %s", (formula, why) => {
    expect(() => parseFormula(formula)).toThrow(`Formula ${formula} is outside the supported subset: `);
    expect(() => parseFormula(formula)).toThrow(why);
  });

  test("a function the evaluator does not compute throws, naming the formula", () => {
    expect(() => compute("=XLOOKUP(1,2,3)")).toThrow("Formula =XLOOKUP(1,2,3) calls XLOOKUP, which the evaluator does not compute.");
    expect(() => compute("=IF(1)")).toThrow("Formula =IF(1): IF takes 2 to 3 arguments, not 1.");
    expect(() => compute("=NA(1)")).toThrow("NA takes 0 arguments, not 1.");
  });

  test("lists the functions and names a formula uses", () => {
    expect(functionsIn('=IF(ISBLANK(A1),NA(),IFERROR(DEAL_AMOUNT/B2,""))')).toEqual(["IF", "ISBLANK", "NA", "IFERROR"]);
    expect(namesIn("=DEAL_AMOUNT/(OPENAI_VALUATION_ROUND+DEAL_ROUND_SIZE)-DEAL_AMOUNT")).toEqual([
      "DEAL_AMOUNT",
      "OPENAI_VALUATION_ROUND",
      "DEAL_ROUND_SIZE",
    ]);
  });

  test("reads quoted sheet names with doubled apostrophes", () => {
    expect(parseFormula("='O''Brien''s'!$C$3")).toEqual({ kind: "ref", sheet: "O'Brien's", row: 2, col: 2 });
  });
});

describe("display text", () => {
  test("shows values as their cells do", () => {
    expect(displayText(0.0602409, "0.00%")).toBe("6.02%");
    expect(displayText({ error: "#DIV/0!" }, "0.00%")).toBe("#DIV/0!");
    expect(displayText(null)).toBe("");
    expect(displayText(true)).toBe("TRUE");
    expect(displayText("=not a formula")).toBe("=not a formula");
    expect(isFormulaError({ error: "#N/A" })).toBe(true);
    expect(isFormulaError("#N/A")).toBe(false);
  });
});
