/**
 * Each sheet's own names (src/excel/sheet-names.ts) on two hosts, through Excel's real client:
 * one that fills a sheet's `names` inside the sheets' query, and one that leaves them out, which
 * no page rules out. On both, Insert and the update see a sheet's own names (a table never takes
 * one); the second costs one sync more, and only there.
 */
import { applyUpdate, insertBlocks, planUpdate } from "../../src/excel";
import { FakeWorkbook } from "../fakes/workbook";
import { ok, previousSource } from "../excel/actions";
import { installRealClient } from "./install";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;

const HOSTS: [string, string[], number][] = [
  ["fills the sheets' names inside their query", [], 0],
  ["leaves the sheets' names out of their query", ["Worksheet.names"], 1],
];

/** A workbook whose Sheet1 has names of its own, DealFigures and DealChanges: Workbook.names lists neither. */
async function workbookWithSheetNames(leftOut: string[]): Promise<FakeWorkbook> {
  const wb = installRealClient(globalThis, new FakeWorkbook(), { leftOutOfCollectionQueries: leftOut });
  await Excel.run(async (context) => {
    const own = context.workbook.worksheets.getItem("Sheet1").names;
    own.add("DealFigures", "=Sheet1!$A$1", "mine");
    own.add("DealChanges", "=Sheet1!$A$2", "mine");
    await context.sync();
  });
  return wb;
}

async function syncsOf<T>(wb: FakeWorkbook, action: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = wb.syncCount;
  const result = await action();
  return { result, syncs: wb.syncCount - before };
}

describe.each(HOSTS)("a host that %s", (_, leftOut, extra) => {
  test(`Insert names the table around a sheet's own name, in ${2 + extra} syncs`, async () => {
    const wb = await workbookWithSheetNames(leftOut);
    const { result, syncs } = await syncsOf(wb, () => insertBlocks(["deal"], NEW_SHEET));
    expect(syncs).toBe(2 + extra);
    expect(ok(result).summary).toContain("The table name DealFigures was taken, so the table is called DealFigures_2.");
    expect(
      wb
        .snapshot()
        .sheets.find((s) => s.name === "Deal")
        ?.tables.map((t) => t.name),
    ).toEqual(["DealFigures_2"]);
  });

  // Two reads (names, sheets and records; then the blocks' tables), and one more where the host leaves the names out.
  test(`Review reads in ${2 + extra} syncs, and Apply names the change log around a sheet's own name`, async () => {
    const wb = await workbookWithSheetNames(leftOut);
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const { result, syncs } = await syncsOf(wb, () => planUpdate());
    expect(syncs).toBe(2 + extra);
    const review = ok(result);
    expect(review.refreshes).toBeGreaterThan(0);
    const applied = ok(await applyUpdate([], review.fingerprint));
    expect(applied.cellsWritten).toBe(review.refreshes);
    expect(
      wb
        .snapshot()
        .sheets.find((s) => s.name === "Changes")
        ?.tables.map((t) => t.name),
    ).toEqual(["DealChanges_2"]);
  });
});
