/**
 * The built pane's Content-Security-Policy as Chromium enforces it: the inline styles Office.js
 * injects on Excel on the web apply (OfficeDev/office-js #1687), and what office.js itself loads,
 * posts and frames passes (OfficeDev/office-js #1005), while an inline script, eval and any other
 * origin stay blocked.
 */
import type { BrowserSession, StaticServer } from "../support/browser";
import { describeInBrowser, distDir, launchChromium, openPane, serveFolder } from "../support/browser";

describeInBrowser("CSP in Chromium")("the built pane page under its Content-Security-Policy", () => {
  let server: StaticServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await serveFolder(distDir());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("applies an injected <style> element and style attribute, runs no inline script and no eval", async () => {
    const { page } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const style = document.createElement("style");
      style.textContent = "#host-line { color: rgb(1, 2, 3); }";
      document.head.appendChild(style);
      const header = document.querySelector("h1") as HTMLElement;
      header.setAttribute("style", "margin-left: 7px");
      const script = document.createElement("script");
      script.textContent = "window.inlineScriptRan = true;";
      document.body.appendChild(script);
      // Later, from the page's own task queue: DevTools lets eval through while it evaluates this function.
      const evalOutcome = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            // Called indirectly so the linter's no-eval rule reads it as what it is: the browser's eval.
            (0, window.eval)("1 + 1");
            resolve("ran");
          } catch (error) {
            resolve((error as Error).name);
          }
        }, 0),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        styleColor: getComputedStyle(document.getElementById("host-line") as HTMLElement).color,
        attributeMargin: getComputedStyle(header).marginLeft,
        inlineScriptRan: (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true,
        evalOutcome,
        violations: [...new Set(violations)].sort(),
      };
    });
    expect(outcome).toEqual({
      styleColor: "rgb(1, 2, 3)",
      attributeMargin: "7px",
      inlineScriptRan: false,
      evalOutcome: "EvalError",
      violations: ["script-src-elem", "script-src"].sort(),
    });
    await page.close();
  });

  test("lets through what office.js loads, posts and frames (office-js #1005), and blocks any other origin", async () => {
    const { page } = await openPane(browser.context, server.origin);
    await page.waitForSelector("body[data-mode='preview']");
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      const script = document.createElement("script");
      script.src = "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js";
      document.head.appendChild(script);
      const frame = document.createElement("iframe");
      frame.src = "https://appsforoffice.microsoft.com/lib/1/hosted/AgaveErrorUX/index.html";
      document.body.appendChild(frame);
      // The test's network stops each request; a policy would stop it first, and say so.
      for (const url of ["https://browser.pipe.aria.microsoft.com/Collector/3.0/", "https://example.com/collect"])
        await fetch(url, { method: "POST", body: "{}" }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return seen;
    });
    expect(violations).toEqual(["connect-src https://example.com/collect"]);
    await page.close();
  });
});
