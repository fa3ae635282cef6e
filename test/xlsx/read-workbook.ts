/**
 * Reading a recalculated workbook back: the value each cell shows (a formula's cached result),
 * and what a workbook-scope name refers to.
 */
import ExcelJS from "exceljs";

/** What a cell shows: its literal value, or the result LibreOffice cached for its formula. */
export type Shown = string | number | boolean | null | { readonly error: string };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The value a cell shows. Dates come back from ExcelJS as Date objects when the cell has a
 * date format; they are turned back into Excel serial numbers so every value compares as stored.
 */
export function shown(cell: ExcelJS.Cell): Shown {
  const raw = cell.value;
  const value = raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw) ? raw.result : raw;
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    throw new Error(`Cell ${cell.address} holds a value these tests do not read: ${JSON.stringify(value)}`);
  }
  return value;
}

/** True when the cell holds a formula (plain or shared). */
export function isFormula(cell: ExcelJS.Cell): boolean {
  const raw = cell.value;
  return raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw);
}

/** Every cell of every sheet that has a value or a formula, keyed "Sheet!A1". */
export function allCells(workbook: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
  const cells = new Map<string, ExcelJS.Cell>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== null && cell.value !== undefined) cells.set(`${sheet.name}!${cell.address}`, cell);
      });
    });
  }
  return cells;
}

/** Where a workbook-scope name points: its sheet and single-cell address ("D5"). */
export function nameTarget(workbook: ExcelJS.Workbook, name: string): { sheet: string; address: string } {
  const entry = workbook.definedNames.model.find((n) => n.name === name);
  if (!entry) throw new Error(`The workbook defines no name ${name}.`);
  if (entry.ranges.length !== 1) throw new Error(`${name} refers to ${entry.ranges.length} ranges, expected one cell.`);
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]+)\$?(\d+)$/.exec(entry.ranges[0]);
  if (!match) throw new Error(`${name} refers to ${entry.ranges[0]}, not a single cell.`);
  return { sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2], address: `${match[3]}${match[4]}` };
}

/** The value a name's cell shows. */
export function nameValue(workbook: ExcelJS.Workbook, name: string): Shown {
  const { sheet, address } = nameTarget(workbook, name);
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`${name} refers to the sheet ${sheet}, which the workbook does not have.`);
  return shown(worksheet.getCell(address));
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}
