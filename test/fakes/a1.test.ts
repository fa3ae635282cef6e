/**
 * A1 addresses as Excel writes them. A sheet has 1,048,576 rows and 16,384 columns, A to XFD
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * a range's address names its sheet, "Sheet1!A1:B4"
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-address-member),
 * quoted when the name has a space or looks like a cell, an apostrophe doubled.
 */
import { absolute, columnIndex, columnLetter, parseCellRef, parseRect, quoteSheet, rectAddress, splitSheetAddress } from "./a1";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s, and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });
});

describe("cell references", () => {
  it("reads relative and absolute references 0-based", () => {
    expect(parseCellRef("B3")).toEqual({ row: 2, col: 1 });
    expect(parseCellRef("$B$3")).toEqual({ row: 2, col: 1 });
    expect(parseCellRef("xfd1048576")).toEqual({ row: 1048575, col: 16383 });
  });

  it("refuses references off the sheet or malformed", () => {
    for (const ref of ["XFE1", "A1048577", "A0", "B", "3", "B3:C4", "Deal!B3"]) expect([ref, parseCellRef(ref)]).toEqual([ref, null]);
  });
});

describe("ranges", () => {
  it("reads a range in either corner order, whole columns and whole rows", () => {
    expect(parseRect("D5:B3")).toEqual({ top: 2, left: 1, bottom: 4, right: 3 });
    expect(parseRect("$B$3")).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
    expect(parseRect("C:A")).toEqual({ top: 0, left: 0, bottom: 1048575, right: 2 });
    expect(parseRect("2:4")).toEqual({ top: 1, left: 0, bottom: 3, right: 16383 });
    expect(parseRect("A1:B2:C3")).toBeNull();
    expect(parseRect("A1:")).toBeNull();
  });

  it("writes one cell as B3 and a range as B3:D5, relative or absolute", () => {
    expect(rectAddress({ top: 2, left: 1, bottom: 2, right: 1 })).toBe("B3");
    expect(rectAddress({ top: 2, left: 1, bottom: 4, right: 3 })).toBe("B3:D5");
    expect(absolute({ top: 2, left: 1, bottom: 2, right: 1 })).toBe("$B$3");
    expect(absolute({ top: 2, left: 1, bottom: 4, right: 3 })).toBe("$B$3:$D$5");
  });
});

describe("sheet names in references", () => {
  it.each([
    ["Deal", "Deal"],
    ["Deal_2.x", "Deal_2.x"],
    ["Capex 2026", "'Capex 2026'"],
    ["It's", "'It''s'"],
    ["A1", "'A1'"],
    ["2026", "'2026'"],
  ])("%s is written %s", (name, written) => {
    expect(quoteSheet(name)).toBe(written);
  });

  it("splits a sheet-qualified address, unquoting the sheet", () => {
    expect(splitSheetAddress("'It''s'!B3:C4")).toEqual({ sheet: "It's", local: "B3:C4" });
    expect(splitSheetAddress("=Deal!$B$5")).toEqual({ sheet: "Deal", local: "$B$5" });
    expect(splitSheetAddress("B3")).toEqual({ sheet: null, local: "B3" });
  });
});
