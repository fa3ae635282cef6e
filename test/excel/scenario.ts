/**
 * What the update's scenario tests share (promise.test.ts, attack.test.ts, attack-more.test.ts, the
 * promise property): a workbook on the fake host, a figures file revised as a desk would revise
 * figures.json, the sheets built from it, reading cells and names back from a snapshot, and Apply
 * checked against the promise (applyChecked).
 */
import { applyUpdate, type SpecSource, type UpdatePlan } from "../../src/excel";
import { checkDataset } from "../../src/figures/validate";
import type { Dataset } from "../../src/figures/types";
import { buildBlock } from "../../src/sheets";
import { FakeWorkbook, installFakeOffice, type WorkbookSnapshot } from "../fakes/fake-excel";
import { figureIn, figuresJson, type FiguresJson } from "../figures/json";
import { cellsOf, expectWrittenExactly } from "./actions";

export const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;

/** A new workbook with one sheet, installed as the host the add-in talks to. */
export function setup(): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook({ sheets: ["Sheet1"] }));
}

/** A figures file edited as a desk would edit figures.json, validated as the add-in validates it. */
export function revision(edit: (json: FiguresJson) => void, version = "1.1.0"): Dataset {
  const json = figuresJson();
  json.version = version;
  edit(json);
  const check = checkDataset(json);
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return check.dataset;
}

/** The sheets built from `dataset`, as the pane builds them once it has loaded that file. */
export function sourceOf(dataset: Dataset): SpecSource {
  return (block, options) => buildBlock(block, { ...options, dataset });
}

export type Cells = Record<string, { value: unknown; formula?: string | null; numberFormat?: string }>;

/** A sheet's cells by address, empty when there is no such sheet. */
export function sheetCells(snap: WorkbookSnapshot, sheet: string): Cells {
  return (snap.sheets.find((s) => s.name === sheet)?.cells ?? {}) as Cells;
}

/** The address of the cell in `column` (its header's text) on the row whose cell in `keyColumn` reads `key`, on a sheet with one such table. */
export function cellOf(snap: WorkbookSnapshot, sheet: string, keyColumn: string, key: string, column: string): string {
  const at = Object.entries(sheetCells(snap, sheet));
  const headerOf = (text: string) => at.find(([, c]) => c.value === text)?.[0];
  const keyCol = (headerOf(keyColumn) as string).replace(/\d+$/, "");
  const colHeader = headerOf(column) as string;
  const row = at.find(([a, c]) => a.replace(/\d+$/, "") === keyCol && c.value === key)?.[0].replace(/^[A-Z]+/, "");
  if (!row) throw new Error(`No row of ${sheet} has ${key} in ${keyColumn}.`);
  return `${colHeader.replace(/\d+$/, "")}${row}`;
}

/** Every name but the add-in's hidden ones, "NAME" → "Sheet!A1" (or its formula). */
export function namesOf(snap: WorkbookSnapshot): Map<string, string> {
  return new Map(
    Object.entries(snap.names)
      .filter(([n]) => !n.startsWith("DEALDESK_"))
      .map(([n, v]) => [n, `${v.sheet}!${v.address}`]),
  );
}

/** The user's cells: every sheet but the record's and the log's. */
function userCells(snap: WorkbookSnapshot) {
  return cellsOf({ ...snap, sheets: snap.sheets.filter((x) => !x.tables.some((t) => /^DealChanges/.test(t.name))) });
}

/** What the cell at "Sheet!A1" holds: its formula or value; null when empty, undefined for no reference. */
export function contentAt(snap: WorkbookSnapshot, ref: string | undefined): unknown {
  if (!ref) return undefined;
  const [sheet, address] = [ref.slice(0, ref.lastIndexOf("!")), ref.slice(ref.lastIndexOf("!") + 1)];
  const c = sheetCells(snap, sheet)[address];
  return c ? (c.formula ?? c.value) : null;
}

/**
 * Apply `review` with `accept` and `decline`; checks the promise: if it refuses, nothing changed;
 * otherwise the cells changed are exactly the listed ones (when nothing is added), and the names
 * changed are exactly the listed, not declined ones.
 */
export async function applyChecked(
  wb: FakeWorkbook,
  review: UpdatePlan,
  options: { accept?: string[]; decline?: string[]; source?: SpecSource } = {},
) {
  const before = wb.snapshot();
  const result = await applyUpdate({ accept: options.accept ?? [], decline: options.decline ?? [] }, review.fingerprint, options.source);
  const after = wb.snapshot();
  if (!result.ok) {
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    return { result, before, after };
  }
  // No sheet is added, except the log's sheet when there was no log yet.
  const hadLog = before.sheets.some((x) => x.tables.some((t) => /^DealChanges/.test(t.name)));
  const added = after.sheets.map((x) => x.name).filter((n) => !before.sheets.some((b) => b.name === n));
  expect(added).toEqual(hadLog ? [] : added.filter((n) => /^Changes/.test(n)));
  if (review.additions.length === 0) {
    const accepted = review.changes.filter((c) => (options.accept ?? []).includes(c.key));
    expectWrittenExactly(userCells(before), userCells(after), review.changes, accepted);
  }
  const nb = namesOf(before);
  const na = namesOf(after);
  const listed = new Map(review.nameChanges.filter((n) => !(options.decline ?? []).includes(n.key)).map((n) => [n.name, n.to]));
  for (const n of new Set([...nb.keys(), ...na.keys()])) {
    if (listed.has(n)) expect([n, na.get(n)]).toEqual([n, listed.get(n)]);
    else if (review.additions.length === 0) expect([n, na.get(n)]).toEqual([n, nb.get(n)]);
    // Rows added shift the cells below them (and their names) as Excel shifts them: compare what the name refers to.
    else expect([n, contentAt(after, na.get(n))]).toEqual([n, contentAt(before, nb.get(n))]);
  }
  return { result, before, after };
}

/** A figure the desk adds to block deal, after deal.expected_close. */
export function addCommitment(json: FiguresJson, id = "deal.commitment", name = "DEAL_COMMITMENT"): void {
  json.figures.splice(json.figures.findIndex((f) => f.id === "deal.expected_close") + 1, 0, {
    ...figureIn(json, "deal.amount_announced"),
    id,
    name,
    label: `Amazon commitment to OpenAI (${id})`,
    otherClaims: [],
  });
}
