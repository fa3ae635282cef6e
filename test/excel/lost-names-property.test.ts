/**
 * Property: a workbook whose hidden names (a block's marker, its record name, or both) were
 * deleted, before or after any rows and columns inserted or deleted, sheets renamed, tables
 * sorted and blocks moved, reviews exactly as its twin that went through the same edits with its
 * names intact, apart from the sentences that say a name is put back; and after Apply both
 * workbooks hold the same cells, each record name is back on the twin's band, and each marker on
 * the same cells of its block as the twin's. (A marker may differ from the twin's by empty rows
 * at an edge: when a block's first rows are deleted, whether an empty row of the block went with
 * them leaves no trace in the record.)
 */
import fc from "fast-check";
import { applyUpdate, insertBlocks, planUpdate } from "../../src/excel";
import { toA1 } from "../../src/sheets/a1";
import { FakeWorkbook, installFakeOffice, type WorkbookSnapshot } from "../fakes/fake-excel";
import { parseRect } from "../fakes/a1";
import { previousSource } from "./actions";
import { propertyRuns } from "../support/property-runs";

const SHEETS = ["Deal", "Capex 2026"];
const BLOCK_NAMES = ["DEAL", "CAPEX"];

const edit = fc.oneof(
  fc.record({
    kind: fc.constantFrom("insertRows", "deleteRows", "insertColumns", "deleteColumns"),
    sheet: fc.nat(1),
    at: fc.nat(34),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constantFrom("rename", "sort"), sheet: fc.nat(1), at: fc.nat(8), count: fc.constant(0) }),
  fc.record({ kind: fc.constant("move"), sheet: fc.nat(1), at: fc.integer({ min: 1, max: 4 }), count: fc.integer({ min: 0, max: 3 }) }),
);
type Edit = { kind: string; sheet: number; at: number; count: number };

/** Which of a block's two hidden names are deleted: the marker, the record name, or both. */
const deletion = fc.record({ block: fc.nat(1), marker: fc.boolean(), record: fc.boolean() }).filter((d) => d.marker || d.record);

function applyEdit(wb: FakeWorkbook, e: Edit, names: string[]): void {
  const sheet = names[e.sheet];
  if (e.kind === "insertRows") wb.insertRows(sheet, e.at, e.count);
  else if (e.kind === "deleteRows") wb.deleteRows(sheet, e.at, e.count);
  else if (e.kind === "insertColumns") wb.insertColumns(sheet, Math.min(e.at, 12), e.count);
  else if (e.kind === "deleteColumns") wb.deleteColumns(sheet, Math.min(e.at, 12), e.count);
  // The whole block moves (six moves at most take it no further than row 60 and column AB); a
  // block cut in part leaves Excel's own marker behind with part of the block, which the
  // structure property (structure-property.test.ts) covers.
  else if (e.kind === "move") {
    // Excel refuses a cut that takes or lands on part of a table (the fake too): not an edit a user can make.
    try {
      wb.moveCells(sheet, "A1:AF120", sheet, toA1(e.at, e.count));
    } catch (err) {
      fc.pre(!["InvalidOperation", "MergedRangeConflict"].includes((err as { code?: string }).code ?? ""));
      throw err;
    }
  } else if (e.kind === "rename") {
    // To "… (mine)" and back: a name grown on each rename would pass Excel's 31 characters.
    const to = sheet.endsWith(" (mine)") ? sheet.slice(0, -" (mine)".length) : `${sheet} (mine)`;
    wb.renameSheet(sheet, to);
    names[e.sheet] = to;
  } else {
    const table = wb.snapshot().sheets.find((s) => s.name === sheet)?.tables[0];
    const r = table && parseRect(table.address);
    // Sort offers the table's own columns only.
    if (table && r && e.at % 9 <= r.right - r.left) wb.sortTable(table.name, e.at % 9, e.at % 2 === 1);
  }
}

let insertedOnce: FakeWorkbook | null = null;

/** Deal and Capex inserted on new sheets, once; each case starts from a copy. */
async function inserted(): Promise<FakeWorkbook> {
  if (!insertedOnce) {
    const wb = installFakeOffice(globalThis, new FakeWorkbook());
    const done = await insertBlocks(["deal", "capex"], { target: "new-sheet", includeStockHistory: false }, previousSource);
    if (!done.ok) throw new Error(done.message);
    insertedOnce = wb;
  }
  return insertedOnce.clone();
}

async function workbook(before: readonly Edit[], after: readonly Edit[], deleted: readonly string[]): Promise<FakeWorkbook> {
  const wb = installFakeOffice(globalThis, await inserted());
  const names = [...SHEETS];
  for (const e of before) applyEdit(wb, e, names);
  if (deleted.length > 0) {
    await wb.run(async (context) => {
      for (const n of deleted) context.workbook.names.getItem(n).delete();
      await context.sync();
    });
  }
  for (const e of after) applyEdit(wb, e, names);
  return wb;
}

const putBack = (sentence: string) => sentence.startsWith("The hidden name DEALDESK_");

/** The names, with each block marker given as the addresses of the non-empty cells it covers. */
function namesByContent(snap: WorkbookSnapshot): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(snap.names).map(([name, n]) => {
      if (!name.startsWith("DEALDESK_BLOCK_") || n.sheet === "") return [name, n];
      const rect = parseRect(n.address);
      const cells = Object.entries(snap.sheets.find((s) => s.name === n.sheet)?.cells ?? {}).filter(([a, c]) => {
        const at = parseRect(a);
        return (
          at &&
          rect &&
          (c.value !== null || c.formula !== null) &&
          at.top >= rect.top &&
          at.top <= rect.bottom &&
          at.left >= rect.left &&
          at.left <= rect.right
        );
      });
      return [name, { ...n, address: cells.map(([a]) => a).sort() }];
    }),
  );
}

describe("hidden names deleted among structural edits (property)", () => {
  it("the review is the twin's plus the names put back; after Apply the same cells, and every name back on the same cells as the twin's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 3 }), fc.array(edit, { maxLength: 3 }), deletion, async (before, after, d) => {
        const twin = await workbook(before, after, []);
        const expected = await planUpdate();
        const twinApplied = expected.ok ? await applyUpdate([], expected.value.fingerprint) : null;
        const twinSnapshot = twin.snapshot();
        const twinAgain = await planUpdate();
        const deleted = [
          ...(d.marker ? [`DEALDESK_BLOCK_${BLOCK_NAMES[d.block]}`] : []),
          ...(d.record ? [`DEALDESK_RECORD_${BLOCK_NAMES[d.block]}`] : []),
        ];
        const wb = await workbook(before, after, deleted);
        const review = await planUpdate();
        // No sheet is deleted here, so both reviews find their blocks.
        if (!review.ok || !expected.ok) throw new Error(`review failed: ${JSON.stringify([review, expected])}`);
        const { names, fingerprint, ...rest } = review.value;
        const { names: twinSentences, ...twinRest } = expected.value;
        expect({ ...rest, fingerprint: "" }).toEqual({ ...twinRest, fingerprint: "" });
        expect(names.filter((s) => !putBack(s))).toEqual(twinSentences);
        expect(names.filter(putBack).length).toBe(deleted.length);
        const applied = await applyUpdate([], fingerprint);
        if (!applied.ok || !twinApplied?.ok) throw new Error(`apply failed: ${JSON.stringify([applied, twinApplied])}`);
        expect(applied.value.cellsWritten).toBe(twinApplied.value.cellsWritten);
        const snapshot = wb.snapshot();
        // Every sheet but the change log, whose rows carry the time of Apply, and the record, which
        // Apply rewrote with the cells' places now where the twin's kept them as first written.
        const sheets = (snap: WorkbookSnapshot) => snap.sheets.filter((s) => s.name !== "Changes" && s.visibility !== "VeryHidden");
        expect(sheets(snapshot)).toEqual(sheets(twinSnapshot));
        expect(namesByContent(snapshot)).toEqual(namesByContent(twinSnapshot));
        const again = await planUpdate();
        expect(again.ok && { ...again.value, fingerprint: "" }).toEqual(twinAgain.ok && { ...twinAgain.value, fingerprint: "" });
      }),
      { numRuns: propertyRuns(50) },
    );
  });
});
