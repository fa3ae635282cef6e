import { BLANK, broadcast, toNumber, toText, type ArgValue } from "../../src/calc/arguments";
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
    ["words", "fifty", 'amount is "fifty", which is not a number.'],
    ["NaN-like text", "NaN", 'amount is "NaN", which is not a number.'],
    ["Infinity as text", "Infinity", 'amount is "Infinity", which is not a number.'],
    ["misplaced separators", "1,25", 'amount is "1,25", which is not a number.'],
    ["a number with a unit", "50bn", 'amount is "50bn", which is not a number.'],
    ["NaN itself", NaN, "amount is NaN, which is not a number."],
    ["an object", { value: 1 }, "amount is [object Object], which is not a number."],
    ["long text, cut short", "x".repeat(60), `amount is "${"x".repeat(38)}…, which is not a number.`],
  ])("%s is #VALUE! with a message", (_, cell, message) => {
    expect(toNumber("amount", cell)).toEqual({ kind: "#VALUE!", message });
  });

  test("text beyond the doubles is #NUM!", () => {
    expect(toNumber("amount", "1e400")).toEqual({ kind: "#NUM!", message: "amount is too large for Excel (beyond ±1.8e308)." });
    expect(toNumber("amount", Infinity)).toMatchObject({ kind: "#NUM!" });
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
    expect(toText("basis", true)).toEqual({ kind: "#VALUE!", message: "basis is true, which is not text." });
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
    expect(result).toEqual([[3], [{ kind: "#VALUE!", message: 'a is "x", which is not a number.' }], [5]]);
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
