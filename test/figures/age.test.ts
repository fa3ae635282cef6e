/** How old the figures are, and which dated events have passed, for the pane and the sheets' stamp. */
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { ageInDays, passedEventText, passedEvents, readableDate, staleFigures } from "../../src/figures/age";
import { buildAllBlocks, buildBlock } from "../../src/sheets";
import { COL } from "../../src/sheets/figure-table";
import { figuresStamp, parseStamp } from "../../src/sheets/stamp";

describe("ages and passed events", () => {
  test("the expected close has passed after 31 March 2026, not on it", () => {
    expect(passedEvents(BUILT_IN_FIGURES, "2026-03-31")).toEqual([]);
    expect(passedEvents(BUILT_IN_FIGURES, "2026-04-01").map((f) => f.id)).toEqual(["deal.expected_close"]);
    expect(passedEventText(passedEvents(BUILT_IN_FIGURES, "2026-12-01")[0])).toBe(
      "The expected close, 31 Mar 2026, has passed: these figures describe the talks",
    );
  });

  test("ages count whole days across month ends and leap days", () => {
    expect(ageInDays({ asOfDate: "2026-01-31" }, "2026-03-01")).toBe(29);
    expect(ageInDays({ asOfDate: "2028-02-28" }, "2028-03-01")).toBe(2);
    expect(ageInDays({ asOfDate: null }, "2026-03-01")).toBeNull();
    expect(readableDate("2026-12-01")).toBe("1 Dec 2026");
  });

  test("stale figures are those dated more than the threshold before today", () => {
    // Dated 2026-01-31 (4 figures) and 2026-02-01 (6); capex's period ends 2026-12-31; the announcement has no date.
    // 2026-01-31 to 2026-05-01 is 28 + 31 + 30 + 1 = 90 days: not yet more than 90.
    expect(staleFigures(BUILT_IN_FIGURES, "2026-05-01", 90)).toEqual([]);
    expect(staleFigures(BUILT_IN_FIGURES, "2026-05-02", 90).map((f) => f.asOfDate)).toEqual([
      "2026-01-31",
      "2026-01-31",
      "2026-01-31",
      "2026-01-31",
    ]);
    expect(staleFigures(BUILT_IN_FIGURES, "2026-05-03", 90)).toHaveLength(10);
  });
});

describe("the sheets' stamp", () => {
  test("names the version and date, and flags what had passed by the dataset's date", () => {
    expect(figuresStamp(BUILT_IN_FIGURES)).toBe(
      "Figures 1.0.0 · 2026-11-22 · The expected close, 31 Mar 2026, has passed: these figures describe the talks · 10 of 12 figures were more than 90 days old on 2026-11-22",
    );
    expect(figuresStamp({ ...BUILT_IN_FIGURES, version: "1.1", date: "2026-03-01" })).toBe("Figures 1.1 · 2026-03-01");
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

  test("the Reported cell's note gives the as-of date with its basis", () => {
    const reported = buildBlock("deal").cells.find((c) => c.figureId === "deal.amount" && c.col === COL.reported);
    expect(reported?.note?.split("\n").find((line) => line.startsWith("As of:"))).toBe(
      "As of: late January 2026 (talks); dated 2026-02-01, inferred from another article",
    );
    const capex = buildBlock("capex").cells.find((c) => c.figureId === "amazon.capex_2026" && c.col === COL.reported);
    expect(capex?.note?.split("\n").find((line) => line.startsWith("As of:"))).toBe(
      "As of: fiscal year 2026; dated 2026-12-31, period covered",
    );
  });
});
