/**
 * `npm run test:excel` end to end against the fake host: the script serves a copy of the build
 * over HTTPS and waits; Chromium opens the self-test pane (taskpane.html?selftest=1) with the
 * fake Excel of self-test-host.ts in place of office.js; the pane runs the self-test, shows it and
 * posts it; the script prints it and exits 0 only when every check passed. A build with a broken
 * formula must fail, and so must a workbook that is not empty.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { MESSAGES } from "../../src/excel/failures";
import { datasetInputs, expectedNames, functionExamples } from "../../src/self-test/expected";
import { CHROMIUM_ARGS, CHROMIUM_PATH, OFFICE_CDN, ROOT, bundleScript, describeInBrowser, distDir } from "../support/browser";

/** One home for every run, as a developer's machine: the certificates are generated once. */
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-selftest-home-"));
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-selftest-"));
const CORRECT_FORMULA = "=DEAL_AMOUNT/OPENAI_VALUATION_ROUND";
const BROKEN_FORMULA = "=DEAL_AMOUNT/OPENAI_VALUATION_PRIOR";
/** Servers a failed test may leave waiting: stopped after each test. */
const running: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A copy of the build, optionally with one text of taskpane.js replaced (it must occur once). */
function buildCopy(name: string, replace?: { from: string; to: string }): string {
  const dir = path.join(WORK, name);
  fs.cpSync(distDir(), dir, { recursive: true });
  if (replace) {
    const file = path.join(dir, "taskpane.js");
    const text = fs.readFileSync(file, "utf8");
    expect(text.split(replace.from)).toHaveLength(2);
    fs.writeFileSync(file, text.replace(replace.from, replace.to));
  }
  return dir;
}

interface Run {
  readonly port: number;
  readonly output: { text: string };
  readonly exit: Promise<number | null>;
  readonly child: ChildProcess;
}

/** Starts `npm run test:excel -- --no-build` on a build; resolves once it waits for results. */
async function startSelfTestServer(dist: string): Promise<Run> {
  const port = await freePort();
  const output = { text: "" };
  const child = spawn(
    process.execPath,
    ["-r", path.join(ROOT, "scripts", "ts-register.js"), path.join(ROOT, "scripts", "test-excel.js"), "--no-build"],
    {
      cwd: ROOT,
      env: { ...process.env, HOME, PORT: String(port), DIST_DIR: dist, CI: "true", SELFTEST_TIMEOUT_MINUTES: "3" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.push(child);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer): void => {
      output.text += chunk.toString();
      if (output.text.includes("Waiting for the self-test's results")) resolve();
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    void exit.then((code) => reject(new Error(`test:excel exited with ${code} before waiting:\n${output.text}`)));
  });
  return { port, output, exit, child };
}

/** Opens the self-test pane as Excel would, inside the fake host, without starting it. */
async function loadSelfTestPane(
  context: BrowserContext,
  host: string,
  port: number,
  fake: object = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.route(
    (url) => url.hostname !== "localhost",
    (route) => {
      const url = new URL(route.request().url());
      if (url.origin === OFFICE_CDN && url.pathname.endsWith("/office.js"))
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(host) });
      return route.abort("blockedbyclient");
    },
  );
  await page.addInitScript((config) => Object.assign(window, { dealDeskFake: config }), fake);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`https://localhost:${port}/taskpane.html?selftest=1`);
  return { page, errors };
}

/** Opens the self-test pane and starts it as the user does; resolves when it shows its result. */
async function openSelfTestPane(context: BrowserContext, host: string, port: number, fake: object = {}): Promise<Page> {
  const { page, errors } = await loadSelfTestPane(context, host, port, fake);
  try {
    await page.click("#self-test-start", { timeout: 60_000 });
    await page.waitForSelector("#self-test[data-result]", { timeout: 60_000 });
  } catch (error) {
    throw new Error(`The self-test pane showed no result: ${(error as Error).message}\nPage errors: ${errors.join("\n")}`);
  }
  return page;
}

describeInBrowser("self-test in Chromium")("npm run test:excel against the fake host", () => {
  let context: BrowserContext;
  let host: string;
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-selftest-chromium-"));
  const expected = expectedNames(datasetInputs());

  beforeAll(async () => {
    host = await bundleScript(path.join(ROOT, "test", "browser", "self-test-host.ts"), WORK, "self-test-office.js");
    context = await chromium.launchPersistentContext(userData, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      ignoreHTTPSErrors: true,
    });
  }, 120_000);

  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill();
  });

  afterAll(async () => {
    await context?.close();
    for (const dir of [HOME, WORK, userData]) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("passes on the build: the pane shows it, the script prints every check and exits 0", async () => {
    const dist = buildCopy("correct");
    const run = await startSelfTestServer(dist);
    // The manifest to sideload: the pane in self-test mode, under an Id and a name of its own.
    const manifest = fs.readFileSync(path.join(dist, "self-test-manifest.xml"), "utf8");
    expect(manifest).toContain(`<SourceLocation DefaultValue="https://localhost:${run.port}/taskpane.html?selftest=1"/>`);
    expect(manifest).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:${run.port}/taskpane.html?selftest=1"/>`);
    expect(manifest).not.toMatch(/taskpane\.html"|localhost:3000|2feeea15-2df7-4afc-aaa0-c11293e51db1/);
    expect(manifest).toContain('<DisplayName DefaultValue="Deal Desk self-test"/>');
    const page = await openSelfTestPane(context, host, run.port);
    const code = await run.exit;
    expect({ code, failures: run.output.text.split("\n").filter((line) => line.startsWith("FAIL")) }).toEqual({ code: 0, failures: [] });
    expect(await page.getAttribute("#self-test", "data-result")).toBe("pass");
    expect(await page.textContent("#self-test-summary")).toMatch(
      /^Passed: \d+ checks passed, 0 failed\. The results were sent to npm run test:excel\.$/,
    );
    expect(run.output.text).toContain(`PASS DEAL_STAKE_POST after Insert all — ${expected.DEAL_STAKE_POST}`);
    expect(run.output.text).toContain("PASS The user's override is kept — 120000000000");
    const figureRow = functionExamples().findIndex((e) => e.name === "FIGURE") + 1;
    expect(run.output.text).toContain(`PASS =DEAL.FIGURE("amzn.price") in DealDesk SelfTest!A${figureRow} — 241.73`);
    expect(run.output.text).toMatch(/\n\d+ passed, 0 failed\n/);
    await page.close();
  }, 180_000);

  test("runs only when the user starts it: opening (or a runtime reloading) the self-test page writes nothing and sends nothing", async () => {
    const run = await startSelfTestServer(buildCopy("not-started"));
    const { page } = await loadSelfTestPane(context, host, run.port);
    await page.waitForSelector("#self-test-start");
    await page.reload();
    await page.waitForSelector("#self-test-start");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await page.textContent("#self-test-summary")).toContain("run it in an empty workbook only");
    const sheets = await page.evaluate(() =>
      (window as unknown as { fakeWorkbook: { snapshot(): { sheets: { name: string }[] } } }).fakeWorkbook
        .snapshot()
        .sheets.map((s) => s.name),
    );
    expect(sheets).toEqual(["Sheet1"]);
    expect(run.output.text).not.toContain("Self-test results");
    expect(run.child.exitCode).toBeNull();
    await page.close();
  }, 180_000);

  test("fails on a build whose post-money stake formula divides by the prior valuation, and names the check", async () => {
    const run = await startSelfTestServer(buildCopy("broken", { from: CORRECT_FORMULA, to: BROKEN_FORMULA }));
    const page = await openSelfTestPane(context, host, run.port);
    expect(await run.exit).toBe(1);
    expect(await page.getAttribute("#self-test", "data-result")).toBe("fail");
    const wrong = expected.DEAL_AMOUNT / expected.OPENAI_VALUATION_PRIOR;
    expect(run.output.text).toContain(`FAIL DEAL_STAKE_POST after Insert all — expected ${expected.DEAL_STAKE_POST}, Excel shows ${wrong}`);
    expect(run.output.text).toMatch(/\n\d+ passed, 3 failed\n/);
    await page.close();
  }, 180_000);

  test("refuses a workbook that is not empty, writes nothing, and exits 1", async () => {
    const run = await startSelfTestServer(buildCopy("not-empty"));
    const page = await openSelfTestPane(context, host, run.port, { cells: [{ sheet: "Sheet1", address: "B2", value: "mine" }] });
    expect(await run.exit).toBe(1);
    expect(run.output.text).toContain(`FAIL The workbook is empty — ${MESSAGES.selfTestNotEmpty} It holds cells Sheet1!B2.`);
    expect(run.output.text).toMatch(/\n0 passed, 1 failed\n/);
    const sheets = await page.evaluate(() =>
      (window as unknown as { fakeWorkbook: { snapshot(): { sheets: { name: string }[] } } }).fakeWorkbook
        .snapshot()
        .sheets.map((s) => s.name),
    );
    expect(sheets).toEqual(["Sheet1"]);
    await page.close();
  }, 180_000);
});
