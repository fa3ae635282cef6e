import { allFigures, allSources, idsSupportedBy } from "../../src/figures";
import { buildBlock } from "../../src/sheets";
import { AS_OF_COLUMNS, SOURCE_COLUMNS } from "../../src/sheets/blocks/sources";
import { toA1 } from "../../src/sheets/a1";
import type { SheetSpec } from "../../src/sheets/spec";
import { cellAt, excelSerial, isEmptyAt, STANDINGS } from "./helpers";

const sources = buildBlock("sources");

/** The cell of a table's column (by header) in a row, found by header, never by position. */
function inColumn(spec: SheetSpec, tableName: string, header: string, excelRow: number) {
  const table = spec.tables.find((t) => t.name === tableName)!;
  const head = spec.cells.find((c) => c.row === table.top && c.value === header);
  if (!head) throw new Error(`${tableName} has no column ${header}.`);
  return cellAt(spec, toA1(excelRow - 1, head.col));
}

describe("Sources block", () => {
  test("is the table DealSources on the sheet Sources", () => {
    expect(sources.sheetName).toBe("Sources");
    expect(sources.requires).toEqual([]);
    expect(sources.tables[0]).toEqual({
      name: "DealSources",
      top: 3,
      left: 0,
      bottom: 3 + allSources().length,
      right: 7,
      retractIn: "Tier",
    });
    expect(SOURCE_COLUMNS.map((_, col) => cellAt(sources, toA1(3, col)).value)).toEqual([
      "Id",
      "Title",
      "Outlet",
      "Date",
      "Tier",
      "Cites",
      "Supports",
      "File",
    ]);
  });

  test.each(allSources().map((s, i) => [s.id, i] as const))("%s: title, outlet, date or date note, supported ids, file", (id, i) => {
    const s = allSources()[i];
    const row = 5 + i;
    const at = (header: string) => inColumn(sources, "DealSources", header, row);
    expect(at("Id").value).toBe(id);
    expect(at("Title").value).toBe(s.title);
    expect(at("Outlet").value).toBe(s.citesOutlet ? `${s.outlet}, citing ${s.citesOutlet}` : s.outlet);
    if (s.date) expect(at("Date")).toMatchObject({ value: excelSerial(s.date), numberFormat: "yyyy-mm-dd" });
    else expect(at("Date").value).toBe(s.dateNote);
    expect(at("Tier").value).toBe("secondary");
    expect(at("Cites").value).toBe(s.cites);
    expect(String(at("Supports").value).split(", ")).toEqual(idsSupportedBy(s.id));
    expect(at("File").value).toBe(s.file);
    for (const header of SOURCE_COLUMNS) expect(at(header).owner).toBe("addin");
  });

  test("names each article for what it is: the unnamed outlet that cites the WSJ, and no id or title naming an outlet", () => {
    const row = 5 + allSources().findIndex((s) => s.id === "src.advanced_talks");
    expect(inColumn(sources, "DealSources", "Outlet", row).value).toBe("unnamed outlet, citing The Wall Street Journal");
    for (const s of allSources()) expect(`${s.id} ${s.title}`).not.toMatch(/wsj|wall street|techcrunch/i);
  });

  test("below it, when each figure was stated and how that is known, the period, its standing, its source and the caveat", () => {
    expect(sources.tables[1]).toEqual({
      name: "DealAsOf",
      top: 11,
      left: 0,
      bottom: 11 + allFigures().length,
      right: 7,
      retractIn: "Caveat",
    });
    expect(AS_OF_COLUMNS.map((_, col) => cellAt(sources, toA1(11, col)).value)).toEqual([
      "Id",
      "As of",
      "As-of date",
      "How the date is known",
      "Period",
      "Standing",
      "Source id",
      "Caveat",
    ]);
    // As wide as DealSources above it: a row added there moves this table whole, as Excel requires.
    expect(AS_OF_COLUMNS.length).toBe(SOURCE_COLUMNS.length);
    const row = (id: string) => 13 + allFigures().findIndex((f) => f.id === id);
    const at = (id: string, header: string) => inColumn(sources, "DealAsOf", header, row(id));
    expect(AS_OF_COLUMNS.slice(0, 7).map((h) => at("openai.valuation_round", h).value)).toEqual([
      "openai.valuation_round",
      "during the talks (the article is undated)",
      excelSerial("2026-02-01"),
      "inferred from another article",
      "the new financing round",
      "confirmed by 2 articles",
      "src.stake_talks",
    ]);
    expect(isEmptyAt(sources, toA1(row("openai.valuation_round") - 1, 7))).toBe(true);
    expect(["As-of date", "How the date is known", "Standing", "Caveat"].map((h) => at("deal.amount_announced", h).value)).toEqual([
      "undated",
      "undated: no article gives or implies a date",
      "contested",
      "Contested: 2 articles contradict it. Contradicted by src.stake_talks, src.advanced_talks.",
    ]);
    // Capex: dated to when it was said, during the talks, not to the end of 2026.
    expect(["As-of date", "How the date is known", "Period"].map((h) => at("amazon.capex_2026", h).value)).toEqual([
      excelSerial("2026-02-01"),
      "inferred from another article",
      "2026",
    ]);
    expect(at("amazon.capex_2026", "Caveat").value).toBe("Single source: no other article states it.");
    expect(at("deal.amount", "Caveat").value).toBe("Hedged by src.stake_talks, src.advanced_talks.");
    for (const f of allFigures()) expect([f.id, at(f.id, "Standing").value]).toEqual([f.id, STANDINGS[f.id]]);
  });
});
