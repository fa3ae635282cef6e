/**
 * How long the pure sheet builders and the formula evaluator take: what "Insert all" spends
 * before it talks to Excel, and what the pane's preview spends to show every block.
 */
import { buildAllBlocks } from "../src/sheets";
import { evaluateWorkbook } from "../src/sheets/evaluate";

export const title = "Sheet builders and formula evaluator";

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(repeats: number, work: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

export async function run(): Promise<string[]> {
  const specs = buildAllBlocks({ includeStockHistory: true });
  const cells = specs.reduce((n, s) => n + s.cells.length, 0);
  const formulas = specs.reduce((n, s) => n + s.cells.filter((c) => c.formula !== undefined).length, 0);
  const evaluateAll = () => {
    const wb = evaluateWorkbook(specs);
    for (const s of specs) for (const c of s.cells) wb.value(s.sheetName, c.row, c.col);
  };
  time(20, () => buildAllBlocks());
  time(20, evaluateAll);
  const build = time(200, () => buildAllBlocks({ includeStockHistory: true }));
  const evaluate = time(200, evaluateAll);
  return [
    `${specs.length} blocks, ${cells} cells, ${formulas} formulas (median of 200 runs)`,
    "",
    "| step | ms |",
    "|---|---:|",
    `| build all five blocks | ${build.toFixed(2)} |`,
    `| compute every cell of the five blocks | ${evaluate.toFixed(2)} |`,
  ];
}
