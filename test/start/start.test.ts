import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
/**
 * A home folder of the test's own, as on a fresh machine: npm start must generate the development
 * certificates there before it serves.
 */
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-home-"));
const CA = path.join(HOME, ".office-addin-dev-certs", "ca.crt");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the output so far once `marker` appears; rejects if the process exits first. */
function waitForOutput(child: ChildProcess, marker: string, output: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (output.text.includes(marker)) resolve();
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code} before serving:\n${output.text}`)));
  });
}

function curl(args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync("curl", ["--silent", "--show-error", ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout };
}

describe("npm start", () => {
  let child: ChildProcess;
  let port: number;
  let distDir: string;
  const output = { text: "" };

  beforeAll(async () => {
    port = await freePort();
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-start-"));
    child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
      cwd: ROOT,
      env: { ...process.env, HOME, PORT: String(port), DIST_DIR: distDir, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
    await waitForOutput(child, `Deal Desk is served at https://localhost:${port}/taskpane.html`, output);
  });

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    fs.rmSync(distDir, { recursive: true, force: true });
    fs.rmSync(HOME, { recursive: true, force: true });
  });

  it("generates the development certificates on a machine that has none", () => {
    for (const file of ["ca.crt", "localhost.crt", "localhost.key"]) {
      expect(fs.statSync(path.join(HOME, ".office-addin-dev-certs", file)).size).toBeGreaterThan(0);
    }
    expect(output.text).toContain(CA);
  });

  it("serves the task pane over HTTPS with a certificate the generated CA vouches for", () => {
    const result = curl(["--cacert", CA, "--write-out", "\n%{http_code} %{content_type}", `https://localhost:${port}/taskpane.html`]);
    expect(result.status).toBe(0);
    const body = result.stdout.slice(0, result.stdout.lastIndexOf("\n"));
    expect(result.stdout.slice(result.stdout.lastIndexOf("\n") + 1)).toBe("200 text/html; charset=utf-8");
    expect(body).toBe(fs.readFileSync(path.join(distDir, "taskpane.html"), "utf8"));
  });

  it("serves functions.json as JSON", () => {
    const result = curl(["--cacert", CA, "--write-out", "\n%{http_code} %{content_type}", `https://localhost:${port}/functions.json`]);
    expect(result.status).toBe(0);
    const body = result.stdout.slice(0, result.stdout.lastIndexOf("\n"));
    expect(result.stdout.slice(result.stdout.lastIndexOf("\n") + 1)).toBe("200 application/json; charset=utf-8");
    expect(JSON.parse(body)).toEqual(JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8")));
  });

  it("builds a manifest that points at the port it serves", () => {
    const manifest = fs.readFileSync(path.join(distDir, "manifest.xml"), "utf8");
    expect(manifest).toContain(`https://localhost:${port}/taskpane.html`);
    expect(manifest).not.toContain("https://localhost:3000");
  });

  it("answers 404 for files outside the build", () => {
    for (const url of [`https://localhost:${port}/package.json`, `https://localhost:${port}/%2e%2e/package.json`]) {
      const result = curl(["--cacert", CA, "--path-as-is", "--output", "/dev/null", "--write-out", "%{http_code}", url]);
      expect(result.stdout).toBe("404");
    }
  });

  it("does not speak plain HTTP", () => {
    const result = curl(["--output", "/dev/null", "--write-out", "%{http_code}", `http://localhost:${port}/taskpane.html`]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("000");
  });

  it("stops cleanly with exit code 0 on SIGTERM", async () => {
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});
