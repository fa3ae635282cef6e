/**
 * Which figures a workbook holds, read from the stamps the blocks wrote beside their titles,
 * after the user renamed a sheet and inserted rows and columns above and before a block.
 */
import { readWorkbookFigures } from "../../src/excel/figures-version";
import { insertBlocks } from "../../src/excel";
import { BLOCKS } from "../../src/sheets";
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";

function fresh(): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook({ apiVersion: 18, sheets: ["Sheet1"] }));
}

describe("readWorkbookFigures", () => {
  test("a workbook without blocks holds no figures", async () => {
    fresh();
    expect(await readWorkbookFigures()).toEqual({ ok: true, value: [] });
  });

  test("reads every block's stamp, by identity: renamed sheets and moved cells are still found", async () => {
    const wb = fresh();
    const inserted = await insertBlocks(BLOCKS, { target: "new-sheet", includeStockHistory: false });
    expect(inserted.ok).toBe(true);
    wb.renameSheet("Deal", "My deal");
    wb.insertRows("AMZN", 0, 2);
    wb.insertColumns("Capex 2026", 0, 1);
    const stamp = { version: "1.0.0", date: "2026-11-22" };
    expect(await readWorkbookFigures()).toEqual({ ok: true, value: BLOCKS.map(() => stamp) });
  });

  test("a stamp the user typed over is not read as one", async () => {
    const wb = fresh();
    await insertBlocks(["sources"], { target: "new-sheet", includeStockHistory: false });
    wb.setCell("Sources", "D1", "my notes");
    expect(await readWorkbookFigures()).toEqual({ ok: true, value: [] });
  });
});
