/**
 * The figures the DEAL.* functions answer from (src/figures/runtime-slot.ts), on the built
 * functions.js in a vm context with timers, as Excel's runtimes have: without the pane's figures
 * FIGURE answers within seconds — from the built-in copy the pane offered, or, when no pane script
 * ran, with #N/A saying why — and once the pane hands its figures over, later calls use them.
 * The 5-second bounds are bounds on a hang, as issue 23 asks ("answers within 5 s").
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { HANDOVER_WAIT_MS, NOT_HANDED_OVER, offerBuiltInFigures, publishFigures } from "../../src/figures/runtime-slot";

const DIST = path.resolve(process.env.DIST_DIR ?? "dist");

class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

/** functions.js in a fresh context with CustomFunctions and timers; its FIGURE function, and the context. */
function loadFunctions(): { figure: (...args: unknown[]) => Promise<unknown>; context: vm.Context } {
  const registered = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const context = vm.createContext({
    setTimeout,
    clearTimeout,
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => Promise<unknown>) => registered.set(id, fn),
      Error: StubError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    },
  });
  vm.runInContext(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return { figure: registered.get("FIGURE")!, context };
}

/** The call's result as plain data, and how long it took. */
async function timed(call: Promise<unknown>): Promise<{ result: unknown; ms: number }> {
  const start = Date.now();
  const result = JSON.parse(JSON.stringify(await call));
  return { result, ms: Date.now() - start };
}

const served = {
  ...BUILT_IN_FIGURES,
  version: "1.1.0",
  figures: BUILT_IN_FIGURES.figures.map((f) => (f.id === "amzn.price" ? { ...f, value: "250.5" } : f)),
};

describe("DEAL.FIGURE without the pane's figures", () => {
  test("answers #N/A within 5 s, saying the figures have not loaded, when no pane script ran", async () => {
    const { figure } = loadFunctions();
    const { result, ms } = await timed(figure([["amzn.price"]]));
    expect(result).toEqual([[{ code: "#N/A", message: NOT_HANDED_OVER }]]);
    expect(ms).toBeGreaterThanOrEqual(HANDOVER_WAIT_MS - 50);
    expect(ms).toBeLessThan(5000);
  });

  test("answers from the built-in copy the pane offered within 5 s, and from the pane's figures once handed over", async () => {
    const { figure, context } = loadFunctions();
    offerBuiltInFigures(BUILT_IN_FIGURES, context);
    const early = await timed(figure([["amzn.price"]]));
    expect(early.result).toEqual([[241.73]]);
    expect(early.ms).toBeLessThan(5000);
    publishFigures({ dataset: served, origin: "served", reason: "" }, context);
    const later = await timed(figure([["amzn.price"]]));
    expect(later.result).toEqual([[250.5]]);
    expect(later.ms).toBeLessThan(50);
  });

  test("answers from the pane's figures, not the offered copy, when they arrive within the wait", async () => {
    const { figure, context } = loadFunctions();
    offerBuiltInFigures(BUILT_IN_FIGURES, context);
    const call = timed(figure([["amzn.price"]]));
    setTimeout(() => publishFigures({ dataset: served, origin: "served", reason: "" }, context), 100);
    const { result, ms } = await call;
    expect(result).toEqual([[250.5]]);
    expect(ms).toBeLessThan(HANDOVER_WAIT_MS);
  });
});
