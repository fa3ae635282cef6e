/**
 * The built bundle (npm test builds it first; DIST_DIR points elsewhere when set): functions.json
 * describes every parameter as the catalog does, and functions.js, loaded in a bare vm context
 * with only a CustomFunctions stub (no window, no DOM), gives the same results as the source
 * through the argument shapes functions.json declares.
 */
import { EXPECTED_FIGURES_HEADER } from "../calc/support/figures-oracle";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import fc from "fast-check";
import { CATALOG } from "../../src/calc/catalog";
import { evaluate } from "../../src/calc/dispatch";
import type { CalcError } from "../../src/calc/errors";
import { functionsMetadata } from "../../src/functions/metadata";
import { toExcelGrid } from "../../src/functions/results";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { useDataset } from "../../src/figures/in-use";
import { publishFigures } from "../../src/figures/runtime-slot";
import { propertyRuns } from "../support/property-runs";

const DIST = path.resolve(process.env.DIST_DIR ?? "dist");

/**
 * functions.js's budget: 54,218 bytes measured once DEAL.TRANCHES, the errors' messages and the
 * functions' wait for the pane's figures came in (decimal.js is about 32,000 of them), with about
 * 10% headroom. A change that needs more raises it here, on purpose, and says why.
 */
const FUNCTIONS_BUDGET = 60_000;

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    helpUrl: string;
    parameters: { name: string; description: string; type: string; dimensionality: string; optional?: boolean }[];
    result: { dimensionality: string };
  }[];
}

function readBuilt(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run "npm run build" (npm test does) or set DIST_DIR to a build.`);
  return fs.readFileSync(full, "utf8");
}

class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" };

/** What functions.ts returns for an error, made in this realm for comparison. */
const excelError = (e: CalcError) => new StubError(e.kind, e.kind === "#VALUE!" || e.kind === "#N/A" ? e.message : undefined);

const metadata = JSON.parse(readBuilt("functions.json")) as Metadata;

/** functions.js loaded in a fresh vm context: the functions it registers, and the context. */
function loadFunctions(): { registered: Map<string, (...args: unknown[]) => unknown>; context: vm.Context } {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      Error: StubError,
      ErrorCode,
    },
  });
  vm.runInContext(readBuilt("functions.js"), context, { filename: "functions.js" });
  return { registered, context };
}

// The source side of each comparison reads the dataset in use in this realm.
useDataset(BUILT_IN_FIGURES);
const { registered, context } = loadFunctions();
const keysAtLoad = Object.keys(context).sort();
// What the pane does in the shared runtime: hand the functions the figures it loaded.
publishFigures({ dataset: BUILT_IN_FIGURES, origin: "built-in", reason: "the test publishes the built-in copy" }, context);

/** A value as plain data, so results made in the vm's realm compare with this one's. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("functions.json", () => {
  test("is the catalog's metadata, every function in order, help links under the build's base URL", () => {
    const base = metadata.functions[0].helpUrl.replace(/\/help\.html#STAKE$/, "");
    expect(base).toBe(process.env.ADDIN_BASE_URL?.replace(/\/+$/, "") || "https://localhost:3000");
    expect(metadata).toEqual(JSON.parse(JSON.stringify(functionsMetadata(base))));
    expect(metadata.functions.map((f) => f.id)).toEqual(CATALOG.map((s) => s.name));
  });
});

describe("functions.js in a bare vm context", () => {
  test("registers every function functions.json declares", () => {
    expect([...registered.keys()]).toEqual(metadata.functions.map((f) => f.id));
  });

  const samples: Record<string, unknown[][]> = {
    STAKE: [
      [[[50e9]], [[830e9]]],
      [[[50e9], [10e9]], [[830e9, 500e9]], [["pre"]], [[100e9]]],
      [[["x"]], [[1]], undefined, undefined],
      [[[1]], [[0]]],
    ],
    POSTMONEY: [
      [[[0.1]], [[0.2]]],
      [
        [[1], [2]],
        [[3], [4], [5]],
      ],
    ],
    PREMONEY: [
      [[[0.3]], [[0.1]]],
      [[[1]], [[2]]],
    ],
    IMPLIEDVALUATION: [[[[50e9]], [[0.0602]], [["PRE"]], [[null]]]],
    DILUTE: [[[[0.1]], [[100e9]], [[830e9, 0]]]],
    STAKEVALUE: [[[[0.05]], [["830000000000"]]]],
    STEPUP: [[[[830e9]], [[500e9]]]],
    MOIC: [[[[true]], [[2.5]]]],
    CAGR: [[[[100]], [[172.8]], [[3], [0]]]],
    PRIORVALUE: [[[[241.73]], [[1.14], [-1]]]],
    TRANCHES: [
      [
        [[25e9], [25e9]],
        [[830e9], [1200e9]],
      ],
      [[[25e9, 0]], [[830e9, 1200e9]], [["post"]], [[100e9, 100e9]]],
      [[[25e9], [25e9]], [[830e9], [1100e9]], [["pre"]]],
      [
        [[1], [2]],
        [[10], [20], [30]],
      ],
    ],
    FIGURE: [
      [[["amzn.price"], ["nope"]], [["value", "source"]]],
      [[["deal.amount"]], [["comment", "qualifier", "tier", "asof", "asofdate", "sourcetitle"]]],
    ],
    FIGURES: [[]],
    CARD: [[[["amzn.price", "nope"]]], [[[null]]]],
  };

  test.each(Object.entries(samples))("%s gives the source's results for the declared shapes", async (name, calls) => {
    for (const args of calls) {
      const built = await registered.get(name)!(...args);
      const source = toExcelGrid(evaluate(name, args), excelError);
      expect(plain(built)).toEqual(plain(source));
    }
  });

  test("agrees with the source on generated ranges for every function", async () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 1e12 }).map((c) => c / 100),
      fc.constantFrom(null, true, "", "pre", "abc", "1,000", "label", "deal.amount"),
    );
    const range = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 });
    const call = fc
      .constantFrom(...metadata.functions)
      .chain((f) =>
        fc.tuple(fc.constant(f.id), fc.tuple(...f.parameters.map((p) => (p.optional ? fc.option(range, { nil: undefined }) : range)))),
      );
    await fc.assert(
      fc.asyncProperty(call, async ([name, args]) => {
        expect(plain(await registered.get(name)!(...args))).toEqual(plain(toExcelGrid(evaluate(name, args), excelError)));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  test("DEAL.FIGURE answers every field, read here from figures/figures.json", async () => {
    const data = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../figures/figures.json"), "utf8")) as {
      figures: Record<string, unknown>[];
      sources: Record<string, unknown>[];
    };
    const f = data.figures.find((x) => x.id === "amzn.return_3y")!;
    const source = data.sources.find((x) => x.id === f.sourceId)!;
    const fields = [
      "value",
      "label",
      "unit",
      "qualifier",
      "status",
      "asof",
      "asofdate",
      "source",
      "sourcetitle",
      "tier",
      "quote",
      "comment",
    ];
    const [row] = (await registered.get("FIGURE")!([["amzn.return_3y"]], [fields])) as unknown[][];
    expect(plain(row)).toEqual([
      1.14,
      f.label,
      f.unit,
      "as stated",
      "market quote",
      `${f.asOf}; dated ${f.asOfDate}, ${f.asOfBasis}`,
      46054, // 2026-02-01, the date inferred from the dated recap, as an Excel date serial
      f.sourceId,
      source.title,
      "secondary",
      f.quote,
      f.comment,
    ]);
    expect(f.asOfDate).toBe("2026-02-01");
    expect(plain(await registered.get("FIGURE")!([["deal.amount_announced"]], [["asofdate"]]))).toEqual([
      [
        {
          code: "#N/A",
          message: 'No article gives or implies a date for deal.amount_announced; DEAL.FIGURE("deal.amount_announced", "asof") says why.',
        },
      ],
    ]);
  });

  test("DEAL.FIGURES() spills a header with qualifier, standing, period and comment columns, then one row per figure", async () => {
    const table = (await registered.get("FIGURES")!()) as unknown[][];
    expect(table[0]).toEqual(EXPECTED_FIGURES_HEADER);
    const announced = table.find((r) => r[0] === "deal.amount_announced")!;
    expect([announced[4], announced[6], announced[8], announced[11]]).toEqual([
      "as stated",
      "contested",
      "spread over multiple years",
      "Stated as a round amount ($50 billion). The article says the commitment was confirmed in a joint statement but quotes none of it.",
    ]);
    expect(table.find((r) => r[0] === "openai.valuation_round")![4]).toBe("approximately");
  });

  test("DEAL.CARD gives the entity where Office reports CustomFunctionsRuntime 1.4, the number elsewhere", async () => {
    expect(plain(await registered.get("CARD")!([["amzn.price"]]))).toEqual([[241.73]]);
    const withOffice = loadFunctions();
    withOffice.context.Office = {
      context: {
        requirements: { isSetSupported: (set: string, version: string) => set === "CustomFunctionsRuntime" && version === "1.4" },
      },
    };
    publishFigures({ dataset: BUILT_IN_FIGURES, origin: "built-in", reason: "the test publishes the built-in copy" }, withOffice.context);
    const [[entity]] = plain(await withOffice.registered.get("CARD")!([["amzn.price"]])) as {
      type: string;
      text: string;
      properties: Record<string, unknown>;
    }[][];
    expect(entity.type).toBe("Entity");
    expect(entity.text).toBe("Amazon stock price: around $241.73");
    expect(entity.properties.Value).toEqual({ type: "Double", basicValue: 241.73 });
  });

  test("carries the catalog's runtime part only: parameter names, no help text", () => {
    const code = readBuilt("functions.js");
    expect(code).toContain('"newmoney"');
    for (const spec of CATALOG) expect([spec.name, code.includes(spec.summary)]).toEqual([spec.name, false]);
  });

  test("needs nothing but CustomFunctions: no window, document or self at load", () => {
    expect(keysAtLoad).toEqual(["CustomFunctions"]);
  });

  test("carries no copy of the figures: FIGURE waits for the figures the pane publishes and answers from them", async () => {
    expect(readBuilt("functions.js")).not.toContain(BUILT_IN_FIGURES.figures[0].quote.slice(0, 40));
    const fresh = loadFunctions();
    const price = fresh.registered.get("FIGURE")!([["amzn.price"]], [["value"]]) as Promise<unknown>;
    let settled = false;
    void price.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    const served = {
      ...BUILT_IN_FIGURES,
      version: "1.1.0",
      figures: BUILT_IN_FIGURES.figures.map((f) => (f.id === "amzn.price" ? { ...f, value: "250.5" } : f)),
    };
    publishFigures({ dataset: served, origin: "served", reason: "" }, fresh.context);
    expect(plain(await price)).toEqual([[250.5]]);
    expect(plain(await fresh.registered.get("FIGURE")!([["deal.amount"]], [["asof"]]))).toEqual([
      ["during the talks (the article is undated); dated 2026-02-01, inferred from another article"],
    ]);
    expect(plain(await fresh.registered.get("FIGURE")!([["deal.amount_announced"]], [["standing"]]))).toEqual([["contested"]]);
  });

  test(`stays within its budget of ${FUNCTIONS_BUDGET.toLocaleString("en-US")} bytes minified: decimal.js and the functions, no figures`, () => {
    const size = Buffer.byteLength(readBuilt("functions.js"));
    console.log(
      `functions.js: ${size.toLocaleString("en-US")} bytes of a ${FUNCTIONS_BUDGET.toLocaleString("en-US")}-byte budget (${(100 * (1 - size / FUNCTIONS_BUDGET)).toFixed(1)}% headroom)`,
    );
    expect(size).toBeLessThanOrEqual(FUNCTIONS_BUDGET);
  });
});
