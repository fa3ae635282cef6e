/**
 * The fake's model of how Excel moves references, checked against what Excel does (worked out by
 * hand from Excel's behaviour, one case a row).
 */
import { adjustForMove, adjustFormula, shiftRelative, shiftSpan, type LineEdit } from "./structure";

const rows = (sheet: string, at: number, count: number) => ({ kind: "rows" as const, sheet, at, count });
const cols = (sheet: string, at: number, count: number) => ({ kind: "cols" as const, sheet, at, count });

describe("references after rows or columns are inserted or deleted", () => {
  test.each([
    ["=B5", "Deal", rows("Deal", 4, 1), "=B6"],
    ["=B5", "Deal", rows("Deal", 5, 1), "=B5"],
    ["=$B$5*2", "Deal", rows("Deal", 0, 2), "=$B$7*2"],
    ["=SUM(B2:B9)", "Deal", rows("Deal", 4, 1), "=SUM(B2:B10)"],
    ["=SUM(B2:B9)", "Deal", rows("Deal", 3, -2), "=SUM(B2:B7)"],
    ["=B5", "Deal", rows("Deal", 4, -1), "=#REF!"],
    ["=Deal!$B$5", "DealDesk Record", rows("Deal", 0, -1), "=Deal!$B$4"],
    ["=Deal!$B$5", "DealDesk Record", rows("Deal", 4, -1), "=Deal!#REF!"],
    ["=Deal!$B$5", "DealDesk Record", rows("Other", 0, 3), "=Deal!$B$5"],
    ['=IF(C5="",B5,C5)', "Deal", cols("Deal", 2, 1), '=IF(D5="",B5,D5)'],
    ['="B5 stays text"&B5', "Deal", rows("Deal", 0, 1), '="B5 stays text"&B6'],
    ["=DEAL_AMOUNT/LOG10(B5)", "Deal", rows("Deal", 0, 1), "=DEAL_AMOUNT/LOG10(B6)"],
  ])("%s on %s", (formula, host, edit, expected) => {
    expect(adjustFormula(formula, host, edit)).toBe(expected);
  });

  const band = (edit: LineEdit, within: [number, number]): LineEdit => ({ ...edit, within });
  test.each([
    ["=B5", band(rows("Deal", 2, 2), [1, 2]), "=B7"],
    ["=D5", band(rows("Deal", 2, 2), [1, 2]), "=D5"],
    ["=SUM(B5:C6)", band(rows("Deal", 2, 2), [1, 2]), "=SUM(B7:C8)"],
    ["=SUM(B5:D5)", band(rows("Deal", 2, 2), [1, 2]), "=SUM(B5:D5)"],
    ["=SUM(C2:C9)", band(rows("Deal", 4, 1), [2, 2]), "=SUM(C2:C10)"],
    ["=B5+B6", band(cols("Deal", 0, 2), [4, 4]), "=D5+B6"],
    ["=B5+C5", band(rows("Deal", 4, -1), [1, 1]), "=#REF!+C5"],
  ])("%s with cells shifted in a band (%o)", (formula, edit, expected) => {
    expect(adjustFormula(formula, "Deal", edit)).toBe(expected);
  });

  test("a sheet renamed or deleted", () => {
    expect(adjustFormula("='Capex 2026'!$B$5+B1", "Deal", { kind: "rename", from: "Capex 2026", to: "Capex" })).toBe("=Capex!$B$5+B1");
    expect(adjustFormula("=Deal!$B$5", "X", { kind: "rename", from: "Deal", to: "My deal" })).toBe("='My deal'!$B$5");
    expect(adjustFormula("=Deal!$B$5+1", "X", { kind: "delete-sheet", sheet: "Deal" })).toBe("=#REF!+1");
  });

  test("spans grow around inserted lines and shrink for deleted ones", () => {
    expect(shiftSpan(3, 8, 5, 2)).toEqual([3, 10]);
    expect(shiftSpan(3, 8, 2, 2)).toEqual([5, 10]);
    expect(shiftSpan(3, 8, 5, -2)).toEqual([3, 6]);
    expect(shiftSpan(3, 8, 3, -6)).toBeNull();
    expect(shiftSpan(3, 8, 2, -2)).toEqual([2, 6]);
  });
});

describe("references after cells are copied or cut and pasted", () => {
  test("a copy moves relative parts only", () => {
    expect(shiftRelative('=IF(C5="",B5,$C$5)', 2, 1)).toBe('=IF(D7="",C7,$C$5)');
    expect(shiftRelative("=A1", -1, 0)).toBe("=#REF!");
  });

  test("a cut follows the cells, on the same sheet and to another", () => {
    const move = { from: "Deal", rect: { top: 0, left: 0, bottom: 9, right: 3 }, to: "Deal", row: 2, col: 2 };
    expect(adjustForMove("=B5", "Deal", move)).toBe("=D7");
    expect(adjustForMove("=Deal!$B$5", "Other", move)).toBe("=Deal!$D$7");
    expect(adjustForMove("=H5", "Deal", move)).toBe("=H5");
    expect(adjustForMove("=F5", "Deal", move)).toBe("=#REF!"); // pasted over (C3:F12 less the cut A1:D10)
    const away = { ...move, to: "Sheet1" };
    expect(adjustForMove("=B5", "Deal", away)).toBe("=Sheet1!D7");
    expect(adjustForMove("=B5", "Deal", away, "Sheet1")).toBe("=D7");
  });

  test("a range follows only when it was cut whole; a formula cut to another sheet keeps pointing at its old one", () => {
    const move = { from: "Deal", rect: { top: 0, left: 0, bottom: 9, right: 3 }, to: "Deal", row: 2, col: 2 };
    expect(adjustForMove("=SUM(B5:C6)", "Deal", move)).toBe("=SUM(D7:E8)");
    expect(adjustForMove("=SUM(B5:F5)", "Deal", move)).toBe("=SUM(B5:F5)");
    expect(adjustForMove("=SUM(F5:B5)", "Deal", move)).toBe("=SUM(F5:B5)");
    const away = { ...move, to: "Sheet1" };
    expect(adjustForMove("=Z1+B5", "Deal", away, "Sheet1")).toBe("=Deal!Z1+D7");
    expect(adjustForMove("=Z1+B5", "My deal", { ...away, from: "My deal" }, "Sheet1")).toBe("='My deal'!Z1+D7");
  });

  test("a reference to a pasted-over cell becomes #REF!, on any sheet", () => {
    // B5:C5 cut and pasted at E10: E10 and F10 are pasted over.
    const move = { from: "Deal", rect: { top: 4, left: 1, bottom: 4, right: 2 }, to: "Deal", row: 9, col: 4 };
    expect(adjustForMove("=E10*2", "Deal", move)).toBe("=#REF!*2");
    expect(adjustForMove("=$F$10+E11", "Deal", move)).toBe("=#REF!+E11");
    expect(adjustForMove("=Deal!$E$10", "Summary", move)).toBe("=Deal!#REF!");
    expect(adjustForMove("=E10", "Summary", move)).toBe("=E10");
    expect(adjustForMove("=SUM(E10:F10)+SUM(F10:E10)", "Deal", move)).toBe("=SUM(#REF!)+SUM(#REF!)");
    // Only in part: the range stays.
    expect(adjustForMove("=SUM(E9:E10)", "Deal", move)).toBe("=SUM(E9:E10)");
    expect(adjustForMove('="E10"&E10', "Deal", move)).toBe('="E10"&#REF!');
    // A cut cell's own reference to a cell it lands on.
    expect(adjustForMove("=E10+C5", "Deal", move)).toBe("=#REF!+F10");
    // Pasted onto another sheet: the cells there are pasted over, those of the same address on the cut sheet are not.
    const away = { ...move, to: "Summary" };
    expect(adjustForMove("=E10", "Summary", away)).toBe("=#REF!");
    expect(adjustForMove("=Summary!F10+E10", "Deal", away)).toBe("=Summary!#REF!+E10");
  });

  test("where the cut and the paste overlap, references to cut cells follow them and only the rest of the destination is #REF!", () => {
    // A1:P70 cut and pasted at A2: A2:P70 move down a row, A71:P71 are pasted over, A1 is left empty.
    const move = { from: "Deal", rect: { top: 0, left: 0, bottom: 69, right: 15 }, to: "Deal", row: 1, col: 0 };
    expect(adjustForMove("=A1+B5+P70", "Deal", move)).toBe("=A2+B6+P71");
    expect(adjustForMove("=A71+$P$71+Q71+A72", "Deal", move)).toBe("=#REF!+#REF!+Q71+A72");
    expect(adjustForMove("=SUM(A71:P71)", "Summary", { ...move, from: "Summary", to: "Summary" })).toBe("=SUM(#REF!)");
    expect(adjustForMove("=SUM(A60:A71)", "Deal", move)).toBe("=SUM(A60:A71)");
    expect(adjustForMove("=Deal!A71", "Summary", move)).toBe("=Deal!#REF!");
  });
});
