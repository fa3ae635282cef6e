import { CATALOG, FIGURE_FIELDS } from "../../src/calc/catalog";
import { evaluate } from "../../src/calc/dispatch";
import { allFigures, findFigure } from "../../src/figures";
import { daysFrom1899, expectedField, EXPECTED_FIGURES_HEADER, expectedRow } from "./support/figures-oracle";
import { exampleArgs } from "./support/formula-args";
import { dec, frac, minus, nearestDouble, over, plus, times } from "./support/oracle";

const rounded = (f: ReturnType<typeof frac>) => nearestDouble(f) + 0;

describe("every DEAL function through evaluate", () => {
  test("STAKE: a column of amounts against a row of valuations is a sensitivity grid", () => {
    const amounts = [[10e9], [25e9], [50e9]];
    const valuations = [[500e9, (830e9).valueOf(), 1000e9]];
    const grid = evaluate("STAKE", [amounts, valuations]);
    expect(grid).toEqual(amounts.map(([a]) => valuations[0].map((v) => rounded(over(dec(a), dec(v))))));
  });

  test.each([["pre"], ["PRE"], [" Pre "]])('STAKE basis %p is "pre", case and spaces ignored', (basis) => {
    expect(evaluate("STAKE", [[[50e9]], [[830e9]], [[basis]], [[100e9]]])).toEqual([[rounded(frac(50n, 930n))]]);
  });

  test.each([[null], [0], [""], ["post"], ["POST"]])("STAKE basis %p is post-money", (basis) => {
    expect(evaluate("STAKE", [[[50e9]], [[830e9]], [[basis]]])).toEqual([[rounded(frac(50n, 830n))]]);
  });

  test('STAKE "pre" with roundsize omitted, blank (null or 0) asks for it, so it cannot disagree with the sheet\'s DEAL_STAKE_PRE', () => {
    const asked = [
      [expect.objectContaining({ kind: "#VALUE!", message: expect.stringContaining('roundsize is blank or 0, and basis "pre" needs it') })],
    ];
    expect(evaluate("STAKE", [[[50e9]], [[830e9]], [["pre"]], null])).toEqual(asked);
    expect(evaluate("STAKE", [[[50e9]], [[830e9]], [["pre"]], [[null]]])).toEqual(asked);
    expect(evaluate("STAKE", [[[50e9]], [[830e9]], [["pre"]], [[0]]])).toEqual(asked);
    expect(evaluate("STAKE", [[[50e9]], [[830e9]], [["post"]], [[0]]])).toEqual([[rounded(frac(50n, 830n))]]);
  });

  test("STAKE basis per cell: a column of bases gives a column of results", () => {
    const grid = evaluate("STAKE", [[[50e9]], [[830e9]], [["post"], ["pre"], ["mid"]], [[100e9]]]);
    expect(grid).toEqual([
      [rounded(frac(50n, 830n))],
      [rounded(frac(50n, 930n))],
      [{ kind: "#VALUE!", message: 'basis is "mid": use "post" or "pre".' }],
    ]);
  });

  test("POSTMONEY and PREMONEY on ranges with cents", () => {
    expect(evaluate("POSTMONEY", [[[0.1], [1234.56]], [[0.2]]])).toEqual([[0.3], [rounded(plus(dec(1234.56), dec(0.2)))]]);
    expect(evaluate("PREMONEY", [[[0.3, 100.01]], [[0.1]]])).toEqual([[0.2, rounded(minus(dec(100.01), dec(0.1)))]]);
  });

  test("IMPLIEDVALUATION post and pre", () => {
    expect(evaluate("IMPLIEDVALUATION", [[[50e9]], [[0.05], [0.0602]], [["post"]]])).toEqual([
      [1000e9],
      [rounded(over(dec(50e9), dec(0.0602)))],
    ]);
    expect(evaluate("IMPLIEDVALUATION", [[[50e9]], [[0.05]], [["pre"]], [[100e9]]])).toEqual([[900e9]]);
  });

  test("DILUTE, STAKEVALUE, STEPUP, MOIC, PRIORVALUE", () => {
    expect(evaluate("DILUTE", [0.1, 100e9, [[830e9, 500e9]]])).toEqual([[rounded(frac(83n, 930n)), rounded(frac(50n, 600n))]]);
    expect(evaluate("STAKEVALUE", [[[0.05], [0.0602]], 830e9])).toEqual([[41.5e9], [rounded(times(dec(0.0602), dec(830e9)))]]);
    expect(evaluate("STEPUP", [830e9, 500e9])).toEqual([[1.66]]);
    expect(evaluate("MOIC", [[[50e9]], [[125e9]]])).toEqual([[2.5]]);
    expect(evaluate("PRIORVALUE", [241.73, 1.14])).toEqual([[rounded(frac(24173n, 214n))]]);
  });

  test("CAGR over a column of years", () => {
    const [[one], [three]] = evaluate("CAGR", [100, 172.8, [[1], [3]]]) as number[][];
    expect(one).toBe(rounded(frac(728n, 1000n)));
    expect(Math.abs(three - 0.2)).toBeLessThanOrEqual(2 ** -52 * 0.25);
  });

  test("text, booleans and blanks are coerced per cell", () => {
    expect(evaluate("POSTMONEY", [[["1,000"], [true], [null], ["abc"]], [["0.5"]]])).toEqual([
      [1000.5],
      [1.5],
      [0.5],
      [{ kind: "#VALUE!", message: 'premoney is "abc", which is not a number: type the number alone, such as 35e9 for $35 billion.' }],
    ]);
  });

  test("a missing required argument counts as blank, like an empty cell", () => {
    expect(evaluate("POSTMONEY", [[[5]], null])).toEqual([[5]]);
  });
});

describe("FIGURE and FIGURES read the dataset", () => {
  const figures = allFigures();

  test.each(FIGURE_FIELDS.map((f) => [f]))("FIGURE(id, %p) for every figure", (field) => {
    const ids = figures.map((f) => [f.id]);
    expect(evaluate("FIGURE", [ids, [[field.toUpperCase()]]])).toEqual(figures.map((f) => [expectedField(f, field)]));
  });

  test('FIGURE(id, "standing") says the announced $50B is contested, the talks figure confirmed by 4 articles', () => {
    expect(evaluate("FIGURE", [[["deal.amount_announced"]], [["standing"]]])).toEqual([["contested"]]);
    expect(evaluate("FIGURE", [[["DEAL.AMOUNT"]], [["Standing"]]])).toEqual([["confirmed by 4 articles, hedged by 2"]]);
    expect(evaluate("FIGURE", [[["amazon.capex_2026"]], [["standing"]]])).toEqual([["single source"]]);
  });

  test("the field defaults to the value, and ids ignore case", () => {
    expect(evaluate("FIGURE", [[["AMZN.Price"]]])).toEqual([[241.73]]);
    expect(evaluate("FIGURE", [[["deal.expected_close"]], [[null]]])).toEqual([[daysFrom1899("2026-03-31")]]);
  });

  test("an unknown id is #N/A with the dataset's own message", () => {
    const lookup = findFigure("amzn.prices");
    expect(evaluate("FIGURE", [[["amzn.prices"]]])).toEqual([[{ kind: "#N/A", message: (lookup as { message: string }).message }]]);
  });

  test("an unknown field is #VALUE! listing the fields", () => {
    expect(evaluate("FIGURE", [[["amzn.price"]], [["price"]]])).toEqual([
      [
        {
          kind: "#VALUE!",
          message:
            'field is "price": use one of "value", "label", "unit", "qualifier", "status", "standing", "asof", "asofdate", "period", "source", "sourcetitle", "tier", "quote", "comment".',
        },
      ],
    ]);
  });

  test("a blank id is #VALUE!", () => {
    expect(evaluate("FIGURE", [[[null]]])).toEqual([[{ kind: "#VALUE!", message: "id is required." }]]);
  });

  test("FIGURES() is the header row and one row per figure", () => {
    const table = evaluate("FIGURES", []);
    expect(table[0]).toEqual(EXPECTED_FIGURES_HEADER);
    expect(table.slice(1)).toEqual(figures.map(expectedRow));
  });
});

describe("the catalog", () => {
  test("the runtime reads each function's parameters from the catalog: names in messages, text kinds", () => {
    const notNumber = (arg: string) => `${arg} is "x", which is not a number: type the number alone, such as 35e9 for $35 billion.`;
    expect(evaluate("PREMONEY", [[["x"]], [[1]]])).toEqual([[{ kind: "#VALUE!", message: notNumber("postmoney") }]]);
    expect(evaluate("PREMONEY", [[[1]], [["x"]]])).toEqual([[{ kind: "#VALUE!", message: notNumber("newmoney") }]]);
    expect(evaluate("PRIORVALUE", [[[1]], [["x"]]])).toEqual([[{ kind: "#VALUE!", message: notNumber("gain") }]]);
    expect(evaluate("TRANCHES", [[[1], ["x"]], [[2]]])).toEqual([[{ kind: "#VALUE!", message: notNumber("amounts (round 2)") }]]);
    expect(evaluate("FIGURE", [[["amzn.price"]], [["QUALIFIER"]]])).toEqual([["around"]]);
  });

  test("only basis, field and id are text parameters", () => {
    const text = CATALOG.flatMap((spec) => spec.params.filter((p) => p.kind === "text").map((p) => p.name));
    expect([...new Set(text)].sort()).toEqual(["basis", "field", "id"]);
  });

  test("optional parameters come last and say their default", () => {
    for (const spec of CATALOG) {
      const firstOptional = spec.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(spec.params.slice(firstOptional).every((p) => p.optional && p.default)).toBe(true);
    }
  });

  test("array constants in examples are read as Excel reads them", () => {
    expect(exampleArgs('=DEAL.TRANCHES({25e9;0}, {830e9,1200e9}, "post", 7)')).toEqual([[[25e9], [0]], [[830e9, 1200e9]], "post", 7]);
  });

  const numericExamples = CATALOG.flatMap((spec) =>
    spec.examples.filter((e) => typeof e.result === "number").map((e) => [e.formula, spec.name, e.result as number] as const),
  );

  test("most functions have a numeric example to check", () => {
    expect(new Set(numericExamples.map(([, name]) => name)).size).toBe(CATALOG.length - 2);
  });

  test.each(numericExamples)("%s returns the stated result (to 15 digits)", (formula, name, stated) => {
    const [[result]] = evaluate(name, exampleArgs(formula));
    expect(Number((result as number).toPrecision(15))).toBe(stated);
  });

  test("the text examples are what the function returns", () => {
    expect(evaluate("FIGURE", exampleArgs('=DEAL.FIGURE("openai.valuation_round", "qualifier")'))).toEqual([["approximately"]]);
    expect(evaluate("FIGURE", exampleArgs('=DEAL.FIGURE("deal.amount_announced", "standing")'))).toEqual([["contested"]]);
  });
});

describe("a result too large to return", () => {
  const message = (rows: number, cols: number) =>
    `The result would be ${rows.toLocaleString("en-US")} rows × ${cols.toLocaleString("en-US")} columns (${(rows * cols).toLocaleString("en-US")} cells), more than a DEAL function returns (at most 2,097,152 cells, within Excel's 1,048,576 rows × 16,384 columns): use the ranges that hold your data, such as A2:A100 rather than A:A.`;

  test("=DEAL.STAKE(A:A, 1:1), 17 billion cells, is one #VALUE! that says so", () => {
    const column = Array.from({ length: 1_048_576 }, () => [null]);
    const row = [Array.from({ length: 16_384 }, () => null)];
    expect(evaluate("STAKE", [column, row])).toEqual([[{ kind: "#VALUE!", message: message(1_048_576, 16_384) }]]);
  });

  test("one column more than 16,384 is a single #VALUE!, though only 32,770 cells", () => {
    const row = [Array.from({ length: 16_385 }, (_, i) => i + 1)];
    expect(evaluate("STAKE", [[[1], [2]], row])).toEqual([[{ kind: "#VALUE!", message: message(2, 16_385) }]]);
  });

  test("a whole column against three values is a single #VALUE!", () => {
    const column = Array.from({ length: 1_048_576 }, () => [1]);
    expect(evaluate("CAGR", [column, [[2, 3, 4]], 3])).toEqual([[{ kind: "#VALUE!", message: message(1_048_576, 3) }]]);
  });

  test("exactly the grid's width is computed", () => {
    const row = [Array.from({ length: 16_384 }, () => 10)];
    const [line] = evaluate("STAKE", [1, row]);
    expect([line.length, line[0], line[16_383]]).toEqual([16_384, 0.1, 0.1]);
  });

  test("DEAL.TRANCHES over a whole column is one #VALUE! too", () => {
    const column = Array.from({ length: 1_048_576 }, () => [1]);
    expect(evaluate("TRANCHES", [column, 830])).toEqual([
      [
        {
          kind: "#VALUE!",
          message:
            "amounts has 1,048,576 rounds, more than the 100 DEAL.TRANCHES takes: use the range of the rounds only, such as A2:A9 rather than A:A.",
        },
      ],
    ]);
  });
});

describe("evaluate never throws", () => {
  test("an unknown function name is a #VALUE! result", () => {
    expect(evaluate("NOPE", [])).toEqual([
      [{ kind: "#VALUE!", message: "DEAL.NOPE failed unexpectedly (no such function); please report it." }],
    ]);
  });

  test("arguments that are not cells still give a result", () => {
    expect(evaluate("STAKE", [Symbol("x") as unknown, [[1]]])[0][0]).toMatchObject({ kind: "#VALUE!" });
  });
});
