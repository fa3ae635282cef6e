/**
 * A1 addresses for the fake Excel: column letters, cell and range references, sheet-qualified
 * addresses with Excel's quoting of sheet names. Rows and columns are 0-based inside the fake;
 * a sheet has Excel's 1,048,576 rows and 16,384 columns (A … XFD).
 */

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The last row and column index of a sheet: row 1,048,576 and column XFD. */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

const LETTERS: string[] = [];

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  if (col < 1024 && LETTERS[col] !== undefined) return LETTERS[col];
  const s = lettersOf(col);
  if (col >= 0 && col < 1024) LETTERS[col] = s;
  return s;
}

function lettersOf(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26 (any case). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" or "$B$3" → row 2, column 1; null when malformed or off the sheet. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row > MAX_ROW || col > MAX_COL) return null;
  return { row, col };
}

/** "B3", "B3:D5", "A:C" (whole columns), "2:4" (whole rows) → a rectangle; null when malformed. */
export function parseRect(address: string): Rect | null {
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?([0-9]{1,7})$/;
  if (parts.length === 2 && cols.test(parts[0]) && cols.test(parts[1])) {
    const a = columnIndex(parts[0].replace("$", ""));
    const b = columnIndex(parts[1].replace("$", ""));
    return { top: 0, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  if (parts.length === 2 && rows.test(parts[0]) && rows.test(parts[1])) {
    const a = Number(parts[0].replace("$", "")) - 1;
    const b = Number(parts[1].replace("$", "")) - 1;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COL };
  }
  const a = parseCellRef(parts[0]);
  const b = parts.length === 2 ? parseCellRef(parts[1]) : a;
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** A rectangle as "B3" (one cell) or "B3:D5". */
export function rectAddress(r: Rect): string {
  const tl = `${columnLetter(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:${columnLetter(r.right)}${r.bottom + 1}`;
}

/** A rectangle as an absolute reference, "$B$3" or "$B$3:$D$5". */
export function absolute(r: Rect): string {
  const a = `$${columnLetter(r.left)}$${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:$${columnLetter(r.right)}$${r.bottom + 1}`;
}

/** A sheet name as a reference prefix needs it: "Deal", "'Capex 2026'", "'It''s'". */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCellRef(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Deal!B3", "'My sheet'!B3:C4" → sheet name and local address; no sheet → null sheet. */
export function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("=")) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** The key of a cell in a sheet's maps: "row,col". */
export const key = (row: number, col: number): string => `${row},${col}`;
