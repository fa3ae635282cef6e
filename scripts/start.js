"use strict";
/**
 * npm start: builds the add-in (and rebuilds on change), serves the build over HTTPS on
 * https://localhost:PORT (PORT defaults to 3000) with the Office development certificates, and
 * prints how to sideload it into Excel. It never serves plain HTTP: Office refuses add-ins over it.
 * Certificates live in ~/.office-addin-dev-certs; when they are missing or expired they are
 * generated with office-addin-dev-certs. Trusting the CA needs administrator rights, so where that
 * cannot happen here (no sudo, no terminal, CI) the script says which file to trust and how.
 */
const crypto = require("crypto");
const fs = require("fs");
const https = require("https");
const path = require("path");
const { spawnSync } = require("child_process");
const webpack = require("webpack");
const devCerts = require("office-addin-dev-certs");
// Where office-addin-dev-certs keeps the certificates (~/.office-addin-dev-certs); main does not export it.
const certPaths = require("office-addin-dev-certs/lib/defaults");

const ROOT = path.join(__dirname, "..");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
};

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function readPort() {
  const raw = process.env.PORT ?? "3000";
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) fail(`PORT must be a port number from 1 to 65535, got "${raw}".`);
  return port;
}

/** True when the three files exist, the certificate is valid for another day and was issued by the CA. */
function certificatesUsable() {
  const files = [certPaths.caCertificatePath, certPaths.localhostCertificatePath, certPaths.localhostKeyPath];
  if (!files.every((file) => fs.existsSync(file))) return false;
  try {
    const ca = new crypto.X509Certificate(fs.readFileSync(certPaths.caCertificatePath));
    const cert = new crypto.X509Certificate(fs.readFileSync(certPaths.localhostCertificatePath));
    const key = crypto.createPrivateKey(fs.readFileSync(certPaths.localhostKeyPath));
    const tomorrow = Date.now() + 24 * 60 * 60 * 1000;
    return (
      new Date(cert.validTo).getTime() > tomorrow &&
      new Date(ca.validTo).getTime() > tomorrow &&
      cert.verify(ca.publicKey) &&
      cert.checkPrivateKey(key) &&
      cert.checkHost("localhost") !== undefined
    );
  } catch {
    return false;
  }
}

async function ensureCertificates() {
  if (!certificatesUsable()) {
    // generateCertificates writes nothing when ca.crt exists, so stale files go first.
    for (const file of [certPaths.caCertificatePath, certPaths.localhostCertificatePath, certPaths.localhostKeyPath]) {
      fs.rmSync(file, { force: true });
    }
    await devCerts.generateCertificates();
  }
  return {
    cert: fs.readFileSync(certPaths.localhostCertificatePath),
    key: fs.readFileSync(certPaths.localhostKeyPath),
  };
}

function caInstalled() {
  try {
    return devCerts.getCaCertificateStatus().status === devCerts.CertificateStatus.Installed;
  } catch {
    return false;
  }
}

/** Why the CA cannot be installed from here, or undefined when trying makes sense. */
function cannotInstallReason() {
  if (process.env.CI) return "CI is set";
  if (process.platform === "linux" && spawnSync("sh", ["-c", "command -v sudo"]).status !== 0) return "sudo is not available";
  if (!process.stdin.isTTY) return "there is no terminal to ask for a password";
  return undefined;
}

function trustParagraph(reason) {
  const ca = certPaths.caCertificatePath;
  return [
    `The development CA was not installed (${reason}), so browsers and Excel will not trust https://localhost yet.`,
    `Trust the CA certificate ${ca} once, then restart the browser or Excel:`,
    `on Linux run \`sudo cp "${ca}" /usr/local/share/ca-certificates/office-addin-dev-certs.crt && sudo update-ca-certificates\`,`,
    `and for Chrome, Chromium or Edge also \`certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in dev CA" -i "${ca}"\``,
    "(package libnss3-tools; Firefox: Settings > Privacy & Security > Certificates > Import);",
    `on macOS run \`security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db "${ca}"\`;`,
    `on Windows run \`certutil -user -addstore Root "${ca}"\`.`,
    "Or run `npx office-addin-dev-certs install` on a machine where you have administrator rights.",
  ].join("\n");
}

async function trustCa() {
  if (caInstalled()) return;
  const reason = cannotInstallReason();
  if (reason !== undefined) {
    console.log(`\n${trustParagraph(reason)}\n`);
    return;
  }
  try {
    await devCerts.installCaCertificate();
  } catch (error) {
    console.log(`\n${trustParagraph(error.message.split("\n")[0])}\n`);
  }
}

function sideloadInstructions(baseUrl, distDir) {
  const manifest = path.join(distDir, "manifest.xml");
  return [
    `Deal Desk is served at ${baseUrl}/taskpane.html (functions: ${baseUrl}/functions.json).`,
    "",
    "Sideload it into Excel with the manifest " + manifest + ":",
    "- Excel on the web: open a workbook, then Home > Add-ins > More Add-ins (or Insert > Add-ins) > Upload My Add-in,",
    `  and pick that file. The browser must trust the development CA ${certPaths.caCertificatePath}.`,
    "- Excel on Windows: share a folder (e.g. C:\\AddinCatalog as \\\\YOUR-PC\\AddinCatalog) and copy the manifest into it;",
    "  in Excel, File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs, add the share's URL,",
    "  tick Show in Menu, restart Excel, then Home > Add-ins > More Add-ins > Shared Folder > Deal Desk.",
    "- Excel on Mac: copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (create the folder),",
    "  restart Excel, then Home > Add-ins (or Insert > My Add-ins) and choose Deal Desk under developer add-ins.",
    "",
    "The Deal Desk button is on the Home tab; type =DEAL. in a cell for the functions. Press Ctrl+C to stop.",
  ].join("\n");
}

/** Serves files of distDir only; "/" is the task pane. */
function handler(distDir) {
  return (request, response) => {
    const headers = {
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // Excel on the web fetches functions.json and the icons from its own origin.
      "Access-Control-Allow-Origin": "*",
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headers, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      response.end("Method not allowed\n");
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, "https://localhost").pathname);
    } catch {
      pathname = "\0";
    }
    const file = path.resolve(distDir, "." + (pathname === "/" ? "/taskpane.html" : pathname));
    const inside = file.startsWith(distDir + path.sep) && !pathname.includes("\0");
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      response.end(`Not found: ${pathname}\n`);
      return;
    }
    const body = fs.readFileSync(file);
    response.writeHead(200, {
      ...headers,
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": body.length,
    });
    response.end(request.method === "HEAD" ? undefined : body);
  };
}

/** Builds once, then keeps rebuilding on change; resolves after the first successful build. */
function buildAndWatch(config) {
  return new Promise((resolve, reject) => {
    let first = true;
    const compiler = webpack(config);
    const watching = compiler.watch({ aggregateTimeout: 300, ignored: /node_modules|[\\/]dist[\\/]/ }, (error, stats) => {
      if (error || stats.hasErrors()) {
        const details = error ? error.message : stats.toString({ all: false, errors: true, colors: false });
        if (first) {
          watching.close(() => reject(new Error(`the build failed:\n${details}`)));
          return;
        }
        console.error(`Rebuild failed; still serving the previous build.\n${details}`);
        return;
      }
      if (first) {
        first = false;
        resolve(watching);
      } else {
        console.log(`Rebuilt in ${stats.endTime - stats.startTime} ms.`);
      }
    });
  });
}

async function main() {
  const port = readPort();
  const baseUrl = `https://localhost:${port}`;
  // The local manifest must point at this server, whatever a production ADDIN_BASE_URL says.
  process.env.ADDIN_BASE_URL = baseUrl;
  const distDir = path.resolve(ROOT, process.env.DIST_DIR || "dist");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });

  const credentials = await ensureCertificates();
  await trustCa();

  console.log(`Building into ${distDir} ...`);
  const watching = await buildAndWatch(config);

  const server = https.createServer(credentials, handler(distDir));
  await new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is in use; stop the other server or set PORT.`) : error),
    );
    server.listen(port, "localhost", resolve);
  });
  console.log(`\n${sideloadInstructions(baseUrl, distDir)}`);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the server.`);
    server.closeAllConnections();
    server.close(() => watching.close(() => process.exit(0)));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// npm run test:excel (scripts/test-excel.js) serves the same way.
module.exports = { ensureCertificates, trustCa, handler };

if (require.main === module) main().catch((error) => fail(error.message));
