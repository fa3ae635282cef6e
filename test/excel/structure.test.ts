/**
 * Updates after what users do to sheets: rows inserted and deleted, a sheet deleted and its
 * block inserted again, a figure cell copied with its note, an override typed and the title row
 * deleted. Each situation of issue 11 as the user would meet it, against the fake Excel that
 * moves cells, formulas, names, tables and notes as Excel does.
 */
import { applyUpdate, insertBlocks, planUpdate, type SpecSource } from "../../src/excel";
import { buildBlock } from "../../src/sheets";
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;

function ok<T>(r: { ok: true; value: T } | { ok: false; kind: string; message: string }): T {
  if (!r.ok) throw new Error(`expected success, got ${r.kind}: ${r.message}`);
  return r.value;
}

/** A revised dataset: one figure's reported value (and its note) changed, as a desk would publish. */
function revised(figureId: string, value: number): SpecSource {
  return (block, options) => {
    const spec = buildBlock(block, options);
    return {
      ...spec,
      cells: spec.cells.map((c) => (c.figureId === figureId && c.style === "reported" ? { ...c, value, note: `${c.note ?? ""}\nRevised.` } : c)),
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
    expect(review.changes.map((c) => [c.kind, c.address, c.label, c.newValue])).toEqual([["refresh", "B7", "Amazon investment in OpenAI (announced) — Reported", 60e9]]);
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
    expect(review.deleted).toEqual([expect.stringContaining("The row “Amazon investment in OpenAI: the deal” was deleted from the Deal block")]);
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
    const row = Object.entries(wb.snapshot().sheets.find((s) => s.name === "Deal")?.cells ?? {}).find(([, c]) => c.value === "openai.valuation_round")?.[0];
    expect(after.changes.map((c) => c.address)).toEqual([`B${row?.slice(1)}`]);
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
