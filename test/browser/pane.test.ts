/**
 * The pane's behaviour while actions run, with a scripted host (test/browser/pane-harness.ts)
 * in place of Excel: progress, the busy guard, rejections that must not be swallowed, the keys an
 * update accepts, cancel during apply, and a preview that fails.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import type { DiffRow, InsertReport, UpdatePlan } from "../../src/excel/types";
import type { BrowserSession, StaticServer } from "../support/browser";
import { ROOT, bundleScript, describeInBrowser, distDir, launchChromium, openDisclosure, openPane, serveFolder } from "../support/browser";

type Outcome = { value: unknown } | { error: string };

async function calls(page: Page): Promise<{ method: string; args: unknown[] }[]> {
  return page.evaluate(() => (window as unknown as { harness: { calls(): { method: string; args: unknown[] }[] } }).harness.calls());
}

async function settle(page: Page, index: number, outcome: Outcome): Promise<void> {
  await page.evaluate(([i, o]) => (window as unknown as { harness: { settle(i: number, o: Outcome): void } }).harness.settle(i, o), [
    index,
    outcome,
  ] as const);
}

async function connect(page: Page, mode: "excel" | "preview"): Promise<void> {
  await page.evaluate((m) => (window as unknown as { harness: { connect(m: string): void } }).harness.connect(m), mode);
}

const report: InsertReport = {
  blocks: [
    {
      block: "deal",
      sheetName: "Deal",
      alreadyPresent: false,
      figures: 11,
      cellsWritten: 120,
      namesWritten: ["DEAL_AMOUNT"],
      leftAlone: [],
    },
  ],
  summary: ["Inserted sheet Deal with 11 figures and 1 named range."],
};

function conflict(address: string, label: string): DiffRow {
  return {
    key: `Deal!${address}`,
    kind: "conflict",
    sheetName: "Deal",
    address,
    figureId: "deal.amount",
    label,
    userValue: 1,
    newValue: 2,
    source: "a source",
  };
}

describeInBrowser("pane behaviour with a scripted host")("pane behaviour with a scripted host", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let folder: string;

  beforeAll(async () => {
    // The built page and its files, with the harness as taskpane.js.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-pane-harness-"));
    fs.cpSync(distDir(), folder, { recursive: true });
    await bundleScript(path.join(ROOT, "test", "browser", "pane-harness.ts"), folder, "taskpane.js");
    server = await serveFolder(folder);
    browser = await launchChromium({ width: 500 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  async function open(harness: { previewFails?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
    const opened = await openPane(browser.context, server.origin, { globals: { paneHarness: harness } });
    await opened.page.waitForSelector("body[data-ready='figures']");
    // The single blocks and the options are under "Options, and one block at a time".
    await openDisclosure(opened.page, "#insert-more");
    return opened;
  }

  test("while an insert runs, its progress shows, every write button is unavailable and a second press starts nothing", async () => {
    const { page, errors } = await open();
    await connect(page, "excel");
    await page.click("[data-block='deal']");
    expect(await page.isVisible("#progress")).toBe(true);
    expect(await page.textContent("#progress-text")).toBe("Inserting Deal…");
    const states = await page.$$eval("#block-buttons button", (buttons) => buttons.map((b) => b.getAttribute("aria-disabled")));
    expect(states.every((s) => s === "true")).toBe(true);

    await page.focus("#insert-all");
    await page.keyboard.press("Enter");
    expect(await page.textContent("#status")).toBe("Another action is still running; this one was not started.");
    expect((await calls(page)).map((c) => c.method)).toEqual(["insertBlocks"]);

    await settle(page, 0, { value: { ok: true, value: report } });
    await page.waitForSelector("#insert-result .message-success");
    expect(await page.isVisible("#progress")).toBe(false);
    expect(await page.getAttribute("#insert-all", "aria-disabled")).toBeNull();
    expect(await page.textContent("#status")).toBe("Inserted Deal.");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("passes the chosen options to the writer", async () => {
    const { page } = await open();
    await connect(page, "excel");
    await page.check("#opt-stockhistory");
    await page.check("#opt-selection");
    await page.click("#insert-all");
    expect(await calls(page)).toEqual([
      {
        method: "insertBlocks",
        args: [["deal", "amzn", "capex", "sensitivity", "sources"], { target: "selection", includeStockHistory: true }],
      },
    ]);
    await page.close();
  });

  test("a host that rejects instead of returning a failure is reported in the pane, not swallowed", async () => {
    const { page } = await open();
    await connect(page, "excel");
    await page.click("[data-block='amzn']");
    await settle(page, 0, { error: "the connection to Excel was lost" });
    await page.waitForSelector("#status.status-error");
    expect(await page.textContent("#status")).toBe(
      "Something went wrong that the add-in did not expect: the connection to Excel was lost. Nothing more was written; try again, and if it repeats, reload the pane.",
    );
    expect(await page.getAttribute("[data-block='amzn']", "aria-disabled")).toBeNull();
    await page.close();
  });

  test("applying an update accepts exactly the rows set to Use new, and Cancel is refused while it runs", async () => {
    const { page } = await open();
    await connect(page, "excel");
    await page.click("#review-update");
    const conflicts = [conflict("B4", "Amount"), conflict("B5", "Round"), conflict("B6", "Valuation")];
    const plan: UpdatePlan = {
      changes: conflicts,
      conflicts,
      refreshes: 0,
      notes: 0,
      additions: [],
      nameChanges: [],
      deleted: [],
      names: [],
      notices: [],
      blockers: [],
      sheets: ["Deal"],
      fingerprint: "reviewed",
    };
    await settle(page, 0, { value: { ok: true, value: plan } });
    await page.waitForSelector("#update-result .diff");
    await page.check("li[data-key='Deal!B4'] input[value='accept']");
    await page.check("li[data-key='Deal!B6'] input[value='accept']");
    await page.click("#apply-update");
    expect((await calls(page))[1]).toEqual({ method: "applyUpdate", args: [["Deal!B4", "Deal!B6"], "reviewed"] });

    await page.click("#cancel-update");
    expect(await page.textContent("#status")).toBe("The update is already being applied; it cannot be cancelled now.");
    expect(await page.isVisible("#update-result .diff")).toBe(true);

    await settle(page, 1, {
      value: { ok: true, value: { cellsWritten: 4, accepted: 2, kept: 1, summary: "Updated 4 cells; kept 1 of yours." } },
    });
    await page.waitForSelector("#update-result .message-success");
    expect(await page.textContent("#update-result")).toBe("Updated 4 cells; kept 1 of yours.");
    await page.close();
  });

  test("a preview that cannot be computed says why and leaves the figures in place", async () => {
    const { page, errors } = await open({ previewFails: true });
    await connect(page, "preview");
    expect(await page.textContent("#previews .message-error")).toBe(
      "The preview of the sheets could not be computed: the evaluator met a formula it cannot read. The figures above are unaffected.",
    );
    expect(await page.$$eval("[data-figure]", (cards) => cards.length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
