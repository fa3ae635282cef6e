/**
 * The self-test's pure side: how a value is judged, how a report is counted, read back and
 * printed, and the expected values it compares against.
 */
import { CATALOG } from "../../src/calc/catalog";
import { exactCheck, numberCheck, parseReport, report, reportLines, stepCheck } from "../../src/self-test/checks";
import { cardExample, expectedSensitivity, functionExamples } from "../../src/self-test/expected";
import { isSelfTestMode } from "../../src/taskpane/self-test-view";

describe("checks", () => {
  test("a number within a relative 1e-12 passes; further off, or not a number, fails with both values", () => {
    expect(numberCheck("X", 0.1 + 0.2, 0.3)).toEqual({ name: "X", ok: true, detail: "0.30000000000000004" });
    expect(numberCheck("X", 0.3 * (1 + 2e-12), 0.3)).toEqual({
      name: "X",
      ok: false,
      detail: `expected 0.3, Excel shows ${0.3 * (1 + 2e-12)}`,
    });
    expect(numberCheck("X", "#NAME?", 0.3)).toEqual({ name: "X", ok: false, detail: 'expected 0.3, Excel shows "#NAME?"' });
    expect(numberCheck("X", "0.3", 0.3).ok).toBe(false);
  });

  test("an exact check compares type and value", () => {
    expect(exactCheck("T", "id", "id")).toEqual({ name: "T", ok: true, detail: '"id"' });
    expect(exactCheck("T", 120, "120")).toEqual({ name: "T", ok: false, detail: 'expected "120", Excel shows 120' });
  });

  test("a step passes with its detail or fails with the action's message", () => {
    expect(stepCheck("Insert all", { ok: true }, "Inserted 5 sheets.")).toEqual({
      name: "Insert all",
      ok: true,
      detail: "Inserted 5 sheets.",
    });
    expect(stepCheck("Insert all", { ok: false, message: "Protected." })).toEqual({ name: "Insert all", ok: false, detail: "Protected." });
  });

  test("a report counts, prints and survives the trip through JSON; anything else is refused", () => {
    const r = report([
      { name: "A", ok: true, detail: "1" },
      { name: "B", ok: false, detail: "expected 2, Excel shows 3" },
    ]);
    expect(r.passed).toBe(1);
    expect(r.failed).toBe(1);
    expect(reportLines(r)).toEqual(["PASS A — 1", "FAIL B — expected 2, Excel shows 3", "1 passed, 1 failed"]);
    expect(parseReport(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(parseReport({ results: [] })).toBeNull();
    expect(parseReport({ results: [{ name: "A", ok: "yes", detail: "" }] })).toBeNull();
    expect(parseReport("PASS")).toBeNull();
    // Counts come from the results, never from what the sender claims.
    expect(parseReport({ passed: 9, failed: 0, results: [{ name: "B", ok: false, detail: "x" }] })).toEqual({
      passed: 0,
      failed: 1,
      results: [{ name: "B", ok: false, detail: "x" }],
    });
  });
});

describe("expected values", () => {
  test("each DEAL.* function's example with the value its help states", () => {
    const examples = functionExamples();
    // DEAL.CARD's cell depends on the host: cardExample.
    expect(examples.map((e) => e.name)).toEqual(CATALOG.map((s) => s.name).filter((n) => n !== "CARD"));
    // A computing function's expected value is its first example's stated result (test/calc/dispatch.test.ts
    // checks each against the math); DEAL.FIGURE reads the dataset in use, DEAL.FIGURES() shows its header.
    const stated = Object.fromEntries(CATALOG.filter((s) => s.name !== "CARD").map((s) => [s.name, s.examples[0].result]));
    expect(stated.STAKE).toBe(0.0602409638554217);
    expect(Object.fromEntries(examples.map((e) => [e.name, e.expected]))).toEqual({ ...stated, FIGURE: 241.73, FIGURES: "id" });
  });

  test("DEAL.CARD's example: the figure's entity where custom functions return data types, its number elsewhere", () => {
    expect(cardExample(true)).toEqual({
      formula: '=DEAL.CARD("openai.valuation_round")',
      expected: { type: "Entity", text: "OpenAI valuation implied by the round: approximately $830B" },
    });
    expect(cardExample(false)).toEqual({ formula: '=DEAL.CARD("openai.valuation_round")', expected: 830e9 });
  });

  test("the sensitivity grids centred on the Used amount and valuation: $30B to $70B against $730B to $930B", () => {
    const grid = expectedSensitivity(100e9);
    expect(grid.amounts).toEqual([30e9, 40e9, 50e9, 60e9, 70e9]);
    expect(grid.valuations).toEqual([730e9, 780e9, 830e9, 880e9, 930e9]);
    expect(grid.post[4][2]).toBe(70e9 / 830e9);
    expect(grid.pre[4][2]).toBe(70e9 / 930e9);
    expect(expectedSensitivity(120e9).pre[0][0]).toBe(30e9 / 850e9);
  });
});

describe("self-test mode", () => {
  test.each([
    ["?selftest=1", true],
    ["?selftest=0", false],
    ["?other=1&selftest=1", true],
    ["", false],
  ])("%s → %s", (search, expected) => {
    expect(isSelfTestMode(search)).toBe(expected);
  });
});
