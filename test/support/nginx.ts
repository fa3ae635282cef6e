/**
 * Serving a build through Debian's nginx for the tests, with the project's own configuration
 * (deploy/nginx/): a throwaway prefix folder, a self-signed certificate for 127.0.0.1 made with
 * openssl, the site file with its host-specific lines pointed there, and nginx in the foreground
 * on a free loopback port, stopped by its process id.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { onCi } from "./libreoffice";

export const NGINX_INSTALL = "apt-get install -y nginx openssl (bash .ci/run installs them)";
export const DEPLOY_DIR = path.resolve(__dirname, "..", "..", "deploy", "nginx");

/** The first of $NGINX, /usr/sbin/nginx or nginx on PATH that runs, with the mime.types beside its configuration. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): { nginx: string; mimeTypes: string } | null {
  const candidates = env.NGINX
    ? [env.NGINX]
    : ["/usr/sbin/nginx", ...(env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "nginx"))];
  for (const nginx of candidates) {
    const version = spawnSync(nginx, ["-V"], { encoding: "utf8" });
    if (version.status !== 0) continue;
    const confPath = /--conf-path=(\S+)/.exec(version.stderr)?.[1] ?? "/etc/nginx/nginx.conf";
    const mimeTypes = path.join(path.dirname(confPath), "mime.types");
    if (fs.existsSync(mimeTypes)) return { nginx, mimeTypes };
  }
  return null;
}

/** True when the openssl command runs (it makes the test's certificate). */
export function opensslAvailable(): boolean {
  return spawnSync("openssl", ["version"]).status === 0;
}

/**
 * Whether the nginx suite runs: true when nginx and openssl are here. Without them it is skipped
 * with a loud warning giving the install line; with CI set (to any value) their absence is an
 * error instead, so CI cannot pass by not running it.
 */
export function nginxTestsEnabled(
  title: string,
  env: NodeJS.ProcessEnv = process.env,
  found: ReturnType<typeof findNginx> = findNginx(env),
  openssl: boolean = opensslAvailable(),
): boolean {
  const missing = !found
    ? "nginx was not found ($NGINX, /usr/sbin/nginx or PATH, with mime.types)"
    : !openssl
      ? "openssl is not on PATH"
      : null;
  if (!missing) return true;
  if (onCi(env))
    throw new Error(`${title}: ${missing}. CI is set, so this suite must run and this is a failure. Install: ${NGINX_INSTALL}`);
  console.warn(`\n!!!!!!!!\n${title}: ${missing}. These checks are SKIPPED. Enable them with: ${NGINX_INSTALL}\n!!!!!!!!\n`);
  return false;
}

/** `describe` when the nginx suite runs (see nginxTestsEnabled); otherwise `describe.skip`, its name saying why. */
export function describeWithNginx(title: string, body: (found: { nginx: string; mimeTypes: string }) => void): void {
  const found = findNginx();
  if (nginxTestsEnabled(title, process.env, found) && found) {
    describe(title, () => body(found));
    return;
  }
  describe.skip(`${title} [skipped: nginx or openssl missing; install: ${NGINX_INSTALL}]`, () => body({ nginx: "", mimeTypes: "" }));
}

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

/**
 * deploy/nginx/deal-desk-site.conf with its host-specific lines pointed at the test's: one listen
 * on loopback, the certificate, the root and the headers snippet from the repository. Every other
 * line is the file's own.
 */
export function siteForTest(site: string, at: { port: number; cert: string; key: string; root: string; headers: string }): string {
  let listened = false;
  const lines = site.split("\n").flatMap((line) => {
    const directive = /^\s*([a-z_]+)\s/.exec(line)?.[1];
    const indent = /^\s*/.exec(line)![0];
    switch (directive) {
      case "listen":
        if (listened) return [];
        listened = true;
        return [`${indent}listen 127.0.0.1:${at.port} ssl;`];
      case "ssl_certificate":
        return [`${indent}ssl_certificate ${at.cert};`];
      case "ssl_certificate_key":
        return [`${indent}ssl_certificate_key ${at.key};`];
      case "root":
        return [`${indent}root ${at.root};`];
      case "include":
        return [`${indent}include ${at.headers};`];
      default:
        return [line];
    }
  });
  return lines.join("\n");
}

export interface NginxServer {
  readonly origin: string;
  /** The self-signed certificate (PEM), for a client that checks it. */
  readonly cert: string;
  /** The configuration nginx runs, for a failure message. */
  readonly config: string;
  stop(): Promise<void>;
}

function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`nginx exited with ${child.exitCode}:\n${log()}`));
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() - started > timeoutMs) reject(new Error(`nginx did not listen on ${port} within ${timeoutMs} ms:\n${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Serves a copy of `dist` through nginx with the project's configuration, on https://127.0.0.1:<free port>. */
export async function serveWithNginx(found: { nginx: string; mimeTypes: string }, dist: string): Promise<NginxServer> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-nginx-"));
  // nginx started as root serves as an unprivileged user: the copy must be readable by anyone.
  fs.chmodSync(prefix, 0o755);
  const root = path.join(prefix, "www");
  fs.cpSync(dist, root, { recursive: true });
  const cert = path.join(prefix, "cert.pem");
  const key = path.join(prefix, "key.pem");
  const openssl = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { encoding: "utf8" },
  );
  if (openssl.status !== 0) throw new Error(`openssl could not make the test certificate:\n${openssl.stderr}`);
  const port = await freePort();
  const site = siteForTest(fs.readFileSync(path.join(DEPLOY_DIR, "deal-desk-site.conf"), "utf8"), {
    port,
    cert,
    key,
    root,
    headers: path.join(DEPLOY_DIR, "deal-desk-headers.conf"),
  });
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`;
  const config = [
    "worker_processes 1;",
    "daemon off;",
    `pid ${path.join(prefix, "nginx.pid")};`,
    `error_log ${path.join(prefix, "error.log")} warn;`,
    "events { worker_connections 64; }",
    "http {",
    `  include ${found.mimeTypes};`,
    "  default_type application/octet-stream;",
    `  access_log ${path.join(prefix, "access.log")};`,
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temp(name)}`),
    site,
    "}",
    "",
  ].join("\n");
  const configFile = path.join(prefix, "nginx.conf");
  fs.writeFileSync(configFile, config);
  const child = spawn(found.nginx, ["-p", prefix, "-c", configFile, "-e", path.join(prefix, "error.log")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const log = () => {
    const errorLog = path.join(prefix, "error.log");
    return `${output}${fs.existsSync(errorLog) ? fs.readFileSync(errorLog, "utf8") : ""}\n--- nginx.conf ---\n${config}`;
  };
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    if (child.exitCode === null) child.kill("SIGQUIT");
    fs.rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    origin: `https://127.0.0.1:${port}`,
    cert: fs.readFileSync(cert, "utf8"),
    config,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        // SIGQUIT: nginx's graceful stop; its workers exit with the master.
        child.kill("SIGQUIT");
        await exited;
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
