import { allFigures, allSources, idsSupportedBy } from "../../src/figures";
import { buildBlock } from "../../src/sheets";
import { cellAt, excelSerial, isEmptyAt } from "./helpers";

const sources = buildBlock("sources");

describe("Sources block", () => {
  test("is the table DealSources on the sheet Sources", () => {
    expect(sources.sheetName).toBe("Sources");
    expect(sources.requires).toEqual([]);
    expect(sources.tables[0]).toEqual({
      name: "DealSources",
      top: 3,
      left: 0,
      bottom: 3 + allSources().length,
      right: 6,
      retractIn: "Tier",
    });
    expect(["A", "B", "C", "D", "E", "F", "G"].map((c) => cellAt(sources, `${c}4`).value)).toEqual([
      "Id",
      "Title",
      "Date",
      "Tier",
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
    expect(cellAt(sources, `D${row}`).value).toBe("secondary");
    expect(cellAt(sources, `E${row}`).value).toBe(s.cites);
    expect(String(cellAt(sources, `F${row}`).value).split(", ")).toEqual(idsSupportedBy(s.id));
    expect(cellAt(sources, `G${row}`).value).toBe(s.file);
    for (const c of ["A", "B", "C", "D", "E", "F", "G"]) expect(cellAt(sources, `${c}${row}`).owner).toBe("addin");
  });

  test("below it, each figure's as-of date, how that date is known, its source's tier, and the single-source caveat", () => {
    expect(sources.tables[1]).toEqual({
      name: "DealAsOf",
      top: 11,
      left: 0,
      bottom: 11 + allFigures().length,
      right: 6,
      retractIn: "Caveat",
    });
    expect(["A", "B", "C", "D", "E", "F", "G"].map((c) => cellAt(sources, `${c}12`).value)).toEqual([
      "Id",
      "As of",
      "As-of date",
      "How the date is known",
      "Source id",
      "Tier",
      "Caveat",
    ]);
    const row = (id: string) => 13 + allFigures().findIndex((f) => f.id === id);
    const r = row("openai.valuation_round");
    expect(["A", "B", "C", "D", "E", "F"].map((c) => cellAt(sources, `${c}${r}`).value)).toEqual([
      "openai.valuation_round",
      "late January 2026 (talks)",
      excelSerial("2026-02-01"),
      "inferred from another article",
      "src.stake_talks",
      "secondary",
    ]);
    expect(isEmptyAt(sources, `G${r}`)).toBe(true);
    const a = row("deal.amount_announced");
    expect(["C", "D", "G"].map((c) => cellAt(sources, `${c}${a}`).value)).toEqual([
      "none stated or inferred",
      "no article gives or implies a date",
      '"announced" rests on a single undated, secondary source; no other article states it.',
    ]);
    expect(cellAt(sources, `C${row("amazon.capex_2026")}`).value).toBe(excelSerial("2026-12-31"));
    expect(cellAt(sources, `D${row("amazon.capex_2026")}`).value).toBe("period covered");
  });
});
