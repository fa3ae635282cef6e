/**
 * What the update's scenario tests share (promise.test.ts, attack.test.ts, the promise property):
 * a workbook on the fake host, a figures file revised as a desk would revise figures.json, the
 * sheets built from it, and reading cells and names back from a snapshot.
 */
import type { SpecSource } from "../../src/excel";
import { checkDataset } from "../../src/figures/validate";
import type { Dataset } from "../../src/figures/types";
import { buildBlock } from "../../src/sheets";
import { FakeWorkbook, installFakeOffice, type WorkbookSnapshot } from "../fakes/fake-excel";
import { figuresJson, type FiguresJson } from "../figures/json";

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
