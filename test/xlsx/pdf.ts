/**
 * Printing .xlsx files to PDF with LibreOffice (`soffice --headless --convert-to pdf`, its own
 * profile per run), and counting the pages of the result: how the print tests see what a user
 * would get from File > Print.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createRecalcProfile } from "../support/libreoffice";

/** Prints each file to a PDF in a new folder; returns the PDFs' paths, in the order given. */
export function printToPdf(files: readonly string[], soffice: string, timeoutMs = 180_000): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-pdf-"));
  const outDir = path.join(root, "out");
  fs.mkdirSync(outDir);
  const args = [
    `-env:UserInstallation=${createRecalcProfile(root)}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--nodefault",
    "--convert-to",
    "pdf",
    "--outdir",
    outDir,
    ...files.map((f) => path.resolve(f)),
  ];
  const run = spawnSync(soffice, args, { encoding: "utf8", timeout: timeoutMs });
  return files.map((f) => {
    const pdf = path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not print ${f}. Its output:\n${run.stdout}${run.stderr}${run.error ?? ""}`);
    return pdf;
  });
}

/** The number of pages of a PDF: its page objects ("/Type /Page", not the "/Pages" tree nodes). */
export function pdfPageCount(file: string): number {
  const text = fs.readFileSync(file).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Each page's size in points, [width, height], from the MediaBox of its page object. */
export function pdfPageSizes(file: string): [number, number][] {
  const text = fs.readFileSync(file).toString("latin1");
  return [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])[^>]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
    (m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])],
  );
}
