import { columnIndex, columnLetters, parseA1, quoteSheetName, rangeA1, sheetRef, toA1 } from "../../src/sheets/a1";

describe("A1 addresses", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  test("anchors put $ before the fixed parts", () => {
    expect(toA1(4, 3)).toBe("D5");
    expect(toA1(4, 3, "absolute")).toBe("$D$5");
    expect(toA1(4, 3, "row")).toBe("D$5");
    expect(toA1(4, 3, "col")).toBe("$D5");
  });

  test("a range of one cell is that cell; a rectangle spans two corners", () => {
    expect(rangeA1(2, 1, 2, 1)).toBe("B3");
    expect(rangeA1(2, 1, 6, 3, "absolute")).toBe("$B$3:$D$7");
  });

  test("parses addresses with and without $", () => {
    expect(parseA1("$D$5")).toEqual({ row: 4, col: 3, absRow: true, absCol: true });
    expect(parseA1("aa10")).toEqual({ row: 9, col: 26, absRow: false, absCol: false });
    expect(parseA1("B$7")).toEqual({ row: 6, col: 1, absRow: true, absCol: false });
  });

  test("rejects what is not a cell on the grid", () => {
    expect(() => parseA1("D")).toThrow('"D" is not an A1 cell address.');
    expect(() => parseA1("XFE1")).toThrow("outside Excel's columns");
    expect(() => toA1(-1, 0)).toThrow("Row index -1 is outside Excel's rows");
    expect(() => toA1(0, 1.5)).toThrow("Column index 1.5 is outside Excel's columns");
    expect(() => columnIndex("A1")).toThrow('"A1" is not a column name.');
  });

  test.each([
    ["Deal", "Deal"],
    ["AMZN", "AMZN"],
    ["Capex 2026", "'Capex 2026'"],
    ["Deal (2)", "'Deal (2)'"],
    ["O'Brien", "'O''Brien'"],
    ["A1", "'A1'"],
    ["XFD2", "'XFD2'"],
    ["R1C1", "'R1C1'"],
    ["2026", "'2026'"],
    ["TRUE", "'TRUE'"],
  ])("sheet %s is written %s in a formula", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  test("sheet-qualified references are absolute unless asked otherwise", () => {
    expect(sheetRef("Capex 2026", 4, 1)).toBe("'Capex 2026'!$B$5");
    expect(sheetRef("Deal", 4, 3, "relative")).toBe("Deal!D5");
    expect(() => quoteSheetName("")).toThrow("A sheet name cannot be empty.");
  });
});
