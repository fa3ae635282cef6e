/**
 * The Excel writer's round trips: context.sync calls and cells written per action, measured on
 * the fake Excel host (test/fakes/fake-excel.ts), which counts both as Office.js would. Target:
 * at most 2 syncs per action.
 */
import { applyUpdate, insertBlocks, planUpdate } from "../src/excel";
import { BLOCKS, BLOCK_TITLES } from "../src/sheets";
import { FakeWorkbook, installFakeOffice } from "../test/fakes/fake-excel";
import { previousSource } from "../test/excel/actions";

export const title = "Excel writer: context.sync calls and cells written per action";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;

interface Row {
  action: string;
  syncs: number;
  cells: number;
}

async function measure(wb: FakeWorkbook, action: string, run: () => Promise<{ ok: boolean }>): Promise<Row> {
  const syncs = wb.syncCount;
  const log = wb.syncLog.length;
  const result = await run();
  if (!result.ok) throw new Error(`${action} failed: ${JSON.stringify(result)}`);
  const cells = wb.syncLog.slice(log).reduce((n, s) => n + s.cellsWritten, 0);
  return { action, syncs: wb.syncCount - syncs, cells };
}

export async function run(): Promise<string[]> {
  const rows: Row[] = [];
  for (const block of BLOCKS) {
    const wb = installFakeOffice(globalThis, new FakeWorkbook());
    rows.push(
      await measure(
        wb,
        `Insert ${BLOCK_TITLES[block]}${block === "amzn" || block === "capex" || block === "sensitivity" ? " (+ Deal, which its formulas need)" : ""}`,
        () => insertBlocks([block], NEW_SHEET),
      ),
    );
  }
  const all = installFakeOffice(globalThis, new FakeWorkbook());
  rows.push(await measure(all, "Insert all", () => insertBlocks([...BLOCKS], NEW_SHEET)));
  rows.push(await measure(all, "Insert all again (already present)", () => insertBlocks([...BLOCKS], NEW_SHEET)));

  const updated = installFakeOffice(globalThis, new FakeWorkbook());
  await insertBlocks([...BLOCKS], NEW_SHEET, previousSource);
  updated.setCell("Deal", "B7", 90e9);
  rows.push(await measure(updated, "planUpdate (figures changed, one user edit)", () => planUpdate()));
  rows.push(await measure(updated, "applyUpdate (edit kept)", () => applyUpdate([])));
  rows.push(await measure(updated, "applyUpdate repeated, no change", () => applyUpdate([])));
  // The key the review gives the edited cell ("deal|fig|deal.round_size|Reported").
  const review = await planUpdate();
  const edited = review.ok ? review.value.conflicts.map((c) => c.key) : [];
  if (edited.length !== 1) throw new Error(`expected one conflict to accept, got ${edited.length}`);
  rows.push(await measure(updated, "applyUpdate accepting the edit's replacement", () => applyUpdate(edited)));

  return ["| action | context.sync | cells written |", "|---|---:|---:|", ...rows.map((r) => `| ${r.action} | ${r.syncs} | ${r.cells} |`)];
}
