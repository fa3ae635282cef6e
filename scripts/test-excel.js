"use strict";
/**
 * npm run test:excel: the self-test in real Excel (docs/self-test.md), as Microsoft's add-in
 * templates run their end-to-end tests. Builds the add-in (unless --no-build: then DIST_DIR or
 * dist/ is served as it is), serves it over HTTPS on https://localhost:PORT as npm start does,
 * writes a self-test manifest whose pane opens taskpane.html?selftest=1, and waits for the pane to
 * POST its report to /self-test/results. Prints the report and exits 0 when every check passed,
 * 1 when one failed or none arrived within SELFTEST_TIMEOUT_MINUTES (default 30).
 */
const fs = require("fs");
const https = require("https");
const path = require("path");
const webpack = require("webpack");
const { ensureCertificates, trustCa, handler } = require("./start.js");
const { parseReport, reportLines } = require("../src/self-test/checks");

const ROOT = path.join(__dirname, "..");
const RESULTS_PATH = "/self-test/results";
/** Its own add-in Id, so Office keeps it apart from a sideloaded development copy. */
const SELF_TEST_ID = "7d6a3c2e-5f41-4b8a-9e07-2c9f1b6d8a53";
const MAX_REPORT_BYTES = 1024 * 1024;

function fail(message) {
  console.error(`npm run test:excel: ${message}`);
  process.exit(1);
}

function setting(name, fallback, valid) {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !valid(value)) fail(`${name} must be a whole number (${fallback} unless set), got "${raw}".`);
  return value;
}

/** The development manifest, pointed at the pane's self-test mode, with its own Id and name. */
function selfTestManifest(text) {
  return text
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${SELF_TEST_ID}</Id>`)
    .replace('<DisplayName DefaultValue="Deal Desk"/>', '<DisplayName DefaultValue="Deal Desk self-test"/>')
    .split('/taskpane.html"')
    .join('/taskpane.html?selftest=1"');
}

function build(config) {
  return new Promise((resolve, reject) => {
    webpack(config).run((error, stats) => {
      if (error || stats.hasErrors())
        reject(new Error(`the build failed:\n${error ? error.message : stats.toString({ all: false, errors: true })}`));
      else resolve();
    });
  });
}

function instructions(manifest, baseUrl) {
  return [
    `Deal Desk's self-test is served at ${baseUrl}/taskpane.html?selftest=1.`,
    `Sideload ${manifest} into an EMPTY workbook (see docs/self-test.md for each platform):`,
    "- Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in, pick the file.",
    "- Excel on Windows: copy it to your shared-folder catalog, then Home > Add-ins > More Add-ins > Shared Folder.",
    "- Excel on Mac: copy it to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/, restart Excel, Home > Add-ins.",
    "Then open Deal Desk self-test from the Home tab: it runs by itself and sends its results here.",
    `Waiting for the self-test's results at ${baseUrl}${RESULTS_PATH} (Ctrl+C to stop) ...`,
  ].join("\n");
}

/** Serves the build; a POST of the report ends the run with its verdict. */
function server(credentials, distDir, done) {
  const serve = handler(distDir);
  return https.createServer(credentials, (request, response) => {
    if (request.method !== "POST" || new URL(request.url, "https://localhost").pathname !== RESULTS_PATH) return serve(request, response);
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
      if (body.length > MAX_REPORT_BYTES) request.destroy();
    });
    request.on("end", () => {
      let report = null;
      try {
        report = parseReport(JSON.parse(body));
      } catch {
        report = null;
      }
      response.writeHead(report ? 200 : 400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      response.end(report ? "received\n" : "not a self-test report\n", () => report && done(report));
    });
  });
}

async function main() {
  const port = setting("PORT", 3000, (p) => p >= 1 && p <= 65535);
  const timeoutMinutes = setting("SELFTEST_TIMEOUT_MINUTES", 30, (m) => m >= 1);
  const baseUrl = `https://localhost:${port}`;
  const distDir = path.resolve(ROOT, process.env.DIST_DIR || "dist");
  if (process.argv.includes("--no-build")) {
    if (!fs.existsSync(path.join(distDir, "manifest.xml")))
      fail(`${distDir} holds no build (manifest.xml is missing); run without --no-build.`);
  } else {
    process.env.ADDIN_BASE_URL = baseUrl;
    console.log(`Building into ${distDir} ...`);
    await build(require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" }));
  }
  const manifest = path.join(distDir, "self-test-manifest.xml");
  fs.writeFileSync(
    manifest,
    selfTestManifest(fs.readFileSync(path.join(distDir, "manifest.xml"), "utf8").split("https://localhost:3000").join(baseUrl)),
  );
  const credentials = await ensureCertificates();
  await trustCa();

  const finish = (code) => {
    clearTimeout(timer);
    http.closeAllConnections();
    http.close(() => process.exit(code));
  };
  const http = server(credentials, distDir, (report) => {
    console.log(`\nSelf-test results:\n${reportLines(report).join("\n")}`);
    finish(report.failed === 0 ? 0 : 1);
  });
  const timer = setTimeout(
    () => {
      console.error(`No results arrived within ${timeoutMinutes} minutes; was the self-test manifest sideloaded and the pane opened?`);
      finish(1);
    },
    timeoutMinutes * 60 * 1000,
  );
  await new Promise((resolve, reject) => {
    http.once("error", (error) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is in use; stop the other server (npm start?) or set PORT.`) : error),
    );
    http.listen(port, "localhost", resolve);
  });
  console.log(`\n${instructions(manifest, baseUrl)}`);
}

main().catch((error) => fail(error.message));
