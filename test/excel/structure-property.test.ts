/**
 * Property: whatever rows and columns the user inserts or deletes in and around the blocks,
 * whichever sheets they rename or delete, tables they sort and blocks they move (cut and paste), and whatever cells they type
 * into, a review followed by Apply (accepting any subset of the conflicts) changes exactly the
 * cells the review listed, never a cell the user owns, and never writes a figure into another
 * figure's row. The user's cells are marked with text no build of the add-in writes, so the
 * oracle does not depend on the code under test.
 */
import fc from "fast-check";
import { applyUpdate, insertBlocks, planUpdate } from "../../src/excel";
import { buildBlock } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import type { BlockId } from "../../src/sheets/spec";
import { findFigure, isLookupError } from "../../src/figures";
import { parseRect } from "../fakes/a1";
import { FakeWorkbook, installFakeOffice, type WorkbookSnapshot } from "../fakes/fake-excel";
import { cellsOf, expectWrittenExactly, previousSource as previous } from "./actions";

const BLOCKS_UNDER_TEST: BlockId[] = ["deal", "capex"];
const SHEETS = ["Deal", "Capex 2026"];

const structural = fc.oneof(
  fc.record({
    kind: fc.constantFrom("insertRows", "deleteRows", "insertColumns", "deleteColumns"),
    sheet: fc.nat(1),
    at: fc.nat(30),
    count: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({ kind: fc.constant("rename"), sheet: fc.nat(1), at: fc.constant(0), count: fc.constant(0) }),
  fc.record({ kind: fc.constant("deleteSheet"), sheet: fc.nat(1), at: fc.constant(0), count: fc.constant(0) }),
  fc.record({ kind: fc.constant("sort"), sheet: fc.nat(1), at: fc.nat(8), count: fc.constant(0) }),
  fc.record({ kind: fc.constant("move"), sheet: fc.nat(1), at: fc.integer({ min: 1, max: 4 }), count: fc.integer({ min: 0, max: 3 }) }),
);

const typing = fc.record({ sheet: fc.nat(1), row: fc.nat(30), col: fc.nat(10) });

function applyStructural(wb: FakeWorkbook, e: { kind: string; sheet: number; at: number; count: number }, names: string[]): void {
  const sheet = names[e.sheet];
  const exists = wb.snapshot().sheets.some((s) => s.name === sheet);
  fc.pre(exists);
  if (e.kind === "insertRows") wb.insertRows(sheet, e.at, e.count);
  else if (e.kind === "deleteRows") wb.deleteRows(sheet, e.at, e.count);
  else if (e.kind === "insertColumns") wb.insertColumns(sheet, Math.min(e.at, 12), e.count);
  else if (e.kind === "deleteColumns") wb.deleteColumns(sheet, Math.min(e.at, 12), e.count);
  else if (e.kind === "move") {
    // Excel refuses a cut that takes or lands on part of a table (the fake too): not an edit a user can make.
    try {
      wb.moveCells(sheet, "A1:P70", sheet, toA1(e.at, e.count));
    } catch (err) {
      fc.pre(!["InvalidOperation", "MergedRangeConflict"].includes((err as { code?: string }).code ?? ""));
      throw err;
    }
  } else if (e.kind === "rename") {
    // To "… (mine)" and back: a name grown on each rename would pass Excel's 31 characters.
    const to = sheet.endsWith(" (mine)") ? sheet.slice(0, -" (mine)".length) : `${sheet} (mine)`;
    wb.renameSheet(sheet, to);
    names[e.sheet] = to;
  } else if (e.kind === "deleteSheet") wb.deleteSheet(sheet);
  else {
    const table = wb.snapshot().sheets.find((s) => s.name === sheet)?.tables[0];
    const r = table && parseRect(table.address);
    fc.pre(table !== undefined && !!r && e.at % 9 <= r.right - r.left); // Sort offers the table's own columns only
    wb.sortTable(table?.name ?? "", e.at % 9, e.at % 2 === 1);
  }
}

/** A figure's name on a row of its sheet whose Id cell (the column its figure id is in) holds what the user typed. */
function nameOnTypedOverId(snap: WorkbookSnapshot): boolean {
  return BLOCKS_UNDER_TEST.some((block) =>
    buildBlock(block).names.some((n) => {
      const figureId = buildBlock(block).cells.find((c) => c.row === n.row && c.col === n.col)?.figureId;
      const target = snap.names[n.name];
      const cells = snap.sheets.find((s) => s.name === target?.sheet)?.cells ?? {};
      const idAt = Object.entries(cells).find(([, c]) => c.value === figureId)?.[0];
      if (!figureId || !target || !idAt) return false;
      const typed = cells[`${idAt.replace(/\d+$/, "")}${target.address.replace(/^[A-Z]+/, "")}`]?.value;
      return typeof typed === "string" && typed.startsWith("typed ");
    }),
  );
}

describe("updates after structural edits (property)", () => {
  it("Apply changes exactly the listed cells, never the user's, never a figure into another's row", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(structural, { maxLength: 4 }),
        fc.array(typing, { maxLength: 6 }),
        fc.func(fc.boolean()),
        async (edits, typed, accept) => {
          const wb = installFakeOffice(globalThis, new FakeWorkbook());
          const inserted = await insertBlocks(BLOCKS_UNDER_TEST, { target: "new-sheet", includeStockHistory: false }, previous);
          if (!inserted.ok) throw new Error(inserted.message);
          // The user's own cells: every Override and input cell gets a value, marked as theirs.
          for (const [i, block] of BLOCKS_UNDER_TEST.entries()) {
            for (const c of buildBlock(block).cells.filter((x) => x.owner === "user"))
              wb.setCell(SHEETS[i], toA1(c.row, c.col), `user ${block} ${toA1(c.row, c.col)}`);
          }
          const names = [...SHEETS];
          for (const e of edits) applyStructural(wb, e, names);
          typed.forEach((t, i) => {
            if (wb.snapshot().sheets.some((s) => s.name === names[t.sheet])) wb.setCell(names[t.sheet], toA1(t.row, t.col), `typed ${i}`);
          });
          // A name a sort left on a row whose Id the user then typed over: which figure that row is,
          // nobody can tell, and the name stays (the names check below would expect it moved).
          fc.pre(!nameOnTypedOverId(wb.snapshot()));

          const review = await planUpdate();
          if (!review.ok) {
            expect(review.kind).toBe("no-addin-sheets");
            return;
          }
          const before = cellsOf(wb.snapshot());
          for (const c of review.value.changes) {
            const now = before.get(`${c.sheetName}!${c.address}`) ?? null;
            expect([c.key, now]).toEqual([c.key, c.userValue]);
            expect(now).not.toEqual(c.newValue);
          }
          const taken = review.value.conflicts.filter((c) => accept(c.key));
          const applied = await applyUpdate(
            taken.map((c) => c.key),
            review.value.fingerprint,
          );
          if (!applied.ok) throw new Error(applied.message);
          const after = cellsOf(wb.snapshot());
          const written = expectWrittenExactly(before, after, review.value.changes, taken);
          // Every name of a figure's row reads that figure's row after Apply (sorted tables included).
          const snap = wb.snapshot();
          for (const block of BLOCKS_UNDER_TEST) {
            const spec = buildBlock(block);
            for (const n of spec.names) {
              const figureId = spec.cells.find((c) => c.row === n.row && c.col === n.col)?.figureId;
              const target = snap.names[n.name];
              if (!figureId || !target || target.sheet === "") continue;
              const ids = [...after.entries()].filter(([k, v]) => k.startsWith(`${target.sheet}!`) && v === figureId);
              if (ids.length !== 1) continue;
              expect([n.name, ids[0][0].split("!")[1].replace(/^[A-Z]+/, "")]).toEqual([n.name, target.address.replace(/^[A-Z]+/, "")]);
            }
          }
          const log = snap.sheets.find((s) => s.name === "Changes");
          const logged = log ? Object.keys(log.cells).filter((a) => a.startsWith("A")).length - 1 : 0;
          expect(logged).toBe(
            written.size > 0 || review.value.nameChanges.length > 0
              ? review.value.changes.length + review.value.additions.length + review.value.nameChanges.length
              : 0,
          );
          for (const c of written.values()) {
            if (!c.figureId || !c.label.endsWith("— Reported")) continue;
            const figure = findFigure(c.figureId);
            if (isLookupError(figure)) continue;
            const row = c.address.replace(/^[A-Z]+/, "");
            const idCell = [...after.entries()].find(
              ([k, v]) =>
                k.startsWith(`${c.sheetName}!`) &&
                k.endsWith(`${row}`) &&
                /^[A-Z]+\d+$/.test(k.split("!")[1]) &&
                k.split("!")[1].replace(/^[A-Z]+/, "") === row &&
                (v === c.figureId || v === figure.label),
            );
            // The row is the figure's by its Id or, where the user typed over the Id, by the label the add-in wrote.
            expect([c.key, idCell !== undefined]).toEqual([c.key, true]);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 600_000);
});
