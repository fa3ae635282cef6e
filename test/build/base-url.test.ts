import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runWebpack } from "./build-helpers";

// The config module is plain CommonJS; its validator is tested directly, the build end to end.
const { addinBaseUrl } = require("../../webpack.config.js") as { addinBaseUrl: (value?: string) => string };

const DEV_BASE_URL = "https://localhost:3000";

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe("ADDIN_BASE_URL", () => {
  it("defaults to the development server when unset or empty", () => {
    expect(addinBaseUrl(undefined)).toBe(DEV_BASE_URL);
    expect(addinBaseUrl("")).toBe(DEV_BASE_URL);
  });

  it("drops trailing slashes so paths join with a single slash", () => {
    expect(addinBaseUrl("https://example.com/deal/")).toBe("https://example.com/deal");
    expect(addinBaseUrl("https://addins.example.org")).toBe("https://addins.example.org");
  });

  it.each(["http://example.com/deal", "ftp://example.com", "example.com/deal", "https://example.com/?v=1", "not a url"])(
    "rejects %s with a message naming the value",
    (value) => {
      expect(() => addinBaseUrl(value)).toThrow(
        `ADDIN_BASE_URL must be an https URL without query or fragment, such as https://example.com/deal; got "${value}".`,
      );
    },
  );

  it("fails the build with that message, before writing anything", () => {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-http-"));
    const result = runWebpack({ ADDIN_BASE_URL: "http://example.com/deal", DIST_DIR: distDir });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'ADDIN_BASE_URL must be an https URL without query or fragment, such as https://example.com/deal; got "http://example.com/deal".',
    );
    expect(fs.readdirSync(distDir)).toEqual([]);
    fs.rmSync(distDir, { recursive: true, force: true });
  });

  it("replaces every development URL in the built manifest and the functions' help links, and leaves no localhost", () => {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-prod-"));
    try {
      const result = runWebpack({ ADDIN_BASE_URL: "https://example.com/deal/", DIST_DIR: distDir });
      expect(result.stderr).not.toContain("ERROR");
      expect(result.status).toBe(0);
      const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
      const built = fs.readFileSync(path.join(distDir, "manifest.xml"), "utf8");
      expect(built).not.toContain("localhost");
      expect(occurrences(built, "https://example.com/deal/")).toBe(occurrences(source, `${DEV_BASE_URL}/`));
      expect(built.split("https://example.com/deal").join(DEV_BASE_URL)).toBe(source);
      const helpUrls = (
        JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8")) as { functions: { id: string; helpUrl: string }[] }
      ).functions.map((f) => [f.id, f.helpUrl]);
      expect(helpUrls.length).toBeGreaterThan(0);
      expect(helpUrls).toEqual(helpUrls.map(([id]) => [id, `https://example.com/deal/help.html#${id}`]));
    } finally {
      fs.rmSync(distDir, { recursive: true, force: true });
    }
  });
});
