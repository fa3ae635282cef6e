import { allSources, idsSupportedBy } from "../../src/figures";
import { buildBlock } from "../../src/sheets";
import { cellAt, excelSerial } from "./helpers";

const sources = buildBlock("sources");

describe("Sources block", () => {
  test("is the table DealSources on the sheet Sources", () => {
    expect(sources.sheetName).toBe("Sources");
    expect(sources.requires).toEqual([]);
    expect(sources.tables).toEqual([{ name: "DealSources", top: 3, left: 0, bottom: 3 + allSources().length, right: 5 }]);
    expect(["A", "B", "C", "D", "E", "F"].map((c) => cellAt(sources, `${c}4`).value)).toEqual([
      "Source id",
      "Title",
      "Date",
      "Cites",
      "Supports",
      "File",
    ]);
  });

  test.each(allSources().map((s, i) => [s.id, i] as const))("%s: title, date or date note, outlet, supported ids, file", (id, i) => {
    const s = allSources()[i];
    const row = 5 + i;
    expect(cellAt(sources, `A${row}`).value).toBe(id);
    expect(cellAt(sources, `B${row}`).value).toBe(s.title);
    if (s.date) expect(cellAt(sources, `C${row}`)).toMatchObject({ value: excelSerial(s.date), numberFormat: "yyyy-mm-dd" });
    else expect(cellAt(sources, `C${row}`).value).toBe(s.dateNote);
    expect(cellAt(sources, `D${row}`).value).toBe(s.cites);
    expect(String(cellAt(sources, `E${row}`).value).split(", ")).toEqual(idsSupportedBy(s.id));
    expect(cellAt(sources, `F${row}`).value).toBe(s.file);
    for (const c of ["A", "B", "C", "D", "E", "F"]) expect(cellAt(sources, `${c}${row}`).owner).toBe("addin");
  });
});
