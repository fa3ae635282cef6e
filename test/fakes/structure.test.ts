/**
 * The fake's model of how Excel moves references, checked against what Excel does (worked out by
 * hand from Excel's behaviour, one case a row).
 */
import { adjustForMove, adjustFormula, shiftRelative, shiftSpan } from "./structure";

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
    ["=IF(C5=\"\",B5,C5)", "Deal", cols("Deal", 2, 1), "=IF(D5=\"\",B5,D5)"],
    ["=\"B5 stays text\"&B5", "Deal", rows("Deal", 0, 1), "=\"B5 stays text\"&B6"],
    ["=DEAL_AMOUNT/LOG10(B5)", "Deal", rows("Deal", 0, 1), "=DEAL_AMOUNT/LOG10(B6)"],
  ])("%s on %s", (formula, host, edit, expected) => {
    expect(adjustFormula(formula, host, edit)).toBe(expected);
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
    expect(shiftRelative("=IF(C5=\"\",B5,$C$5)", 2, 1)).toBe("=IF(D7=\"\",C7,$C$5)");
    expect(shiftRelative("=A1", -1, 0)).toBe("=#REF!");
  });

  test("a cut follows the cells, on the same sheet and to another", () => {
    const move = { from: "Deal", rect: { top: 0, left: 0, bottom: 9, right: 3 }, to: "Deal", row: 2, col: 2 };
    expect(adjustForMove("=B5", "Deal", move)).toBe("=D7");
    expect(adjustForMove("=Deal!$B$5", "Other", move)).toBe("=Deal!$D$7");
    expect(adjustForMove("=F5", "Deal", move)).toBe("=F5");
    const away = { ...move, to: "Sheet1" };
    expect(adjustForMove("=B5", "Deal", away)).toBe("=Sheet1!D7");
    expect(adjustForMove("=B5", "Deal", away, "Sheet1")).toBe("=D7");
  });
});
