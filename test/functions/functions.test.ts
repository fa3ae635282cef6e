import * as fs from "fs";
import { CATALOG, HELP_URL, NAMESPACE } from "../../src/calc/catalog";
import { evaluate } from "../../src/calc/dispatch";
import { renderHelpPage, signature } from "../../src/functions/help-page";
import { renderFunctionReference } from "../../src/functions/reference";
import { FUNCTIONS_DOC_PATH, readSection } from "../../scripts/readme";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { publishFigures } from "../../src/figures/runtime-slot";
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
    // FIGURE and FIGURES wait for the figures the pane loads, so Excel gets a promise.
    const type = name === "FIGURE" || name === "FIGURES" ? "Promise<any[][]>" : "any[][]";
    expect(doc.returns).toEqual({ type, description: spec.result });
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

  test("results are the evaluated grid; #VALUE! and #N/A carry the message, #DIV/0! and #NUM! take none", async () => {
    const stake = registered.get("STAKE")!;
    const result = stake([[50e9], ["x"], [-1], [1]], [[830e9], [1], [1], [0]]) as unknown[][];
    const expected = evaluate("STAKE", [[[50e9], ["x"], [-1], [1]], [[830e9], [1], [1], [0]]]);
    expect(result[0][0]).toBe(expected[0][0]);
    expect(result[1][0]).toEqual({ code: "#VALUE!", message: 'amount is "x", which is not a number.' });
    expect(result[2][0]).toEqual({ code: "#NUM!", message: undefined });
    expect(result[3][0]).toEqual({ code: "#DIV/0!", message: undefined });
    expect(await registered.get("FIGURE")!([["nope"]])).toEqual([[{ code: "#N/A", message: expect.stringContaining('No figure has the id "nope"') }]]);
  });

  test("FIGURES() takes no arguments and spills the table", async () => {
    expect(await registered.get("FIGURES")!()).toEqual(evaluate("FIGURES", []));
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
