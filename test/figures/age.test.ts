/** How old the figures are, and which dated events have passed, for the pane and the sheets' stamp. */
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { ageInDays, passedEventText, passedEvents, readableDate, staleFigures, undatedFigures } from "../../src/figures/age";
import { buildAllBlocks, buildBlock } from "../../src/sheets";
import { COL } from "../../src/sheets/figure-table";
import { figuresStamp, parseStamp } from "../../src/sheets/stamp";
import { figureCount, figuresJson, rawFigures, staleIds } from "./json";
import { HAND_COUNTED } from "./standings";

/** The figures the issues list; a figures file may add more. */
const KNOWN = Object.keys(HAND_COUNTED);
const known = (ids: readonly string[]) => ids.filter((id) => KNOWN.includes(id));

describe("ages and passed events", () => {
  test("the projected closing has passed after 31 March 2026, not on it", () => {
    expect(passedEvents(BUILT_IN_FIGURES, "2026-03-31")).toEqual([]);
    expect(passedEvents(BUILT_IN_FIGURES, "2026-04-01").map((f) => f.id)).toEqual(["deal.expected_close"]);
    expect(passedEventText(passedEvents(BUILT_IN_FIGURES, "2026-12-01")[0])).toBe(
      "The projected closing, 31 Mar 2026, has passed: these figures describe the talks",
    );
  });

  test("ages count whole days across month ends and leap days", () => {
    expect(ageInDays({ asOfDate: "2026-01-31" }, "2026-03-01")).toBe(29);
    expect(ageInDays({ asOfDate: "2028-02-28" }, "2028-03-01")).toBe(2);
    expect(ageInDays({ asOfDate: null }, "2026-03-01")).toBeNull();
    expect(readableDate("2026-12-01")).toBe("1 Dec 2026");
  });

  test("stale figures are those stated more than the threshold before today: capex counts from when it was said", () => {
    // Stated 2026-01-31 (4 figures) and 2026-02-01 (7, capex among them: said during the talks, about 2026).
    // 2026-01-31 to 2026-05-01 is 28 + 31 + 30 + 1 = 90 days: not yet more than 90.
    const ids = (today: string) => staleFigures(BUILT_IN_FIGURES, today, 90).map((f) => f.id);
    for (const today of ["2026-05-01", "2026-05-02", "2026-05-03"]) expect([today, ids(today)]).toEqual([today, staleIds(today, 90)]);
    expect(known(ids("2026-05-01"))).toEqual([]);
    const dateOf = (id: string) => rawFigures().find((f) => f.id === id)!.asOfDate;
    expect(known(ids("2026-05-02")).map(dateOf)).toEqual(["2026-01-31", "2026-01-31", "2026-01-31", "2026-01-31"]);
    const stale = known(ids("2026-05-03"));
    expect(stale).toHaveLength(11);
    expect(stale).toContain("amazon.capex_2026");
  });

  test("the undated figure is flagged as undated, never skipped", () => {
    expect(undatedFigures(BUILT_IN_FIGURES).map((f) => f.id)).toEqual(["deal.amount_announced"]);
    expect(staleFigures(BUILT_IN_FIGURES, "2030-01-01", 90).map((f) => f.id)).not.toContain("deal.amount_announced");
  });
});

describe("the sheets' stamp", () => {
  test("names the version and date, and flags what had passed by the dataset's date", () => {
    // Counted from the file: of the figures, 11 were stale by then and 1 is undated.
    const total = figureCount();
    const date = String(figuresJson().date);
    const undated = rawFigures().filter((f) => f.asOfDate === null).length;
    const undatedText = `${undated} of ${total} figures ${undated === 1 ? "is" : "are"} undated`;
    expect([
      known(staleIds(date, 90)).length,
      known(
        rawFigures()
          .filter((f) => f.asOfDate === null)
          .map((f) => f.id),
      ),
    ]).toEqual([11, ["deal.amount_announced"]]);
    expect(figuresStamp(BUILT_IN_FIGURES)).toBe(
      `Figures 1.0.0 · ${date} · The projected closing, 31 Mar 2026, has passed: these figures describe the talks · ${staleIds(date, 90).length} of ${total} figures were more than 90 days old on ${date} · ${undatedText}`,
    );
    expect(date).toBe("2026-11-22");
    // An undated figure is flagged whatever the date: its age cannot be told.
    expect(figuresStamp({ ...BUILT_IN_FIGURES, version: "1.1", date: "2026-03-01" })).toBe(`Figures 1.1 · 2026-03-01 · ${undatedText}`);
    const dated = BUILT_IN_FIGURES.figures.filter((f) => f.asOfDate !== null);
    expect(figuresStamp({ ...BUILT_IN_FIGURES, figures: dated, version: "1.1", date: "2026-03-01" })).toBe("Figures 1.1 · 2026-03-01");
  });

  test("reads back the version and date it wrote, and nothing from other cells", () => {
    expect(parseStamp(figuresStamp(BUILT_IN_FIGURES))).toEqual({ version: "1.0.0", date: "2026-11-22" });
    expect(parseStamp("Figures 1.1 · 2026-12-01")).toEqual({ version: "1.1", date: "2026-12-01" });
    for (const other of ["Figures", "Sources", 42, null, "figures 1.0 · 2026-12-01", "Figures 1.0 2026-12-01"])
      expect(parseStamp(other)).toBeNull();
  });
});

describe("in the sheets", () => {
  test("every block carries the stamp beside its title, as the add-in's, in the title's row", () => {
    for (const spec of buildAllBlocks()) {
      const row = spec.cells.filter((c) => c.row === 0);
      expect(row.map((c) => [c.col, c.owner])).toEqual([
        [0, "addin"],
        [3, "addin"],
      ]);
      expect(row[1].value).toBe(figuresStamp(BUILT_IN_FIGURES));
    }
  });

  test("the Reported cell's note gives when it was stated, with its basis, and the period it is about", () => {
    const line = (block: "deal" | "capex", id: string, start: string) =>
      buildBlock(block)
        .cells.find((c) => c.figureId === id && c.col === COL.reported)
        ?.note?.split("\n")
        .find((l) => l.startsWith(start));
    expect(line("deal", "deal.amount", "As of:")).toBe(
      "As of: during the talks (the article is undated); dated 2026-02-01, inferred from another article",
    );
    expect(line("capex", "amazon.capex_2026", "As of:")).toBe(
      "As of: during the talks (the article is undated); dated 2026-02-01, inferred from another article",
    );
    expect(line("capex", "amazon.capex_2026", "Period:")).toBe("Period: 2026");
    expect(line("deal", "deal.amount_announced", "As of:")).toBe("As of: undated: the article gives no date");
  });
});
