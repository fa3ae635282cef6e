/**
 * The production build served by nginx with the project's configuration (deploy/nginx/), as IT
 * would host it: the headers the add-in needs (figures.json and the manifest revalidated, the
 * content-named chunks cached for good, the CSP, CORS on functions.json), then the pane and the
 * functions' help page loaded through it in Chromium.
 */
import * as fs from "fs";
import * as https from "https";
import * as path from "path";
import { paneScripts } from "../../bench/bundles";
import { allFigures } from "../../src/figures";
import type { BrowserSession, StaticServer } from "../support/browser";
import { describeInBrowser, distDir, launchChromium, openPane, serveFolder } from "../support/browser";
import { describeWithNginx, serveWithNginx, siteForTest } from "../support/nginx";
import type { NginxServer } from "../support/nginx";

interface Response {
  readonly status: number;
  readonly headers: Record<string, string | undefined>;
  readonly body: string;
}

function get(server: NginxServer, urlPath: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.origin);
    // The path as given, not normalized by a URL parser: "/../x" reaches nginx as typed.
    const request = https.get({ hostname, port, path: urlPath, ca: server.cert, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        const flat: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(response.headers)) flat[name] = Array.isArray(value) ? value.join(", ") : value;
        resolve({ status: response.statusCode ?? 0, headers: flat, body });
      });
    });
    request.on("error", reject);
  });
}

/** The Content-Security-Policy of the built page's <meta>: the one source the header must equal. */
function metaCsp(dist: string): string {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const csp = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i.exec(html)?.[1];
  if (!csp) throw new Error("the built taskpane.html has no Content-Security-Policy <meta>");
  return csp.replace(/&#39;|&apos;/g, "'");
}

test("the site file is used as written, with only the host's lines pointed at the test's", () => {
  const site = fs.readFileSync(path.join(__dirname, "..", "..", "deploy", "nginx", "deal-desk-site.conf"), "utf8");
  const changed = siteForTest(site, { port: 8443, cert: "/t/c.pem", key: "/t/k.pem", root: "/t/www", headers: "/repo/h.conf" });
  const directives = changed
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter(Boolean);
  expect(directives).toEqual([
    "server {",
    "listen 127.0.0.1:8443 ssl;",
    "server_name addins.example.com;",
    "ssl_certificate /t/c.pem;",
    "ssl_certificate_key /t/k.pem;",
    "root /t/www;",
    "include /repo/h.conf;",
    "}",
  ]);
});

describeWithNginx("the add-in served by nginx", (found) => {
  let server: NginxServer;
  let dist: string;

  beforeAll(async () => {
    dist = distDir();
    server = await serveWithNginx(found, dist);
  });

  afterAll(async () => {
    await server?.stop();
  });

  test.each([
    ["figures.json", "application/json; charset=utf-8"],
    ["manifest.xml", "text/xml; charset=utf-8"],
  ])("%s is revalidated on every load: no-cache, an ETag, and 304 when unchanged", async (file, type) => {
    const first = await get(server, `/${file}`);
    expect([first.status, first.headers["content-type"], first.headers["cache-control"]]).toEqual([200, type, "no-cache"]);
    expect(first.body).toBe(fs.readFileSync(path.join(dist, file), "utf8"));
    expect(first.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get(server, `/${file}`, { "If-None-Match": first.headers.etag! });
    expect(again.status).toBe(304);
  });

  test("the pane's chunks, named by their content, are cached for a year; the entry scripts are revalidated", async () => {
    const chunks = paneScripts(dist).filter((file) => file !== "taskpane.js");
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const chunk of chunks) {
      const response = await get(server, `/${chunk}`);
      expect([chunk, response.status, response.headers["cache-control"]]).toEqual([chunk, 200, "public, max-age=31536000, immutable"]);
      expect(response.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    }
    for (const entry of ["taskpane.js", "functions.js"]) {
      const response = await get(server, `/${entry}`);
      expect([entry, response.status, response.headers["cache-control"]]).toEqual([entry, 200, "no-cache"]);
    }
  });

  test("the pane carries the Content-Security-Policy of its <meta> as a header, and every file nosniff", async () => {
    const pane = await get(server, "/taskpane.html");
    expect(pane.status).toBe(200);
    expect(pane.headers["content-security-policy"]).toBe(metaCsp(dist));
    for (const file of ["/taskpane.html", "/taskpane.js", "/figures.json", "/functions.json", "/help.html", "/assets/icon-32.png"]) {
      expect([file, (await get(server, file)).headers["x-content-type-options"]]).toEqual([file, "nosniff"]);
    }
  });

  test("functions.json allows any origin (Excel on the web reads it from its own), and nothing else does", async () => {
    expect((await get(server, "/functions.json")).headers["access-control-allow-origin"]).toBe("*");
    expect((await get(server, "/figures.json")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  test("a missing file is 404, no folder is listed, and nothing above the root is reached", async () => {
    expect((await get(server, "/nope.json")).status).toBe(404);
    expect((await get(server, "/assets/")).status).toBe(404);
    expect((await get(server, "/../package.json")).status).toBe(400);
  });

  describeInBrowser("the nginx-served add-in in Chromium")("in Chromium", () => {
    let browser: BrowserSession;
    let other: StaticServer;

    beforeAll(async () => {
      browser = await launchChromium({ width: 350, height: 600, ignoreHTTPSErrors: true });
      // Another origin, as Excel on the web is to the add-in's host.
      other = await serveFolder(path.join(__dirname, "..", "..", "assets"));
    });

    afterAll(async () => {
      await browser?.close();
      await other?.close();
    });

    test("the pane loads: the served figures, the preview from its chunk, no console error, under the CSP header", async () => {
      const { page, errors } = await openPane(browser.context, server.origin);
      await page.waitForSelector("body[data-mode='preview']");
      await page.waitForSelector("#previews[data-loaded='true']");
      expect(await page.getAttribute("#figures-version", "data-origin")).toBe("served");
      // The headline figures, then those under More figures, each in the file's order.
      const order = [...allFigures().filter((f) => f.headline === true), ...allFigures().filter((f) => f.headline !== true)];
      expect(await page.$$eval("[data-figure]", (cards) => cards.map((c) => c.getAttribute("data-figure")))).toEqual(
        order.map((f) => f.id),
      );
      expect(await page.$$eval("[data-preview]", (items) => items.length)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    });

    test("the functions' help page loads, and functions.json can be read from another origin", async () => {
      const { page, errors } = await openPane(browser.context, server.origin, { path: "help.html" });
      expect(await page.textContent("h1")).toBe("Deal Desk: DEAL.* functions");
      expect(errors).toEqual([]);
      const elsewhere = await browser.context.newPage();
      await elsewhere.goto(`${other.origin}/icon-16.png`);
      const ids = await elsewhere.evaluate(async (url) => {
        const response = await fetch(url);
        return ((await response.json()) as { functions: { id: string }[] }).functions.map((f) => f.id);
      }, `${server.origin}/functions.json`);
      const built = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: { id: string }[] };
      expect(ids).toEqual(built.functions.map((f) => f.id));
      await elsewhere.close();
      await page.close();
    });
  });
});
