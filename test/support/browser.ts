/**
 * Shared set-up for the browser tests and the pane benchmark: Debian's Chromium driven by
 * playwright-core (never a downloaded browser), a local static server for the built add-in, and
 * route interception that answers the Office CDN from local files, so a test makes no request
 * outside this machine.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium } from "playwright-core";
import type { BrowserContext, Page, Route } from "playwright-core";
import { onCi } from "./libreoffice";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const INSTALL_HINT = "apt-get install -y chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com";
export const ROOT = path.resolve(__dirname, "..", "..");
export const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/** The built add-in: `DIST_DIR` or dist/, as `npm test` builds it; a clear error when it is not built. */
export function distDir(): string {
  const dir = path.resolve(ROOT, process.env.DIST_DIR ?? "dist");
  if (!fs.existsSync(path.join(dir, "taskpane.html"))) {
    throw new Error(
      `${dir} holds no build of the add-in (taskpane.html is missing). Run npm run build, or set DIST_DIR to a build folder.`,
    );
  }
  return dir;
}

/** True when Chromium is installed where the tests look for it. */
export function chromiumAvailable(executable: string = CHROMIUM_PATH): boolean {
  try {
    fs.accessSync(executable, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the browser suites run. Without Chromium they are skipped with a loud warning on a
 * developer's machine; with CI set (to any value) a missing browser fails the run instead.
 */
export function browserTestsEnabled(suite: string, env: NodeJS.ProcessEnv = process.env, executable: string = CHROMIUM_PATH): boolean {
  if (chromiumAvailable(executable)) return true;
  const missing = `${suite}: Chromium not found at ${executable}.`;
  if (onCi(env)) {
    throw new Error(`${missing} CI is set, so the browser tests must run and this is a failure. Install it: ${INSTALL_HINT}`);
  }
  console.warn(`\n!!!!!!!!\n${missing} These browser tests are SKIPPED. Enable them with: ${INSTALL_HINT}\n!!!!!!!!\n`);
  return false;
}

/** `describe` when the browser tests can run; otherwise `describe.skip`, its name saying why. */
export function describeInBrowser(suite: string): (title: string, body: () => void) => void {
  if (browserTestsEnabled(suite)) return describe;
  return (title, body) => describe.skip(`${title} [skipped: Chromium not found at ${CHROMIUM_PATH}; install: ${INSTALL_HINT}]`, body);
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  readonly origin: string;
  /** Paths requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 at a free port; unknown paths get 404. */
export async function serveFolder(folder: string): Promise<StaticServer> {
  const requests: string[] = [];
  const root = path.resolve(folder);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    requests.push(urlPath);
    const file = path.resolve(root, "." + urlPath);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A fresh browser profile in a temporary folder, removed by `close`. */
export interface BrowserSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(
  options: {
    width?: number;
    height?: number;
    colorScheme?: "light" | "dark";
    /** Accept a server's self-signed certificate (the nginx test's). */
    ignoreHTTPSErrors?: boolean;
  } = {},
): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 500, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? "light",
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where a page's requests went, for the "no request outside the local server" check. */
export interface RequestLog {
  /** Every URL the page asked for. */
  readonly all: string[];
  /** Office CDN URLs, answered from local files. */
  readonly cdn: string[];
}

/** Console errors and uncaught page errors, collected for an assertion. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  // Evaluated over the DevTools protocol, so the page's CSP (no inline script) does not block it.
  await page.evaluate(fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** Bundles one TypeScript entry into `outDir/filename` with webpack's Node API; resolves to its path. */
export async function bundleScript(entry: string, outDir: string, filename: string): Promise<string> {
  // Loaded here, not at the top: only some tests need webpack, and it is slow to require.
  const webpack = require("webpack") as typeof import("webpack");
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    context: ROOT,
    entry,
    output: { path: outDir, filename },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } } },
        },
      ],
    },
  });
  const stats = await new Promise<import("webpack").Stats>((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err ?? new Error("webpack gave no result")) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(`Bundling ${entry} failed:\n${stats.toString({ all: false, errors: true })}`);
  return path.join(outDir, filename);
}

/**
 * Bundles test/browser/fake-host.ts (the fake Excel of test/fakes plus Office's theme) into one
 * script; the tests serve it in place of office.js. Resolves to its path.
 */
export async function buildFakeHost(outDir: string = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-fake-host-"))): Promise<string> {
  return bundleScript(path.join(ROOT, "test", "browser", "fake-host.ts"), outDir, "fake-office.js");
}

/** A page of the pane with what it logged. */
export interface PanePage {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: RequestLog;
}

/**
 * Opens taskpane.html from `origin` in a new page. With `fakeHost` (a bundle from buildFakeHost)
 * the page runs inside the fake Excel, configured by `fake`; without it, in the npm copy of
 * Office.js, which reports no host: the preview.
 */
export async function openPane(
  context: BrowserContext,
  origin: string,
  options: {
    fakeHost?: string;
    fake?: { theme?: "light" | "dark"; apiVersion?: number; oldBlocks?: boolean };
    /** Runs in the page before any of its scripts (addInitScript), e.g. to observe the load. */
    initScript?: () => void;
    /** Properties set on `window` before any of the page's scripts run. */
    globals?: Record<string, unknown>;
    /** Make the Office CDN unreachable, as offline or behind a proxy that blocks it. */
    officeUnreachable?: boolean;
    /** The page to open under `origin` (default taskpane.html). */
    path?: string;
    /** A fixed date and time for the page's clock (Date.now, new Date); timers keep running. */
    clock?: Date;
  } = {},
): Promise<PanePage> {
  const page = await context.newPage();
  if (options.initScript) await page.addInitScript(options.initScript);
  const errors = collectErrors(page);
  const requests: RequestLog = { all: [], cdn: [] };
  page.on("request", (request) => requests.all.push(request.url()));
  await page.route(
    (url) => url.hostname !== "127.0.0.1",
    async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.origin !== OFFICE_CDN) return route.abort("blockedbyclient");
      requests.cdn.push(url.href);
      if (options.officeUnreachable) return route.abort("internetdisconnected");
      const local = options.fakeHost && path.basename(url.pathname) === "office.js" ? options.fakeHost : officeJsFile(url.pathname);
      if (!local) return route.fulfill({ status: 404, body: "not found" });
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fs.readFileSync(local) });
    },
  );
  const globals = { ...options.globals, ...(options.fakeHost ? { dealDeskFake: options.fake ?? {} } : {}) };
  await page.addInitScript((values) => Object.assign(window, values), globals);
  if (options.clock) await page.clock.setFixedTime(options.clock);
  await page.goto(`${origin}/${options.path ?? "taskpane.html"}`);
  return { page, errors, requests };
}

/** Opens a disclosure (a details element) by clicking its summary, as a person does; an open one stays open. */
export async function openDisclosure(page: Page, selector: string): Promise<void> {
  if (!(await page.$eval(selector, (details) => (details as HTMLDetailsElement).open))) await page.click(`${selector} > summary`);
}

/** The npm copy of a file under the CDN's /lib/1/hosted/, or null when there is none. */
export function officeJsFile(urlPath: string): string | null {
  const relative = urlPath.replace(/^\/lib\/1\/hosted\//, "");
  const file = path.resolve(OFFICE_JS_DIR, relative);
  return file.startsWith(OFFICE_JS_DIR + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/**
 * Presses Tab once per control and records where focus lands. `expected` lists every visible,
 * enabled control in page order, a radio group as one stop (browsers move inside it with the arrows);
 * `reached` is where each Tab went; `outlines` the focused element's outline style and width.
 */
export async function tabWalk(page: Page): Promise<{ expected: string[]; reached: string[]; outlines: string[] }> {
  // Start from the top of the page, as a keyboard user arriving at the pane does.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.click(1, 1);
  const expected = await page.evaluate(() => {
    const selector = "button, input, select, textarea, summary, a[href], [tabindex='0']";
    const seenGroups = new Set<string>();
    const stops: string[] = [];
    document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
      // Hidden and disabled controls take no focus.
      if (!el.checkVisibility() || el.matches(":disabled")) return;
      const radio = el as HTMLInputElement;
      const key = radio.type === "radio" ? `radio:${radio.name}` : `el:${i}`;
      el.setAttribute("data-stop", key);
      if (radio.type === "radio") {
        if (seenGroups.has(key)) return;
        seenGroups.add(key);
      }
      stops.push(key);
    });
    return stops;
  });
  const reached: string[] = [];
  const outlines: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { key: "none", outline: "none" };
      const style = getComputedStyle(el);
      return { key: el.getAttribute("data-stop") ?? el.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    reached.push(stop.key);
    outlines.push(stop.outline);
  }
  return { expected, reached, outlines };
}
