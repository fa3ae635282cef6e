/**
 * Everything that could make Excel refuse an Apply half-way, checked against what was read before
 * anything is written: a protected sheet that would get a cell, a note, a table row, a log row or
 * a record band; a protected workbook structure when Apply must add a sheet (the record's or the
 * log's); a table of the user's that the rows Apply adds would cut in two (Excel refuses to move
 * part of a table: "This operation is not allowed. The operation is attempting to shift cells in a
 * table on your worksheet."). Apply writes nothing when any is found, and says which. Pure.
 */
import type { TableRead } from "./cells";
import type { Choices, WorkbookPlan } from "./review";
import { changesOf } from "./review";
import type { NoteChange } from "./update";

export type Refusal =
  | { readonly kind: "protected-sheets"; readonly sheets: readonly string[] }
  | { readonly kind: "protected-structure"; readonly adds: readonly string[] }
  | { readonly kind: "split-table"; readonly table: string; readonly by: string; readonly sheet: string };

export interface WorkbookState {
  readonly protectedSheets: ReadonlySet<string>;
  readonly structureProtected: boolean;
  /** The sheet of the record bands, or null: Apply adds it. */
  readonly recordSheet: string | null;
  /** The change log's sheet, or null: Apply adds the log on a new sheet. */
  readonly logSheet: string | null;
  readonly tables: readonly TableRead[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The sheets Apply writes cells, notes or table rows on, with these choices. */
export function sheetsWritten(plan: WorkbookPlan, choices: Choices, notes: readonly NoteChange[]): string[] {
  const sheets = [
    ...changesOf(plan).flatMap((c) => (c.kind === "refresh" || choices.accept.has(c.id) ? [c.sheet] : [])),
    ...notes.map((n) => n.sheet),
    ...plan.blocks.flatMap((b) => b.growths.map((g) => g.sheet)),
    ...(plan.log ? [plan.log.sheet] : []),
  ];
  return [...new Map(sheets.map((s) => [s.toLowerCase(), s])).values()];
}

/** Why Apply must not start, or null. `logs` and `records`: whether Apply writes log rows and record bands. */
export function refusal(
  plan: WorkbookPlan,
  choices: Choices,
  notes: readonly NoteChange[],
  state: WorkbookState,
  logs: boolean,
  records: boolean,
): Refusal | null {
  const needed = sheetsWritten(plan, choices, notes);
  if (logs && state.logSheet) needed.push(state.logSheet);
  if (records && state.recordSheet) needed.push(state.recordSheet);
  const locked = [...new Set(needed.filter((s) => [...state.protectedSheets].some((p) => same(p, s))))];
  if (locked.length > 0) return { kind: "protected-sheets", sheets: locked };
  const adds = [
    ...(logs && !state.logSheet ? ["the Changes sheet (the update's log)"] : []),
    ...(records && !state.recordSheet ? ["Deal Desk's record sheet"] : []),
  ];
  if (adds.length > 0 && state.structureProtected) return { kind: "protected-structure", adds };
  for (const g of [...plan.blocks.flatMap((b) => b.growths), ...(plan.log ? [plan.log] : [])]) {
    const cut = state.tables.find(
      (t) =>
        !same(t.name, g.tableName) &&
        same(t.sheet, g.sheet) &&
        t.bottom > g.bottom &&
        t.right >= g.left &&
        t.left <= g.right &&
        (t.left < g.left || t.right > g.right),
    );
    if (cut) return { kind: "split-table", table: cut.name, by: g.tableName, sheet: g.sheet };
  }
  return null;
}
