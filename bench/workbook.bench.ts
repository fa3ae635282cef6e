/**
 * The portable workbook: how long `npm run workbook` takes (the whole command, and the write
 * alone), how big the file is, and how long LibreOffice takes to open and recalculate it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildAllBlocks } from "../src/sheets";
import { summarize, writeWorkbook } from "../src/xlsx";
import { findSoffice, recalculate } from "../test/support/libreoffice";

export const title = "Portable workbook (npm run workbook)";

const ROOT = path.resolve(__dirname, "..");
const RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

export async function run(): Promise<string[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-bench-"));
  try {
    const command = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
      .workbook;
    const commandTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      const result = spawnSync("sh", ["-c", `${command} --out '${path.join(scratch, `cli-${i}.xlsx`)}'`], { cwd: ROOT, encoding: "utf8" });
      commandTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (result.status !== 0) throw new Error(`npm run workbook failed: ${result.stderr}`);
    }

    const writeTimes: number[] = [];
    let file = "";
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      const saved = await writeWorkbook(buildAllBlocks({}), path.join(scratch, `write-${i}.xlsx`));
      writeTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      file = saved.path;
      bytes = saved.bytes;
    }
    const summary = summarize(buildAllBlocks({}));

    const rows = [
      "| measure | value |",
      "|---|---|",
      `| the \`workbook\` command of package.json (Node start, transpile, build, write; npm's own start-up not included), median of ${RUNS} | ${ms(median(commandTimes))} |`,
      `| build the specs and write the file, in process, median of ${RUNS} | ${ms(median(writeTimes))} |`,
      `| file size | ${(bytes / 1024).toFixed(1)} KB |`,
      `| sheets / cells / named ranges | ${summary.sheets.length} / ${summary.cells} / ${summary.names.length} |`,
    ];

    const soffice = findSoffice();
    if (soffice) {
      const recalcTimes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const copy = path.join(scratch, `recalc-${i}.xlsx`);
        fs.copyFileSync(file, copy);
        const started = process.hrtime.bigint();
        await recalculate([copy], soffice);
        recalcTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      rows.push(`| LibreOffice headless open, recalculate and save (fresh profile), median of 3 | ${ms(median(recalcTimes))} |`);
    } else {
      rows.push("| LibreOffice recalculation | not measured: soffice is not installed |");
    }
    return rows;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
