/**
 * A portfolio manager's own names and tables next to Deal Desk's, in sequences the writer and
 * structure tests do not cover: sheet-scoped names made after an insert, tables renamed, the
 * add-in's hidden names deleted once shown, names that differ only in case, the next free table
 * name taken, inserts at the selection on two sheets, and the change log's table name.
 *
 * Every scenario checks what is promised: the action succeeds, or fails with a plain message and
 * without having written anything (a sync that failed after writing part of the change is a bug);
 * and nothing the user owns (cells, workbook and sheet-scoped names, tables) is changed.
 */
import { applyUpdate, insertBlocks, planUpdate, type ActionResult } from "../../src/excel";
import { buildBlock, type BlockId } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { OWNED_PREFIX } from "../../src/ownership/insert";
import { rectAddress } from "../fakes/a1";
import { FakeWorkbook, installFakeOffice, type SyncWrite } from "../fakes/fake-excel";
import { ok, previousSource } from "./actions";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;
const AT_SELECTION = { target: "selection", includeStockHistory: false } as const;

function setup(options?: ConstructorParameters<typeof FakeWorkbook>[0]): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook({ sheets: ["Sheet1", "Sheet2"], ...options }));
}

/**
 * Runs one action and returns its result with the writes of each sync it made. A failed action
 * must have written nothing: Excel would keep a failed sync's earlier writes, half a change.
 */
async function act<T>(wb: FakeWorkbook, action: () => Promise<ActionResult<T>>): Promise<{ result: ActionResult<T>; writes: SyncWrite[] }> {
  const from = wb.syncLog.length;
  const result = await action();
  const writes = wb.syncLog.slice(from).flatMap((s) => [...s.writes]);
  if (!result.ok) expect({ failed: result.message, writes }).toEqual({ failed: result.message, writes: [] });
  return { result, writes };
}

/** As the user would, through the API: a sheet's own name (Formulas › Name Manager, scope: the sheet). */
async function addSheetName(wb: FakeWorkbook, sheet: string, name: string, reference: string, comment = "mine"): Promise<void> {
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).names.add(name, reference, comment);
    await context.sync();
  });
}

/** A table of the user's over cells they typed: a header row and one row of data. */
async function addUserTable(
  wb: FakeWorkbook,
  sheet: string,
  topLeft: { row: number; col: number },
  headers: readonly string[],
  name: string,
): Promise<void> {
  headers.forEach((h, i) => {
    wb.setCell(sheet, toA1(topLeft.row, topLeft.col + i), h);
    wb.setCell(sheet, toA1(topLeft.row + 1, topLeft.col + i), i + 1);
  });
  const address = `${sheet}!${toA1(topLeft.row, topLeft.col)}:${toA1(topLeft.row + 1, topLeft.col + headers.length - 1)}`;
  await wb.run(async (context) => {
    context.workbook.tables.add(address, true).name = name;
    await context.sync();
  });
}

async function renameTable(wb: FakeWorkbook, from: string, to: string): Promise<void> {
  await wb.run(async (context) => {
    context.workbook.tables.getItem(from).name = to;
    await context.sync();
  });
}

async function deleteNames(wb: FakeWorkbook, names: readonly string[]): Promise<void> {
  await wb.run(async (context) => {
    for (const n of names) context.workbook.names.getItem(n).delete();
    await context.sync();
  });
}

/** The names a user sees once the add-in's hidden names are shown (a macro, Name Manager tools). */
async function showHiddenNames(wb: FakeWorkbook): Promise<void> {
  const hidden = Object.entries(wb.snapshot().names)
    .filter(([, n]) => !n.visible)
    .map(([name]) => name);
  await wb.run(async (context) => {
    for (const name of hidden) context.workbook.names.getItem(name).visible = true;
    await context.sync();
  });
}

/**
 * Everything of the user's: the sheets given (all their cells, formats, tables, notes), the
 * workbook names that are not the add-in's, every sheet's own names, and the tables given by name.
 */
function userState(wb: FakeWorkbook, sheets: readonly string[], tables: readonly string[] = []): string {
  const snap = wb.snapshot();
  return JSON.stringify({
    sheets: snap.sheets.filter((s) => sheets.includes(s.name)),
    names: Object.entries(snap.names).filter(([, n]) => !n.comment.startsWith(OWNED_PREFIX)),
    sheetNames: wb.sheets
      .filter((s) => s.names.size > 0)
      .map((s) => [s.name, [...s.names.values()].map((n) => [n.name, n.sheetId, rectAddress(n.rect), n.comment])]),
    tables: snap.sheets.flatMap((s) => s.tables.filter((t) => tables.includes(t.name)).map((t) => [s.name, t.name, t.address])),
  });
}

function tablesOf(wb: FakeWorkbook, sheet: string): string[] {
  return (wb.snapshot().sheets.find((s) => s.name === sheet)?.tables ?? []).map((t) => t.name);
}

function namesOf(block: BlockId): string[] {
  return buildBlock(block).names.map((n) => n.name);
}

describe("sheet-scoped names the user makes after an insert", () => {
  it("a sheet-scoped DealFigures made once the block's table was renamed: re-insert writes nothing, Update works, and after the sheet is deleted Insert calls the table DealFigures_2", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await renameTable(wb, "DealFigures", "MyDeals");
    // Excel refuses a sheet-scoped name a table has; once renamed, DealFigures is free for the user.
    await addSheetName(wb, "Sheet1", "DealFigures", "=Sheet1!$A$1");
    wb.setCell("Sheet1", "A1", "my deal list");
    const mine = userState(wb, ["Sheet1", "Sheet2"]);

    const before = JSON.stringify(wb.snapshot());
    const again = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    expect(ok(again.result).blocks.map((b) => b.alreadyPresent)).toEqual([true]);
    expect(again.writes).toEqual([]);
    expect(JSON.stringify(wb.snapshot())).toBe(before);

    const review = ok(await planUpdate());
    expect(review.conflicts).toEqual([]);
    expect(review.refreshes).toBeGreaterThan(0);
    const applied = await act(wb, () => applyUpdate([], review.fingerprint));
    expect(ok(applied.result)).toMatchObject({ cellsWritten: review.refreshes, kept: 0 });
    expect(tablesOf(wb, "Deal")).toEqual(["MyDeals"]);
    expect(userState(wb, ["Sheet1", "Sheet2"])).toBe(mine);

    wb.deleteSheet("Deal");
    const reinsert = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    const report = ok(reinsert.result);
    expect(tablesOf(wb, "Deal")).toEqual(["DealFigures_2"]);
    expect(report.summary).toContain("The table name DealFigures was taken, so the table is called DealFigures_2.");
    expect(report.blocks[0].namesWritten).toEqual(namesOf("deal"));
    expect(wb.snapshot().names.DEAL_AMOUNT).toMatchObject({ sheet: "Deal", address: "D5" });
    expect(userState(wb, ["Sheet1", "Sheet2"])).toBe(mine);
    expect(ok(await planUpdate()).changes).toEqual([]);
  });

  it("a sheet-scoped name on another block's table name, made after the first insert, sends the later insert's table to a suffix", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    await addSheetName(wb, "Deal", "CapexFigures", "=Deal!$L$1");
    await addSheetName(wb, "Sheet2", "CAPEXFIGURES_2", "=Sheet2!$B$2");
    const mine = userState(wb, ["Sheet1", "Sheet2"]);
    const { result } = await act(wb, () => insertBlocks(["capex"], NEW_SHEET));
    const report = ok(result);
    expect(report.blocks.map((b) => [b.block, b.alreadyPresent])).toEqual([
      ["deal", true],
      ["capex", false],
    ]);
    expect(tablesOf(wb, "Capex 2026")).toEqual(["CapexFigures_3"]);
    expect(report.summary).toContain("The table name CapexFigures was taken, so the table is called CapexFigures_3.");
    expect(userState(wb, ["Sheet1", "Sheet2"])).toBe(mine);
    expect(ok(await planUpdate()).changes).toEqual([]);
  });
});

describe("tables the user renames", () => {
  it("the block's table renamed to another block's table name, then that block inserted: it gets a suffix and both update", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await renameTable(wb, "DealFigures", "AmznFigures");
    const { result } = await act(wb, () => insertBlocks(["amzn"], NEW_SHEET, previousSource));
    const report = ok(result);
    expect(tablesOf(wb, "Deal")).toEqual(["AmznFigures"]);
    expect(tablesOf(wb, "AMZN")).toEqual(["AmznFigures_2"]);
    expect(report.summary).toContain("The table name AmznFigures was taken, so the table is called AmznFigures_2.");
    const review = ok(await planUpdate());
    expect(review.sheets).toEqual(["Deal", "AMZN"]);
    expect(review.conflicts).toEqual([]);
    expect(new Set(review.changes.map((c) => c.sheetName))).toEqual(new Set(["Deal", "AMZN"]));
    ok(await applyUpdate([], review.fingerprint));
    expect(ok(await planUpdate()).changes).toEqual([]);
    expect([tablesOf(wb, "Deal"), tablesOf(wb, "AMZN")]).toEqual([["AmznFigures"], ["AmznFigures_2"]]);
  });

  it("the block's table renamed, then the user's own table takes DealFigures, then the block's sheet deleted and inserted again", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    await renameTable(wb, "DealFigures", "Deal_2026");
    await addUserTable(wb, "Sheet1", { row: 0, col: 0 }, ["Fund", "Stake"], "DealFigures");
    const mine = userState(wb, ["Sheet1", "Sheet2"], ["DealFigures"]);
    wb.deleteSheet("Deal");
    const { result } = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    const report = ok(result);
    expect(tablesOf(wb, "Deal")).toEqual(["DealFigures_2"]);
    expect(report.summary).toContain("The table name DealFigures was taken, so the table is called DealFigures_2.");
    expect(report.summary.join(" ")).toContain("Re-pointed DEAL_AMOUNT");
    expect(userState(wb, ["Sheet1", "Sheet2"], ["DealFigures"])).toBe(mine);
    expect(ok(await planUpdate()).changes).toEqual([]);
  });

  it("a sort of the renamed table still points the add-in's names back at their figures", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    await renameTable(wb, "DealFigures", "MyDeals");
    wb.sortTable("MyDeals", 0, true);
    const review = ok(await planUpdate());
    expect(review.changes).toEqual([]);
    expect(review.nameChanges.length).toBeGreaterThan(0);
    ok(await applyUpdate([], review.fingerprint));
    const cells = wb.snapshot().sheets.find((s) => s.name === "Deal")?.cells ?? {};
    const rowOf = (id: string) =>
      Object.entries(cells)
        .find(([a, c]) => a.startsWith("J") && c.value === id)?.[0]
        .slice(1);
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe(`D${rowOf("deal.amount")}`);
    expect(ok(await planUpdate()).nameChanges).toEqual([]);
  });
});

describe("the add-in's hidden names, once shown, deleted by the user", () => {
  it("markers and records of blocks not inserted yet (the =FALSE names) deleted: review, then insert, work", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await showHiddenNames(wb);
    const onFalse = Object.entries(wb.snapshot().names)
      .filter(([, n]) => n.address === "=FALSE")
      .map(([name]) => name);
    expect(onFalse).toHaveLength(8);
    await deleteNames(wb, onFalse);
    const review = ok(await planUpdate());
    expect(review.sheets).toEqual(["Deal"]);
    expect(review.conflicts).toEqual([]);
    const { result } = await act(wb, () => insertBlocks(["capex"], NEW_SHEET));
    expect(ok(result).blocks.map((b) => [b.block, b.alreadyPresent])).toEqual([
      ["deal", true],
      ["capex", false],
    ]);
    const after = ok(await planUpdate());
    expect(after.sheets).toEqual(["Deal", "Capex 2026"]);
    expect(after.conflicts).toEqual([]);
  });

  it("all #REF! names deleted after the block's sheet was deleted (Name Manager: names with errors): Insert writes the block again from scratch", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal", "sources"], NEW_SHEET));
    wb.addName("MY_TOTAL", "Sheet1", "B2", "mine");
    wb.deleteSheet("Deal");
    await showHiddenNames(wb);
    const broken = Object.entries(wb.snapshot().names)
      .filter(([, n]) => n.address === "=#REF!")
      .map(([name]) => name);
    expect(broken.sort()).toEqual([...namesOf("deal"), "DEALDESK_BLOCK_DEAL"].sort());
    await deleteNames(wb, broken);
    const mine = userState(wb, ["Sheet1", "Sheet2"]);
    expect(ok(await planUpdate()).sheets).toEqual(["Sources"]);
    const { result } = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    expect(ok(result).blocks[0]).toMatchObject({ sheetName: "Deal", alreadyPresent: false, namesWritten: namesOf("deal"), leftAlone: [] });
    expect(userState(wb, ["Sheet1", "Sheet2"])).toBe(mine);
    const review = ok(await planUpdate());
    expect([review.sheets, review.changes, review.notices]).toEqual([["Deal", "Sources"], [], []]);
  });

  it("an inserted block's record name deleted: the band is found on the record sheet, the review is the one without the deletion plus a sentence, and Apply names the band again", async () => {
    const twin = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    twin.setCell("Deal", "C5", 45e9);
    const expected = ok(await planUpdate());
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    wb.setCell("Deal", "C5", 45e9); // an override
    const recordName = wb.snapshot().names.DEALDESK_RECORD_DEAL;
    await showHiddenNames(wb);
    await deleteNames(wb, ["DEALDESK_RECORD_DEAL"]);
    const review = ok(await planUpdate());
    expect(review.names).toEqual([
      "The hidden name DEALDESK_RECORD_DEAL, which points to Deal Desk's record of what it wrote in the Deal block, was deleted; Deal Desk found the record on its hidden sheet, and Apply puts the name back.",
    ]);
    expect({ ...review, names: [], fingerprint: "" }).toEqual({ ...expected, fingerprint: "" });
    expect(review.refreshes).toBeGreaterThan(0);
    const applied = await act(wb, () => applyUpdate([], review.fingerprint));
    expect(ok(applied.result)).toMatchObject({ cellsWritten: review.refreshes, kept: 0 });
    expect(wb.cell("Deal", "C5")?.value).toBe(45e9);
    expect(wb.snapshot().names.DEALDESK_RECORD_DEAL).toEqual({ ...recordName, visible: false });
    const inserted = await act(wb, () => insertBlocks(["sources"], NEW_SHEET));
    ok(inserted.result);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Deal", "DealDesk Record", "Changes", "Sources"]);
    const after = ok(await planUpdate());
    expect([after.sheets, after.notices, after.names, after.refreshes]).toEqual([["Deal", "Sources"], [], [], 0]);
  });

  it("every hidden name of the add-in deleted (a clean-up macro): Insert writes nothing but the names back, on the same cells, and Update finds everything", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal", "sources"], NEW_SHEET, previousSource));
    const before = wb.snapshot();
    const hidden = Object.entries(before.names)
      .filter(([, n]) => !n.visible)
      .map(([name]) => name);
    expect(hidden.length).toBe(10);
    await showHiddenNames(wb);
    await deleteNames(wb, hidden);
    const { result } = await act(wb, () => insertBlocks(["deal", "sources"], NEW_SHEET));
    expect(ok(result).blocks.map((b) => [b.sheetName, b.alreadyPresent])).toEqual([
      ["Deal", true],
      ["Sources", true],
    ]);
    const after = wb.snapshot();
    expect(after.sheets).toEqual(before.sheets);
    const defined = (names: typeof before.names) =>
      Object.fromEntries(Object.entries(names).map(([k, n]) => [k, { ...n, visible: false }]));
    expect(defined(after.names)).toEqual(defined(before.names));
    const review = ok(await planUpdate());
    expect([review.sheets, review.names, review.notices, review.conflicts]).toEqual([["Deal", "Sources"], [], [], []]);
    expect(review.refreshes).toBeGreaterThan(0);
  });

  it("the very hidden record sheet deleted through the API: review, apply and another insert still work", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("DealDesk Record").delete();
      await context.sync();
    });
    const review = ok(await planUpdate());
    expect(review.notices).toEqual([expect.stringContaining("not found for Deal")]);
    ok((await act(wb, () => applyUpdate([], review.fingerprint))).result);
    ok((await act(wb, () => insertBlocks(["sources"], NEW_SHEET))).result);
    expect(
      wb
        .snapshot()
        .sheets.filter((s) => s.visibility === "VeryHidden")
        .map((s) => s.name),
    ).toEqual(["DealDesk Record"]);
    const after = ok(await planUpdate());
    expect([after.sheets, after.notices, after.refreshes]).toEqual([["Deal", "Sources"], [], 0]);
  });

  // A block's hidden marker (DEALDESK_BLOCK_DEAL) deleted in the Name Manager: the block is still
  // known by its intact record (DEALDESK_RECORD_DEAL: every cell's reference, which Excel keeps
  // current), so Insert neither takes the add-in's own sheet and names for the user's nor
  // overwrites the block's record; Insert and Update put the marker back where the block is now.
  it("an inserted block's marker deleted, then Insert of that block: nothing is written but the marker, on the block's cells, and the record is kept", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.setCell("Deal", "C5", 45e9);
    const marker = wb.snapshot().names.DEALDESK_BLOCK_DEAL;
    await showHiddenNames(wb);
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    const before = wb.snapshot();
    const { result, writes } = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    const report = ok(result);
    expect(report.blocks.map((b) => [b.block, b.sheetName, b.alreadyPresent])).toEqual([["deal", "Deal", true]]);
    expect(report.summary).toEqual([
      "Deal is already in the workbook (sheet Deal); no cell of it was written. Use Update to refresh its figures.",
      `The hidden name DEALDESK_BLOCK_DEAL, which tells Deal Desk where the Deal block is, was deleted; Deal Desk found the block by its record, and put the name back on Deal!${marker.address}.`,
    ]);
    expect(writes.map((w) => [w.op, w.target])).toEqual([
      ["NamedItemCollection.add", "DEALDESK_BLOCK_DEAL"],
      ["NamedItem.visible", "DEALDESK_BLOCK_DEAL"],
    ]);
    const after = wb.snapshot();
    expect(after.names.DEALDESK_BLOCK_DEAL).toEqual({ ...marker, visible: false });
    expect({ ...after, names: { ...after.names, DEALDESK_BLOCK_DEAL: undefined } }).toEqual({
      ...before,
      names: { ...before.names, DEALDESK_BLOCK_DEAL: undefined },
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Deal", "DealDesk Record"]);
  });

  it("a marker deleted, then rows inserted above and inside the block: Update finds every cell, lists the edited B5, and Apply puts the marker back over the moved block", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_DEAL;
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    wb.insertRows("Deal", 0, 2);
    wb.insertRows("Deal", 9, 1);
    wb.setCell("Deal", "B7", 45e9); // the reported amount, B5 before the two rows above
    // Independently of the add-in: the area inserted, two rows lower and one row taller.
    const m = /^A(\d+):([A-Z]+)(\d+)$/.exec(marker.address)!;
    const moved = `A${Number(m[1]) + 2}:${m[2]}${Number(m[3]) + 3}`;
    const review = ok(await planUpdate());
    expect(review.names).toEqual([
      `The hidden name DEALDESK_BLOCK_DEAL, which tells Deal Desk where the Deal block is, was deleted; Deal Desk found the block by its record, and Apply puts the name back on Deal!${moved}.`,
    ]);
    expect(review.conflicts.map((c) => [c.sheetName, c.address])).toEqual([["Deal", "B7"]]);
    expect(review.deleted).toEqual([]);
    const applied = ok((await act(wb, () => applyUpdate([], review.fingerprint))).result);
    expect(applied).toMatchObject({ cellsWritten: review.refreshes, kept: 1 });
    expect(wb.cell("Deal", "B7")?.value).toBe(45e9);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL).toEqual({ ...marker, address: moved, visible: false });
    const again = ok(await planUpdate());
    expect([again.names, again.refreshes, again.conflicts.length]).toEqual([[], 0, 1]);
  });

  it("a marker deleted and then the block's sheet deleted: Insert puts the block back on a new Deal sheet, as for any deleted sheet", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    wb.deleteSheet("Deal");
    const report = ok((await act(wb, () => insertBlocks(["deal"], NEW_SHEET))).result);
    expect(report.blocks.map((b) => [b.sheetName, b.alreadyPresent])).toEqual([["Deal", false]]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL).toMatchObject({ sheet: "Deal", visible: false });
    expect(ok(await planUpdate()).changes).toEqual([]);
  });
});

describe("the next free table name", () => {
  it("a workbook name DealFigures_2 and a sheet-scoped DealFigures_3 when DealFigures is the user's table: the block's table is DealFigures_4", async () => {
    const wb = setup();
    await addUserTable(wb, "Sheet1", { row: 0, col: 0 }, ["Deal", "Size"], "DealFigures");
    wb.addName("DealFigures_2", "Sheet1", "D1", "mine");
    await addSheetName(wb, "Sheet2", "DealFigures_3", "=Sheet2!$A$1");
    const mine = userState(wb, ["Sheet1", "Sheet2"], ["DealFigures"]);
    const { result } = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    const report = ok(result);
    expect(tablesOf(wb, "Deal")).toEqual(["DealFigures_4"]);
    expect(report.summary).toContain("The table name DealFigures was taken, so the table is called DealFigures_4.");
    expect(userState(wb, ["Sheet1", "Sheet2"], ["DealFigures"])).toBe(mine);
  });

  it("two blocks' tables that both need a suffix, Sources' two tables among them, in one insert", async () => {
    const wb = setup();
    wb.addName("DealSources", "Sheet1", "A1", "mine");
    await addSheetName(wb, "Sheet2", "DealAsOf", "=Sheet2!$A$1");
    await addUserTable(wb, "Sheet1", { row: 4, col: 0 }, ["Capex", "Year"], "CapexFigures");
    wb.addName("CapexFigures_2", "Sheet1", "C1", "mine");
    const mine = userState(wb, ["Sheet1", "Sheet2"], ["CapexFigures"]);
    const { result } = await act(wb, () => insertBlocks(["capex", "sources"], NEW_SHEET));
    const report = ok(result);
    expect(tablesOf(wb, "Capex 2026")).toEqual(["CapexFigures_3"]);
    expect(tablesOf(wb, "Sources")).toEqual(["DealSources_2", "DealAsOf_2"]);
    expect(report.summary).toEqual(
      expect.arrayContaining([
        "The table name CapexFigures was taken, so the table is called CapexFigures_3.",
        "The table name DealSources was taken, so the table is called DealSources_2.",
        "The table name DealAsOf was taken, so the table is called DealAsOf_2.",
      ]),
    );
    expect(tablesOf(wb, "Deal")).toEqual(["DealFigures"]);
    expect(userState(wb, ["Sheet1", "Sheet2"], ["CapexFigures"])).toBe(mine);
    expect(ok(await planUpdate()).changes).toEqual([]);
  });
});

describe("names that differ only in case", () => {
  it("the user's names, sheet-scoped names and tables in other cases are taken as the same names", async () => {
    const wb = setup();
    wb.addName("dealfigures", "Sheet1", "A1", "mine");
    await addSheetName(wb, "Sheet2", "DEALFIGURES_2", "=Sheet2!$A$1");
    await addUserTable(wb, "Sheet1", { row: 3, col: 0 }, ["Id", "Value"], "dealFigures_3");
    wb.addName("deal_amount", "Sheet1", "B1", "mine");
    const mine = userState(wb, ["Sheet1", "Sheet2"], ["dealFigures_3"]);
    const { result } = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    const deal = ok(result).blocks[0];
    expect(tablesOf(wb, "Deal")).toEqual(["DealFigures_4"]);
    expect(deal.namesWritten).not.toContain("DEAL_AMOUNT");
    expect(deal.leftAlone).toEqual([expect.objectContaining({ what: "the name deal_amount" })]);
    expect(userState(wb, ["Sheet1", "Sheet2"], ["dealFigures_3"])).toBe(mine);
    expect(ok(await planUpdate()).changes).toEqual([]);
  });

  it("a sheet named 'deal' sends the block to Deal (2); a sheet-scoped deal_amount on the selected sheet is reported", async () => {
    const wb = setup();
    wb.addSheet("deal");
    wb.setCell("deal", "A1", "my deal notes");
    const first = ok((await act(wb, () => insertBlocks(["deal"], NEW_SHEET))).result);
    expect(first.blocks[0].sheetName).toBe("Deal (2)");
    expect(wb.cell("deal", "A1")?.value).toBe("my deal notes");

    await addSheetName(wb, "Sheet1", "deal_stake_post", "=Sheet1!$A$1");
    wb.deleteSheet("Deal (2)");
    wb.select("Sheet1", "C3");
    const again = ok((await act(wb, () => insertBlocks(["deal"], AT_SELECTION))).result);
    const used = buildBlock("deal", { origin: { row: 2, col: 2 } }).names.find((n) => n.name === "DEAL_STAKE_POST");
    expect(again.blocks[0].leftAlone).toEqual([
      {
        what: "the name DEAL_STAKE_POST on Sheet1",
        reason: `the sheet Sheet1 has a name DEAL_STAKE_POST of its own, so this block's formulas on it read yours, not the block's cell Sheet1!${toA1(used!.row, used!.col)}.`,
      },
    ]);
    expect(wb.snapshot().names.DEAL_STAKE_POST).toMatchObject({ sheet: "Sheet1", address: toA1(used!.row, used!.col) });
    expect(wb.sheets[0].names.get("DEAL_STAKE_POST")).toMatchObject({ name: "deal_stake_post", comment: "mine" });
  });
});

describe("inserts at the selection", () => {
  it("on a sheet with sheet-scoped names equal to the add-in's marker and record names: the workbook's own are written, the sheet's left alone, Update finds the block", async () => {
    const wb = setup();
    await addSheetName(wb, "Sheet1", "DEALDESK_BLOCK_DEAL", "=Sheet1!$A$1");
    await addSheetName(wb, "Sheet1", "dealdesk_record_deal", "=Sheet1!$A$2");
    await addSheetName(wb, "Sheet1", "DEALDESK_BLOCK_SOURCES", "=Sheet1!$A$3");
    wb.setCell("Sheet1", "A1", "x");
    const mine = JSON.stringify([...wb.sheets[0].names.values()]);
    wb.select("Sheet1", "C3");
    const { result } = await act(wb, () => insertBlocks(["deal"], { target: "selection", includeStockHistory: false }));
    expect(ok(result).blocks[0]).toMatchObject({ sheetName: "Sheet1", leftAlone: [] });
    expect(JSON.stringify([...wb.sheets[0].names.values()])).toBe(mine);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL.sheet).toBe("Sheet1");
    expect(wb.snapshot().names.DEALDESK_RECORD_DEAL.sheet).toBe("DealDesk Record");
    const review = ok(await planUpdate());
    expect([review.sheets, review.changes, review.notices]).toEqual([["Sheet1"], [], []]);
    ok((await act(wb, () => insertBlocks(["sources"], NEW_SHEET))).result);
    expect(ok(await planUpdate()).sheets).toEqual(["Sheet1", "Sources"]);
  });

  it("on two sheets, one after the other, with sheet-scoped names on both: each table avoids them, each block updates", async () => {
    const wb = setup();
    await addSheetName(wb, "Sheet1", "AmznFigures", "=Sheet1!$A$1");
    await addSheetName(wb, "Sheet2", "DealFigures", "=Sheet2!$A$1");
    const mine = userState(wb, []);
    wb.select("Sheet1", "B2");
    ok((await act(wb, () => insertBlocks(["deal"], AT_SELECTION, previousSource))).result);
    wb.select("Sheet2", "B2");
    const second = ok((await act(wb, () => insertBlocks(["sources"], AT_SELECTION, previousSource))).result);
    expect(second.blocks.map((b) => [b.block, b.sheetName])).toEqual([["sources", "Sheet2"]]);
    wb.select("Sheet2", "Q2");
    ok((await act(wb, () => insertBlocks(["capex"], AT_SELECTION, previousSource))).result);
    expect([tablesOf(wb, "Sheet1"), tablesOf(wb, "Sheet2")]).toEqual([["DealFigures_2"], ["DealSources", "DealAsOf", "CapexFigures"]]);
    expect(userState(wb, [])).toBe(mine);
    const review = ok(await planUpdate());
    expect(review.sheets).toEqual(["Sheet1", "Sheet2", "Sheet2"]);
    expect(review.conflicts).toEqual([]);
    ok(await applyUpdate([], review.fingerprint));
    expect(ok(await planUpdate()).changes).toEqual([]);
  });

  it("where Excel lists workbook names among a sheet's (office-js#1011): the user's workbook name is reported once, as the workbook's, not as the sheet's", async () => {
    const wb = setup({ sheetNamesListWorkbookNames: true });
    wb.addName("DEAL_AMOUNT", "Sheet2", "A1", "mine");
    wb.addName("DealFigures", "Sheet2", "A2", "mine");
    const mine = userState(wb, ["Sheet2"]);
    wb.select("Sheet1", "C3");
    const deal = ok((await act(wb, () => insertBlocks(["deal"], AT_SELECTION))).result).blocks[0];
    expect(deal.leftAlone.map((l) => l.what)).toEqual(["the name DEAL_AMOUNT"]);
    expect(tablesOf(wb, "Sheet1")).toEqual(["DealFigures_2"]);
    expect(userState(wb, ["Sheet2"])).toBe(mine);
  });

  // Capex inserted at Model, where the user's own DEAL_AMOUNT wins over the workbook's: Capex's
  // formula =DEAL_AMOUNT/AMAZON_CAPEX_2026 reads the user's, and the report says so, as it does for
  // a block's own names. (Before the fix only the names a block defines were checked.)
  it("a block whose formulas use another block's name, inserted at a sheet that has its own name of that text: the report says the formulas read the user's", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.addSheet("Model");
    await addSheetName(wb, "Model", "DEAL_AMOUNT", "=Model!$A$1", "my fund's ticket");
    wb.select("Model", "B3");
    const report = ok((await act(wb, () => insertBlocks(["capex"], AT_SELECTION))).result);
    const capex = report.blocks.find((b) => b.block === "capex");
    expect(capex?.alreadyPresent).toBe(false);
    expect(capex?.leftAlone).toEqual([
      {
        what: "the name DEAL_AMOUNT on Model",
        reason:
          "the sheet Model has a name DEAL_AMOUNT of its own, so this block's formulas on it read yours, not the workbook's DEAL_AMOUNT.",
      },
    ]);
  });

  // With Deal already in the workbook, Insert AMZN at Sheet2!A1 writes only AMZN's rows, so the
  // user's cell Sheet2!A30 below is no obstacle. (Before the fix the area checked was sized for
  // every block AMZN needs, Deal's rows too, and the insert was refused.)
  it("on a second sheet, for a block that needs one already inserted: only the new block's area must be empty", async () => {
    const wb = setup();
    wb.select("Sheet1", "B2");
    ok(await insertBlocks(["deal"], AT_SELECTION));
    wb.setCell("Sheet2", "A30", "my data");
    wb.select("Sheet2", "A1");
    const { result } = await act(wb, () => insertBlocks(["amzn"], AT_SELECTION));
    expect(ok(result).blocks.map((b) => [b.block, b.alreadyPresent, b.sheetName])).toEqual([
      ["deal", true, "Sheet1"],
      ["amzn", false, "Sheet2"],
    ]);
    expect(wb.cell("Sheet2", "A30")?.value).toBe("my data");
  });
});

describe("the user's own names Update must keep", () => {
  // A DEAL_AMOUNT the user defined themselves (deleted the add-in's, added their own on D6 with
  // their comment, no sort) is theirs: the review lists nothing and Apply leaves it on D6. (Before
  // the fix the review took it for a name left behind by a sort and Apply moved it back to D5.)
  it("a block name the user redefined on another figure's row, without sorting, stays where the user put it", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    await wb.run(async (context) => {
      context.workbook.names.getItem("DEAL_AMOUNT").delete();
      context.workbook.names.add("DEAL_AMOUNT", "=Deal!$D$6", "mine: the announced amount");
      await context.sync();
    });
    const review = ok(await planUpdate());
    expect(review.names).toEqual([]);
    ok(await applyUpdate([], review.fingerprint));
    expect(wb.snapshot().names.DEAL_AMOUNT).toEqual({ sheet: "Deal", address: "D6", comment: "mine: the announced amount", visible: true });
  });

  // The change log's table avoids every name the user has, as Insert's tables do. (Before the fix,
  // Apply refreshed the cells, added a sheet "Changes" and a table, then failed on Table.name: a
  // sync that failed after 9 writes, the log of that update lost.)
  it("a workbook name DealChanges of the user's: Apply's change log does not fail half-way", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    wb.addName("DealChanges", "Sheet1", "A1", "mine");
    const mine = userState(wb, ["Sheet1", "Sheet2"]);
    const review = ok(await planUpdate());
    const { result } = await act(wb, () => applyUpdate([], review.fingerprint));
    expect(ok(result).cellsWritten).toBe(review.refreshes);
    expect(userState(wb, ["Sheet1", "Sheet2"])).toBe(mine);
  });

  // Sheet-scoped too: Excel refuses a table name any sheet's own name has.
  it("a sheet-scoped name DealChanges of the user's: Apply's change log does not fail half-way", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await addSheetName(wb, "Sheet2", "DealChanges", "=Sheet2!$A$1");
    const review = ok(await planUpdate());
    const { result } = await act(wb, () => applyUpdate([], review.fingerprint));
    expect(ok(result).cellsWritten).toBe(review.refreshes);
  });

  // A table of the user's that happens to be called DealChanges is left as it is; the log is the
  // add-in's table with the log's columns. (Before the fix Apply took any table of that name for
  // its log: with two columns the append failed half-way, with eight it wrote into the user's table.)
  it("a table of the user's named DealChanges (two columns): Apply neither writes into it nor fails half-way", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await addUserTable(wb, "Sheet1", { row: 0, col: 0 }, ["When", "What"], "DealChanges");
    const mine = userState(wb, ["Sheet1", "Sheet2"], ["DealChanges"]);
    const review = ok(await planUpdate());
    const { result } = await act(wb, () => applyUpdate([], review.fingerprint));
    expect(ok(result).cellsWritten).toBe(review.refreshes);
    expect(userState(wb, ["Sheet1", "Sheet2"], ["DealChanges"])).toBe(mine);
  });

  it("a table of the user's named DealChanges (eight columns): Apply does not append its log to it", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await addUserTable(
      wb,
      "Sheet1",
      { row: 0, col: 0 },
      ["Date", "Fund", "Deal", "Side", "Size", "Price", "Trader", "Memo"],
      "DealChanges",
    );
    const mine = userState(wb, ["Sheet1", "Sheet2"], ["DealChanges"]);
    const review = ok(await planUpdate());
    const { result } = await act(wb, () => applyUpdate([], review.fingerprint));
    expect(ok(result).cellsWritten).toBe(review.refreshes);
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "DealChanges", address: "A1:H2" }]);
    expect(userState(wb, ["Sheet1", "Sheet2"], ["DealChanges"])).toBe(mine);
  });

  it("the change log goes to DealChanges_2 beside a table of the user's named DealChanges, and a later Apply finds it by its columns", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await addUserTable(wb, "Sheet1", { row: 0, col: 0 }, ["Date", "Fund"], "DealChanges");
    const review = ok(await planUpdate());
    ok(await applyUpdate([], review.fingerprint));
    const changes = wb.snapshot().sheets.find((sh) => sh.name === "Changes");
    expect(changes?.tables).toEqual([{ name: "DealChanges_2", address: `A1:H${1 + review.refreshes}` }]);
    expect(["A1", "B1", "H1"].map((a) => wb.cell("Changes", a)?.value)).toEqual(["When", "Figure", "Outcome"]);
    // The user edits a reported cell; the next Apply, accepting the new figure, logs one more row there.
    wb.setCell("Deal", "B7", 90e9);
    expect(ok(await applyUpdate(["deal|fig|deal.round_size|Reported"]))).toMatchObject({ cellsWritten: 1, accepted: 1 });
    expect(wb.snapshot().sheets.find((sh) => sh.name === "Changes")?.tables).toEqual([
      { name: "DealChanges_2", address: `A1:H${2 + review.refreshes}` },
    ]);
    expect(wb.snapshot().sheets.filter((sh) => sh.name.startsWith("Changes"))).toHaveLength(1);
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "DealChanges", address: "A1:B2" }]);
  });
});
