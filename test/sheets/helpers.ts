/** Lookups the block tests share: a cell by its A1 address, a figure's row, the dataset's value. */
import { findFigure, findSource, isLookupError, type Figure } from "../../src/figures";
import { parseA1, toA1 } from "../../src/sheets/a1";
import { COL } from "../../src/sheets/figure-table";
import type { CellSpec, SheetSpec } from "../../src/sheets/spec";
import { STANDINGS } from "../figures/standings";
import { Fraction } from "./oracle";

export { STANDINGS };

export function cellAt(spec: SheetSpec, address: string): CellSpec {
  const { row, col } = parseA1(address);
  const cell = spec.cells.find((c) => c.row === row && c.col === col);
  if (!cell) throw new Error(`${spec.sheetName} has no cell at ${address}.`);
  return cell;
}

export function isEmptyAt(spec: SheetSpec, address: string): boolean {
  const { row, col } = parseA1(address);
  return !spec.cells.some((c) => c.row === row && c.col === col);
}

export function figureOf(id: string): Figure {
  const f = findFigure(id);
  if (isLookupError(f)) throw new Error(f.message);
  return f;
}

/** A figure's value as an exact fraction. */
export function exact(id: string): Fraction {
  return Fraction.of(figureOf(id).value);
}

/** The Excel serial of an ISO date, counted from Excel's day 0 (1899-12-30). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

export function sourceTitleOf(sourceId: string): string {
  const source = findSource(sourceId);
  if (!source) throw new Error(`No source ${sourceId}.`);
  return source.title;
}

/** The address of a name in a spec. */
export function nameAddress(spec: SheetSpec, name: string): string {
  const n = spec.names.find((x) => x.name === name);
  if (!n) throw new Error(`${spec.sheetName} defines no name ${name}.`);
  return toA1(n.row, n.col);
}

/** The number format of each unit, as the issue lists them. */
export const UNIT_FORMAT: Readonly<Record<string, string>> = {
  USD: '$#,##0.0,,,"B"',
  "USD per share": "$#,##0.00",
  "gain as a fraction": "+0%;-0%;0%",
  employees: "#,##0",
  date: "yyyy-mm-dd",
};

/** The column letter of a field of the figures table (COL, from A). */
export function colLetter(field: keyof typeof COL): string {
  return toA1(0, COL[field]).replace(/\d+$/, "");
}

/** What each unit's Override cell accepts (data validation): the rules, written apart from src/sheets/inputs.ts. */
export const UNIT_VALIDATION: Readonly<Record<string, { type: string; min: number; example: string }>> = {
  USD: { type: "decimal", min: 0, example: "35e9" },
  "USD per share": { type: "decimal", min: 0, example: "99.5" },
  "gain as a fraction": { type: "decimal", min: -1, example: "114%" },
  employees: { type: "whole", min: 0, example: "16000" },
  // Excel serial 61 is 1900-03-01, the first day Excel's serials and the calendar agree on.
  date: { type: "date", min: 61, example: "2026-03-31" },
};

export const TABLE_HEADER = [
  "Figure",
  "Reported",
  "Override",
  "Used",
  "Check",
  "Standing",
  "Unit",
  "Qualifier",
  "Status",
  "As of",
  "Period",
  "Source",
  "Id",
];

/** The cell of a figures table's row (1-based Excel row) under a header, found by the header's text. */
export function tableCell(spec: SheetSpec, excelRow: number, header: string): CellSpec {
  const table = spec.tables.find((t) => t.top < excelRow - 1 && excelRow - 1 <= t.bottom);
  const head = spec.cells.find((c) => c.row === table?.top && c.value === header);
  if (!table || !head) throw new Error(`${spec.sheetName} has no table column ${header} over row ${excelRow}.`);
  return cellAt(spec, toA1(excelRow - 1, head.col));
}

/** Checks a figures-table row: label, reported value and note, empty user override with its validation, Used formula, the Check flag, standing and text fields. */
export function expectFigureRow(spec: SheetSpec, excelRow: number, id: string): void {
  const f = figureOf(id);
  const format = UNIT_FORMAT[f.unit];
  const a = (header: string) => tableCell(spec, excelRow, header);
  const ref = (header: string) => toA1(excelRow - 1, a(header).col);
  expect(a("Figure")).toMatchObject({ value: f.label, owner: "addin", figureId: id, style: "label" });
  const reported = f.unit === "date" ? excelSerial(f.value) : Fraction.of(f.value).toNumber();
  expect(a("Reported")).toMatchObject({ value: reported, numberFormat: format, owner: "addin", figureId: id, style: "reported" });
  expect(a("Reported").formula).toBeUndefined();
  const note = a("Reported").note ?? "";
  expect(note).toContain(`"${f.quote}"`);
  expect(note).toContain(f.status);
  expect(note).toContain(f.asOf);
  expect(note).toContain(`Period: ${f.period}`);
  expect(note).toContain(sourceTitleOf(f.sourceId));
  const { validation, ...override } = a("Override");
  expect(override).toEqual({ row: excelRow - 1, col: 2, value: null, numberFormat: format, style: "input", owner: "user", figureId: id });
  const rule = UNIT_VALIDATION[f.unit];
  expect(validation).toMatchObject({ type: rule.type, min: rule.min });
  expect(validation?.prompt.message).toContain(rule.example);
  expect(validation?.prompt.message).toContain("Blank: the reported figure.");
  expect(a("Used")).toMatchObject({
    formula: `=IF(${ref("Override")}="",${ref("Reported")},${ref("Override")})`,
    numberFormat: format,
    owner: "addin",
  });
  expect(a("Check")).toMatchObject({ style: "flag", owner: "addin", figureId: id });
  expect(a("Check").formula).toContain(ref("Override"));
  expect(a("Standing").value).toBe(STANDINGS[id]);
  expect(a("Unit").value).toBe(f.unit);
  expect(a("Qualifier").value).toBe(f.qualifier);
  expect(a("Status").value).toBe(f.status);
  expect(a("As of").value).toBe(f.asOfDate === null ? `undated: ${f.asOf}` : `${f.asOf}; dated ${f.asOfDate}, ${f.asOfBasis}`);
  expect(a("Period").value).toBe(f.period);
  expect(a("Source").value).toBe(sourceTitleOf(f.sourceId));
  expect(a("Id").value).toBe(id);
  for (const header of ["Standing", "Unit", "Qualifier", "Status", "As of", "Period", "Source", "Id"])
    expect(a(header)).toMatchObject({ owner: "addin", figureId: id });
}

export function expectTableHeader(spec: SheetSpec, excelRow: number): void {
  TABLE_HEADER.forEach((title, i) =>
    expect(cellAt(spec, toA1(excelRow - 1, i))).toMatchObject({ value: title, style: "header", owner: "addin" }),
  );
}
