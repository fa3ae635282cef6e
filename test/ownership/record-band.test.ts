/**
 * A block's band of the ownership record, written and read back: its first row says how many
 * rows follow, so a band read without its name (at its place on the record sheet) stops there,
 * before rows an older, longer band left below; a band from a build that did not count is read
 * to its end.
 */
import { buildBlock } from "../../src/sheets";
import { parseRecord, recordOfSpec, recordRows } from "../../src/ownership/record";

const spec = buildBlock("deal");
const record = recordOfSpec(spec, {
  sheetName: "Deal",
  target: "new-sheet",
  includeStockHistory: false,
  names: [],
  tables: { DealFigures: "DealFigures" },
});
const rows = recordRows(record);
/** What Excel gives back for rows written as formulas: values without the apostrophe, the reference's formula. */
const values = rows.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v)));

describe("a band's row count", () => {
  it("the first row counts the cells, and the band reads back as the record", () => {
    expect(JSON.parse(String(values[0][1])).rows).toBe(record.cells.length);
    expect(rows.length).toBe(record.cells.length + 1);
    expect(parseRecord("deal", rows, values)).toEqual(record);
  });

  it("rows below the count (an older, longer band's) are not read", () => {
    const stale = values.slice(1, 4).map((r) => [...r]);
    expect(parseRecord("deal", [...rows, ...stale], [...values, ...stale])).toEqual(record);
  });

  it("a band without a count (an older build's) is read to its end, stale rows included", () => {
    const head = JSON.parse(String(values[0][1]));
    delete head.rows;
    const older = [[values[0][0], JSON.stringify(head), ...values[0].slice(2)], ...values.slice(1)];
    expect(parseRecord("deal", rows, older)).toEqual(record);
    const extra = ["fig|extra|Used", "=Deal!$D$40", "D40", "1", "addin", "", ""];
    expect(parseRecord("deal", [...rows, extra], [...older, extra])?.cells.length).toBe(record.cells.length + 1);
  });
});
