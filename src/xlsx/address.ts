/** A1 addresses from the 0-based rows and columns of a SheetSpec. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col > 16383) {
    throw new RangeError(`Column index ${col} is outside Excel's columns A to XFD (0 to 16383).`);
  }
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0 || row > 1048575) {
    throw new RangeError(`Row index ${row} is outside Excel's rows 1 to 1048576 (0 to 1048575).`);
  }
  return `${columnLetters(col)}${row + 1}`;
}

/** A sheet name as a formula or defined name needs it: always quoted, inner quotes doubled. */
export function quoteSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** (Deal, 4, 3) → "'Deal'!$D$5", the form a workbook-scope defined name refers to. */
export function absoluteReference(sheetName: string, row: number, col: number): string {
  return `${quoteSheetName(sheetName)}!$${columnLetters(col)}$${row + 1}`;
}
