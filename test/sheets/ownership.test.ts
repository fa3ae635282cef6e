/**
 * The ownership record and update planning, in Node without Excel: what may be written where.
 */
import type { CellSpec, SheetSpec } from "../../src/sheets";
import {
  EMPTY_RECORD,
  acceptConflicts,
  blockOfMarker,
  columnWidthPoints,
  countCells,
  creationWrites,
  excelInput,
  groupRectangles,
  layoutWrites,
  markerName,
  planBlockUpdate,
  readRecord,
  recordOf,
  sameWritten,
  specExtent,
  uniqueSheetName,
  uniqueTableName,
  withBlock,
  withNotesChanged,
  writtenFromExcel,
  type OwnedBlock,
  type Written,
} from "../../src/sheets/ownership";

function spec(cells: CellSpec[], origin = { row: 0, col: 0 }): SheetSpec {
  return { block: "deal", sheetName: "Deal", origin, cells, names: [], tables: [], charts: [], columnWidths: [10, 10, 10], requires: [] };
}

describe("sheet and table names", () => {
  it("keeps a free sheet name and numbers a taken one, ignoring case as Excel does", () => {
    expect(uniqueSheetName("Deal", ["Sheet1"])).toBe("Deal");
    expect(uniqueSheetName("Deal", ["deal"])).toBe("Deal (2)");
    expect(uniqueSheetName("Deal", ["Deal", "DEAL (2)"])).toBe("Deal (3)");
  });

  it("shortens a long sheet name so the numbered name fits Excel's 31 characters", () => {
    const long = "x".repeat(31);
    expect(uniqueSheetName(long, [long])).toBe(`${"x".repeat(27)} (2)`);
  });

  it("numbers a table name taken by a table or a defined name", () => {
    expect(uniqueTableName("DealFigures", ["Other"])).toBe("DealFigures");
    expect(uniqueTableName("DealFigures", ["DEALFIGURES", "DealFigures_2"])).toBe("DealFigures_3");
  });

  it("marks each block with a name and reads the block back from it", () => {
    expect(markerName("capex")).toBe("DEALDESK_BLOCK_CAPEX");
    expect(blockOfMarker("dealdesk_block_capex")).toBe("capex");
    expect(blockOfMarker("DEALDESK_BLOCK_OTHER")).toBeNull();
    expect(blockOfMarker("DEAL_AMOUNT")).toBeNull();
  });
});

describe("cell content", () => {
  it("writes text with a leading apostrophe so Excel keeps it as text", () => {
    expect(excelInput("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(excelInput("USD")).toBe("'USD");
    expect(excelInput({ formula: "=A1*2" })).toBe("=A1*2");
    expect(excelInput(12.5)).toBe(12.5);
    expect(excelInput(false)).toBe(false);
    expect(excelInput(null)).toBe("");
  });

  it("reads a formula when formulas and values differ, text when they agree, empty as null", () => {
    expect(writtenFromExcel("=A1*2", 4)).toEqual({ formula: "=A1*2" });
    expect(writtenFromExcel("=not a formula", "=not a formula")).toBe("=not a formula");
    expect(writtenFromExcel(7, 7)).toBe(7);
    expect(writtenFromExcel("", "")).toBeNull();
    expect(writtenFromExcel("=1/0", "#DIV/0!")).toEqual({ formula: "=1/0" });
  });

  it("compares formulas by text and constants by value", () => {
    expect(sameWritten({ formula: "=A1" }, { formula: "=A1" })).toBe(true);
    expect(sameWritten({ formula: "=A1" }, "=A1")).toBe(false);
    expect(sameWritten(1, 1)).toBe(true);
    expect(sameWritten(null, "")).toBe(false);
  });

  it("converts column widths in characters to points (7 px per character, 5 px padding, 0.75 pt per px)", () => {
    expect(columnWidthPoints(10)).toBe(56.25);
    expect(columnWidthPoints(52)).toBe(276.75);
  });
});

describe("rectangles", () => {
  it("groups cells into bands of rows at most two empty rows apart", () => {
    const points = [
      { row: 0, col: 0 },
      { row: 1, col: 3 },
      { row: 4, col: 1 },
      { row: 8, col: 2 },
      { row: 8, col: 5 },
    ];
    expect(groupRectangles(points)).toEqual([
      { top: 0, bottom: 4, left: 0, right: 3 },
      { top: 8, bottom: 8, left: 2, right: 5 },
    ]);
  });

  it("fills the cells a rectangle does not write with null, which Excel leaves unchanged", () => {
    const rects = layoutWrites([
      { row: 0, col: 0, content: "Figure" },
      { row: 1, col: 1, content: 5, numberFormat: "0.00%" },
    ]);
    expect(rects).toEqual([
      {
        top: 0,
        left: 0,
        bottom: 1,
        right: 1,
        address: "A1:B2",
        formulas: [["'Figure", null], [null, 5]],
        numberFormat: [[null, null], [null, "0.00%"]],
      },
    ]);
  });

  it("leaves out an array that would hold only nulls", () => {
    const [rect] = layoutWrites([{ row: 2, col: 2, numberFormat: "#,##0" }]);
    expect(rect.formulas).toBeNull();
    expect(rect.numberFormat).toEqual([["#,##0"]]);
  });

  it("counts each cell once however many of its properties are written", () => {
    expect(countCells([{ row: 0, col: 0, content: 1 }, { row: 0, col: 0, numberFormat: "0" }, { row: 1, col: 0, content: null }])).toBe(2);
  });
});

describe("creation", () => {
  const cells: CellSpec[] = [
    { row: 2, col: 1, value: "Figure", owner: "addin" },
    { row: 3, col: 1, value: 50, owner: "addin", numberFormat: "0.0", figureId: "deal.amount", note: "the source" },
    { row: 3, col: 2, value: null, owner: "user", numberFormat: "0.0" },
    { row: 3, col: 3, formula: "=IF(D4=\"\",C4,D4)", owner: "addin" },
    { row: 5, col: 1, value: 10, owner: "user" },
  ];
  const s = spec(cells, { row: 2, col: 1 });

  it("writes every cell with content or a format, user cells included", () => {
    expect(creationWrites(s)).toEqual([
      { row: 2, col: 1, content: "Figure" },
      { row: 3, col: 1, content: 50, numberFormat: "0.0" },
      { row: 3, col: 2, numberFormat: "0.0" },
      { row: 3, col: 3, content: { formula: "=IF(D4=\"\",C4,D4)" } },
      { row: 5, col: 1, content: 10 },
    ]);
  });

  it("records add-in cells with what was written and user cells by offset from the origin", () => {
    const entry = recordOf(s, "Deal", "selection", false, ["DEAL_AMOUNT"], []);
    expect(entry).toEqual({
      block: "deal",
      sheetName: "Deal",
      origin: { row: 2, col: 1 },
      target: "selection",
      includeStockHistory: false,
      cells: [
        [0, 0, "Figure"],
        [1, 0, 50],
        [1, 2, { formula: "=IF(D4=\"\",C4,D4)" }],
      ],
      userCells: [
        [1, 1],
        [3, 0],
      ],
      notes: [[1, 0, "the source"]],
      names: ["DEAL_AMOUNT"],
      tables: [],
    });
    expect(specExtent(s)).toEqual({ rows: 4, cols: 3 });
  });
});

describe("the stored record", () => {
  const entry: OwnedBlock = recordOf(spec([{ row: 0, col: 0, value: 1, owner: "addin" }]), "Deal", "new-sheet", false, [], []);

  it("reads back what was stored, as an object or as JSON text", () => {
    const record = withBlock(EMPTY_RECORD, entry);
    expect(readRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(readRecord(JSON.stringify(record))).toEqual(record);
  });

  it("reads a missing or damaged record as empty, so no sheet is treated as the add-in's", () => {
    expect(readRecord(null)).toEqual(EMPTY_RECORD);
    expect(readRecord("{not json")).toEqual(EMPTY_RECORD);
    expect(readRecord({ version: 2, blocks: [] })).toEqual(EMPTY_RECORD);
    expect(readRecord({ version: 1, blocks: [{ ...entry, cells: [[0, 0, { formula: 1 }]] }] })).toEqual(EMPTY_RECORD);
    expect(readRecord({ version: 1, blocks: [{ ...entry, block: "other" }] })).toEqual(EMPTY_RECORD);
  });

  it("keeps one entry per block, the new one replacing the old", () => {
    const newer = { ...entry, sheetName: "Deal (2)" };
    expect(withBlock(withBlock(EMPTY_RECORD, entry), newer).blocks).toEqual([newer]);
  });
});

describe("update planning", () => {
  const before: CellSpec[] = [
    { row: 0, col: 0, value: "Amount", owner: "addin" },
    { row: 0, col: 1, value: 40, owner: "addin", figureId: "deal.amount" },
    { row: 0, col: 2, value: null, owner: "user" },
    { row: 1, col: 1, value: 7, owner: "addin" },
    { row: 2, col: 1, value: 8, owner: "addin" },
  ];
  const after: CellSpec[] = [
    { row: 0, col: 0, value: "Amount", owner: "addin" },
    { row: 0, col: 1, value: 50, owner: "addin", figureId: "deal.amount" },
    { row: 0, col: 2, value: 99, owner: "user" },
    { row: 1, col: 1, value: 70, owner: "addin" },
    { row: 2, col: 1, value: 80, owner: "addin" },
    { row: 3, col: 1, value: "new", owner: "addin" },
    { row: 4, col: 1, value: "newer", owner: "addin" },
  ];
  const entry = recordOf(spec(before), "Deal", "new-sheet", false, [], []);
  const workbook = new Map<string, Written>([
    ["0,0", "Amount"],
    ["0,1", 40],
    ["0,2", 12],
    ["1,1", 75],
    ["2,1", 80],
    ["4,1", "mine"],
  ]);
  const current = (row: number, col: number): Written => workbook.get(`${row},${col}`) ?? null;
  const plan = planBlockUpdate(entry, spec(after), "Deal", current);

  it("refreshes untouched add-in cells whose content changes, and new add-in cells that are empty", () => {
    expect(plan.refreshes).toEqual([
      { row: 0, col: 1, content: 50 },
      { row: 3, col: 1, content: "new" },
    ]);
  });

  it("lists an add-in cell the user changed as a conflict, and a new cell the user filled", () => {
    expect(plan.conflicts.map((c) => [c.key, c.userValue, c.lastWritten, c.newValue])).toEqual([
      ["Deal!B2", 75, 7, 70],
      ["Deal!B5", "mine", null, "newer"],
    ]);
  });

  it("adopts a user's change that equals the new content without writing it", () => {
    expect(plan.refreshes.some((w) => w.row === 2)).toBe(false);
    expect(plan.conflicts.some((c) => c.row === 2)).toBe(false);
    expect(plan.entry.cells).toContainEqual([2, 1, 80]);
  });

  it("never writes a user cell, even when the spec gives it a value", () => {
    const all = acceptConflicts(plan, new Set(plan.conflicts.map((c) => c.key)));
    expect(all.writes.some((w) => w.row === 0 && w.col === 2)).toBe(false);
    expect(plan.entry.userCells).toEqual([[0, 2]]);
  });

  it("writes accepted conflicts and keeps the others, recording only what it wrote", () => {
    const decided = acceptConflicts(plan, new Set(["Deal!B2"]));
    expect(decided.writes).toEqual([
      { row: 0, col: 1, content: 50 },
      { row: 3, col: 1, content: "new" },
      { row: 1, col: 1, content: 70 },
    ]);
    expect([decided.accepted, decided.kept]).toEqual([1, 1]);
    expect(decided.entry.cells).toContainEqual([1, 1, 70]);
    expect(decided.entry.cells).toContainEqual([4, 1, null]);
  });

  it("plans nothing when the workbook holds what was last written and the spec is unchanged", () => {
    const same = new Map(entry.cells.map(([r, c, w]) => [`${r},${c}`, w]));
    const again = planBlockUpdate(entry, spec(before), "Deal", (r, c) => same.get(`${r},${c}`) ?? null);
    expect([again.refreshes, again.conflicts]).toEqual([[], []]);
    expect(again.entry).toEqual(entry);
  });

  it("plans a note change where the spec's note differs from the note last written, and records it once made", () => {
    const noted = recordOf(spec([{ row: 0, col: 1, value: 1, owner: "addin", note: "old" }, { row: 1, col: 1, value: 2, owner: "addin", note: "same" }]), "Deal", "new-sheet", false, [], []);
    const next = spec([{ row: 0, col: 1, value: 1, owner: "addin", note: "new" }, { row: 1, col: 1, value: 2, owner: "addin", note: "same" }]);
    const p = planBlockUpdate(noted, next, "Deal", (r) => (r === 0 ? 1 : 2));
    expect(p.noteChanges).toEqual([{ row: 0, col: 1, from: "old", to: "new" }]);
    expect(p.entry.notes).toEqual(noted.notes);
    expect(withNotesChanged(p.entry, p.noteChanges).notes).toEqual([
      [0, 1, "new"],
      [1, 1, "same"],
    ]);
  });
});
