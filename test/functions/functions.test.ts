import * as fs from "fs";
import { EXPECTED_FIGURES_HEADER } from "../calc/support/figures-oracle";
import { CATALOG, NAMESPACE, signature } from "../../src/calc/catalog";
import { evaluate } from "../../src/calc/dispatch";
import { exampleArgs } from "../calc/support/formula-args";
import { figureEntity } from "../../src/functions/card";
import { renderHelpPage } from "../../src/functions/help-page";
import { functionsMetadata } from "../../src/functions/metadata";
import { allFigures } from "../../src/figures";
import { frac, nearestDouble } from "../calc/support/oracle";
import { renderFunctionReference } from "../../src/functions/reference";
import { FUNCTIONS_DOC_PATH, readSection } from "../../scripts/readme";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { publishFigures } from "../../src/figures/runtime-slot";

const DEV = "https://localhost:3000";

describe("functions.json is the catalog as Excel reads it", () => {
  const metadata = functionsMetadata(DEV);

  test("the same functions, in the same order, with their summary and help link", () => {
    expect(metadata.functions.map((f) => [f.id, f.name, f.description, f.helpUrl])).toEqual(
      CATALOG.map((s) => [s.name, s.name, s.summary, `${DEV}/help.html#${s.name}`]),
    );
  });

  test("a parameter's description is its meaning, unit and bounds in one sentence", () => {
    const premoney = metadata.functions.find((f) => f.id === "PREMONEY")!;
    expect(premoney.parameters.map((p) => [p.name, p.description])).toEqual([
      ["postmoney", "The valuation after the round, in a currency; 0 or more."],
      [
        "newmoney",
        "All the new money in the round, from every investor (not one investor's cheque), in the currency of postmoney; 0 to postmoney.",
      ],
    ]);
  });

  test("every parameter takes a range (any, matrix), and only optional ones say so", () => {
    for (const f of metadata.functions) {
      const spec = CATALOG.find((s) => s.name === f.id)!;
      expect(f.parameters.map((p) => ({ type: p.type, dimensionality: p.dimensionality, optional: p.optional ?? false }))).toEqual(
        spec.params.map((p) => ({ type: "any", dimensionality: "matrix", optional: p.optional })),
      );
      expect(f.result).toEqual({ dimensionality: "matrix" });
    }
  });

  test("entity values are allowed (DEAL.CARD), and the help links follow the base URL", () => {
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(functionsMetadata("https://example.com/deal").functions[0].helpUrl).toBe("https://example.com/deal/help.html#STAKE");
  });

  test("the development URL is written once in the code, in webpack.config.js", () => {
    const files = ["src", "scripts"].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f}`));
    const writing = files.filter((f) => /\.(ts|js)$/.test(f) && fs.readFileSync(f, "utf8").includes("localhost:3000"));
    expect(writing.filter((f) => f.startsWith("src/"))).toEqual([]);
  });
});

describe("the function reference in docs/functions.md", () => {
  test("is the catalog rendered (npm run readme rewrites it)", () => {
    expect(readSection(fs.readFileSync(FUNCTIONS_DOC_PATH, "utf8"), "functions")).toBe(renderFunctionReference());
  });

  test("has every function's signature, arguments and example", () => {
    const text = renderFunctionReference();
    for (const spec of CATALOG) {
      expect(text).toContain(`### \`${signature(spec)}\``);
      for (const p of spec.params) expect(text).toContain(`\`${p.name}\``);
      for (const e of spec.examples) expect(text).toContain(e.formula);
      expect(text).toContain(spec.inWorkbook);
    }
  });
});

describe("the error examples in docs/functions.md", () => {
  /** Each "- `=DEAL.X(…)`: "message…"" bullet of the Errors section: the formula and the quoted start of its message. */
  function quotedExamples(): [string, string][] {
    const text = fs.readFileSync(FUNCTIONS_DOC_PATH, "utf8");
    const section = text.slice(text.indexOf("### Errors"), text.indexOf("### Differences"));
    return section
      .split(/\n- /)
      .slice(1)
      .map((bullet) => bullet.replace(/\s+/g, " "))
      .map((bullet) => {
        const [, formula, quoted] = /^`(=DEAL\.[^`]+)`: "(.*)"/.exec(bullet)!;
        return [formula, quoted.replace(/"\..*$/, "").replace(/ ?…$/, "")];
      });
  }

  test("are three, and each is the start of the message the function gives", () => {
    const examples = quotedExamples();
    expect(examples.length).toBe(3);
    for (const [formula, quoted] of examples) {
      const name = /^=DEAL\.([A-Z]+)\(/.exec(formula)![1];
      const [[cell]] = evaluate(name, exampleArgs(formula));
      expect([formula, (cell as { kind: string }).kind, (cell as { message: string }).message.startsWith(quoted)]).toEqual([
        formula,
        "#VALUE!",
        true,
      ]);
    }
  });
});

describe("help.html", () => {
  const page = renderHelpPage();

  test("cannot be misread: the whole round's new money, post-money STAKEVALUE, DILUTE without the holder, roundsize examples", () => {
    const text = page.replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    expect(text).toContain("<code>DEAL.PREMONEY(postmoney, newmoney)</code>");
    expect(text).toContain("<code>DEAL.POSTMONEY(premoney, newmoney)</code>");
    expect(text).toContain("All the new money in the round, from every investor (not one investor's cheque)");
    expect(text).toContain("What a stake is worth at a post-money valuation");
    expect(text).toContain("assuming the holder puts no money into it");
    expect(text).toContain(
      '<code>=DEAL.STAKE(50e9, 830e9, "pre", 100e9)</code> returns 0.0537634408602151 ($50B of a $100B round from several investors',
    );
    expect(text).toContain('<code>=DEAL.IMPLIEDVALUATION(50e9, 0.05, "pre", 100e9)</code> returns 900000000000');
    expect(text).toContain(
      "on the Deal sheet's names (what the pane's Insert puts in the selected cell): <code>=DEAL.PREMONEY(OPENAI_VALUATION_ROUND, DEAL_ROUND_SIZE)</code>",
    );
  });

  test("is a complete page with no script", () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
    expect(page).not.toMatch(/<script|\son\w+=/i);
  });

  test.each(CATALOG.map((s) => [s.name, s]))("has an anchor and the help for %s", (name, spec) => {
    expect(page).toContain(`<section id="${name}"`);
    expect(page).toContain(`<a href="#${name}">${NAMESPACE}.${name}</a>`);
    expect(page).toContain(spec.summary.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/</g, "&lt;"));
  });

  test("escapes the catalog's quotes", () => {
    expect(page).toContain("Text &quot;post&quot;");
    expect(page).not.toContain('Text "post"');
  });
});

const registered = new Map<string, (...args: unknown[]) => unknown>();
const global = globalThis as Record<string, unknown>;

/** A CustomFunctions stub whose Error records the code and the message. */
function installStub(): void {
  class StubError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  global.CustomFunctions = {
    associate: (name: string, fn: (...args: unknown[]) => unknown) => registered.set(name, fn),
    Error: StubError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
}

describe("functions.ts registers the functions and returns Excel errors", () => {
  beforeAll(() => {
    installStub();
    jest.isolateModules(() => require("../../src/functions/functions"));
    publishFigures({ dataset: BUILT_IN_FIGURES, origin: "built-in", reason: "the test publishes the built-in copy" });
  });
  afterAll(() => {
    delete global.CustomFunctions;
  });

  test("every catalog function is associated with its id at load", () => {
    expect([...registered.keys()]).toEqual(CATALOG.map((s) => s.name));
  });

  test("loads without CustomFunctions (Node, the pane preview) and registers nothing", () => {
    const stub = global.CustomFunctions;
    delete global.CustomFunctions;
    const saved = new Map(registered);
    registered.clear();
    try {
      expect(() => jest.isolateModules(() => require("../../src/functions/functions"))).not.toThrow();
      expect(registered.size).toBe(0);
    } finally {
      global.CustomFunctions = stub;
      for (const [name, fn] of saved) registered.set(name, fn);
    }
  });

  test("a number is the correctly rounded result; #VALUE! and #N/A carry the message, #DIV/0! and #NUM! take none", async () => {
    const stake = registered.get("STAKE")!;
    const result = stake([[50e9], ["x"], [50e9], [1]], [[830e9], [1], [830], [0]]) as unknown[][];
    expect(result[0][0]).toBe(nearestDouble(frac(50n, 830n)));
    expect(result[1][0]).toEqual({
      code: "#VALUE!",
      message: 'amount is "x", which is not a number: type the number alone, such as 35e9 for $35 billion.',
    });
    expect(result[2][0]).toEqual({
      code: "#VALUE!",
      message:
        "amount (50,000,000,000) is larger than valuation (830), a post-money valuation: the stake would be above 100%. Are both in the same unit? Type both in full, such as 50e9 and 830e9 for $50 billion at $830 billion.",
    });
    expect(result[3][0]).toEqual({ code: "#DIV/0!", message: undefined });
    expect(registered.get("POSTMONEY")!([[1.7976931348623157e308]], [[1e308]])).toEqual([[{ code: "#NUM!", message: undefined }]]);
    expect(await registered.get("FIGURE")!([["nope"]])).toEqual([
      [{ code: "#N/A", message: expect.stringContaining('No figure has the id "nope"') }],
    ]);
  });

  test("FIGURES() takes no arguments and spills the table: a header, then one row per figure", async () => {
    const table = (await registered.get("FIGURES")!()) as unknown[][];
    expect(table[0]).toEqual(EXPECTED_FIGURES_HEADER);
    expect(table.slice(1).map((row) => row[0])).toEqual(allFigures().map((f) => f.id));
    expect(table.find((row) => row[0] === "amzn.price")).toEqual([
      "amzn.price",
      "Amazon stock price",
      241.73,
      "USD per share",
      "around",
      "market quote",
      "single source",
      "during the talks (the article is undated); dated 2026-02-01, inferred from another article",
      "not stated: a quote at a moment the article does not give",
      "Amazon in Advanced Talks to Invest Up to $50 Billion in OpenAI, Signaling Major AI Ambitions",
      "secondary",
      "A snapshot quoted by the article, not a live price.",
    ]);
    // 2026-03-31 as an Excel date serial: days since 1899-12-30.
    const serial = (Date.UTC(2026, 2, 31) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(table.find((row) => row[0] === "deal.expected_close")![2]).toBe(serial);
  });

  test("CARD returns the entity where custom functions return data types (CustomFunctionsRuntime 1.4), the plain value elsewhere", async () => {
    const card = registered.get("CARD")!;
    expect(await card([["openai.valuation_round"]])).toEqual([[830e9]]);
    global.Office = {
      context: {
        requirements: { isSetSupported: (set: string, version: string) => set === "CustomFunctionsRuntime" && version === "1.4" },
      },
    };
    try {
      expect(await card([["openai.valuation_round", "nope"]])).toEqual([
        [figureEntity("openai.valuation_round"), { code: "#N/A", message: expect.stringContaining('No figure has the id "nope"') }],
      ]);
      expect(await card("amzn.price")).toEqual([[figureEntity("amzn.price")]]);
      global.Office = { context: { requirements: { isSetSupported: () => false } } };
      expect(await card([["amzn.price"]])).toEqual([[241.73]]);
    } finally {
      delete global.Office;
    }
  });

  test("Excel's trailing invocation argument is not taken for an optional parameter", async () => {
    const invocation = { address: "Sheet1!A1" };
    expect(await registered.get("FIGURE")!([["amzn.price"]], null, invocation)).toEqual([[241.73]]);
  });
});

describe("a failure on the Office side is still an Excel error", () => {
  test("when CustomFunctions.Error throws for one code, the call returns #VALUE! with a message instead of throwing", () => {
    class PickyError {
      constructor(
        public code: string,
        public message?: string,
      ) {
        if (code === "#NUM!") throw new Error("unsupported code");
      }
    }
    const fns = new Map<string, (...args: unknown[]) => unknown>();
    global.CustomFunctions = {
      associate: (name: string, fn: (...args: unknown[]) => unknown) => fns.set(name, fn),
      Error: PickyError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    };
    try {
      jest.isolateModules(() => require("../../src/functions/functions"));
      expect(fns.get("POSTMONEY")!([[1.7976931348623157e308]], [[1e308]])).toEqual([
        [{ code: "#VALUE!", message: "DEAL.POSTMONEY failed unexpectedly (unsupported code); please report it." }],
      ]);
    } finally {
      delete global.CustomFunctions;
    }
  });
});
