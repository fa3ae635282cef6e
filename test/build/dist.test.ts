import * as fs from "fs";
import * as vm from "vm";
import { DIST_DIR, distFile, ROOT } from "./build-helpers";

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function read(file: string): string {
  return fs.readFileSync(distFile(file), "utf8");
}

function scriptTags(html: string): Array<{ src: string | undefined; body: string }> {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((match) => ({
    src: /\bsrc=["']?([^"'\s>]+)/i.exec(match[1])?.[1],
    body: match[2],
  }));
}

interface FunctionsMetadata {
  functions: Array<{ id: string; name: string }>;
}

describe(`the build in ${DIST_DIR}`, () => {
  it("contains every file the manifest and the pane refer to", () => {
    const expected = [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "help.html",
      "manifest.xml",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ];
    const missing = expected.filter((file) => !fs.existsSync(distFile(file)));
    expect(missing).toEqual([]);
  });

  it("copies the icons byte for byte", () => {
    for (const size of [16, 32, 64, 80]) {
      const source = fs.readFileSync(`${ROOT}/assets/icon-${size}.png`);
      expect(fs.readFileSync(distFile("assets", `icon-${size}.png`)).equals(source)).toBe(true);
    }
  });

  it("copies manifest.xml with the development base URL replaced by the one it was built for", () => {
    const source = fs.readFileSync(`${ROOT}/manifest.xml`, "utf8");
    const baseUrl = (process.env.ADDIN_BASE_URL || "https://localhost:3000").replace(/\/+$/, "");
    expect(read("manifest.xml")).toBe(source.split("https://localhost:3000").join(baseUrl));
  });

  it("loads Office.js from Microsoft's CDN, then functions.js, then taskpane.js, with no inline script", () => {
    const scripts = scriptTags(read("taskpane.html"));
    expect(scripts.map((script) => script.src)).toEqual([OFFICE_JS_CDN, "functions.js", "taskpane.js"]);
    expect(scripts.map((script) => script.body.trim())).toEqual(["", "", ""]);
  });

  it("preloads figures.json and its own scripts before office.js, so they download while office.js loads", () => {
    const html = read("taskpane.html");
    const officeAt = html.indexOf(OFFICE_JS_CDN);
    const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']?preload["']?[^>]*>/gi)].map((match) => ({
      href: /\bhref=["']?([^"'\s>]+)/i.exec(match[0])?.[1],
      as: /\bas=["']?([^"'\s>]+)/i.exec(match[0])?.[1],
      before: (match.index ?? Infinity) < officeAt,
    }));
    expect(preloads).toEqual([
      { href: "figures.json", as: "fetch", before: true },
      { href: "functions.js", as: "script", before: true },
      { href: "taskpane.js", as: "script", before: true },
    ]);
  });

  it("declares a Content-Security-Policy that allows only its own scripts and the Office CDN, without eval", () => {
    const html = read("taskpane.html");
    const csp = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i.exec(html)?.[1];
    expect(csp).toBeDefined();
    const scriptSrc = csp!
      .split(";")
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com");
  });

  it("ships bundles that never call eval, so they run under that policy", () => {
    for (const bundle of ["functions.js", "taskpane.js"]) {
      expect(read(bundle)).not.toMatch(/\beval\(/);
    }
  });

  it("generates functions.json with upper-case ids", () => {
    const metadata = JSON.parse(read("functions.json")) as FunctionsMetadata;
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const { id } of metadata.functions) expect(id).toBe(id.toUpperCase());
  });

  it("registers every id of functions.json when functions.js runs with only CustomFunctions (no DOM)", () => {
    const metadata = JSON.parse(read("functions.json")) as FunctionsMetadata;
    const registered = new Map<string, unknown>();
    class CustomFunctionsError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const customFunctions = {
      associate(id: string, implementation: unknown): void {
        if (registered.has(id)) throw new Error(`${id} associated twice`);
        registered.set(id, implementation);
      },
      Error: CustomFunctionsError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
      },
    };
    const context = vm.createContext({ CustomFunctions: customFunctions });
    vm.runInContext(read("functions.js"), context, { filename: "functions.js" });

    const ids = metadata.functions.map((fn) => fn.id).sort();
    expect([...registered.keys()].sort()).toEqual(ids);
    for (const implementation of registered.values()) expect(typeof implementation).toBe("function");
  });
});
