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

/** Checks a figures-table row: label, reported value and note, empty user override, Used formula, standing and text fields. */
export function expectFigureRow(spec: SheetSpec, excelRow: number, id: string): void {
  const f = figureOf(id);
  const format = UNIT_FORMAT[f.unit];
  const a = (field: keyof typeof COL) => cellAt(spec, `${colLetter(field)}${excelRow}`);
  expect(a("figure")).toMatchObject({ value: f.label, owner: "addin", figureId: id, style: "label" });
  const reported = f.unit === "date" ? excelSerial(f.value) : Fraction.of(f.value).toNumber();
  expect(a("reported")).toMatchObject({ value: reported, numberFormat: format, owner: "addin", figureId: id, style: "reported" });
  expect(a("reported").formula).toBeUndefined();
  const note = a("reported").note ?? "";
  expect(note).toContain(`"${f.quote}"`);
  expect(note).toContain(f.status);
  expect(note).toContain(f.asOf);
  expect(note).toContain(`Period: ${f.period}`);
  expect(note).toContain(sourceTitleOf(f.sourceId));
  expect(a("override")).toEqual({
    row: excelRow - 1,
    col: 2,
    value: null,
    numberFormat: format,
    style: "input",
    owner: "user",
    figureId: id,
  });
  expect(a("used")).toMatchObject({ formula: `=IF(C${excelRow}="",B${excelRow},C${excelRow})`, numberFormat: format, owner: "addin" });
  expect(a("standing").value).toBe(STANDINGS[id]);
  expect(a("unit").value).toBe(f.unit);
  expect(a("qualifier").value).toBe(f.qualifier);
  expect(a("status").value).toBe(f.status);
  expect(a("asOf").value).toBe(f.asOfDate === null ? `undated: ${f.asOf}` : `${f.asOf}; dated ${f.asOfDate}, ${f.asOfBasis}`);
  expect(a("period").value).toBe(f.period);
  expect(a("source").value).toBe(sourceTitleOf(f.sourceId));
  expect(a("id").value).toBe(id);
  for (const field of ["standing", "unit", "qualifier", "status", "asOf", "period", "source", "id"] as const)
    expect(a(field)).toMatchObject({ owner: "addin", figureId: id });
}

export const TABLE_HEADER = [
  "Figure",
  "Reported",
  "Override",
  "Used",
  "Standing",
  "Unit",
  "Qualifier",
  "Status",
  "As of",
  "Period",
  "Source",
  "Id",
];

export function expectTableHeader(spec: SheetSpec, excelRow: number): void {
  TABLE_HEADER.forEach((title, i) =>
    expect(cellAt(spec, `${toA1(0, i).replace(/\d+$/, "")}${excelRow}`)).toMatchObject({ value: title, style: "header", owner: "addin" }),
  );
}
