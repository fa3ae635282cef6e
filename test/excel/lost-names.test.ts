/**
 * The add-in's hidden names (a block's marker DEALDESK_BLOCK_<B> and its record name
 * DEALDESK_RECORD_<B>) deleted by a user or a clean-up macro, combined with ordinary edits before
 * and after: rows and columns inserted or deleted, the sheet renamed, the figures table sorted,
 * two blocks on one sheet, a second round of deletion. Review, Apply and Insert must find every
 * block again, write nothing of the user's, put each name back where Excel would have kept it
 * (computed here from the address before the deletion, moved as the edit moves it) and, once
 * done, review clean.
 */
import { BUILT_IN_FIGURES } from "../../src/figures";
import { applyUpdate, insertBlocks, planUpdate, type ActionResult } from "../../src/excel";
import { columnLetter, FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";
import { ok, previousSource } from "./actions";
import { buildBlock } from "../../src/sheets";
import { specExtent } from "../../src/ownership/layout";
import { COL } from "../../src/sheets/figure-table";
import { rawFigures } from "../figures/json";

/** The Deal block's area on its own sheet ("A1:M35"), from its spec: the test follows the layout. */
const DEAL_AREA = (() => {
  const { rows, cols } = specExtent(buildBlock("deal"));
  return `A1:${columnLetter(cols - 1)}${rows}`;
})();

/** A block's area ("B38:I61") at an origin (0-based), from its spec. */
function areaAt(block: "deal" | "sources", row: number, col: number): string {
  const { rows, cols } = specExtent(buildBlock(block, { origin: { row, col } }));
  return `${columnLetter(col)}${row + 1}:${columnLetter(col + cols - 1)}${row + rows}`;
}

/** The Deal block's empty rows on its own sheet (0-based), from its spec: rows Excel lets a user delete. */
const DEAL_EMPTY_ROWS = (() => {
  const deal = buildBlock("deal");
  const rows = Array.from({ length: specExtent(deal).rows }, (_, r) => r);
  return rows.filter((r) => !deal.cells.some((c) => c.row === r));
})();

/** The Deal figures' labels in the figures file's order, read from the raw file. */
const DEAL_LABELS = rawFigures()
  .filter((f) => f.block === "deal")
  .map((f) => f.label);

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;
const AT_SELECTION = { target: "selection", includeStockHistory: false } as const;

function setup(): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook({ sheets: ["Sheet1", "Sheet2"] }));
}

/** Runs one action; a failed action must have written nothing. */
async function act<T>(wb: FakeWorkbook, action: () => Promise<ActionResult<T>>): Promise<T> {
  const from = wb.syncLog.length;
  const result = await action();
  if (!result.ok)
    expect({ failed: result.message, writes: wb.syncLog.slice(from).flatMap((s) => [...s.writes]) }).toEqual({
      failed: result.message,
      writes: [],
    });
  return ok(result);
}

/** As a user would in the Name Manager once the names are shown (or a clean-up macro). */
async function deleteNames(wb: FakeWorkbook, names: readonly string[]): Promise<void> {
  await wb.run(async (context) => {
    for (const n of names) context.workbook.names.getItem(n).delete();
    await context.sync();
  });
}

/** The add-in's hidden names (markers, record names, the =FALSE ones of blocks not inserted). */
function hiddenNames(wb: FakeWorkbook): string[] {
  return Object.entries(wb.snapshot().names)
    .filter(([, n]) => !n.visible)
    .map(([name]) => name);
}

/** "A1:K31" moved: rows added to its top and bottom, columns added to its left and right (1-based, independent of src/). */
function moved(address: string, d: { top?: number; bottom?: number; left?: number; right?: number }): string {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address)!;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return `${columnLetter(col(m[1]) + (d.left ?? 0))}${Number(m[2]) + (d.top ?? 0)}:${columnLetter(col(m[3]) + (d.right ?? 0))}${Number(m[4]) + (d.bottom ?? 0)}`;
}

/** What a review says of a name it puts back, or (`done`) what Insert says once it has. */
const markerBack = (block: string, title: string, at: string, done = false) =>
  `The hidden name DEALDESK_BLOCK_${block}, which tells Deal Desk where the ${title} block is, was deleted; Deal Desk found the block by its record, and ${done ? "put" : "Apply puts"} the name back on ${at}.`;
const recordBack = (block: string, title: string, done = false) =>
  `The hidden name DEALDESK_RECORD_${block}, which points to Deal Desk's record of what it wrote in the ${title} block, was deleted; Deal Desk found the record on its hidden sheet, and ${done ? "put" : "Apply puts"} the name back.`;

/** Every cell of a sheet outside the given rows (1-based, inclusive): what the user owns there. */
function cellsOutside(wb: FakeWorkbook, sheet: string, first: number, last: number): Record<string, unknown> {
  const cells = wb.snapshot().sheets.find((s) => s.name === sheet)?.cells ?? {};
  return Object.fromEntries(
    Object.entries(cells).filter(([a]) => {
      const row = Number(/\d+/.exec(a)![0]);
      return row < first || row > last;
    }),
  );
}

/** Review, Apply, review again: the second review has nothing to say. */
async function applyAndReviewClean(wb: FakeWorkbook, sentences: readonly string[], sorted = 0): Promise<void> {
  const review = ok(await planUpdate());
  expect([review.names, review.nameChanges.length]).toEqual([sentences, sorted]);
  expect(review.notices).toEqual([]);
  const applied = await act(wb, () => applyUpdate([], review.fingerprint));
  expect(applied.cellsWritten).toBe(review.refreshes);
  const again = ok(await planUpdate());
  expect([again.names, again.notices, again.refreshes, again.deleted]).toEqual([[], [], 0, []]);
}

describe("a block's marker deleted, with the user's edits around it", () => {
  // Deal on its sheet is DEAL_AREA; DEAL_EMPTY_ROWS are the empty rows of the block.
  // Excel shrinks a name when rows inside it are deleted: the marker comes back one row shorter.
  it("an empty row inside the block deleted, then Review and Apply: the marker is put back one row shorter", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_DEAL;
    expect(marker.address).toBe(DEAL_AREA);
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    wb.deleteRows("Deal", DEAL_EMPTY_ROWS[2], 1);
    // The block's last row before the deletion: below the block once it is one row shorter.
    const below = `A${specExtent(buildBlock("deal")).rows}`;
    wb.setCell("Deal", below, "my note under the block");
    const expected = moved(marker.address, { bottom: -1 });
    await applyAndReviewClean(wb, [markerBack("DEAL", "Deal", `Deal!${expected}`)]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL).toEqual({ ...marker, address: expected });
    expect(wb.cell("Deal", below)?.value).toBe("my note under the block");
  });

  it("two columns inserted left of the block, then Insert of that block: only the marker is written, two columns to the right; then Update works", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_DEAL;
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    wb.insertColumns("Deal", 0, 2);
    wb.setCell("Deal", "A5", "my label");
    wb.setCell("Deal", "E5", 45e9); // the override of the amount, C5 before the two columns
    const expected = moved(marker.address, { left: 2, right: 2 });
    const from = wb.syncLog.length;
    const report = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    expect(report.blocks.map((b) => [b.sheetName, b.alreadyPresent])).toEqual([["Deal", true]]);
    expect(report.summary).toContain(markerBack("DEAL", "Deal", `Deal!${expected}`, true));
    expect(wb.syncLog.slice(from).flatMap((s) => s.writes.map((w) => w.target))).toEqual(["DEALDESK_BLOCK_DEAL", "DEALDESK_BLOCK_DEAL"]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL).toEqual({ ...marker, address: expected });
    await applyAndReviewClean(wb, []);
    expect([wb.cell("Deal", "A5")?.value, wb.cell("Deal", "E5")?.value]).toEqual(["my label", 45e9]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Deal", "DealDesk Record", "Changes"]);
  });

  it("the sheet renamed (with an apostrophe) and the figures table sorted, then Review and Apply: the marker is back on the renamed sheet, the override kept", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_DEAL;
    wb.setCell("Deal", "C5", 45e9);
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    wb.renameSheet("Deal", "Bob's Deal");
    // The figures' ids, in the table's Id column, before and after the sort.
    const idColumn = columnLetter(COL.id);
    const ids = () => DEAL_LABELS.map((_, i) => wb.cell("Bob's Deal", `${idColumn}${5 + i}`)?.value);
    const before = ids();
    wb.sortTable("DealFigures", 0, true);
    const sortedAway = ids().filter((id, i) => id !== before[i]).length;
    const cells = () => wb.snapshot().sheets.find((s) => s.name === "Bob's Deal")?.cells ?? {};
    const row = Object.entries(cells())
      .find(([, c]) => c.value === "deal.amount")![0]
      .slice(1);
    expect(wb.cell("Bob's Deal", `C${row}`)?.value).toBe(45e9);
    // The names of the rows the sort moved moved with them (by the labels' order, Z to A, counted
    // here from the file's labels): Apply points them back, as without the deletion.
    const descending = [...DEAL_LABELS].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()));
    expect(sortedAway).toBe(DEAL_LABELS.filter((label, i) => descending[i] !== label).length);
    expect(sortedAway).toBeGreaterThan(0);
    await applyAndReviewClean(wb, [markerBack("DEAL", "Deal", `Bob's Deal!${marker.address}`)], sortedAway);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL).toEqual({ ...marker, sheet: "Bob's Deal" });
    expect(wb.cell("Bob's Deal", `C${row}`)?.value).toBe(45e9);
  });

  it("the record sheet renamed by code and the marker deleted: the record name still leads to the block", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_DEAL;
    wb.renameSheet("DealDesk Record", "Audit");
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    await applyAndReviewClean(wb, [markerBack("DEAL", "Deal", `Deal!${marker.address}`)]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL).toEqual(marker);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Deal", "Audit", "Changes"]);
  });

  // The block's "Who leads the talks" text cut and pasted below the block: with the
  // marker in place that cell is outside the block: the review says the row was moved off and is
  // left alone. With the marker deleted, the review is the same plus one sentence.
  it("a cell of the block cut and pasted below the block, and the marker deleted: the review is the one without the deletion", async () => {
    const deal = buildBlock("deal");
    const leaders = deal.cells.find((c) => c.figureId === "talks.leaders" && c.col === 1)!;
    const [from, to] = [`B${leaders.row + 1}`, `B${specExtent(deal).rows + 5}`];
    const twin = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    twin.moveCells("Deal", from, "Deal", to);
    expect(twin.snapshot().names.DEALDESK_BLOCK_DEAL.address).toBe(DEAL_AREA);
    const expected = ok(await planUpdate());
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_DEAL;
    wb.moveCells("Deal", from, "Deal", to);
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    const review = ok(await planUpdate());
    expect({ ...review, fingerprint: "" }).toEqual({
      ...expected,
      names: [markerBack("DEAL", "Deal", `Deal!${marker.address}`)],
      fingerprint: "",
    });
  });
});

describe("two blocks at the selection on one sheet", () => {
  async function twoBlocks(): Promise<{ wb: FakeWorkbook; deal: string; sources: string }> {
    const wb = setup();
    wb.setCell("Sheet1", "A1", "my title");
    wb.select("Sheet1", "B2");
    ok(await insertBlocks(["deal", "sources"], AT_SELECTION, previousSource));
    const names = wb.snapshot().names;
    // Sources one empty row below Deal, both from B2.
    expect([names.DEALDESK_BLOCK_DEAL.address, names.DEALDESK_BLOCK_SOURCES.address]).toEqual([
      moved(DEAL_AREA, { top: 1, bottom: 1, left: 1, right: 1 }),
      areaAt("sources", 1 + specExtent(buildBlock("deal")).rows + 1, 1),
    ]);
    return { wb, deal: names.DEALDESK_BLOCK_DEAL.address, sources: names.DEALDESK_BLOCK_SOURCES.address };
  }

  it("the upper block's marker deleted, then Insert of both: the marker is put back on the upper block alone", async () => {
    const { wb, deal } = await twoBlocks();
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    const report = await act(wb, () => insertBlocks(["deal", "sources"], AT_SELECTION));
    expect(report.blocks.map((b) => b.alreadyPresent)).toEqual([true, true]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL.address).toBe(deal);
    await applyAndReviewClean(wb, []);
  });

  it("the lower block's marker deleted after two empty rows of the upper block were deleted: the marker follows the lower block", async () => {
    const { wb, sources } = await twoBlocks();
    // Two empty rows of Deal, one row lower on Sheet1 than on Deal's own sheet; the lower first.
    wb.deleteRows("Sheet1", DEAL_EMPTY_ROWS[2] + 1, 1);
    wb.deleteRows("Sheet1", DEAL_EMPTY_ROWS[1] + 1, 1);
    await deleteNames(wb, ["DEALDESK_BLOCK_SOURCES"]);
    const expected = moved(sources, { top: -2, bottom: -2 });
    await applyAndReviewClean(wb, [markerBack("SOURCES", "Sources", `Sheet1!${expected}`)]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_SOURCES.address).toBe(expected);
    expect(wb.cell("Sheet1", "A1")?.value).toBe("my title");
  });

  // The same two deletions, the upper block's marker deleted instead: Excel would have kept the
  // marker two rows shorter, with the Sources block two rows higher.
  it("the upper block's marker deleted after two empty rows inside it were deleted: the marker neither covers row 1 nor the lower block", async () => {
    const { wb, deal, sources } = await twoBlocks();
    wb.deleteRows("Sheet1", DEAL_EMPTY_ROWS[2] + 1, 1);
    wb.deleteRows("Sheet1", DEAL_EMPTY_ROWS[1] + 1, 1);
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL"]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_SOURCES.address).toBe(moved(sources, { top: -2, bottom: -2 }));
    const expected = moved(deal, { bottom: -2 });
    await applyAndReviewClean(wb, [markerBack("DEAL", "Deal", `Sheet1!${expected}`)]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_DEAL.address).toBe(expected);
  });
});

describe("record names deleted", () => {
  // Only Deal's record name deleted (its marker intact), then another block inserted: Insert
  // names Deal's band again, and the next review is the one without the deletion.
  it("a record name deleted (marker intact), then Insert of another block: the record is still found", async () => {
    setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    ok(await insertBlocks(["capex"], NEW_SHEET, previousSource));
    const expected = ok(await planUpdate());
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const record = wb.snapshot().names.DEALDESK_RECORD_DEAL;
    await deleteNames(wb, ["DEALDESK_RECORD_DEAL"]);
    await act(wb, () => insertBlocks(["capex"], NEW_SHEET, previousSource));
    expect(wb.snapshot().names.DEALDESK_RECORD_DEAL).toEqual(record);
    const review = ok(await planUpdate());
    expect({ ...review, fingerprint: "" }).toEqual({ ...expected, fingerprint: "" });
  });

  it("marker and record name of one block deleted, then Insert of that block: both names back on the same cells, nothing else written", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal", "sources"], NEW_SHEET, previousSource));
    wb.setCell("Deal", "C5", 45e9);
    const before = wb.snapshot();
    await deleteNames(wb, ["DEALDESK_BLOCK_DEAL", "DEALDESK_RECORD_DEAL"]);
    const report = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    expect(report.summary.slice(1)).toEqual([
      markerBack("DEAL", "Deal", `Deal!${before.names.DEALDESK_BLOCK_DEAL.address}`, true),
      recordBack("DEAL", "Deal", true),
    ]);
    expect(wb.snapshot()).toEqual(before);
    expect(ok(await planUpdate()).conflicts).toEqual([]);
    await applyAndReviewClean(wb, []);
    expect(wb.cell("Deal", "C5")?.value).toBe(45e9);
  });

  it("every hidden name deleted (the =FALSE ones too) after rows inserted above and the sheet renamed: Review and Apply put each back, Insert adds the =FALSE ones", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const before = wb.snapshot().names;
    wb.insertRows("Deal", 0, 3);
    wb.renameSheet("Deal", "OpenAI deal");
    wb.setCell("OpenAI deal", "A1", "my header");
    const hidden = hiddenNames(wb);
    expect(hidden).toHaveLength(10);
    await deleteNames(wb, hidden);
    const expected = moved(before.DEALDESK_BLOCK_DEAL.address, { top: 3, bottom: 3 });
    await applyAndReviewClean(wb, [markerBack("DEAL", "Deal", `OpenAI deal!${expected}`), recordBack("DEAL", "Deal")]);
    const after = wb.snapshot().names;
    expect([after.DEALDESK_BLOCK_DEAL, after.DEALDESK_RECORD_DEAL]).toEqual([
      { ...before.DEALDESK_BLOCK_DEAL, sheet: "OpenAI deal", address: expected },
      before.DEALDESK_RECORD_DEAL,
    ]);
    expect(hiddenNames(wb)).toHaveLength(2);
    await act(wb, () => insertBlocks(["capex"], NEW_SHEET));
    expect(hiddenNames(wb).sort()).toEqual(hidden.sort());
    expect(wb.cell("OpenAI deal", "A1")?.value).toBe("my header");
    expect(
      wb
        .snapshot()
        .sheets.filter((s) => s.visibility === "VeryHidden")
        .map((s) => s.name),
    ).toEqual(["DealDesk Record"]);
  });

  it("a second round: every hidden name deleted again after a recovery and another insert, then a column inserted: Insert of both blocks puts all back", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await deleteNames(wb, hiddenNames(wb));
    await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    await act(wb, () => insertBlocks(["capex"], NEW_SHEET, previousSource));
    const before = wb.snapshot();
    await deleteNames(wb, hiddenNames(wb));
    wb.insertColumns("Capex 2026", 0, 1);
    const report = await act(wb, () => insertBlocks(["deal", "capex"], NEW_SHEET));
    expect(report.blocks.map((b) => b.alreadyPresent)).toEqual([true, true]);
    const capex = moved(before.names.DEALDESK_BLOCK_CAPEX.address, { left: 1, right: 1 });
    const ours = (names: typeof before.names) => Object.fromEntries(Object.entries(names).filter(([n]) => n.startsWith("DEALDESK_")));
    expect(ours(wb.snapshot().names)).toEqual(
      ours({ ...before.names, DEALDESK_BLOCK_CAPEX: { ...before.names.DEALDESK_BLOCK_CAPEX, address: capex } }),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Deal", "DealDesk Record", "Capex 2026"]);
    await applyAndReviewClean(wb, []);
  });

  it("a visible sheet of the user's named DealDesk Record (2), with text in the band's columns, is never taken for the record", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    wb.addSheet("DealDesk Record (2)");
    wb.setCell("DealDesk Record (2)", "A1", "#block");
    wb.setCell("DealDesk Record (2)", "B2", "my audit notes");
    const expected = ok(await planUpdate());
    const mine = cellsOutside(wb, "DealDesk Record (2)", 0, 0);
    await deleteNames(wb, hiddenNames(wb));
    const review = ok(await planUpdate());
    expect({ ...review, names: [], fingerprint: "" }).toEqual({ ...expected, fingerprint: "" });
    await act(wb, () => insertBlocks(["sources"], NEW_SHEET));
    expect(wb.snapshot().names.DEALDESK_RECORD_SOURCES.sheet).toBe("DealDesk Record");
    await applyAndReviewClean(wb, []);
    expect(cellsOutside(wb, "DealDesk Record (2)", 0, 0)).toEqual(mine);
  });

  it("the user's sheet DealDesk Record made before the first insert: the record sheet is DealDesk Record (2), found again once every name is deleted", async () => {
    const wb = setup();
    wb.addSheet("DealDesk Record");
    wb.setCell("DealDesk Record", "A1", "mine");
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const before = wb.snapshot().names;
    expect(before.DEALDESK_RECORD_DEAL.sheet).toBe("DealDesk Record (2)");
    await deleteNames(wb, hiddenNames(wb));
    await act(wb, () => insertBlocks(["deal", "sources"], NEW_SHEET));
    expect(wb.snapshot().names.DEALDESK_RECORD_DEAL).toEqual(before.DEALDESK_RECORD_DEAL);
    expect(wb.snapshot().names.DEALDESK_RECORD_SOURCES.sheet).toBe("DealDesk Record (2)");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "DealDesk Record", "Deal", "DealDesk Record (2)", "Sources"]);
    expect(cellsOutside(wb, "DealDesk Record", 0, 0)).toEqual({ A1: expect.objectContaining({ value: "mine" }) });
    await applyAndReviewClean(wb, []);
  });
});

describe("found in review of the recovery", () => {
  it("the block's sheet deleted, then its record name deleted: Insert writes the block again (one record name, on its new band)", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    wb.deleteSheet("Deal");
    await deleteNames(wb, ["DEALDESK_RECORD_DEAL"]);
    const report = await act(wb, () => insertBlocks(["deal"], NEW_SHEET));
    expect(report.blocks.map((b) => [b.sheetName, b.alreadyPresent])).toEqual([["Deal", false]]);
    expect(report.summary.filter((s) => s.startsWith("The hidden name"))).toEqual([]);
    expect(wb.snapshot().names.DEALDESK_RECORD_DEAL).toMatchObject({
      sheet: "DealDesk Record",
      address: expect.stringMatching(/^A1:G\d+$/),
    });
    expect(ok(await planUpdate()).changes).toEqual([]);
  });

  it("a band rewritten shorter (AMZN without its price history) and then its record name deleted: the rows the longer band left below are not read", async () => {
    const twin = setup();
    ok(await insertBlocks(["amzn"], { target: "new-sheet", includeStockHistory: true }, previousSource));
    twin.deleteSheet("AMZN");
    ok(await insertBlocks(["amzn"], NEW_SHEET, previousSource));
    const expected = ok(await planUpdate());
    const wb = setup();
    ok(await insertBlocks(["amzn"], { target: "new-sheet", includeStockHistory: true }, previousSource));
    wb.deleteSheet("AMZN");
    ok(await insertBlocks(["amzn"], NEW_SHEET, previousSource));
    const band = wb.snapshot().names.DEALDESK_RECORD_AMZN;
    await deleteNames(wb, ["DEALDESK_RECORD_AMZN"]);
    const review = ok(await planUpdate());
    expect({ ...review, names: [], fingerprint: "" }).toEqual({ ...expected, fingerprint: "" });
    await applyAndReviewClean(wb, [recordBack("AMZN", "AMZN")]);
    expect(wb.snapshot().names.DEALDESK_RECORD_AMZN).toEqual({ ...band, visible: false });
  });

  it("rows inserted inside the Sources block's last table, then its marker deleted: the marker grows with the table, and no figure is said to be deleted", async () => {
    const wb = setup();
    ok(await insertBlocks(["sources"], NEW_SHEET, previousSource));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_SOURCES.address;
    const table = wb
      .snapshot()
      .sheets.find((s) => s.name === "Sources")
      ?.tables.at(-1);
    const tableBottom = Number(/(\d+)$/.exec(table?.address ?? "")?.[1]);
    expect(Number(/(\d+)$/.exec(marker)?.[1])).toBe(tableBottom);
    wb.insertRows("Sources", tableBottom - 2, 2);
    await deleteNames(wb, ["DEALDESK_BLOCK_SOURCES"]);
    const expected = moved(marker, { bottom: 2 });
    await applyAndReviewClean(wb, [markerBack("SOURCES", "Sources", `Sources!${expected}`)]);
    expect(wb.snapshot().names.DEALDESK_BLOCK_SOURCES.address).toBe(expected);
  });

  it("the last two rows of the Sources table deleted, a block stacked below it, then Sources' marker deleted: the marker ends where the table ends", async () => {
    const wb = setup();
    wb.select("Sheet1", "B2");
    ok(await insertBlocks(["sources"], AT_SELECTION, previousSource));
    const sources = wb.snapshot().names.DEALDESK_BLOCK_SOURCES.address;
    const bottom = Number(/(\d+)$/.exec(sources)?.[1]);
    wb.select("Sheet1", `B${bottom + 2}`);
    ok(await insertBlocks(["capex"], AT_SELECTION, previousSource));
    // The Id column of the Sources block, at B: the figures whose rows are deleted.
    const gone = [bottom - 1, bottom].map((row) => String(wb.cell("Sheet1", `B${row}`)?.value));
    wb.deleteRows("Sheet1", bottom - 2, 2);
    await deleteNames(wb, ["DEALDESK_BLOCK_SOURCES"]);
    const expected = moved(sources, { bottom: -2 });
    const review = ok(await planUpdate());
    expect(review.names).toEqual([markerBack("SOURCES", "Sources", `Sheet1!${expected}`)]);
    // The two rows deleted held two figures of the table: the review says so, as it would with the marker.
    expect(gone).toEqual(BUILT_IN_FIGURES.figures.slice(-2).map((f) => f.id));
    expect(review.deleted.map((d) => d.split(" was deleted")[0])).toEqual(
      BUILT_IN_FIGURES.figures.slice(-2).map((f) => `The row of ${f.label}`),
    );
    await act(wb, () => applyUpdate([], review.fingerprint));
    expect(wb.snapshot().names.DEALDESK_BLOCK_SOURCES.address).toBe(expected);
    expect(ok(await planUpdate()).names).toEqual([]);
  });

  it("a record name set to =FALSE by a macro: the review rebuilds the record, and Apply writes it on the record sheet there is, not on a second one", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await wb.run(async (context) => {
      context.workbook.names.getItem("DEALDESK_RECORD_DEAL").delete();
      context.workbook.names.add("DEALDESK_RECORD_DEAL", "=FALSE");
      await context.sync();
    });
    const review = ok(await planUpdate());
    expect(review.notices).toEqual([expect.stringContaining("Deal Desk's record of what it wrote was not found for Deal")]);
    await act(wb, () => applyUpdate([], review.fingerprint));
    expect(wb.sheets.filter((s) => s.visibility === "VeryHidden").map((s) => s.name)).toEqual(["DealDesk Record"]);
    expect(wb.snapshot().names.DEALDESK_RECORD_DEAL.sheet).toBe("DealDesk Record");
    expect(ok(await planUpdate()).notices).toEqual([]);
  });
});
