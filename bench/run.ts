/**
 * `npm run bench`: runs every bench/*.bench.ts module in name order and prints its report.
 * Each module exports `title` and `run()`, which resolves to the lines to print. Figures are
 * measured, never asserted: compare ratios taken in the same run.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

interface BenchModule {
  title: string;
  run(): Promise<string[]>;
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `Deal Desk benchmarks — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const bench = require(path.join(__dirname, file)) as BenchModule;
    console.log(`\n## ${bench.title}`);
    for (const line of await bench.run()) console.log(line);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
