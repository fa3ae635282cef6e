/**
 * Property: whatever the user edits on the add-in's sheets (reported cells, overrides, inputs,
 * empty cells), an update that accepts any subset of the listed changes never changes a user
 * cell, applies every accepted change, keeps every other edit and refreshes the rest.
 */
import fc from "fast-check";
import { applyUpdate, insertBlocks, planUpdate } from "../../src/excel";
import { BLOCKS, buildAllBlocks, type SheetSpec } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { sameWritten, writtenOf, type Written } from "../../src/ownership/written";
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";
import { previousSource } from "./actions";
import { propertyRuns } from "../support/property-runs";

const specs: SheetSpec[] = buildAllBlocks();

function contentOf(wb: FakeWorkbook, sheet: string, address: string): Written {
  const c = wb.cell(sheet, address);
  if (!c) return null;
  return c.formula !== null ? { formula: c.formula } : c.value;
}

type Edit = number | string | { formula: string } | null;

const editValue: fc.Arbitrary<Edit> = fc.oneof(
  fc.integer({ min: -1e6, max: 1e12 }),
  fc.stringMatching(/^[a-z][a-z ]{0,11}$/),
  fc.constantFrom({ formula: "=1+1" }, { formula: "=SUM(A1:A3)" }),
  fc.constant(null),
);

const edit = fc.record({
  sheet: fc.integer({ min: 0, max: specs.length - 1 }),
  /** an existing cell of the block (by index) or any cell of rows 0–35, columns 0–13 */
  where: fc.oneof(fc.nat(), fc.record({ row: fc.integer({ min: 0, max: 35 }), col: fc.integer({ min: 0, max: 13 }) })),
  value: editValue,
});

describe("update property", () => {
  it("keeps user cells and unaccepted edits, applies accepted ones and refreshes untouched add-in cells", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 25 }), fc.func(fc.boolean()), async (edits, accept) => {
        const wb = installFakeOffice(globalThis, new FakeWorkbook());
        const inserted = await insertBlocks([...BLOCKS], { target: "new-sheet", includeStockHistory: false }, previousSource);
        expect(inserted.ok).toBe(true);

        // A cell counts as edited when its final content differs from what the insert left.
        const original = new Map<string, Written>();
        for (const e of edits) {
          const spec = specs[e.sheet];
          const at = typeof e.where === "number" ? spec.cells[e.where % spec.cells.length] : e.where;
          // A figure's Id cell is how its row is found: typing over it makes the row the user's
          // (the structural property test covers that); this property is about cell contents.
          fc.pre(!spec.cells.some((c) => c.row === at.row && c.col === at.col && c.figureId !== undefined && c.value === c.figureId));
          const address = toA1(at.row, at.col);
          const key = `${spec.sheetName}!${address}`;
          if (!original.has(key)) original.set(key, contentOf(wb, spec.sheetName, address));
          wb.setCell(spec.sheetName, address, e.value);
        }
        const userEdits = new Map<string, Written>();
        for (const [key, before] of original) {
          const [sheet, address] = key.split("!");
          const now = contentOf(wb, sheet, address);
          if (!sameWritten(before, now)) userEdits.set(key, now);
        }
        const userCellsBefore = new Map<string, Written>();
        for (const spec of specs) {
          for (const c of spec.cells.filter((x) => x.owner === "user")) {
            const address = toA1(c.row, c.col);
            userCellsBefore.set(`${spec.sheetName}!${address}`, contentOf(wb, spec.sheetName, address));
          }
        }

        const plan = await planUpdate();
        if (!plan.ok) throw new Error(plan.message);
        const taken = plan.value.conflicts.filter((c) => accept(c.key));
        const accepted = new Set(taken.map((c) => `${c.sheetName}!${c.address}`));
        const applied = await applyUpdate(
          taken.map((c) => c.key),
          plan.value.fingerprint,
        );
        if (!applied.ok) throw new Error(applied.message);
        expect(applied.value.accepted).toBe(taken.length);
        expect(applied.value.kept).toBe(plan.value.conflicts.length - accepted.size);

        for (const spec of specs) {
          const bySpec = new Map(spec.cells.map((c) => [toA1(c.row, c.col), c]));
          for (const c of spec.cells) {
            const address = toA1(c.row, c.col);
            const key = `${spec.sheetName}!${address}`;
            const after = contentOf(wb, spec.sheetName, address);
            if (c.owner === "user") {
              expect([key, after]).toEqual([key, userCellsBefore.get(key)]);
            } else if (userEdits.has(key) && !accepted.has(key)) {
              expect([key, after]).toEqual([key, userEdits.get(key)]);
            } else {
              expect([key, after]).toEqual([key, writtenOf(c)]);
            }
          }
          for (const [key, value] of userEdits) {
            const [sheet, address] = key.split("!");
            if (sheet !== spec.sheetName || bySpec.has(address)) continue;
            expect([key, contentOf(wb, sheet, address)]).toEqual([key, value]);
          }
        }
      }),
      { numRuns: propertyRuns(20) },
    );
  });
});
