/**
 * The Excel writer against the fake host: sync counts, the workbook after Insert all compared
 * with the SheetSpecs, no-clobber updates, name and sheet clashes, text that looks like a
 * formula, and failures in plain words.
 */
import { applyUpdate, checkSupport, insertBlocks, insertFormula, planUpdate, type SpecSource } from "../../src/excel";
import { STYLE_LOOKS } from "../../src/sheets/styles";
import { BLOCKS, blockFigureIds, BLOCK_TITLES, buildAllBlocks, buildBlock, type BlockId, type SheetSpec } from "../../src/sheets";
import { columnLetters, rangeA1, toA1 } from "../../src/sheets/a1";
import { columnWidthPoints } from "../../src/ownership/layout";
import { RECORD_COLUMNS } from "../../src/ownership/record";
import { writtenOf, type Written } from "../../src/ownership/written";
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";
import { allFacts, BUILT_IN_FIGURES } from "../../src/figures";
import { ok, previousSource } from "./actions";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;

function setup(options?: ConstructorParameters<typeof FakeWorkbook>[0]): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook(options));
}

function cellWritten(wb: FakeWorkbook, sheet: string, address: string): Written {
  const c = wb.cell(sheet, address);
  if (!c) return null;
  return c.formula !== null ? { formula: c.formula } : c.value;
}

/** Syncs made by one action. */
async function syncsOf<T>(wb: FakeWorkbook, action: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = wb.syncCount;
  const result = await action();
  return { result, syncs: wb.syncCount - before };
}

describe("insertBlocks", () => {
  it("inserts one block in one read sync and one write sync, with screen updating suspended and calculation left on (formulas show current values)", async () => {
    const wb = setup();
    const { result, syncs } = await syncsOf(wb, () => insertBlocks(["sources"], NEW_SHEET));
    const report = ok(result);
    expect(syncs).toBe(2);
    expect(wb.syncLog[1]).toMatchObject({ calculationSuspended: false, screenUpdatingSuspended: true });
    expect(report.blocks.map((b) => [b.block, b.sheetName, b.alreadyPresent])).toEqual([["sources", "Sources", false]]);
  });

  it("inserts all five blocks in two syncs and writes each block's cells as the spec says", async () => {
    const wb = setup();
    const { result, syncs } = await syncsOf(wb, () => insertBlocks([...BLOCKS], NEW_SHEET));
    const report = ok(result);
    expect(syncs).toBe(2);
    const specs = buildAllBlocks();
    const snap = wb.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"],
      ...specs.map((s) => [s.sheetName, "Visible"]),
      ["DealDesk Record", "VeryHidden"],
    ]);
    expect(snap.activeSheet).toBe(specs[0].sheetName);

    let cells = 0;
    for (const spec of specs) {
      const sheet = snap.sheets.find((s) => s.name === spec.sheetName);
      if (!sheet) throw new Error(`no sheet ${spec.sheetName}`);
      for (const c of spec.cells) {
        const address = toA1(c.row, c.col);
        const got = sheet.cells[address];
        const hasContent = c.formula !== undefined || (c.value !== undefined && c.value !== null);
        if (!hasContent && c.numberFormat === undefined) {
          expect(got).toBeUndefined();
          continue;
        }
        cells++;
        expect([address, got.formula]).toEqual([address, c.formula ?? null]);
        if (c.formula === undefined) expect([address, got.value]).toEqual([address, c.value ?? null]);
        expect([address, got.numberFormat]).toEqual([address, c.numberFormat ?? "General"]);
        const look = c.style ? STYLE_LOOKS[c.style] : {};
        const format = sheet.formats[address] ?? {};
        expect([address, format.bold ?? false, format.fill ?? null]).toEqual([address, look.bold ?? false, look.fill ?? null]);
      }
      expect(Object.keys(sheet.cells).length).toBe(
        spec.cells.filter((c) => c.formula !== undefined || (c.value !== undefined && c.value !== null) || c.numberFormat !== undefined)
          .length,
      );
      expect(sheet.notes).toEqual(Object.fromEntries(spec.cells.filter((c) => c.note).map((c) => [toA1(c.row, c.col), c.note])));
      expect(sheet.tables).toEqual(spec.tables.map((t) => ({ name: t.name, address: rangeA1(t.top, t.left, t.bottom, t.right) })));
      // The series is set explicitly (values and name), not left to Excel's guess from the range.
      expect(sheet.charts.map((c) => [c.title, c.seriesName, c.values, c.categories, c.anchor])).toEqual(
        spec.charts.map((c) => [
          c.title,
          c.title,
          `${spec.sheetName}!${rangeA1(c.values.top, c.values.col, c.values.bottom, c.values.col)}`,
          `${spec.sheetName}!${rangeA1(c.categories.top, c.categories.col, c.categories.bottom, c.categories.col)}`,
          toA1(c.anchor.row, c.anchor.col),
        ]),
      );
      expect(sheet.columnWidths).toEqual(Object.fromEntries(spec.columnWidths.map((w, i) => [columnLetters(i), columnWidthPoints(w)])));
      for (const n of spec.names) {
        expect(snap.names[n.name]).toEqual({
          sheet: spec.sheetName,
          address: toA1(n.row, n.col),
          comment: `Deal Desk · ${n.comment}`,
          visible: true,
        });
      }
    }
    const visibleNames = Object.entries(snap.names)
      .filter(([, n]) => n.visible)
      .map(([name]) => name);
    expect(visibleNames.sort()).toEqual(specs.flatMap((s) => s.names.map((n) => n.name)).sort());
    expect(report.blocks.reduce((n, b) => n + b.cellsWritten, 0)).toBe(cells);
    // The write sync also fills each block's band of the record: a header row, a row per cell and one per name it made.
    const recordCells = specs.reduce((n, s) => n + (s.cells.length + s.names.length + 1) * RECORD_COLUMNS, 0);
    expect(wb.syncLog[1].cellsWritten).toBe(cells + recordCells);
  });

  it("says in one sentence per block what it inserted", async () => {
    setup();
    const report = ok(await insertBlocks(["deal"], NEW_SHEET));
    const spec = buildBlock("deal");
    expect(report.summary).toEqual([
      `Inserted sheet Deal with ${blockFigureIds(BUILT_IN_FIGURES, "deal").length} figures, ${allFacts().length} facts and ${spec.names.length} named ranges.`,
    ]);
    expect(report.blocks[0].figures).toBe(blockFigureIds(BUILT_IN_FIGURES, "deal").length);
  });

  it("describes a block without figures by its input cells and its one name", async () => {
    setup();
    const report = ok(await insertBlocks(["sensitivity"], NEW_SHEET));
    const inputs = buildBlock("sensitivity").cells.filter((c) => c.owner === "user").length;
    expect(report.summary[1]).toBe(`Inserted sheet Sensitivity with ${inputs} input cells and 1 named range.`);
  });

  it("inserts the blocks a block's formulas need first", async () => {
    const wb = setup();
    const report = ok(await insertBlocks(["amzn"], NEW_SHEET));
    expect(report.blocks.map((b) => b.block)).toEqual(["deal", "amzn"]);
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", "Deal", "AMZN", "DealDesk Record"]);
  });

  it("reports a block already in the workbook and writes nothing, in one sync", async () => {
    const wb = setup();
    ok(await insertBlocks(["sources"], NEW_SHEET));
    const before = JSON.stringify(wb.snapshot());
    const { result, syncs } = await syncsOf(wb, () => insertBlocks(["sources"], NEW_SHEET));
    const report = ok(result);
    expect(syncs).toBe(1);
    expect(report.blocks).toEqual([
      { block: "sources", sheetName: "Sources", alreadyPresent: true, figures: 0, cellsWritten: 0, namesWritten: [], leftAlone: [] },
    ]);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("puts the block on Deal (2) when a user's sheet is named Deal, and leaves the user's sheet untouched", async () => {
    const wb = setup();
    wb.addSheet("Deal");
    wb.setCell("Deal", "A1", "my notes");
    wb.setCell("Deal", "B5", 7);
    const userSheet = JSON.stringify(wb.snapshot().sheets[1]);
    const report = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(report.blocks[0].sheetName).toBe("Deal (2)");
    const snap = wb.snapshot();
    expect(JSON.stringify(snap.sheets[1])).toBe(userSheet);
    expect(snap.names.DEAL_AMOUNT.sheet).toBe("Deal (2)");
    expect(report.summary).toContain(
      "A sheet of yours is already named Deal, so the block went to Deal (2) and your sheet was left as it is.",
    );
  });

  it("leaves a name the user owns alone and says so", async () => {
    const wb = setup();
    wb.addName("DEAL_AMOUNT", "Sheet1", "A1", "mine");
    const report = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(wb.snapshot().names.DEAL_AMOUNT).toEqual({ sheet: "Sheet1", address: "A1", comment: "mine", visible: true });
    const deal = report.blocks[0];
    expect(deal.namesWritten).not.toContain("DEAL_AMOUNT");
    expect(deal.leftAlone).toHaveLength(1);
    expect(deal.leftAlone[0].what).toBe("the name DEAL_AMOUNT");
    expect(deal.leftAlone[0].reason).toContain("Sheet1!$A$1");
    expect(report.summary.some((s) => s.startsWith("Left the name DEAL_AMOUNT alone: it already exists in your workbook"))).toBe(true);
  });

  it("inserts a block again after the user deleted its sheet, re-pointing the block's own names", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").delete();
      await context.sync();
    });
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe("=#REF!");
    const report = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(report.blocks[0]).toMatchObject({ sheetName: "Deal", alreadyPresent: false, leftAlone: [] });
    const used = buildBlock("deal").names.find((n) => n.name === "DEAL_AMOUNT");
    expect(wb.snapshot().names.DEAL_AMOUNT).toMatchObject({ sheet: "Deal", address: used && toA1(used.row, used.col) });
  });

  it("does not count the figures the Sources sheet's as-of table lists as facts", async () => {
    setup();
    const report = ok(await insertBlocks(["sources"], NEW_SHEET));
    const facts = new Set(allFacts().map((f) => f.id));
    expect(buildBlock("sources").cells.some((c) => c.figureId !== undefined && facts.has(c.figureId))).toBe(false);
    expect(report.summary[0]).toBe(`Inserted sheet Sources with ${report.blocks[0].cellsWritten} cells.`);
  });

  it("gives a table another name when the workbook already uses the block's table name", async () => {
    const wb = setup();
    wb.addName("DealFigures", "Sheet1", "A1");
    const report = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(wb.snapshot().sheets[1].tables.map((t) => t.name)).toEqual(["DealFigures_2"]);
    expect(report.summary).toContain("The table name DealFigures was taken, so the table is called DealFigures_2.");
  });

  it("gives a table another name when a sheet has a name of its own with the block's table name (Workbook.names does not list it)", async () => {
    const wb = setup();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").names.add("DealFigures", "=Sheet1!$A$1", "mine");
      await context.sync();
    });
    const { result, syncs } = await syncsOf(wb, () => insertBlocks(["deal"], NEW_SHEET));
    const report = ok(result);
    expect(syncs).toBe(2);
    expect(wb.snapshot().sheets[1].tables.map((t) => t.name)).toEqual(["DealFigures_2"]);
    expect(report.summary).toContain("The table name DealFigures was taken, so the table is called DealFigures_2.");
  });

  it("leaves a name alone when a table of the user's has that name, and says so (Excel would refuse it half-way through the write)", async () => {
    const wb = setup();
    wb.setCell("Sheet1", "A1", "Amount");
    wb.setCell("Sheet1", "A2", 5);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("Sheet1!A1:A2", true).name = "Deal_Amount";
      await context.sync();
    });
    const deal = ok(await insertBlocks(["deal"], NEW_SHEET)).blocks[0];
    expect(wb.snapshot().names.DEAL_AMOUNT).toBeUndefined();
    expect(deal.namesWritten).not.toContain("DEAL_AMOUNT");
    expect(deal.namesWritten.length).toBe(buildBlock("deal").names.length - 1);
    expect(deal.leftAlone).toEqual([
      {
        what: "the name DEAL_AMOUNT",
        reason:
          "a table of yours is named Deal_Amount, and Excel keeps one name for one thing; this block's formulas that use DEAL_AMOUNT read your table.",
      },
    ]);
  });

  it("does not take the workbook's own names for a sheet's, where Excel lists them among the sheet's (office-js#1011)", async () => {
    const wb = setup({ sheetNamesListWorkbookNames: true });
    ok(await insertBlocks(["deal"], NEW_SHEET));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").delete();
      await context.sync();
    });
    // The block's names are left on #REF!, workbook names that the Sheet1 list also shows.
    wb.select("Sheet1", "C3");
    const report = ok(await insertBlocks(["deal"], { target: "selection", includeStockHistory: false }));
    expect(report.blocks.map((b) => [b.block, b.leftAlone])).toEqual([["deal", []]]);
    expect(report.blocks[0].namesWritten).toEqual(buildBlock("deal").names.map((n) => n.name));
    expect(wb.snapshot().names.DEAL_AMOUNT.sheet).toBe("Sheet1");
  });

  it("says so when the selected sheet has a name of its own that the block's formulas use", async () => {
    const wb = setup();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").names.add("DEAL_AMOUNT", "=Sheet1!$A$1", "mine");
      await context.sync();
    });
    wb.select("Sheet1", "C3");
    const deal = ok(await insertBlocks(["deal"], { target: "selection", includeStockHistory: false })).blocks[0];
    const used = buildBlock("deal", { origin: { row: 2, col: 2 } }).names.find((n) => n.name === "DEAL_AMOUNT");
    expect(used).toBeDefined();
    expect(deal.namesWritten).toContain("DEAL_AMOUNT");
    expect(deal.leftAlone).toEqual([
      {
        what: "the name DEAL_AMOUNT on Sheet1",
        reason: `the sheet Sheet1 has a name DEAL_AMOUNT of its own, so this block's formulas on it read yours, not the block's cell Sheet1!${toA1(used!.row, used!.col)}.`,
      },
    ]);
  });

  it("writes text that begins with =, +, - or @ (or looks like a number or date) as that text", async () => {
    const wb = setup();
    const texts = ['=HYPERLINK("http://x.example","click")', "+1", "-2", "@SUM(A1)", "2026-01-28", "TRUE", "'quoted"];
    const source: SpecSource = (block, options) => {
      const spec = buildBlock(block, options);
      return { ...spec, cells: [...spec.cells, ...texts.map((value, i) => ({ row: 40 + i, col: 0, value, owner: "addin" as const }))] };
    };
    ok(await insertBlocks(["sources"], NEW_SHEET, source));
    for (let i = 0; i < texts.length; i++) {
      expect(wb.cell("Sources", `A${41 + i}`)).toMatchObject({ value: texts[i], formula: null });
    }
  });

  it("inserts at the selected cell when it and the block's area are empty", async () => {
    const wb = setup();
    wb.select("Sheet1", "C3");
    const report = ok(await insertBlocks(["sources"], { target: "selection", includeStockHistory: false }));
    const spec = buildBlock("sources", { origin: { row: 2, col: 2 } });
    expect(report.blocks[0].sheetName).toBe("Sheet1");
    const first = spec.cells[0];
    expect(cellWritten(wb, "Sheet1", toA1(first.row, first.col))).toEqual(writtenOf(first));
    expect(wb.snapshot().sheets[0].tables.map((t) => t.address)).toEqual(spec.tables.map((t) => rangeA1(t.top, t.left, t.bottom, t.right)));
  });

  it("stacks a block and the block it needs at the selection, a blank row apart", async () => {
    const wb = setup();
    wb.select("Sheet1", "B2");
    const report = ok(await insertBlocks(["amzn"], { target: "selection", includeStockHistory: false }));
    expect(report.blocks.map((b) => [b.block, b.sheetName])).toEqual([
      ["deal", "Sheet1"],
      ["amzn", "Sheet1"],
    ]);
    const deal = buildBlock("deal", { origin: { row: 1, col: 1 } });
    const dealRows = Math.max(...deal.cells.map((c) => c.row)) - deal.origin.row + 1;
    const amzn = buildBlock("amzn", { origin: { row: 1 + dealRows + 1, col: 1 } });
    for (const c of [...deal.cells, ...amzn.cells].filter((x) => x.formula !== undefined || (x.value !== undefined && x.value !== null))) {
      expect([toA1(c.row, c.col), cellWritten(wb, "Sheet1", toA1(c.row, c.col))]).toEqual([toA1(c.row, c.col), writtenOf(c)]);
    }
  });

  it("adds the live STOCKHISTORY cells when asked, and keeps them on update", async () => {
    const wb = setup();
    ok(await insertBlocks(["amzn"], { target: "new-sheet", includeStockHistory: true }));
    const live = buildBlock("amzn", { includeStockHistory: true }).cells.filter((c) => c.formula?.includes("STOCKHISTORY"));
    expect(live.length).toBeGreaterThan(0);
    for (const c of live) expect(cellWritten(wb, "AMZN", toA1(c.row, c.col))).toEqual({ formula: c.formula });
    expect(ok(await applyUpdate([]))).toMatchObject({ cellsWritten: 0, kept: 0 });
  });

  it("refuses to insert at a selection whose area holds something, and says which cell", async () => {
    const wb = setup();
    wb.select("Sheet1", "C3");
    wb.setCell("Sheet1", "D6", "mine");
    const before = JSON.stringify(wb.snapshot());
    const r = await insertBlocks(["sources"], { target: "selection", includeStockHistory: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe("not-empty");
    expect(r.message).toContain("D6 holds something");
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("gives kind protected with a message when the selected sheet is protected", async () => {
    const wb = setup();
    wb.protectSheet("Sheet1");
    const r = await insertBlocks(["sources"], { target: "selection", includeStockHistory: false });
    expect(r).toEqual({
      ok: false,
      kind: "protected",
      message:
        'The sheet "Sheet1" is protected, so Deal Desk cannot write to it. Unprotect it (Review › Unprotect Sheet) and try again; nothing was changed.',
    });
  });

  it("gives kind protected when the workbook's structure is protected or Excel denies a write", async () => {
    const wb = setup();
    wb.protectStructure();
    const r1 = await insertBlocks(["sources"], NEW_SHEET);
    expect(r1.ok === false && r1.kind).toBe("protected");
    wb.protectStructure(false);
    wb.failNextSync("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", 1);
    const r2 = await insertBlocks(["sources"], NEW_SHEET);
    expect(r2.ok === false && r2.kind).toBe("protected");
    expect(wb.syncLog[wb.syncLog.length - 1].cellsWritten).toBe(0);
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("gives kind invalid-name when Excel refuses a name", async () => {
    setup();
    const source: SpecSource = (block, options) => {
      const spec: SheetSpec = buildBlock(block, options);
      return { ...spec, names: [{ name: "TWO WORDS", row: 4, col: 1, comment: "bad" }] };
    };
    const r = await insertBlocks(["sources"], NEW_SHEET, source);
    expect(r.ok === false && r.kind).toBe("invalid-name");
  });

  it("gives kind unsupported, without calling Excel, on an Excel older than ExcelApi 1.9", async () => {
    const wb = setup({ apiVersion: 4 });
    const support = await checkSupport();
    expect(support.ok === false && support.kind).toBe("unsupported");
    expect(support.ok === false && support.message).toContain("1.9");
    const r = await insertBlocks(["deal"], NEW_SHEET);
    expect(r).toEqual(support);
    expect(wb.syncCount).toBe(0);
  });

  it("gives kind excel with Excel's own words for any other error, and never rejects", async () => {
    const wb = setup();
    wb.failNextSync("GeneralException", "The request failed for an unknown reason.");
    const r = await insertBlocks(["sources"], NEW_SHEET);
    expect(r).toEqual({
      ok: false,
      kind: "excel",
      message:
        "Excel could not finish the change (The request failed for an unknown reason.). Nothing of yours was overwritten, though part of a block may have been written; try again, and reload the add-in if it keeps failing.",
    });
  });

  it("gives kind unsupported outside Excel", async () => {
    const saved = { Office: (globalThis as { Office?: unknown }).Office, Excel: (globalThis as { Excel?: unknown }).Excel };
    delete (globalThis as { Office?: unknown }).Office;
    try {
      const r = await insertBlocks(["deal"], NEW_SHEET);
      expect(r.ok === false && r.kind).toBe("unsupported");
    } finally {
      Object.assign(globalThis, saved);
    }
  });

  it("inserts without notes on Excel without ExcelApi 1.18 and says so", async () => {
    const wb = setup({ apiVersion: 9 });
    const report = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(wb.snapshot().sheets[1].notes).toEqual({});
    expect(report.summary[report.summary.length - 1]).toContain("cannot add notes");
  });
});

describe("updates", () => {
  const changedByDataset = (block: BlockId): string[] => {
    const before = previousSource(block, {});
    const after = buildBlock(block);
    return after.cells
      .filter((c, i) => c.owner === "addin" && JSON.stringify(writtenOf(c)) !== JSON.stringify(writtenOf(before.cells[i])))
      .map((c) => toA1(c.row, c.col));
  };

  it("reads in two syncs, keeps the user's override and edited reported cell, lists the edit and refreshes the rest", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    wb.setCell("Deal", "C5", 45e9); // the user's override of deal.amount
    wb.setCell("Deal", "B7", 90e9); // the user's edit of a reported cell (deal.round_size)
    const refreshable = changedByDataset("deal").filter((a) => a !== "B7");

    // Names, sheets, records and marker areas; then the blocks' tables wherever they are.
    const { result, syncs } = await syncsOf(wb, () => planUpdate());
    expect(syncs).toBe(2);
    const plan = ok(result);
    const round = buildBlock("deal").cells.find((c) => c.row === 6 && c.col === 1);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({
        key: "deal|fig|deal.round_size|Reported",
        kind: "conflict",
        sheetName: "Deal",
        address: "B7",
        figureId: "deal.round_size",
        userValue: 90e9,
        newValue: round?.value,
      }),
    ]);
    expect(plan.refreshes).toBe(refreshable.length);
    expect(plan.sheets).toEqual(["Deal"]);

    const applied = await syncsOf(wb, () => applyUpdate([]));
    // The two reads of the review, then the writes.
    expect(applied.syncs).toBe(3);
    // Calculation is left on, so Used cells, derived metrics and the user's formulas show the new values.
    expect(wb.syncLog[wb.syncLog.length - 1]).toMatchObject({ calculationSuspended: false, screenUpdatingSuspended: true });
    expect(ok(applied.result)).toMatchObject({ cellsWritten: refreshable.length, accepted: 0, kept: 1 });
    expect(cellWritten(wb, "Deal", "C5")).toBe(45e9);
    expect(cellWritten(wb, "Deal", "B7")).toBe(90e9);
    for (const a of refreshable) {
      const c = buildBlock("deal").cells.find((x) => toA1(x.row, x.col) === a);
      expect([a, cellWritten(wb, "Deal", a)]).toEqual([a, c && writtenOf(c)]);
    }

    const accepted = ok(await applyUpdate(["deal|fig|deal.round_size|Reported"]));
    expect(accepted).toMatchObject({ cellsWritten: 1, accepted: 1, kept: 0 });
    expect(cellWritten(wb, "Deal", "B7")).toBe(round?.value);
  });

  it("works the same when the add-in's hidden names are shown: nothing relies on their being hidden", async () => {
    const wb = setup();
    ok(await insertBlocks([...BLOCKS], NEW_SHEET, previousSource));
    const hidden = Object.entries(wb.snapshot().names)
      .filter(([, n]) => !n.visible)
      .map(([name]) => name);
    expect(hidden.length).toBeGreaterThan(0);
    // A user (a macro, another add-in, Name Manager tools) shows them.
    await wb.run(async (context) => {
      for (const name of hidden) context.workbook.names.getItem(name).visible = true;
      await context.sync();
    });
    expect(Object.values(wb.snapshot().names).every((n) => n.visible)).toBe(true);
    const again = ok(await insertBlocks([...BLOCKS], NEW_SHEET));
    expect(again.blocks.map((b) => b.alreadyPresent)).toEqual(BLOCKS.map(() => true));
    const plan = ok(await planUpdate());
    expect(plan.conflicts).toEqual([]);
    expect(plan.refreshes).toBe(BLOCKS.flatMap((b) => changedByDataset(b)).length);
    expect(ok(await applyUpdate([]))).toMatchObject({ cellsWritten: plan.refreshes, kept: 0 });
    expect(ok(await planUpdate()).refreshes).toBe(0);
  });

  it("writes nothing when an update is repeated with no change", async () => {
    const wb = setup();
    ok(await insertBlocks([...BLOCKS], NEW_SHEET, previousSource));
    ok(await applyUpdate([]));
    const before = JSON.stringify(wb.snapshot());
    const { result, syncs } = await syncsOf(wb, () => applyUpdate([]));
    expect(ok(result)).toEqual({
      cellsWritten: 0,
      accepted: 0,
      kept: 0,
      notesUpdated: 0,
      rowsAdded: 0,
      summary: "Everything is up to date: no cell was written.",
    });
    // The two reads; nothing to write, so no write sync.
    expect(syncs).toBe(2);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("rewrites a note whose source text changed, unless the user edited it", async () => {
    const wb = setup();
    const oldNotes: SpecSource = (block, options) => {
      const spec = buildBlock(block, options);
      return { ...spec, cells: spec.cells.map((c) => (c.note ? { ...c, note: `${c.note} [1.0]` } : c)) };
    };
    ok(await insertBlocks(["amzn"], NEW_SHEET, oldNotes));
    const noted = buildBlock("amzn").cells.filter((c) => c.note);
    const [edited, ...others] = noted;
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("AMZN").notes.getItemOrNullObject(toA1(edited.row, edited.col)).content = "my own note";
      await context.sync();
    });
    const report = ok(await applyUpdate([]));
    const deal = buildBlock("deal").cells.filter((c) => c.note).length;
    expect(report.notesUpdated).toBe(others.length + deal);
    expect(report.summary).toContain(`Rewrote ${others.length + deal} notes whose source text changed.`);
    const notes = wb.snapshot().sheets.find((s) => s.name === "AMZN")?.notes ?? {};
    expect(notes[toA1(edited.row, edited.col)]).toBe("my own note");
    for (const c of others) expect(notes[toA1(c.row, c.col)]).toBe(c.note);
    expect(ok(await applyUpdate([])).notesUpdated).toBe(0);
  });

  it("finds its blocks after the user renames their sheets", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").name = "My deal";
      await context.sync();
    });
    const plan = ok(await planUpdate());
    expect(plan.sheets).toEqual(["My deal"]);
    ok(await applyUpdate([]));
    expect(cellWritten(wb, "My deal", "B5")).toBe(buildBlock("deal").cells.find((c) => c.row === 4 && c.col === 1)?.value);
  });

  it("names a block whose sheet the user deleted, keeps it in the record and updates the others", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal", "sources"], NEW_SHEET));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sources").delete();
      await context.sync();
    });
    expect(ok(await planUpdate()).sheets).toEqual(["Deal"]);
    expect(ok(await planUpdate()).deleted).toEqual(["The Sources sheet was deleted; Insert Sources puts it back and re-points its names."]);
    expect(ok(await applyUpdate([])).summary).toContain(
      "The Sources sheet was deleted; Insert Sources puts it back and re-points its names.",
    );
    expect(ok(await planUpdate()).sheets).toEqual(["Deal"]);
  });

  it("a block's marker deleted by the user: the read falls back to asking which names exist, finds the block by its record, and Apply puts the marker back", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal", "sources"], NEW_SHEET));
    const marker = wb.snapshot().names.DEALDESK_BLOCK_SOURCES;
    await wb.run(async (context) => {
      context.workbook.names.getItem("DEALDESK_BLOCK_SOURCES").delete();
      await context.sync();
    });
    // The read that fails on the missing name, the list of names, the read again, then the blocks'
    // tables and the cells the record's references point at.
    const { result, syncs } = await syncsOf(wb, () => planUpdate());
    expect(syncs).toBe(4);
    expect(ok(result).sheets).toEqual(["Deal", "Sources"]);
    expect(ok(await applyUpdate([])).cellsWritten).toBe(0);
    expect(wb.snapshot().names.DEALDESK_BLOCK_SOURCES).toEqual(marker);
    const after = await syncsOf(wb, () => planUpdate());
    expect([after.syncs, ok(after.result).names]).toEqual([2, []]);
  });

  it("gives kind no-addin-sheets in a workbook without blocks", async () => {
    setup();
    const r = await planUpdate();
    expect(r.ok === false && r.kind).toBe("no-addin-sheets");
  });

  it("gives kind protected when a sheet the update writes to is protected, and writes nothing", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    wb.protectSheet("Deal");
    const before = JSON.stringify(wb.snapshot());
    const r = await applyUpdate([]);
    expect(r.ok === false && r.kind).toBe("protected");
    expect(r.ok === false && r.message).toContain('"Deal"');
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("keeps the names on the cells they were created on", async () => {
    const wb = setup();
    ok(await insertBlocks([...BLOCKS], NEW_SHEET, previousSource));
    const names = JSON.stringify(wb.snapshot().names);
    ok(await applyUpdate([]));
    expect(JSON.stringify(wb.snapshot().names)).toBe(names);
  });
});

describe("insertFormula", () => {
  it("writes the formula into an empty selected cell", async () => {
    const wb = setup();
    wb.select("Sheet1", "B2");
    expect(ok(await insertFormula("=DEAL.STAKE(A1, A2)"))).toEqual({ address: "Sheet1!B2" });
    expect(wb.cell("Sheet1", "B2")).toMatchObject({ formula: "=DEAL.STAKE(A1, A2)" });
  });

  it("refuses a selected cell that is not empty and changes nothing", async () => {
    const wb = setup();
    wb.select("Sheet1", "B2");
    wb.setCell("Sheet1", "B2", 3);
    const r = await insertFormula("=DEAL.STAKE(A1, A2)");
    expect(r.ok === false && r.kind).toBe("not-empty");
    expect(wb.cell("Sheet1", "B2")).toMatchObject({ value: 3, formula: null });
  });

  it("refuses text that is not a formula", async () => {
    setup();
    const r = await insertFormula("DEAL.STAKE(A1, A2)");
    expect(r.ok === false && r.message).toBe('A formula must begin with "=", for example =DEAL.STAKE(A1, B1).');
  });
});

describe("block titles", () => {
  it("names each block's sheet after its title", () => {
    expect(BLOCKS.map((b) => buildBlock(b).sheetName)).toEqual(BLOCKS.map((b) => BLOCK_TITLES[b]));
  });
});
