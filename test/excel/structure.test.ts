/**
 * Updates after what users do to sheets: rows inserted and deleted, a sheet deleted and its
 * block inserted again, a figure cell copied with its note, an override typed and the title row
 * deleted. Each situation of issue 11 as the user would meet it, against the fake Excel that
 * moves cells, formulas, names, tables and notes as Excel does.
 */
import { applyUpdate, insertBlocks, planUpdate, type SpecSource } from "../../src/excel";
import { buildBlock } from "../../src/sheets";
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";
import { findFigure } from "../../src/figures";
import { ok } from "./actions";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;

/** A revised dataset: one figure's reported value (and its note) changed, as a desk would publish. */
function revised(figureId: string, value: number): SpecSource {
  return (block, options) => {
    const spec = buildBlock(block, options);
    return {
      ...spec,
      cells: spec.cells.map((c) =>
        c.figureId === figureId && c.style === "reported" ? { ...c, value, note: `${c.note ?? ""}\nRevised.` } : c,
      ),
    };
  };
}

function setup(): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook());
}

describe("updates after structural edits", () => {
  it("re-points the add-in's #REF! names when a deleted block is inserted again after an update", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal", "sources"], NEW_SHEET));
    wb.deleteSheet("Deal");
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe("=#REF!");
    const review = ok(await planUpdate());
    expect(review.deleted).toEqual(["The Deal sheet was deleted; Insert Deal puts it back and re-points its names."]);
    ok(await applyUpdate([], review.fingerprint));
    const again = ok(await insertBlocks(["deal"], NEW_SHEET));
    expect(again.summary.join(" ")).toContain("Re-pointed DEAL_AMOUNT");
    const names = wb.snapshot().names;
    for (const n of buildBlock("deal").names) expect([n.name, names[n.name].sheet]).toEqual([n.name, "Deal"]);
    expect(names.DEAL_AMOUNT.address).toBe("D5");
    expect(ok(await planUpdate()).changes).toEqual([]);
  });

  it("leaves a figure's note copied to the user's own sheet alone when the figures change", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.copyCell("Deal", "B5", "Sheet1", "C3");
    const copied = wb.snapshot().sheets[0].notes.C3;
    const source = revised("deal.amount", 55e9);
    const review = ok(await planUpdate(source));
    expect(review.changes.map((c) => [c.sheetName, c.address])).toEqual([["Deal", "B5"]]);
    expect(review.notes).toBe(1);
    ok(await applyUpdate([], review.fingerprint, source));
    const snap = wb.snapshot();
    expect(snap.sheets[0].notes.C3).toBe(copied);
    expect(snap.sheets[0].cells.C3.value).toBe(50e9);
    expect(snap.sheets.find((s) => s.name === "Deal")?.notes.B5).toContain("Revised.");
  });

  it("writes a revised figure into its own row after the user inserted a row inside the block", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.insertRows("Deal", 5); // above the announced amount (row 6)
    const source = revised("deal.amount_announced", 60e9);
    const review = ok(await planUpdate(source));
    expect(review.changes.map((c) => [c.kind, c.address, c.label, c.newValue])).toEqual([
      ["refresh", "B7", "Amazon investment in OpenAI (announced) — Reported", 60e9],
    ]);
    ok(await applyUpdate([], review.fingerprint, source));
    expect(wb.cell("Deal", "B7")?.value).toBe(60e9);
    expect(wb.cell("Deal", "B5")?.value).toBe(50e9);
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe("D5");
    expect(ok(await planUpdate(source)).changes).toEqual([]);
  });

  it("lists nothing the user did not change after they typed an override and deleted the title row", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.setCell("Deal", "C5", 37e9);
    wb.deleteRows("Deal", 0);
    const review = ok(await planUpdate());
    expect(review.changes).toEqual([]);
    expect(review.deleted).toEqual([
      expect.stringContaining("The row “Amazon investment in OpenAI: the deal” was deleted from the Deal block"),
    ]);
    ok(await applyUpdate([], review.fingerprint));
    expect(wb.cell("Deal", "C4")?.value).toBe(37e9);
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe("D4");
    expect(wb.cell("Deal", "D4")?.formula).toBe('=IF(C4="",B4,C4)');
  });

  it("refuses to apply a review the workbook no longer matches, and writes nothing", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    const source = revised("deal.amount", 55e9);
    const review = ok(await planUpdate(source));
    wb.insertRows("Deal", 4);
    const before = JSON.stringify(wb.snapshot());
    const r = await applyUpdate([], review.fingerprint, source);
    expect(r).toMatchObject({ ok: false, kind: "changed-since-review" });
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("finds a sorted figures table's rows by their Id and lists nothing", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.sortTable("DealFigures", 0, true);
    const review = ok(await planUpdate());
    expect(review.changes).toEqual([]);
    const source = revised("openai.valuation_round", 900e9);
    const after = ok(await planUpdate(source));
    const row = Object.entries(wb.snapshot().sheets.find((s) => s.name === "Deal")?.cells ?? {}).find(
      ([, c]) => c.value === "openai.valuation_round",
    )?.[0];
    expect(after.changes.map((c) => c.address)).toEqual([`B${row?.slice(1)}`]);
  });
});

describe("names after a sort", () => {
  it("points the add-in's names back at their figure's row after the user sorted the table; a name the user re-pointed stays theirs", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.addName("MY_NAME", "Deal", "D9");
    wb.sortTable("DealFigures", 0, true);
    const cells = wb.snapshot().sheets.find((s) => s.name === "Deal")?.cells ?? {};
    const rowOf = (id: string) =>
      Number(
        Object.entries(cells)
          .find(([a, c]) => a.startsWith("J") && c.value === id)?.[0]
          .slice(1),
      );
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe("D5");
    expect(rowOf("deal.amount")).not.toBe(5);
    const review = ok(await planUpdate());
    expect(review.changes).toEqual([]);
    const labelOf = (id: string) => (findFigure(id) as { label: string }).label;
    expect(review.nameChanges.find((n) => n.name === "DEAL_AMOUNT")).toEqual({
      key: "name|DEAL_AMOUNT",
      name: "DEAL_AMOUNT",
      kind: "follow",
      from: "Deal!D5",
      to: `Deal!D${rowOf("deal.amount")}`,
      sentence: `The name DEAL_AMOUNT refers to Deal!D5, the row of ${labelOf(String(cells.J5.value))}, where a sort or a move left it; Apply points it back at Deal!D${rowOf("deal.amount")}, the row of ${labelOf("deal.amount")}, unless you keep it where it is.`,
    });
    ok(await applyUpdate([], review.fingerprint));
    const names = wb.snapshot().names;
    expect(names.DEAL_AMOUNT.address).toBe(`D${rowOf("deal.amount")}`);
    expect(names.OPENAI_VALUATION_ROUND.address).toBe(`D${rowOf("openai.valuation_round")}`);
    expect(names.MY_NAME.address).toBe("D9");
    expect(ok(await planUpdate()).nameChanges).toEqual([]);
  });
});

describe("records that cannot be read", () => {
  it("rebuilds a damaged record from the sheet: every difference is the user's, and the review says so", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, revised("deal.amount", 40e9)));
    wb.setCell("DealDesk Record", "B1", "not a record");
    const source = revised("deal.amount", 55e9);
    const review = ok(await planUpdate(source));
    expect(review.notices).toEqual([expect.stringContaining("Deal Desk's record of what it wrote was not found for Deal")]);
    expect(review.changes.map((c) => [c.kind, c.address, c.userValue, c.newValue])).toEqual([["conflict", "B5", 40e9, 55e9]]);
    ok(await applyUpdate([], review.fingerprint, source));
    expect(wb.cell("Deal", "B5")?.value).toBe(40e9);
    const again = ok(await planUpdate(source));
    expect([again.notices, again.changes.map((c) => c.kind)]).toEqual([[], ["conflict"]]);
  });

  it("updates a workbook from the build before the record (markers, no record) without touching the user's edits", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.deleteSheet("DealDesk Record");
    for (const name of ["AMZN", "CAPEX", "DEAL", "SENSITIVITY", "SOURCES"]) wb.names.delete(`DEALDESK_RECORD_${name}`);
    wb.setCell("Deal", "B7", 99e9);
    const review = ok(await planUpdate());
    expect(review.changes.map((c) => [c.kind, c.address])).toEqual([["conflict", "B7"]]);
    const applied = ok(await applyUpdate([], review.fingerprint));
    expect(applied).toMatchObject({ cellsWritten: 0, kept: 1 });
    expect(wb.cell("Deal", "B7")?.value).toBe(99e9);
    expect(wb.snapshot().sheets.map((s) => [s.name, s.visibility])).toContainEqual(["DealDesk Record", "VeryHidden"]);
    expect(ok(await planUpdate()).notices).toEqual([]);
  });
});

describe("the change log", () => {
  it("appends one row per listed change to the DealChanges table, and never removes one", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.setCell("Deal", "B7", 99e9);
    const first = revised("deal.amount", 55e9);
    const review = ok(await planUpdate(first));
    ok(await applyUpdate([], review.fingerprint, first));
    const sheet = () => wb.snapshot().sheets.find((s) => s.name === "Changes");
    expect(sheet()?.tables).toEqual([{ name: "DealChanges", address: "A1:H3" }]);
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => sheet()?.cells[`${c}${r}`]?.value ?? null);
    expect(row(1)).toEqual(["When", "Figure", "Label", "Cell", "Old value", "New value", "Figures", "Outcome"]);
    expect(row(2).slice(1)).toEqual([
      "deal.amount",
      "Amazon investment in OpenAI (talks) — Reported",
      "Deal!B5",
      50e9,
      55e9,
      "1.0.0 (2026-11-22)",
      "refreshed (the add-in's cell)",
    ]);
    expect(row(3).slice(1)).toEqual([
      "deal.round_size",
      "OpenAI funding round sought — Reported",
      "Deal!B7",
      99e9,
      100e9,
      "1.0.0 (2026-11-22)",
      "kept as yours",
    ]);
    expect(String(row(2)[0])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);

    const second = revised("deal.amount", 56e9);
    const again = ok(await planUpdate(second));
    ok(await applyUpdate([again.conflicts[0].key], again.fingerprint, second));
    expect(sheet()?.tables).toEqual([{ name: "DealChanges", address: "A1:H5" }]);
    expect(row(2).slice(1, 4)).toEqual(["deal.amount", "Amazon investment in OpenAI (talks) — Reported", "Deal!B5"]);
    expect([row(4)[3], row(4)[7], row(5)[3], row(5)[7]]).toEqual([
      "Deal!B5",
      "refreshed (the add-in's cell)",
      "Deal!B7",
      "applied (your value replaced)",
    ]);
  });
});

describe("moving a block", () => {
  it("finds a block the user cut and pasted elsewhere on its sheet, and updates it there", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.moveCells("Deal", "A1:J40", "Deal", "C3");
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe("F7");
    expect(ok(await planUpdate()).changes).toEqual([]);
    const source = revised("deal.amount", 58e9);
    const review = ok(await planUpdate(source));
    expect(review.changes.map((c) => [c.kind, c.address])).toEqual([["refresh", "D7"]]);
    ok(await applyUpdate([], review.fingerprint, source));
    expect(wb.cell("Deal", "D7")?.value).toBe(58e9);
    expect(wb.cell("Deal", "F7")?.formula).toBe('=IF(E7="",D7,E7)');
  });

  it("follows a block moved to another sheet", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.moveCells("Deal", "A1:J40", "Sheet1", "B2");
    expect(ok(await planUpdate()).sheets).toEqual(["Sheet1"]);
    const source = revised("deal.amount", 58e9);
    const review = ok(await planUpdate(source));
    expect(review.changes.map((c) => [c.sheetName, c.address])).toEqual([["Sheet1", "C6"]]);
  });
});
