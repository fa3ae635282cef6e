/**
 * A block's sheet copied by the user (Move or Copy › Create a copy), as portfolio managers do to
 * keep a scenario: the copy is theirs. Excel gives the copy sheet-scoped copies of the names on
 * the sheet (the add-in's hidden marker among them) and renamed tables (the fake models this in
 * test/fakes/edits.ts). Update must go on updating the original only, write nothing on the copy,
 * and Insert must work around the copy's names and tables.
 */
import { applyUpdate, insertBlocks, planUpdate } from "../../src/excel";
import { FakeWorkbook, installFakeOffice, type WorkbookSnapshot } from "../fakes/fake-excel";
import { ok, previousSource } from "./actions";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;

async function dealWithOverride(): Promise<FakeWorkbook> {
  const wb = installFakeOffice(globalThis, new FakeWorkbook({ sheets: ["Sheet1"] }));
  ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
  wb.setCell("Deal", "C5", 45e9); // an override
  return wb;
}

const sheet = (snap: WorkbookSnapshot, name: string) => JSON.stringify(snap.sheets.find((s) => s.name === name));

describe("a block's sheet copied by the user", () => {
  it("Update reviews and applies exactly as without the copy, and writes nothing on the copy", async () => {
    await dealWithOverride();
    const twin = ok(await planUpdate());
    const twinApplied = ok(await applyUpdate([], twin.fingerprint));

    const wb = await dealWithOverride();
    expect(wb.copySheet("Deal")).toBe("Deal (2)");
    const copy = sheet(wb.snapshot(), "Deal (2)");
    const review = ok(await planUpdate());
    expect(review).toEqual(twin);
    expect(review.sheets).toEqual(["Deal"]);
    const applied = ok(await applyUpdate([], review.fingerprint));
    expect(applied.cellsWritten).toBe(twinApplied.cellsWritten);
    expect(sheet(wb.snapshot(), "Deal (2)")).toBe(copy);
    expect(ok(await planUpdate()).refreshes).toBe(0);
  });

  it("Insert of another block avoids the copy's table names; Insert of the copied block says it is there", async () => {
    const wb = await dealWithOverride();
    wb.copySheet("Deal");
    const copy = sheet(wb.snapshot(), "Deal (2)");
    const again = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(again.blocks.map((b) => [b.sheetName, b.alreadyPresent])).toEqual([["Deal", true]]);
    ok(await insertBlocks(["sources", "capex"], NEW_SHEET));
    const tables = wb.tables.map((t) => t.name.toUpperCase());
    expect(new Set(tables).size).toBe(tables.length);
    expect(sheet(wb.snapshot(), "Deal (2)")).toBe(copy);
    expect(ok(await planUpdate()).sheets).toEqual(["Deal", "Capex 2026", "Sources"]);
  });

  it("Insert at the selection on the copy is refused in plain words (the copy has the block's notes), and nothing is written", async () => {
    const wb = await dealWithOverride();
    wb.copySheet("Deal");
    wb.select("Deal (2)", "M2");
    const before = JSON.stringify(wb.snapshot());
    const syncs = wb.syncLog.length;
    const result = await insertBlocks(["capex"], { target: "selection", includeStockHistory: false });
    expect(result).toEqual({
      ok: false,
      kind: "not-empty",
      message:
        "The sheet Deal (2) has notes, and Deal Desk writes notes of its own on the cells it inserts. Insert on a new sheet instead; nothing was changed.",
    });
    expect(wb.syncLog.slice(syncs).flatMap((s) => [...s.writes])).toEqual([]);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("the original deleted and the copy renamed to Deal: the review says the block's sheet was deleted; Insert puts the block back beside the copy, which keeps every cell", async () => {
    const wb = await dealWithOverride();
    wb.copySheet("Deal");
    wb.deleteSheet("Deal");
    wb.renameSheet("Deal (2)", "Deal");
    const copy = sheet(wb.snapshot(), "Deal");
    const review = ok(await planUpdate());
    expect([review.sheets, review.deleted]).toEqual([
      [],
      ["The Deal sheet was deleted; Insert Deal puts it back and re-points its names."],
    ]);
    const report = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(report.blocks.map((b) => [b.sheetName, b.alreadyPresent])).toEqual([["Deal (2)", false]]);
    expect(sheet(wb.snapshot(), "Deal")).toBe(copy);
    expect(wb.snapshot().names.DEAL_AMOUNT).toMatchObject({ sheet: "Deal (2)" });
    expect(ok(await planUpdate()).changes).toEqual([]);
  });
});

describe("if Excel moved the workbook's names to a copy placed before the original", () => {
  // One vendor's manual (Infor CPM, "Making major changes to the workbook") says that a workbook
  // name then refers to the first sheet that has it, the copy; Microsoft's KB Q104501 says the
  // copy gets local names. Unverified either way: modelled here by moving the names by hand.
  it("Update follows the block's record to the original: it refreshes the original as it would without the copy, and writes nothing on the copy", async () => {
    const twinBook = await dealWithOverride();
    const twin = ok(await planUpdate());
    ok(await applyUpdate([], twin.fingerprint));
    const twinDeal = twinBook.snapshot().sheets.find((s) => s.name === "Deal")?.cells;

    const wb = await dealWithOverride();
    wb.copySheet("Deal", "Deal");
    const copy = wb.sheetByName("Deal (2)");
    const original = wb.sheetByName("Deal");
    for (const n of wb.names.values()) if (n.sheetId === original.id) n.sheetId = copy.id;
    const before = wb.snapshot();
    const review = ok(await planUpdate());
    expect(review.changes.map((c) => [c.sheetName, c.address, c.key])).toEqual(twin.changes.map((c) => ["Deal", c.address, c.key]));
    // The names Excel moved to the copy are not the add-in's any more (they differ from the record's references): left alone.
    expect(review.nameChanges).toEqual([]);
    ok(await applyUpdate([], review.fingerprint));
    const after = wb.snapshot();
    expect(sheet(after, "Deal (2)")).toBe(sheet(before, "Deal (2)"));
    expect(after.sheets.find((s) => s.name === "Deal")?.cells).toEqual(twinDeal);
  });
});
