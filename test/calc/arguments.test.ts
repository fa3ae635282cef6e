import { BLANK, broadcast, seriesArguments, toNumber, toText, type ArgValue } from "../../src/calc/arguments";
import { dec, frac, nearestDouble, parseDecimal } from "./support/oracle";

describe("toNumber coerces a cell as Excel's arithmetic does", () => {
  test.each<[string, unknown, number]>([
    ["a blank passed as null", null, 0],
    ["a blank passed as 0", 0, 0],
    ["an omitted cell", undefined, 0],
    ["empty text", "", 0],
    ["spaces", "   ", 0],
    ["TRUE", true, 1],
    ["FALSE", false, 0],
    ["a number", 50e9, 50e9],
    ["negative zero", -0, 0],
    ["numeric text", "830000000000", 830e9],
    ["text with spaces", " 12.5 ", 12.5],
    ["text with thousands separators", "1,250.75", 1250.75],
    ["text in scientific notation", "5e10", 5e10],
    ["a percentage", "6%", nearestDouble(frac(6n, 100n))],
    ["a percentage with decimals", "6.02%", nearestDouble(parseDecimal("0.0602"))],
    ["a dollar amount", "$30", 30],
    ["a negative dollar amount", "-$2.5", -2.5],
    ["a leading point", ".5", 0.5],
    ["a decimal read from its digits", "0.1", nearestDouble(dec(0.1))],
  ])("%s", (_, cell, expected) => {
    expect(toNumber("amount", cell)).toBe(expected);
  });

  test.each<[string, unknown, string]>([
    ["words", "fifty", 'amount is "fifty", which is not a number'],
    ["NaN-like text", "NaN", 'amount is "NaN", which is not a number'],
    ["Infinity as text", "Infinity", 'amount is "Infinity", which is not a number'],
    ["misplaced separators", "1,25", 'amount is "1,25", which is not a number'],
    ["a number with a unit", "50bn", 'amount is "50bn", which is not a number'],
    ["NaN itself", NaN, "amount is NaN, which is not a number"],
    ["an object", { value: 1 }, "amount is [object Object], which is not a number"],
    ["long text, cut short", "x".repeat(60), `amount is "${"x".repeat(38)}…, which is not a number`],
  ])("%s is #VALUE! with a message that says what to type", (_, cell, message) => {
    expect(toNumber("amount", cell)).toEqual({
      kind: "#VALUE!",
      message: `${message}: type the number alone, such as 35e9 for $35 billion.`,
    });
  });

  test("text beyond the doubles is #VALUE! with a message, as Excel's arithmetic does not read it", () => {
    const message = "amount is beyond Excel's numbers (±1.8e308): check the cell it comes from.";
    expect(toNumber("amount", "1e400")).toEqual({ kind: "#VALUE!", message });
    expect(toNumber("amount", Infinity)).toEqual({ kind: "#VALUE!", message });
  });
});

describe("toText reads a text argument", () => {
  test.each<[string, unknown, ArgValue]>([
    ["null is blank", null, BLANK],
    ["0 is blank (Excel's other way of passing a blank)", 0, BLANK],
    ["empty text is blank", "", BLANK],
    ["text is trimmed", "  Pre ", "Pre"],
    ["a number becomes its text", 12, "12"],
  ])("%s", (_, cell, expected) => {
    expect(toText("basis", cell)).toBe(expected);
  });

  test("TRUE is #VALUE!", () => {
    expect(toText("basis", true)).toEqual({ kind: "#VALUE!", message: "basis is true, which is not text: type it in quotes." });
  });
});

const params = [
  { name: "a", kind: "number" as const },
  { name: "b", kind: "number" as const },
];
const addCells = (v: ArgValue[]) => `${v[0]}+${v[1]}`;

describe("broadcast shapes the result as Excel's arithmetic does", () => {
  test("two single values give one cell", () => {
    expect(broadcast(params, [5, [[7]]], addCells)).toEqual([["5+7"]]);
  });

  test("a single value applies to every element of a column", () => {
    expect(broadcast(params, [[[1], [2], [3]], [[10]]], addCells)).toEqual([["1+10"], ["2+10"], ["3+10"]]);
  });

  test("a column against a row makes a grid", () => {
    expect(broadcast(params, [[[1], [2]], [[10, 20, 30]]], addCells)).toEqual([
      ["1+10", "1+20", "1+30"],
      ["2+10", "2+20", "2+30"],
    ]);
  });

  test("two ranges of the same shape pair up element by element", () => {
    expect(
      broadcast(
        params,
        [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [10, 20],
            [30, 40],
          ],
        ],
        addCells,
      ),
    ).toEqual([
      ["1+10", "2+20"],
      ["3+30", "4+40"],
    ]);
  });

  test("cells past the end of the shorter range are #N/A naming it", () => {
    const result = broadcast(
      params,
      [
        [[1], [2], [3]],
        [[10], [20]],
      ],
      addCells,
    );
    expect(result.slice(0, 2)).toEqual([["1+10"], ["2+20"]]);
    expect(result[2][0]).toEqual({ kind: "#N/A", message: "b has fewer rows or columns than the other arguments, so this cell has no b." });
  });

  test("a 2×3 range against a 3×2 range is 3×3 with #N/A outside both", () => {
    const result = broadcast(
      params,
      [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [
          [10, 20],
          [30, 40],
          [50, 60],
        ],
      ],
      addCells,
    );
    expect(result.map((row) => row.map((c) => (typeof c === "object" ? c.kind : c)))).toEqual([
      ["1+10", "2+20", "#N/A"],
      ["4+30", "5+40", "#N/A"],
      ["#N/A", "#N/A", "#N/A"],
    ]);
  });

  test("one bad cell is an error in that cell only, and the function is not called for it", () => {
    const calls: ArgValue[][] = [];
    const result = broadcast(params, [[[1], ["x"], [3]], 2], (v) => {
      calls.push([...v]);
      return Number(v[0]) + Number(v[1]);
    });
    expect(result).toEqual([
      [3],
      [{ kind: "#VALUE!", message: 'a is "x", which is not a number: type the number alone, such as 35e9 for $35 billion.' }],
      [5],
    ]);
    expect(calls).toEqual([
      [1, 2],
      [3, 2],
    ]);
  });

  test("blanks passed as null and as 0 give the same results", () => {
    expect(broadcast(params, [[[null], [4]], [[1]]], addCells)).toEqual(broadcast(params, [[[0], [4]], [[1]]], addCells));
  });

  test("an omitted argument reaches the function as undefined, so its default applies", () => {
    expect(broadcast(params, [[[1]], null], (v) => String(v[1]))).toEqual([["undefined"]]);
    expect(broadcast(params, [[[1]], undefined], (v) => String(v[1]))).toEqual([["undefined"]]);
  });

  test("the arguments are not changed", () => {
    const a = [[1], ["2"], [null]];
    const copy = JSON.parse(JSON.stringify(a));
    broadcast(params, [a, 1], addCells);
    expect(a).toEqual(copy);
  });
});

describe("a result too large to return is one #VALUE! cell, decided from the sizes alone", () => {
  const cellsMessage = (rows: number, cols: number) =>
    `The result would be ${rows.toLocaleString("en-US")} rows × ${cols.toLocaleString("en-US")} columns (${(rows * cols).toLocaleString("en-US")} cells), more than a DEAL function returns (at most 2,097,152 cells, within Excel's 1,048,576 rows × 16,384 columns): use the ranges that hold your data, such as A2:A100 rather than A:A.`;
  const never = () => {
    throw new Error("no cell may be computed");
  };

  test("a whole column against a whole row (17,179,869,184 cells) computes no cell", () => {
    const column = Array.from({ length: 1_048_576 }, () => [1]);
    const row = [Array.from({ length: 16_384 }, () => 2)];
    expect(broadcast(params, [column, row], never)).toEqual([[{ kind: "#VALUE!", message: cellsMessage(1_048_576, 16_384) }]]);
  });

  test("one cell more than 2,097,152 is refused, exactly 2,097,152 computed", () => {
    const column = Array.from({ length: 1_048_576 }, () => [1]);
    expect(broadcast(params, [column, [[1, 2, 3]]], never)).toEqual([[{ kind: "#VALUE!", message: cellsMessage(1_048_576, 3) }]]);
    const grid = broadcast(params, [column, [[1, 2]]], () => 0);
    expect([grid.length, grid[0].length, grid[1_048_575][1]]).toEqual([1_048_576, 2, 0]);
  });

  test("a result longer than Excel's grid is refused even under the cell limit", () => {
    const column = Array.from({ length: 1_048_577 }, () => [1]);
    expect(broadcast(params, [column, 1], never)).toEqual([[{ kind: "#VALUE!", message: cellsMessage(1_048_577, 1) }]]);
  });
});

describe("seriesArguments reads a function's arguments round by round", () => {
  const series = [
    { name: "amounts", kind: "number" as const },
    { name: "valuations", kind: "number" as const },
    { name: "basis", kind: "text" as const },
  ];

  test("a column, a row and a single value: one value per round, the single one in every round", () => {
    expect(seriesArguments(series, [[[1], [2], [3]], [[10, 20, 30]], "pre"])).toEqual([
      [1, 10, "pre"],
      [2, 20, "pre"],
      [3, 30, "pre"],
    ]);
  });

  test("single values are one round; an omitted argument is undefined in every round", () => {
    expect(seriesArguments(series, [5, [[7]], undefined])).toEqual([[5, 7, undefined]]);
    expect(seriesArguments(series, [[[1], [2]], 7])).toEqual([
      [1, 7, undefined],
      [2, 7, undefined],
    ]);
  });

  test("ranges of different lengths are #N/A naming both", () => {
    expect(
      seriesArguments(series, [
        [[1], [2]],
        [[10], [20], [30]],
      ]),
    ).toEqual({
      kind: "#N/A",
      message: "valuations has 3 rounds and amounts 2: give each argument one value per round, or one value for every round.",
    });
  });

  test("a block of several rows and columns is #VALUE!", () => {
    expect(
      seriesArguments(series, [
        [
          [1, 2],
          [3, 4],
        ],
        1,
      ]),
    ).toEqual({
      kind: "#VALUE!",
      message: "amounts is 2 rows × 2 columns: give one column (a round per row) or one row (a round per column).",
    });
  });

  test("more than 100 rounds is #VALUE! before any cell is read, a whole column included", () => {
    const cells = Array.from({ length: 1_048_576 }, () => [{ notACell: true }]);
    expect(seriesArguments(series, [cells, 1])).toEqual({
      kind: "#VALUE!",
      message:
        "amounts has 1,048,576 rounds, more than the 100 DEAL.TRANCHES takes: use the range of the rounds only, such as A2:A9 rather than A:A.",
    });
    expect(Array.isArray(seriesArguments(series, [Array.from({ length: 100 }, () => [1]), 1]))).toBe(true);
    expect(seriesArguments(series, [[Array.from({ length: 101 }, () => 1)], 1])).toMatchObject({ kind: "#VALUE!" });
  });

  test("a cell that is not a number is its error, naming its round; the first in round order wins", () => {
    expect(seriesArguments(series, [[[1], ["x"], ["y"]], 1])).toEqual({
      kind: "#VALUE!",
      message: 'amounts (round 2) is "x", which is not a number: type the number alone, such as 35e9 for $35 billion.',
    });
  });
});
