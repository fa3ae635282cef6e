import * as fs from "fs";
import { CATALOG, HELP_URL, NAMESPACE } from "../../src/calc/catalog";
import { allFigures } from "../../src/figures";
import { frac, nearestDouble } from "../calc/support/oracle";
import { renderHelpPage, signature } from "../../src/functions/help-page";
import { renderFunctionReference } from "../../src/functions/reference";
import { FUNCTIONS_DOC_PATH, readSection } from "../../scripts/readme";
import { readJsDoc } from "./jsdoc";

const jsdoc = readJsDoc();

describe("the JSDoc of functions.ts (Excel's formula help) says what the catalog says", () => {
  test("the same functions, in the same order", () => {
    expect(jsdoc.map((f) => f.id)).toEqual(CATALOG.map((s) => s.name));
  });

  test.each(CATALOG.map((spec) => [spec.name, spec]))("%s: summary, parameters, result and help URL", (name, spec) => {
    const doc = jsdoc.find((f) => f.id === name)!;
    expect(doc.summary).toBe(spec.summary);
    expect(doc.helpUrl).toBe(`${HELP_URL}#${name}`);
    expect(doc.params.map((p) => ({ name: p.name, optional: p.optional, description: p.description }))).toEqual(
      spec.params.map((p) => ({ name: p.name, optional: p.optional, description: p.description })),
    );
    expect(doc.returns).toEqual({ type: "any[][]", description: spec.result });
  });

  test("every parameter takes a range (any[][]), so Excel passes cells and ranges as they are", () => {
    expect(jsdoc.flatMap((f) => f.params.map((p) => p.type)).every((t) => t === "any[][]")).toBe(true);
  });

  test("a changed description is caught", () => {
    const source = fs.readFileSync(require.resolve("../../src/functions/functions.ts"), "utf8");
    const edited = readJsDoc(source.replace("The money invested, in a currency (for example dollars)", "The money invested"));
    expect(edited[0].params[0].description).not.toBe(CATALOG[0].params[0].description);
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
      expect(text).toContain(spec.example.formula);
    }
  });
});

describe("help.html", () => {
  const page = renderHelpPage();

  test("is a complete page with no script", () => {
    expect(page.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
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
    constructor(public code: string, public message?: string) {}
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

  test("a number is the correctly rounded result; #VALUE! and #N/A carry the message, #DIV/0! and #NUM! take none", () => {
    const stake = registered.get("STAKE")!;
    const result = stake([[50e9], ["x"], [-1], [1]], [[830e9], [1], [1], [0]]) as unknown[][];
    expect(result[0][0]).toBe(nearestDouble(frac(50n, 830n)));
    expect(result[1][0]).toEqual({ code: "#VALUE!", message: 'amount is "x", which is not a number.' });
    expect(result[2][0]).toEqual({ code: "#NUM!", message: undefined });
    expect(result[3][0]).toEqual({ code: "#DIV/0!", message: undefined });
    expect(registered.get("FIGURE")!([["nope"]])).toEqual([[{ code: "#N/A", message: expect.stringContaining('No figure has the id "nope"') }]]);
  });

  test("FIGURES() takes no arguments and spills the table: a header, then one row per figure", () => {
    const table = registered.get("FIGURES")!() as unknown[][];
    expect(table[0]).toEqual(["id", "label", "value", "unit", "status", "as of", "source"]);
    expect(table.slice(1).map((row) => row[0])).toEqual(allFigures().map((f) => f.id));
    expect(table.find((row) => row[0] === "amzn.price")).toEqual([
      "amzn.price",
      "AMZN share price",
      241.73,
      "USD per share",
      "market quote",
      "during the talks (the source gives no date or time)",
      "Amazon in Advanced Talks to Invest Up to $50 Billion in OpenAI, Signaling Major AI Ambitions",
    ]);
    // 2026-03-31 as an Excel date serial: days since 1899-12-30.
    const serial = (Date.UTC(2026, 2, 31) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(table.find((row) => row[0] === "deal.expected_close")![2]).toBe(serial);
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
      expect(fns.get("STAKE")!([[-1]], [[1]])).toEqual([[{ code: "#VALUE!", message: "DEAL.STAKE failed unexpectedly (unsupported code); please report it." }]]);
    } finally {
      delete global.CustomFunctions;
    }
  });
});
