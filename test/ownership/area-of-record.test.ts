/**
 * areaOfRecord: where a block is when its marker name is gone, from the record alone. The
 * records here are written by hand: cells as written (`at`) and their references as Excel left
 * them after the user's edits.
 */
import { areaOfRecord } from "../../src/ownership/lost-area";
import type { BlockRecord, TrackedCell } from "../../src/ownership/record";

function record(cells: readonly Pick<TrackedCell, "at" | "ref">[]): BlockRecord {
  return {
    meta: {
      block: "deal",
      sheetName: "Deal",
      origin: { row: 0, col: 0 },
      target: "new-sheet",
      includeStockHistory: false,
      names: [],
      tables: {},
    },
    cells: cells.map((c, i) => ({ key: `cell|${i}`, written: null, owner: "addin", ...c })),
    complete: true,
  };
}

describe("areaOfRecord", () => {
  it("references where they were written: the cells' bounding rectangle, table rows (no reference) included", () => {
    const r = record([
      { at: "A1", ref: "=Deal!$A$1" },
      { at: "C4", ref: "=Deal!$C$4" },
      { at: "J31", ref: "" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal", top: 0, left: 0, bottom: 30, right: 9 });
  });

  it("a figures table's rows (found by their Id, no reference) are left to the table's own range", () => {
    const r = record([
      { at: "A1", ref: "=Deal!$A$1" },
      { at: "J4", ref: "=Deal!$J$4" },
    ]);
    const withTable: BlockRecord = {
      ...r,
      cells: [
        ...r.cells,
        { key: "fig|deal.amount|Used", ref: "", at: "D31", written: null, owner: "addin", table: { name: "DealFigures", header: "Used" } },
      ],
    };
    expect(areaOfRecord(withTable)).toEqual({ sheet: "Deal", top: 0, left: 0, bottom: 3, right: 9 });
  });

  it("two rows inserted above and one inside: the rectangle moves down by 2 and grows by 1", () => {
    const r = record([
      { at: "A1", ref: "=Deal!$A$3" },
      { at: "B5", ref: "=Deal!$B$7" },
      { at: "B20", ref: "=Deal!$B$23" },
      { at: "J31", ref: "" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal", top: 2, left: 0, bottom: 33, right: 9 });
  });

  it("a row deleted inside the block: the top stays, the bottom moves up one", () => {
    const r = record([
      { at: "A1", ref: "=Deal!$A$1" },
      { at: "B5", ref: "=Deal!$B$5" },
      { at: "A25", ref: "=Deal!$A$24" },
      { at: "J25", ref: "=Deal!$J$24" },
      { at: "J31", ref: "" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal", top: 0, left: 0, bottom: 29, right: 9 });
  });

  it("one cell of the bottom row cut and pasted far below: the row goes where most of its cells went", () => {
    const r = record([
      { at: "A1", ref: "=Deal!$A$1" },
      { at: "A31", ref: "=Deal!$A$31" },
      { at: "B31", ref: "=Deal!$B$80" },
      { at: "J31", ref: "=Deal!$J$31" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal", top: 0, left: 0, bottom: 30, right: 9 });
  });

  it("the block's last two columns deleted: their references are #REF! while their rows live on, so the right edge moves in by two", () => {
    const r = record([
      { at: "A4", ref: "=Deal!$A$4" },
      { at: "H4", ref: "=Deal!$H$4" },
      { at: "I4", ref: "=Deal!#REF!" },
      { at: "J4", ref: "=Deal!#REF!" },
      { at: "A9", ref: "=Deal!$A$9" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal", top: 3, left: 0, bottom: 8, right: 7 });
  });

  it("the header row deleted, where some columns have no other reference: the row is gone, the columns are not", () => {
    const r = record([
      { at: "A1", ref: "=Deal!$A$1" },
      { at: "A4", ref: "=Deal!#REF!" },
      { at: "J4", ref: "=Deal!#REF!" },
      { at: "A5", ref: "=Deal!$A$4" },
      { at: "J31", ref: "" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal", top: 0, left: 0, bottom: 29, right: 9 });
  });

  it("a column deleted to the left: the rectangle moves left, never past column A", () => {
    const r = record([
      { at: "B2", ref: "=Deal!$A$2" },
      { at: "D9", ref: "=Deal!$C$9" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal", top: 1, left: 0, bottom: 8, right: 2 });
    const atA = record([
      { at: "A1", ref: "=Deal!$A$1" },
      { at: "B1", ref: "=Deal!$A$1" },
    ]);
    expect(areaOfRecord(atA)?.left).toBe(0);
  });

  it("a renamed sheet and a cell moved to another sheet: the sheet most references are on, quoted names read", () => {
    const r = record([
      { at: "A1", ref: "='Deal 2026'!$A$1" },
      { at: "B2", ref: "='Deal 2026'!$B$2" },
      { at: "C3", ref: "=Sheet1!$Z$99" },
    ]);
    expect(areaOfRecord(r)).toEqual({ sheet: "Deal 2026", top: 0, left: 0, bottom: 2, right: 2 });
  });

  it("every reference on #REF! (the sheet was deleted), or no parseable address: null", () => {
    expect(
      areaOfRecord(
        record([
          { at: "A1", ref: "=#REF!" },
          { at: "B2", ref: "=Deal!#REF!" },
        ]),
      ),
    ).toBeNull();
    expect(areaOfRecord(record([{ at: "not an address", ref: "=Deal!$A$1" }]))).toBeNull();
  });
});
