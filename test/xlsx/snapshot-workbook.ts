/**
 * Writes the state the fake Excel holds (its `snapshot()`) to an .xlsx workbook, so the sheets the
 * task pane inserts can be recalculated in LibreOffice and compared with `npm run workbook`'s
 * file. Only what decides values is written: cells (values, formulas, number formats) and names.
 */
import ExcelJS from "exceljs";
import { parseA1, quoteSheetName, toA1 } from "../../src/sheets/a1";
import type { WorkbookSnapshot } from "../fakes/fake-excel";

/** "D3" → "$D$3", "D3:E4" → "$D$3:$E$4". */
function absolute(address: string): string {
  return address
    .split(":")
    .map((corner) => {
      const { row, col } = parseA1(corner);
      return toA1(row, col, "absolute");
    })
    .join(":");
}

export function snapshotWorkbook(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of snapshot.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const target = worksheet.getCell(address);
      // The fake keeps formulas as typed ("=A1*2"); the file stores them without the "=".
      target.value = cell.formula !== null ? ({ formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue) : cell.value;
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    }
  }
  for (const [name, target] of Object.entries(snapshot.names)) {
    workbook.definedNames.add(`${quoteSheetName(target.sheet)}!${absolute(target.address)}`, name);
  }
  return workbook;
}

export async function snapshotBuffer(snapshot: WorkbookSnapshot): Promise<Buffer> {
  return Buffer.from((await snapshotWorkbook(snapshot).xlsx.writeBuffer()) as ArrayBuffer);
}
