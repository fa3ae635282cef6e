/**
 * The self-test's page side: whether the pane was opened in self-test mode (taskpane.html?selftest=1,
 * the URL of the self-test manifest that `npm run test:excel` writes), the results shown at the
 * top of the pane, and the report sent to the local server that waits for it.
 */
import type { SelfTestReport } from "../self-test/checks";
import { byId, h, replaceChildren } from "./dom";

/** Where `npm run test:excel` listens for the report, relative to the pane's page. */
export const RESULTS_PATH = "self-test/results";

export function isSelfTestMode(search: string): boolean {
  return new URLSearchParams(search).get("selftest") === "1";
}

/**
 * A section at the top of the pane that offers to run the self-test; it runs only when the user
 * starts it, never because the page (re)loaded: a long-lived runtime reloads taskpane.html?selftest=1
 * by itself, and the self-test writes to the workbook.
 */
export function offerSelfTest(doc: Document, run: () => void): void {
  const section = h(doc, "section", { id: "self-test", attrs: { "aria-labelledby": "self-test-heading" } });
  const app = byId(doc, "app");
  app.insertBefore(section, app.firstChild);
  const start = h(
    doc,
    "button",
    { className: "button primary", id: "self-test-start", attrs: { type: "button" }, onClick: () => run() },
    "Run the self-test",
  );
  replaceChildren(section, [
    h(doc, "h2", { id: "self-test-heading" }, "Self-test"),
    h(
      doc,
      "p",
      { id: "self-test-summary" },
      "This pane was opened for Deal Desk's self-test. It inserts, edits and updates blocks, so run it in an empty workbook only.",
    ),
    start,
  ]);
}

/** The self-test's section says it is running, then shows its results. */
export function showSelfTestRunning(doc: Document): void {
  const section = byId(doc, "self-test");
  section.setAttribute("aria-busy", "true");
  replaceChildren(section, [
    h(doc, "h2", { id: "self-test-heading" }, "Self-test"),
    h(doc, "p", { id: "self-test-summary", attrs: { role: "status" } }, "Running the self-test in this workbook…"),
  ]);
}

export function showSelfTestReport(doc: Document, report: SelfTestReport, delivery: string): void {
  const section = byId(doc, "self-test");
  section.setAttribute("aria-busy", "false");
  section.setAttribute("data-result", report.failed === 0 ? "pass" : "fail");
  const summary = `${report.failed === 0 ? "Passed" : "Failed"}: ${report.passed} checks passed, ${report.failed} failed. ${delivery}`;
  const failedFirst = [...report.results].sort((a, b) => Number(a.ok) - Number(b.ok));
  replaceChildren(section, [
    h(doc, "h2", { id: "self-test-heading" }, "Self-test"),
    h(doc, "p", { id: "self-test-summary", attrs: { role: "status" } }, summary),
    h(
      doc,
      "ol",
      { className: "self-test-results" },
      ...failedFirst.map((c) => h(doc, "li", { attrs: { "data-ok": String(c.ok) } }, `${c.ok ? "PASS" : "FAIL"} ${c.name} — ${c.detail}`)),
    ),
  ]);
}

/** Posts the report to the page's own server; resolves to a sentence saying whether it arrived. */
export async function sendReport(report: SelfTestReport, post: typeof fetch): Promise<string> {
  try {
    const response = await post(RESULTS_PATH, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(report),
    });
    return response.ok
      ? "The results were sent to npm run test:excel."
      : `npm run test:excel did not take the results (HTTP ${response.status}).`;
  } catch (error) {
    return `The results could not be sent to npm run test:excel (${error instanceof Error ? error.message : String(error)}); is it still running?`;
  }
}
