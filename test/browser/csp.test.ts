/**
 * The built pane's Content-Security-Policy as Chromium enforces it: the inline styles Office.js
 * injects on Excel on the web apply (OfficeDev/office-js #1687), while an inline script and eval
 * stay blocked.
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
});
