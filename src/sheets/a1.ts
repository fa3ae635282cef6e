/**
 * A1 addresses from 0-based row and column indexes, and back. Pure; the builders, the
 * evaluator and the writers share it so every address is spelled one way.
 */

/** Excel's last column (XFD) and row, 0-based. */
export const MAX_COL = 16383;
export const MAX_ROW = 1048575;

/** Which parts of an address are absolute ("$"). */
export type Anchor = "relative" | "absolute" | "row" | "col";

function checkPosition(row: number, col: number): void {
  if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) {
    throw new RangeError(`Row index ${row} is outside Excel's rows (0 to ${MAX_ROW}).`);
  }
  if (!Number.isInteger(col) || col < 0 || col > MAX_COL) {
    throw new RangeError(`Column index ${col} is outside Excel's columns (0 to ${MAX_COL}).`);
  }
}

/** Column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  checkPosition(0, col);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The 0-based column index of column letters: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new Error(`"${letters}" is not a column name.`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  checkPosition(0, n - 1);
  return n - 1;
}

/**
 * The A1 address of a cell: toA1(4, 3) → "D5"; toA1(4, 3, "absolute") → "$D$5";
 * "row" fixes the row only (D$5), "col" the column only ($D5).
 */
export function toA1(row: number, col: number, anchor: Anchor = "relative"): string {
  checkPosition(row, col);
  const colPart = (anchor === "absolute" || anchor === "col" ? "$" : "") + columnLetters(col);
  const rowPart = (anchor === "absolute" || anchor === "row" ? "$" : "") + String(row + 1);
  return colPart + rowPart;
}

/** The A1 address of a rectangle (inclusive): "B5:D9"; a single cell stays "B5". */
export function rangeA1(top: number, left: number, bottom: number, right: number, anchor: Anchor = "relative"): string {
  const first = toA1(top, left, anchor);
  return top === bottom && left === right ? first : `${first}:${toA1(bottom, right, anchor)}`;
}

/** Parses "D5", "$D$5", "d$5" into 0-based indexes and anchors. */
export function parseA1(address: string): { row: number; col: number; absRow: boolean; absCol: boolean } {
  const match = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/.exec(address.trim());
  if (!match) throw new Error(`"${address}" is not an A1 cell address.`);
  const col = columnIndex(match[2]);
  const row = Number(match[4]) - 1;
  checkPosition(row, col);
  return { row, col, absRow: match[3] === "$", absCol: match[1] === "$" };
}

/**
 * A sheet name as it must appear before "!" in a formula: bare when it is a plain word that
 * cannot be read as a cell address or a number, quoted otherwise ('Capex 2026'), with any
 * apostrophe doubled.
 */
export function quoteSheetName(sheetName: string): string {
  if (sheetName.length === 0) throw new Error("A sheet name cannot be empty.");
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(sheetName) &&
    !/^(R|C|RC|R[0-9]+C[0-9]+)$/i.test(sheetName) &&
    !/^(TRUE|FALSE)$/i.test(sheetName);
  return plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
}

/** A sheet-qualified address: sheetRef("Capex 2026", 4, 1) → "'Capex 2026'!$B$5". */
export function sheetRef(sheetName: string, row: number, col: number, anchor: Anchor = "absolute"): string {
  return `${quoteSheetName(sheetName)}!${toA1(row, col, anchor)}`;
}
