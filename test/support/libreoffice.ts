/**
 * Recalculating .xlsx files in LibreOffice, headless, so the tests can read what a spreadsheet
 * engine nobody here wrote computes from our formulas.
 *
 * Each run gets its own LibreOffice profile (runs never share or lock one another's), in which
 * OOXMLRecalcMode is 0: "always recalculate on load". Without it LibreOffice keeps the cached
 * values of the file, and ExcelJS writes none. Runs are slow (seconds), so `recalculate` converts
 * several files in one call.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The line that installs what these tests need on Debian and Ubuntu. */
export const LIBREOFFICE_INSTALL = "apt-get install -y libreoffice-calc-nogui";

/** Always recalculate OOXML (and ODF) files on load; the registry paths LibreOffice reads. */
const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice executable: $SOFFICE when set, otherwise the first soffice or libreoffice on PATH. */
export function findSoffice(): string | null {
  const explicit = process.env.SOFFICE;
  if (explicit) return fs.existsSync(explicit) ? explicit : null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // Not in this folder; try the next.
      }
    }
  }
  return null;
}

/** A fresh profile folder whose registry says "always recalculate on load"; returns its file URL. */
export function createRecalcProfile(root: string): string {
  const profile = path.join(root, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ON_LOAD);
  return `file://${profile}`;
}

/**
 * Opens each file in LibreOffice, which recalculates every formula, and saves it as .xlsx in a
 * new folder. Resolves to the converted files' paths, in the order given. File names must be
 * distinct: LibreOffice names each output after its input.
 */
export async function recalculate(files: readonly string[], soffice: string, timeoutMs = 180_000): Promise<string[]> {
  const bases = files.map((f) => path.basename(f));
  if (new Set(bases).size !== bases.length) throw new Error(`recalculate needs distinct file names, got ${bases.join(", ")}`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-lo-"));
  const outDir = path.join(root, "out");
  fs.mkdirSync(outDir);
  const args = [
    `-env:UserInstallation=${createRecalcProfile(root)}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--nodefault",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    outDir,
    ...files.map((f) => path.resolve(f)),
  ];
  const output = await run(soffice, args, timeoutMs);
  return bases.map((base) => {
    const converted = path.join(outDir, base);
    if (!fs.existsSync(converted)) {
      throw new Error(`LibreOffice did not convert ${base}. Its output:\n${output}`);
    }
    return converted;
  });
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`LibreOffice took longer than ${timeoutMs} ms. Its output so far:\n${output}`));
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} exited with ${code}. Its output:\n${output}`));
    });
  });
}

/**
 * True when CI is set, to any value (CI=true, CI=1, even CI=0): a run that says it is CI must run
 * every check, so a missing browser or LibreOffice fails it instead of skipping.
 */
export function onCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI !== undefined;
}

/**
 * `describe` for tests that need LibreOffice. Without it the block is reported as skipped and a
 * warning gives the install line; with CI set a missing LibreOffice fails instead, so CI can
 * never pass by not running these checks.
 */
export function describeWithLibreOffice(title: string, body: (soffice: string) => void): void {
  const soffice = findSoffice();
  if (soffice) {
    describe(title, () => body(soffice));
    return;
  }
  const where = process.env.SOFFICE ? `SOFFICE=${process.env.SOFFICE} does not exist` : "soffice is not on PATH";
  if (onCi()) {
    describe(title, () => {
      test("LibreOffice is installed (CI runs these checks, never skips them)", () => {
        throw new Error(`${where} and CI is set. Install LibreOffice: ${LIBREOFFICE_INSTALL}`);
      });
    });
    return;
  }
  console.warn(
    `SKIPPED: "${title}" needs LibreOffice (${where}). These checks recalculate the workbook in a real spreadsheet engine; enable them with:\n  ${LIBREOFFICE_INSTALL}`,
  );
  describe.skip(`${title} [skipped: LibreOffice not found (${where}); install: ${LIBREOFFICE_INSTALL}]`, () => body(""));
}
