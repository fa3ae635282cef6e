/**
 * The self-test (src/excel/self-test.ts) run in Node on the fake workbook with Excel's calculation
 * (test/browser/fake-calc.ts: the sheets' evaluator and the DEAL.* functions, an asynchronous one
 * showing #BUSY! until it returns): through Excel's real client (ExcelApi 1.15 and
 * CustomFunctionsRuntime 1.3, so DEAL.CARD's cell is the figure's number) and through the JS-level
 * fake where custom functions return data types (ExcelApi 1.18, CustomFunctionsRuntime 1.4: the
 * figure's entity). Every check must pass on both.
 */
import { runSelfTest, SCRATCH_SHEET } from "../../src/excel/self-test";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { publishFigures } from "../../src/figures/runtime-slot";
import { FUNCTIONS } from "../../src/functions/functions";
import { fakeCalculation, type CustomFunction } from "../browser/fake-calc";
import { installFakeOffice } from "../fakes/office";
import { FakeWorkbook } from "../fakes/workbook";
import { installRealClient } from "../real-client/install";

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const global = globalThis as { CustomFunctions?: unknown };

beforeAll(() => {
  global.CustomFunctions = {
    Error: StubError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
  publishFigures({ dataset: BUILT_IN_FIGURES, origin: "built-in", reason: "the test hands over the built-in copy" });
});
afterAll(() => delete global.CustomFunctions);

/** An empty workbook whose formulas Excel's calculation answers, with the DEAL.* functions registered. */
function calculatingWorkbook(apiVersion: number): FakeWorkbook {
  const functions = new Map<string, CustomFunction>(Object.entries(FUNCTIONS).map(([name, fn]) => [name, fn as CustomFunction]));
  const wb: FakeWorkbook = new FakeWorkbook({ apiVersion, evaluate: fakeCalculation(() => wb, functions) });
  return wb;
}

const CARD = `=DEAL.CARD("openai.valuation_round") in ${SCRATCH_SHEET}!B1`;

describe("the self-test", () => {
  test("passes through Excel's real client, DEAL.CARD's cell being the figure's number there", async () => {
    installRealClient(globalThis, calculatingWorkbook(18));
    const report = await runSelfTest();
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.results.find((r) => r.name === CARD)).toEqual({ name: CARD, ok: true, detail: "830000000000" });
    expect(report.passed).toBeGreaterThan(100);
  });

  test("passes where custom functions return data types, DEAL.CARD's cell being the figure's entity there", async () => {
    installFakeOffice(globalThis, calculatingWorkbook(18), { CustomFunctionsRuntime: 4 });
    const report = await runSelfTest();
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.results.find((r) => r.name.startsWith(CARD))).toEqual({
      name: `${CARD} (an entity)`,
      ok: true,
      detail: JSON.stringify(JSON.stringify({ type: "Entity", text: "OpenAI valuation implied by the round: approximately $830B" })),
    });
  });
});
