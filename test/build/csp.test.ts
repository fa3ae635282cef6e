/**
 * The Content-Security-Policy of the built pane page, read from dist/taskpane.html: scripts only
 * from the page's origin, Office's CDN and what office.js loads (no inline script, no eval), the
 * telemetry office.js posts and the trust page it frames (OfficeDev/office-js #1005), inline styles
 * allowed because Office.js injects them on Excel on the web (OfficeDev/office-js #1687).
 */
import * as fs from "fs";
import { distFile } from "./build-helpers";

/** The page's policy as directive → sources. */
function parseCsp(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i.exec(html);
  if (!meta) throw new Error("taskpane.html declares no Content-Security-Policy");
  const directives = meta[1]
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0] !== "");
  return new Map(directives.map(([name, ...sources]) => [name, sources]));
}

describe("the built pane's Content-Security-Policy", () => {
  const csp = parseCsp(fs.readFileSync(distFile("taskpane.html"), "utf8"));

  test("allows scripts only from the page's origin, Office's CDN and the MicrosoftAjax that office.js loads (office-js #1005)", () => {
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"]);
  });

  test("lets office.js post its telemetry (browser.pipe.aria.microsoft.com, office-js #1005) and nothing else leave the page", () => {
    expect(csp.get("connect-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "https://browser.pipe.aria.microsoft.com"]);
  });

  test("lets office.js frame its page that asks the user to trust an unknown Office host (AgaveErrorUX on its CDN)", () => {
    expect(csp.get("frame-src")).toEqual(["https://appsforoffice.microsoft.com"]);
  });

  test("allows no inline script, eval or wasm eval in any directive", () => {
    const loose = [...csp].filter(([name, sources]) => name !== "style-src" && sources.some((s) => /unsafe|nonce-|sha\d+-/.test(s)));
    expect(loose).toEqual([]);
    expect(csp.get("style-src")).not.toContain("'unsafe-eval'");
  });

  test("allows the page's own style sheet and the inline styles Office.js injects", () => {
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("keeps plugins, foreign base URLs and form posts out", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
  });
});
