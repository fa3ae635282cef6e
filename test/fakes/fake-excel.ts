/**
 * A fake Excel host for tests: the part of the Office.js object model the add-in uses, with the
 * rules that make real add-ins fail (load before read, writes queued until `context.sync()`,
 * errors at sync time). Plain TypeScript, no Node imports: it is bundled into the pane's browser
 * tests too.
 *
 * ## Setting up
 *   const wb = new FakeWorkbook({ apiVersion: 18, sheets: ["Sheet1"] });
 *   installFakeOffice(globalThis, wb);      // sets Office, Excel, OfficeExtension on the target
 *   await Excel.run(async (context) => { ... });
 *   wb.syncCount                            // context.sync() calls so far (all runs)
 *   wb.syncLog                              // one SyncRecord per sync (see below)
 *   wb.snapshot()                           // plain data: see WorkbookSnapshot
 *
 * ## Acting as the user (applied at once, no sync, no protection check)
 *   wb.addSheet(name, { visibility?, protected? })    wb.protectSheet(name, on = true)
 *   wb.setCell(sheet, "B3", input)   input is what the user types: a number, boolean, text
 *                                    ("=A1*2" becomes a formula, "'=x" the text "=x", "12" a number)
 *                                    or { formula: "=A1" }; null clears the cell
 *   wb.setNumberFormat(sheet, "B3", "0.00%")
 *   wb.addName(name, sheet, "B3", comment?)          wb.select(sheet, "B3" | "B3:C4")
 *   wb.protectStructure(on = true)                   wb.cell(sheet, "B3") → FakeCell | undefined
 *   wb.failNextSync(code, message, skip = 0)         the next sync (after `skip` more) rejects with that error
 *   wb.apiVersion = 4                                the host supports ExcelApi 1.1 … 1.4 only
 *
 * ## The object model (requirement set in brackets; a call above `apiVersion` fails at sync
 * with code "ApiNotFound")
 *   context.sync(), context.workbook, context.application
 *   application.suspendApiCalculationUntilNextSync() [1.6], suspendScreenUpdatingUntilNextSync() [1.9]
 *   workbook.worksheets: add(name) [1.1], getItem(name), getItemOrNullObject(name) [1.4],
 *     getActiveWorksheet(), load("items/name,…")
 *   worksheet: id, name (rw), position, visibility (rw "Visible" | "Hidden" | "VeryHidden") [1.7],
 *     protection.protected / protect() / unprotect() [1.2], getRange(address?), getRanges("A1,B2:C3") [1.9],
 *     getRangeByIndexes(r, c, rows, cols) [1.7], getUsedRange(valuesOnly?), getUsedRangeOrNullObject() [1.4],
 *     activate(), delete(), tables, charts, notes [1.18]
 *   range: address, rowIndex, columnIndex, rowCount, columnCount, values, formulas, numberFormat
 *     (2-D arrays; null in an input array leaves that cell unchanged; "" clears), getCell(r, c),
 *     getResizedRange(dr, dc), getOffsetRange(dr, dc), getUsedRange(valuesOnly?),
 *     getUsedRangeOrNullObject(), worksheet, format.{font.{bold, italic, color}, fill.color,
 *     columnWidth (points, rw) [1.2], wrapText, horizontalAlignment}, format.autofitColumns()
 *   rangeAreas (from getRanges): address, format.{font, fill} as on a range
 *   workbook.getSelectedRange(), workbook.protection.protected [1.7]
 *   workbook.names: add(name, Range | "=Sheet!$A$1", comment?) [1.4 with comment],
 *     getItem(name), getItemOrNullObject(name) [1.4], load("items/name,…");
 *     namedItem: name, type, value, formula, comment (rw), visible, getRange(), delete()
 *   workbook.tables / worksheet.tables: add(Range | "Sheet!A1:C4", hasHeaders), getItemOrNullObject(name);
 *     table: name (rw), id, getRange()
 *   worksheet.charts: add(type, Range, seriesBy?); chart: name (rw), chartType, title.text (rw),
 *     setPosition(start, end?), series.getItemAt(i).{name (rw), setXAxisValues(Range) [1.7]}
 *   workbook.notes / worksheet.notes [1.18]: add(Range | "Sheet!A1", content), getItemOrNullObject(address);
 *     note: content (rw)
 *   workbook.properties.custom [1.7]: add(key, value), getItemOrNullObject(key), load("items/key,items/value")
 *   workbook.settings [1.4]: add(key, value), getItemOrNullObject(key); setting: key, value (rw), delete()
 *   Office.context.requirements.isSetSupported("ExcelApi", "1.9")
 *
 * ## Rules it enforces
 * - Reading a property that was not loaded and synced throws an Error with code
 *   "PropertyNotLoaded" (as Office.js does); so does reading `items` of an unloaded collection and
 *   `isNullObject` before a sync.
 * - Property sets and method calls are queued and applied in order at the next sync; a failing
 *   operation rejects the sync with an Error carrying `code` ("AccessDenied", "InvalidArgument",
 *   "ItemNotFound", "ItemAlreadyExists", "InvalidOperation", "ApiNotFound") and `debugInfo`;
 *   the operations before it stay applied, the ones after it are dropped.
 * - Writing to a protected sheet fails with "AccessDenied"; adding a sheet to a workbook whose
 *   structure is protected too. Sheet names follow Excel's rules (31 characters, none of
 *   : \ / ? * [ ], unique ignoring case); defined names and table names share one namespace and
 *   follow Excel's name rules (no spaces, not a cell reference).
 * - Values are parsed as Excel parses typed input: "=…" is a formula, "'…" is text (the
 *   apostrophe is not part of the value), numeric text becomes a number, "TRUE" a boolean,
 *   "2026-01-28" a date serial (formatted yyyy-mm-dd), unless the cell's number format is "@".
 *   Formula cells read back 0 from `values` unless the workbook has an `evaluate` function.
 *
 * ## snapshot() → WorkbookSnapshot (plain JSON-safe data)
 *   { sheets: [{ id, name, visibility, protected,
 *                cells: { "B3": { value, formula, numberFormat } },   // content or a non-General format
 *                formats: { "B3": { bold?, italic?, fontColor?, fill? } },
 *                tables: [{ name, address: "A4:I10" }], notes: { "B5": "text" },
 *                charts: [{ name, type, title, values: "Capex 2026!B20:B23", categories, seriesName, anchor: "D18" }],
 *                columnWidths: { "A": 56.25 } }],                     // points, columns that were set
 *     names: { "DEAL_AMOUNT": { sheet: "Deal", address: "D5", comment, visible } },
 *                // a name on a constant or a deleted sheet: { sheet: "", address: "=FALSE" | "=#REF!" }
 *                // (the writer's hidden DEALDESK_BLOCK_* markers have visible: false)
 *     customProperties: { key: value }, settings: { key: JSON value }, activeSheet, selection: { sheet, address } }
 *   A formula cell's value is what `evaluate` returns (0 unless told).
 *
 * ## SyncRecord
 *   { index, operations, cellsWritten, calculationSuspended, screenUpdatingSuspended }
 *   cellsWritten counts cells whose value, formula or number format a sync set (one per cell).
 */
import { adjustFormula, shiftIndex, shiftRect, shiftRelative, type Edit, type LineEdit } from "./structure";

export type Scalar = string | number | boolean;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** One cell as the fake stores it. `value` is null for an empty cell. */
export interface FakeCell {
  value: Scalar | null;
  formula: string | null;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
}

export interface CellSnapshot {
  readonly value: Scalar | null;
  readonly formula: string | null;
  readonly numberFormat: string;
}

export interface StyleSnapshot {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontColor?: string;
  readonly fill?: string;
}

export interface ChartSnapshot {
  readonly name: string;
  readonly type: string;
  readonly title: string;
  /** The series' values, "Capex!D4:D7". */
  readonly values: string;
  /** The category axis labels, "Capex!A4:A7", or null when none were set. */
  readonly categories: string | null;
  readonly seriesName: string | null;
  /** The cell under the chart's top-left corner, "F3". */
  readonly anchor: string;
}

export interface SheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly visibility: Visibility;
  readonly protected: boolean;
  /** Cells with content or a number format other than General, by A1 address ("B3"). */
  readonly cells: Record<string, CellSnapshot>;
  /** Font and fill of cells that have any, by A1 address. */
  readonly formats: Record<string, StyleSnapshot>;
  readonly tables: readonly { readonly name: string; readonly address: string }[];
  /** Note text by A1 address. */
  readonly notes: Record<string, string>;
  readonly charts: readonly ChartSnapshot[];
  /** Column widths in points by column letter, for columns whose width was set. */
  readonly columnWidths: Record<string, number>;
}

export interface WorkbookSnapshot {
  /** In tab order. */
  readonly sheets: readonly SheetSnapshot[];
  /** Workbook-scope names: the sheet and A1 address they refer to ("D3" or "D3:E4"). */
  readonly names: Record<string, { readonly sheet: string; readonly address: string; readonly comment: string; readonly visible: boolean }>;
  readonly customProperties: Record<string, Scalar>;
  readonly settings: Record<string, unknown>;
  readonly activeSheet: string;
  readonly selection: { readonly sheet: string; readonly address: string };
}

export interface SyncRecord {
  readonly index: number;
  readonly operations: number;
  readonly cellsWritten: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
}

export interface FakeWorkbookOptions {
  /** Highest ExcelApi 1.x minor version the host supports; 18 (1.18) unless told. */
  readonly apiVersion?: number;
  /** Sheets to start with; ["Sheet1"] unless told. */
  readonly sheets?: readonly string[];
  /** What a formula cell's `values` read returns; 0 unless told. */
  readonly evaluate?: (formula: string, sheet: string, address: string) => Scalar;
}

/** The error Office.js raises: `code` is one of Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = code === "PropertyNotLoaded" ? "OfficeExtension.Error" : "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

// ---------------------------------------------------------------------------------------------
// A1 addresses

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row > MAX_ROW || col > MAX_COL) return null;
  return { row, col };
}

/** "B3", "B3:D5", "A:C" (whole columns), "2:4" (whole rows) → a rectangle; null when malformed. */
function parseRect(address: string): Rect | null {
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

function rectAddress(r: Rect): string {
  const tl = `${columnLetter(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:${columnLetter(r.right)}${r.bottom + 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCellRef(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Deal!B3", "'My sheet'!B3:C4" → sheet name and local address; no sheet → null sheet. */
function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("=")) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const key = (row: number, col: number): string => `${row},${col}`;

// ---------------------------------------------------------------------------------------------
// Excel's rules for typed input and names

/** Excel's date serial of an ISO date (1900 date system). */
function dateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What a cell holds after the user (or a `values`/`formulas` write) enters `input`. */
function parseInput(input: Scalar, numberFormat: string): { value: Scalar | null; formula: string | null; numberFormat: string } {
  if (typeof input !== "string") return { value: input, formula: null, numberFormat };
  if (input === "") return { value: null, formula: null, numberFormat };
  if (numberFormat === "@") return { value: input, formula: null, numberFormat };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, numberFormat };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input, numberFormat };
  const t = input.trim();
  const num = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : null;
  if (num !== null) return { value: num, formula: null, numberFormat };
  const pct = /^([-+]?(\d+(\.\d*)?|\.\d+))%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, formula: null, numberFormat: numberFormat === "General" ? "0%" : numberFormat };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE", formula: null, numberFormat };
  const serial = dateSerial(t);
  if (serial !== null) return { value: serial, formula: null, numberFormat: numberFormat === "General" ? "yyyy-mm-dd" : numberFormat };
  if (/^[+\-@]/.test(input) && input.length > 1) return { value: null, formula: "=" + input.replace(/^@/, ""), numberFormat };
  return { value: input, formula: null, numberFormat };
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

function checkSheetName(name: unknown, taken: readonly string[]): void {
  if (typeof name !== "string" || name.trim() === "" || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw new FakeOfficeError("InvalidArgument", `The sheet name "${String(name)}" is not valid.`);
  }
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }
}

/** Excel's rules for defined names and table names. */
export function isValidExcelName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) && parseCellRef(name)) return false;
  if (/^[rRcC]$/.test(name)) return false;
  if (/^[rR][0-9]*([cC][0-9]*)?$/.test(name) || /^[cC][0-9]+$/.test(name)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// The model

interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  cells: Map<string, FakeCell>;
  notes: Map<string, string>;
  charts: ChartModel[];
  columnWidths: Map<number, number>;
}

interface NameModel {
  name: string;
  /** null: the name refers to a constant (`formula`) or to a deleted sheet (#REF!) */
  sheetId: string | null;
  rect: Rect;
  /** what a non-range name refers to, "=FALSE"; "=#REF!" once its sheet was deleted */
  formula: string | null;
  comment: string;
  visible: boolean;
}

interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
}

interface ChartModel {
  id: string;
  name: string;
  type: string;
  title: string;
  values: { sheetId: string; rect: Rect };
  categories: { sheetId: string; rect: Rect } | null;
  seriesName: string | null;
  anchor: { row: number; col: number };
}

const DEFAULT_WIDTH_POINTS = 48;

export class FakeWorkbook {
  /** ExcelApi 1.x minor version the host supports. */
  apiVersion: number;
  syncCount = 0;
  runCount = 0;
  readonly syncLog: SyncRecord[] = [];
  readonly evaluate: (formula: string, sheet: string, address: string) => Scalar;

  /** @internal model state, read by the proxies */
  sheets: SheetModel[] = [];
  names = new Map<string, NameModel>();
  tables: TableModel[] = [];
  customProperties = new Map<string, { key: string; value: Scalar }>();
  settings = new Map<string, string>();
  structureProtected = false;
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } = { sheetId: "", rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  private nextId = 1;
  private pendingFailure: FakeOfficeError | null = null;
  private failureSkips = 0;

  constructor(options: FakeWorkbookOptions = {}) {
    this.apiVersion = options.apiVersion ?? 18;
    this.evaluate = options.evaluate ?? (() => 0);
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
    if (this.sheets.length > 0) {
      this.activeSheetId = this.sheets[0].id;
      this.selection = { sheetId: this.sheets[0].id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    }
  }

  /** @internal */
  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(4, "0")}}`;
  }

  // --- the user's actions ---------------------------------------------------------------

  addSheet(name: string, options: { visibility?: Visibility; protected?: boolean } = {}): void {
    checkSheetName(name, this.sheets.map((s) => s.name));
    this.sheets.push({
      id: this.newId("sheet"),
      name,
      visibility: options.visibility ?? "Visible",
      protected: options.protected ?? false,
      cells: new Map(),
      notes: new Map(),
      charts: [],
      columnWidths: new Map(),
    });
  }

  protectSheet(name: string, on = true): void {
    this.sheetByName(name).protected = on;
  }

  protectStructure(on = true): void {
    this.structureProtected = on;
  }

  /** Types `input` into a cell as the user would; null clears the cell's content. */
  setCell(sheet: string, address: string, input: Scalar | null | { formula: string }): void {
    const s = this.sheetByName(sheet);
    const at = this.cellRef(address);
    const cell = s.cells.get(key(at.row, at.col)) ?? emptyCell();
    if (input === null) {
      cell.value = null;
      cell.formula = null;
    } else if (typeof input === "object") {
      cell.value = null;
      cell.formula = input.formula;
    } else {
      const parsed = parseInput(input, cell.numberFormat);
      cell.value = parsed.value;
      cell.formula = parsed.formula;
      cell.numberFormat = parsed.numberFormat;
    }
    s.cells.set(key(at.row, at.col), cell);
  }

  setNumberFormat(sheet: string, address: string, numberFormat: string): void {
    const s = this.sheetByName(sheet);
    const at = this.cellRef(address);
    const cell = s.cells.get(key(at.row, at.col)) ?? emptyCell();
    cell.numberFormat = numberFormat;
    s.cells.set(key(at.row, at.col), cell);
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const at = this.cellRef(address);
    return this.sheetByName(sheet).cells.get(key(at.row, at.col));
  }

  addName(name: string, sheet: string, address: string, comment = ""): void {
    if (!isValidExcelName(name)) throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
    const rect = parseRect(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
    this.names.set(name.toUpperCase(), { name, sheetId: this.sheetByName(sheet).id, rect, formula: null, comment, visible: true });
  }

  select(sheet: string, address: string): void {
    const rect = parseRect(address);
    if (!rect) throw new Error(`Bad address ${address}`);
    const s = this.sheetByName(sheet);
    this.selection = { sheetId: s.id, rect };
    this.activeSheetId = s.id;
  }

  // --- the user's structural edits: Excel moves cells, formulas, names, tables, notes ----------

  /** Inserts `count` rows before 0-based row `at` (deletes them when count < 0). */
  insertRows(sheet: string, at: number, count = 1): void {
    this.applyEdit({ kind: "rows", sheet: this.sheetByName(sheet).name, at, count });
  }

  deleteRows(sheet: string, at: number, count = 1): void {
    this.applyEdit({ kind: "rows", sheet: this.sheetByName(sheet).name, at, count: -count });
  }

  insertColumns(sheet: string, at: number, count = 1): void {
    this.applyEdit({ kind: "cols", sheet: this.sheetByName(sheet).name, at, count });
  }

  deleteColumns(sheet: string, at: number, count = 1): void {
    this.applyEdit({ kind: "cols", sheet: this.sheetByName(sheet).name, at, count: -count });
  }

  renameSheet(from: string, to: string): void {
    const m = this.sheetByName(from);
    checkSheetName(to, this.sheets.filter((x) => x !== m).map((x) => x.name));
    this.applyEdit({ kind: "rename", from: m.name, to });
    m.name = to;
  }

  deleteSheet(name: string): void {
    const m = this.sheetByName(name);
    this.removeSheet(m);
  }

  /** Writes or (null) removes the note on a cell. */
  setNote(sheet: string, address: string, text: string | null): void {
    const s = this.sheetByName(sheet);
    const at = this.cellRef(address);
    if (text === null) s.notes.delete(key(at.row, at.col));
    else s.notes.set(key(at.row, at.col), text);
  }

  /** Copies a cell with its number format and note, as Ctrl+C, Ctrl+V: relative references move. */
  copyCell(fromSheet: string, from: string, toSheet: string, to: string): void {
    const src = this.sheetByName(fromSheet);
    const dst = this.sheetByName(toSheet);
    const a = this.cellRef(from);
    const b = this.cellRef(to);
    const cell = src.cells.get(key(a.row, a.col));
    const copy = cell ? { ...cell, formula: cell.formula === null ? null : shiftRelative(cell.formula, b.row - a.row, b.col - a.col) } : emptyCell();
    dst.cells.set(key(b.row, b.col), copy);
    const note = src.notes.get(key(a.row, a.col));
    if (note !== undefined) dst.notes.set(key(b.row, b.col), note);
  }

  /** Sorts a table's body rows by one of its columns (0-based within the table), as Data › Sort does. */
  sortTable(tableName: string, column: number, descending = false): void {
    const t = this.tables.find((x) => x.name.toUpperCase() === tableName.toUpperCase());
    if (!t) throw new FakeOfficeError("ItemNotFound", `There is no table named "${tableName}".`);
    const sheet = this.sheetById(t.sheetId);
    const rows: number[] = [];
    for (let r = t.rect.top + 1; r <= t.rect.bottom; r++) rows.push(r);
    const sortKey = (r: number) => sheet.cells.get(key(r, t.rect.left + column))?.value ?? "";
    const order = [...rows].sort((x, y) => {
      const a = sortKey(x);
      const b = sortKey(y);
      const c = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
      return descending ? -c : c;
    });
    const moved = new Map<string, FakeCell>();
    const movedNotes = new Map<string, string>();
    order.forEach((fromRow, i) => {
      const toRow = rows[i];
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const cell = sheet.cells.get(key(fromRow, c));
        if (cell) moved.set(key(toRow, c), { ...cell, formula: cell.formula === null ? null : shiftRelative(cell.formula, toRow - fromRow, 0) });
        const note = sheet.notes.get(key(fromRow, c));
        if (note !== undefined) movedNotes.set(key(toRow, c), note);
      }
    });
    for (const r of rows) {
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        sheet.cells.delete(key(r, c));
        sheet.notes.delete(key(r, c));
      }
    }
    for (const [k, cell] of moved) sheet.cells.set(k, cell);
    for (const [k, note] of movedNotes) sheet.notes.set(k, note);
  }

  /** @internal every formula, name, table, note and chart after a structural edit. */
  applyEdit(edit: Edit): void {
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula !== null) cell.formula = adjustFormula(cell.formula, s.name, edit);
    }
    if (edit.kind === "rename") return;
    if (edit.kind === "delete-sheet") return;
    const sheet = this.sheetByName(edit.sheet);
    this.moveLines(sheet, edit);
    for (const n of this.names.values()) {
      if (n.sheetId !== sheet.id) continue;
      const r = shiftRect(n.rect, edit);
      if (r) n.rect = r;
      else {
        n.sheetId = null;
        n.formula = "=#REF!";
      }
    }
    this.tables = this.tables.filter((t) => {
      if (t.sheetId !== sheet.id) return true;
      const r = shiftRect(t.rect, edit);
      if (r) t.rect = r;
      return r !== null;
    });
    for (const c of sheet.charts) {
      const a = shiftRect({ top: c.anchor.row, left: c.anchor.col, bottom: c.anchor.row, right: c.anchor.col }, edit);
      if (a) c.anchor = { row: a.top, col: a.left };
    }
  }

  private moveLines(sheet: SheetModel, edit: LineEdit): void {
    const move = <T>(map: Map<string, T>): Map<string, T> => {
      const next = new Map<string, T>();
      for (const [k, v] of map) {
        const [row, col] = k.split(",").map(Number);
        const r = edit.kind === "rows" ? shiftIndex(row, edit.at, edit.count) : row;
        const c = edit.kind === "cols" ? shiftIndex(col, edit.at, edit.count) : col;
        if (r !== null && c !== null) next.set(key(r, c), v);
      }
      return next;
    };
    sheet.cells = move(sheet.cells);
    sheet.notes = move(sheet.notes);
  }

  /** @internal deletes a sheet as Excel does: references to it become #REF!, its names too. */
  removeSheet(m: SheetModel): void {
    this.applyEdit({ kind: "delete-sheet", sheet: m.name });
    this.sheets = this.sheets.filter((s) => s !== m);
    this.tables = this.tables.filter((t) => t.sheetId !== m.id);
    for (const n of this.names.values()) {
      if (n.sheetId === m.id) {
        n.sheetId = null;
        n.formula = "=#REF!";
      }
    }
    if (this.activeSheetId === m.id || this.selection.sheetId === m.id) {
      const next = this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0];
      this.activeSheetId = next.id;
      this.selection = { sheetId: next.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    }
  }

  /** The next context.sync() (after skipping `skip` syncs) rejects with this error and applies nothing. */
  failNextSync(code: string, message: string, skip = 0): void {
    this.pendingFailure = new FakeOfficeError(code, message);
    this.failureSkips = skip;
  }

  // --- Excel.run -------------------------------------------------------------------------

  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runCount++;
    const context = new FakeRequestContext(this);
    try {
      return await batch(context);
    } finally {
      context.closed = true;
    }
  }

  /** @internal executes one sync's queue */
  executeSync(context: FakeRequestContext): void {
    const ops = context.queue;
    context.queue = [];
    const record = {
      index: this.syncCount,
      operations: ops.length,
      cellsWritten: 0,
      calculationSuspended: context.calculationSuspended,
      screenUpdatingSuspended: context.screenUpdatingSuspended,
    };
    context.calculationSuspended = false;
    context.screenUpdatingSuspended = false;
    this.syncCount++;
    const written = new Set<string>();
    context.written = written;
    try {
      if (this.pendingFailure && this.failureSkips > 0) this.failureSkips--;
      else if (this.pendingFailure) {
        const failure = this.pendingFailure;
        this.pendingFailure = null;
        throw failure;
      }
      for (const op of ops) {
        if (op.minVersion > this.apiVersion) {
          throw new FakeOfficeError("ApiNotFound", `${op.what} needs ExcelApi 1.${op.minVersion}; this Excel supports 1.${this.apiVersion}.`, op.what);
        }
        try {
          op.run();
        } catch (err) {
          if (err instanceof FakeOfficeError) {
            err.debugInfo.errorLocation = err.debugInfo.errorLocation ?? op.what;
            throw err;
          }
          throw new FakeOfficeError("GeneralException", err instanceof Error ? err.message : String(err), op.what);
        }
      }
    } finally {
      record.cellsWritten = written.size;
      this.syncLog.push(record);
    }
  }

  // --- lookups used by the proxies -------------------------------------------------------

  /** @internal */
  sheetByName(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError("ItemNotFound", `There is no sheet named "${name}".`);
    return s;
  }

  /** @internal */
  sheetById(id: string): SheetModel {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw new FakeOfficeError("ItemNotFound", "The worksheet no longer exists.");
    return s;
  }

  /** @internal */
  cellRef(address: string): { row: number; col: number } {
    const at = parseCellRef(address);
    if (!at) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a cell address.`);
    return at;
  }

  /** @internal "Deal!B3:C4" or a local address on `defaultSheet` → sheet and rectangle. */
  resolveAddress(address: string, defaultSheet: SheetModel | null): { sheet: SheetModel; rect: Rect } {
    const { sheet, local } = splitSheetAddress(address);
    const s = sheet === null ? defaultSheet : this.sheetByName(sheet);
    if (!s) throw new FakeOfficeError("InvalidArgument", `"${address}" does not name a sheet.`);
    const rect = parseRect(local);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
    return { sheet: s, rect };
  }

  /** @internal */
  nameTaken(name: string): boolean {
    const u = name.toUpperCase();
    return this.names.has(u) || this.tables.some((t) => t.name.toUpperCase() === u);
  }

  // --- snapshot -------------------------------------------------------------------------

  snapshot(): WorkbookSnapshot {
    const sheetName = (id: string): string => this.sheetById(id).name;
    const sheets = this.sheets.map((s): SheetSnapshot => {
      const cells: Record<string, CellSnapshot> = {};
      const formats: Record<string, StyleSnapshot> = {};
      const entries = [...s.cells.entries()].map(([k, c]) => {
        const [row, col] = k.split(",").map(Number);
        return { row, col, c };
      });
      entries.sort((a, b) => a.row - b.row || a.col - b.col);
      for (const { row, col, c } of entries) {
        const address = `${columnLetter(col)}${row + 1}`;
        if (c.value !== null || c.formula !== null || c.numberFormat !== "General") {
          const value = c.formula !== null ? this.evaluate(c.formula, s.name, address) : c.value;
          cells[address] = { value, formula: c.formula, numberFormat: c.numberFormat };
        }
        const style: { bold?: boolean; italic?: boolean; fontColor?: string; fill?: string } = {};
        if (c.bold) style.bold = true;
        if (c.italic) style.italic = true;
        if (c.fontColor) style.fontColor = c.fontColor;
        if (c.fill) style.fill = c.fill;
        if (Object.keys(style).length > 0) formats[address] = style;
      }
      const notes: Record<string, string> = {};
      for (const [k, text] of s.notes) {
        const [row, col] = k.split(",").map(Number);
        notes[`${columnLetter(col)}${row + 1}`] = text;
      }
      const columnWidths: Record<string, number> = {};
      for (const [col, w] of [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0])) columnWidths[columnLetter(col)] = w;
      return {
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        cells,
        formats,
        tables: this.tables.filter((t) => t.sheetId === s.id).map((t) => ({ name: t.name, address: rectAddress(t.rect) })),
        notes,
        charts: s.charts.map((c) => ({
          name: c.name,
          type: c.type,
          title: c.title,
          values: `${sheetName(c.values.sheetId)}!${rectAddress(c.values.rect)}`,
          categories: c.categories ? `${sheetName(c.categories.sheetId)}!${rectAddress(c.categories.rect)}` : null,
          seriesName: c.seriesName,
          anchor: `${columnLetter(c.anchor.col)}${c.anchor.row + 1}`,
        })),
        columnWidths,
      };
    });
    const names: Record<string, { sheet: string; address: string; comment: string; visible: boolean }> = {};
    for (const n of [...this.names.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      names[n.name] =
        n.sheetId === null
          ? { sheet: "", address: n.formula ?? "=#REF!", comment: n.comment, visible: n.visible }
          : { sheet: sheetName(n.sheetId), address: rectAddress(n.rect), comment: n.comment, visible: n.visible };
    }
    const customProperties: Record<string, Scalar> = {};
    for (const p of this.customProperties.values()) customProperties[p.key] = p.value;
    const settings: Record<string, unknown> = {};
    for (const [k, v] of this.settings) settings[k] = JSON.parse(v);
    return {
      sheets,
      names,
      customProperties,
      settings,
      activeSheet: this.activeSheetId ? sheetName(this.activeSheetId) : "",
      selection: { sheet: this.selection.sheetId ? sheetName(this.selection.sheetId) : "", address: rectAddress(this.selection.rect) },
    };
  }
}

function emptyCell(): FakeCell {
  return { value: null, formula: null, numberFormat: "General" };
}

// ---------------------------------------------------------------------------------------------
// Request context and client objects

interface Operation {
  what: string;
  minVersion: number;
  run: () => void;
}

export class FakeRequestContext {
  queue: Operation[] = [];
  closed = false;
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  /** @internal cells written during the running sync */
  written: Set<string> = new Set();
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(readonly host: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  /** @internal */
  enqueue(what: string, minVersion: number, run: () => void): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", `${what} was called after its Excel.run ended.`);
    this.queue.push({ what, minVersion, run });
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "context.sync() was called after its Excel.run ended.");
    // Real syncs are asynchronous round trips; yield so callers cannot rely on synchronous results.
    await Promise.resolve();
    this.host.executeSync(this);
  }

  /** Office.js lets add-ins keep objects across runs; nothing to do in the fake. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

class FakeApplication {
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("Application.suspendApiCalculationUntilNextSync", 6, () => undefined);
    this.ctx.calculationSuspended = true;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue("Application.suspendScreenUpdatingUntilNextSync", 9, () => undefined);
    this.ctx.screenUpdatingSuspended = true;
  }
}

function parseLoadArg(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoadArg(a));
  if (typeof arg === "object" && arg !== null) {
    const select = (arg as { select?: unknown }).select;
    if (select !== undefined) return parseLoadArg(select);
    return Object.keys(arg as object);
  }
  return [];
}

/**
 * A client object: properties are read from `loaded` (filled at sync by a queued load) and
 * written through queued operations.
 */
abstract class ClientObject<M> {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  protected abstract readonly typeName: string;
  /** Scalar properties `load()` with no argument reads. */
  protected abstract readonly scalarProps: readonly string[];

  constructor(
    readonly ctx: FakeRequestContext,
    /** Finds the model object at execution time; null for a missing *OrNullObject target. */
    protected readonly locate: () => M | null,
    protected readonly nullable = false,
  ) {}

  /** @internal the model object, or an ItemNotFound error */
  target(): M {
    const m = this.locate();
    if (m === null) throw new FakeOfficeError("ItemNotFound", `The requested ${this.typeName} does not exist.`);
    return m;
  }

  protected abstract readProp(model: M, prop: string): unknown;

  load(props?: unknown): this {
    const list = parseLoadArg(props);
    const wanted = list.length > 0 ? list : this.scalarProps;
    this.ctx.enqueue(`${this.typeName}.load`, 1, () => {
      const m = this.nullable ? this.locate() : this.target();
      this.nullState = m === null;
      if (m === null) return;
      for (const p of wanted) this.capture(m, p);
    });
    return this;
  }

  /** @internal stores one loaded property, "a" or a navigation path "protection/protected" */
  capture(m: M, prop: string): void {
    const slash = prop.indexOf("/");
    if (slash > 0) {
      const child = this.child(prop.slice(0, slash));
      if (!child) throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no property "${prop}" to load.`);
      child.nullState = false;
      child.capture(child.target(), prop.slice(slash + 1));
      return;
    }
    if (!this.scalarProps.includes(prop)) {
      throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no property "${prop}" to load.`);
    }
    this.loaded.set(prop, cloneValue(this.readProp(m, prop)));
  }

  /** Navigation properties whose scalars can be loaded through this object ("protection"). */
  protected child(name: string): ClientObject<unknown> | null {
    void name;
    return null;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property 'isNullObject' is not available. Call load() and context.sync() first.`);
    }
    return this.nullState;
  }

  protected get<T>(prop: string): T {
    if (this.nullState === true) {
      throw new FakeOfficeError("PropertyNotLoaded", `The ${this.typeName} is a null object; '${prop}' has no value.`);
    }
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(prop) as T;
  }

  protected set(prop: string, minVersion: number, apply: (m: M) => void): void {
    this.ctx.enqueue(`${this.typeName}.${prop}`, minVersion, () => apply(this.target()));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function cloneValue(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

abstract class ClientCollection<M, P extends ClientObject<M>> {
  protected loadedItems: P[] | null = null;
  protected abstract readonly typeName: string;
  constructor(readonly ctx: FakeRequestContext) {}
  protected abstract list(): M[];
  protected abstract proxyFor(m: M): P;

  load(props?: unknown): this {
    const wanted = parseLoadArg(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(`${this.typeName}.load`, 1, () => {
      const items = this.list().map((m) => this.proxyFor(m));
      for (const item of items) (item as unknown as { fill(p: string[]): void }).fill(wanted);
      this.loadedItems = items;
    });
    return this;
  }

  get items(): P[] {
    if (this.loadedItems === null) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property 'items' is not available. Call load() on the ${this.typeName} and context.sync() first.`);
    }
    return this.loadedItems;
  }

  getCount(): { value: number } {
    const result = new ClientResult<number>(this.ctx);
    this.ctx.enqueue(`${this.typeName}.getCount`, 1, () => result.resolve(this.list().length));
    return result;
  }
}

/** A value returned by a method (getCount): readable after the sync. */
class ClientResult<T> {
  private done = false;
  private v: T | undefined;
  constructor(readonly ctx: FakeRequestContext) {}
  resolve(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new FakeOfficeError("PropertyNotLoaded", "The value is not available before context.sync().");
    return this.v as T;
  }
}

/** Lets a collection fill an item's loaded properties during the sync that loads the collection. */
function fillable<M>(proxy: ClientObject<M>): void {
  (proxy as unknown as { fill(p: string[]): void }).fill = (props: string[]): void => {
    const self = proxy as unknown as { nullState: boolean; scalarProps: readonly string[] };
    const m = proxy.target();
    self.nullState = false;
    for (const p of props.length > 0 ? props : self.scalarProps) proxy.capture(m, p);
  };
}

// --- workbook ---------------------------------------------------------------------------------

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly notes: FakeNoteCollection;
  readonly properties: { custom: FakeCustomPropertyCollection };
  readonly settings: FakeSettingCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.notes = new FakeNoteCollection(ctx, null);
    this.properties = { custom: new FakeCustomPropertyCollection(ctx) };
    this.settings = new FakeSettingCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx, () => ctx.host);
  }

  getSelectedRange(): FakeRange {
    const host = this.ctx.host;
    return new FakeRange(this.ctx, () => ({ sheet: host.sheetById(host.selection.sheetId), rect: { ...host.selection.rect } }));
  }

  getActiveCell(): FakeRange {
    const host = this.ctx.host;
    return new FakeRange(this.ctx, () => {
      const r = host.selection.rect;
      return { sheet: host.sheetById(host.selection.sheetId), rect: { top: r.top, left: r.left, bottom: r.top, right: r.left } };
    });
  }
}

class FakeWorkbookProtection extends ClientObject<FakeWorkbook> {
  protected readonly typeName = "WorkbookProtection";
  protected readonly scalarProps = ["protected"];
  protected readProp(m: FakeWorkbook): unknown {
    return m.structureProtected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  override load(props?: unknown): this {
    this.ctx.enqueue("WorkbookProtection.load", 7, () => undefined);
    return super.load(props);
  }
}

// --- worksheets -------------------------------------------------------------------------------

class FakeWorksheetCollection extends ClientCollection<SheetModel, FakeWorksheet> {
  protected readonly typeName = "WorksheetCollection";
  protected list(): SheetModel[] {
    return this.ctx.host.sheets;
  }
  protected proxyFor(m: SheetModel): FakeWorksheet {
    const id = m.id;
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.sheetById(id));
    fillable(ws);
    return ws;
  }

  add(name?: string): FakeWorksheet {
    let id = "";
    const host = this.ctx.host;
    this.ctx.enqueue("WorksheetCollection.add", 1, () => {
      if (host.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected: sheets cannot be added.");
      let sheetName = name;
      if (sheetName === undefined) {
        let n = host.sheets.length + 1;
        while (host.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      host.addSheet(sheetName);
      id = host.sheets[host.sheets.length - 1].id;
    });
    return new FakeWorksheet(this.ctx, () => (id ? host.sheetById(id) : null));
  }

  getItem(name: string): FakeWorksheet {
    const host = this.ctx.host;
    return new FakeWorksheet(this.ctx, () => host.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name) ?? null);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const host = this.ctx.host;
    const ws = new FakeWorksheet(this.ctx, () => host.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name) ?? null, true);
    this.ctx.enqueue("WorksheetCollection.getItemOrNullObject", 4, () => undefined);
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    const host = this.ctx.host;
    return new FakeWorksheet(this.ctx, () => host.sheetById(host.activeSheetId));
  }
}

class FakeWorksheet extends ClientObject<SheetModel> {
  protected readonly typeName = "Worksheet";
  protected readonly scalarProps = ["id", "name", "position", "visibility"];
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly notes: FakeNoteCollection;

  constructor(ctx: FakeRequestContext, locate: () => SheetModel | null, nullable = false) {
    super(ctx, locate, nullable);
    this.protection = new FakeWorksheetProtection(ctx, () => this.locate());
    this.tables = new FakeTableCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    this.notes = new FakeNoteCollection(ctx, this);
  }

  protected override child(name: string): ClientObject<unknown> | null {
    return name === "protection" ? (this.protection as ClientObject<unknown>) : null;
  }

  protected readProp(m: SheetModel, prop: string): unknown {
    switch (prop) {
      case "id":
        return m.id;
      case "name":
        return m.name;
      case "position":
        return this.ctx.host.sheets.indexOf(m);
      case "visibility":
        return m.visibility;
    }
    return undefined;
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set("name", 1, (m) => {
      checkSheetName(value, this.ctx.host.sheets.filter((s) => s !== m).map((s) => s.name));
      this.ctx.host.applyEdit({ kind: "rename", from: m.name, to: value });
      m.name = value;
    });
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(value: Visibility) {
    this.set("visibility", 7, (m) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw new FakeOfficeError("InvalidArgument", `"${value}" is not a sheet visibility.`);
      if (value !== "Visible" && this.ctx.host.sheets.filter((s) => s !== m && s.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      m.visibility = value;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } };
      const r = this.ctx.host.resolveAddress(address, sheet);
      if (r.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", `"${address}" is on another sheet.`);
      return r;
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): FakeRange {
    this.ctx.enqueue("Worksheet.getRangeByIndexes", 7, () => undefined);
    return new FakeRange(this.ctx, () => {
      if (rowCount < 1 || columnCount < 1 || row < 0 || col < 0) throw new FakeOfficeError("InvalidArgument", "The range size is not valid.");
      return { sheet: this.target(), rect: { top: row, left: col, bottom: row + rowCount - 1, right: col + columnCount - 1 } };
    });
  }

  getRanges(addresses: string): FakeRangeAreas {
    this.ctx.enqueue("Worksheet.getRanges", 9, () => undefined);
    return new FakeRangeAreas(this.ctx, () => {
      const sheet = this.target();
      return addresses.split(",").map((a) => {
        const r = this.ctx.host.resolveAddress(a.trim(), sheet);
        return r.rect;
      });
    }, () => this.target());
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      return { sheet, rect: usedRect(sheet, null, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.enqueue("Worksheet.getUsedRangeOrNullObject", 4, () => undefined);
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = usedRect(sheet, null, valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this.ctx.enqueue("Worksheet.activate", 1, () => {
      const m = this.target();
      if (m.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.ctx.host.activeSheetId = m.id;
      this.ctx.host.selection = { sheetId: m.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  delete(): void {
    this.ctx.enqueue("Worksheet.delete", 1, () => {
      const host = this.ctx.host;
      const m = this.target();
      if (host.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected: sheets cannot be deleted.");
      if (host.sheets.filter((s) => s !== m && s.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      host.removeSheet(m);
    });
  }
}

class FakeWorksheetProtection extends ClientObject<SheetModel> {
  protected readonly typeName = "WorksheetProtection";
  protected readonly scalarProps = ["protected"];
  protected readProp(m: SheetModel): unknown {
    return m.protected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(): void {
    this.ctx.enqueue("WorksheetProtection.protect", 2, () => {
      this.target().protected = true;
    });
  }
  unprotect(): void {
    this.ctx.enqueue("WorksheetProtection.unprotect", 2, () => {
      this.target().protected = false;
    });
  }
}

function usedRect(sheet: SheetModel, within: Rect | null, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, c] of sheet.cells) {
    const hasContent = c.value !== null || c.formula !== null;
    if (!hasContent && (valuesOnly || c.numberFormat === "General")) continue;
    const [row, col] = k.split(",").map(Number);
    if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
    r = r
      ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }
  return r;
}

// --- ranges -----------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const MAX_READ_CELLS = 1_000_000;

function assertWritable(ctx: FakeRequestContext, sheet: SheetModel): void {
  if (sheet.protected) {
    throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}"). To make a change, unprotect the sheet.`);
  }
  void ctx;
}

class FakeRange extends ClientObject<RangeTarget> {
  protected readonly typeName = "Range";
  protected readonly scalarProps = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat"];
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeRequestContext, locate: () => RangeTarget | null, nullable = false) {
    super(ctx, locate, nullable);
    this.format = new FakeRangeFormat(ctx, () => [this.target()]);
  }

  protected readProp(m: RangeTarget, prop: string): unknown {
    const { sheet, rect } = m;
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
    }
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > MAX_READ_CELLS) {
      throw new FakeOfficeError("InvalidOperation", "The range is too large to read; load a smaller range.");
    }
    const rows: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: unknown[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cells.get(key(r, c));
        if (prop === "numberFormat") row.push(cell?.numberFormat ?? "General");
        else if (!cell || (cell.value === null && cell.formula === null)) row.push("");
        else if (prop === "formulas") row.push(cell.formula ?? cell.value);
        else row.push(cell.formula !== null ? this.ctx.host.evaluate(cell.formula, sheet.name, `${columnLetter(c)}${r + 1}`) : cell.value);
      }
      rows.push(row);
    }
    return rows;
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(input: unknown) {
    this.writeCells("values", input);
  }
  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(input: unknown) {
    this.writeCells("formulas", input);
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.writeCells("numberFormat", input);
  }

  private writeCells(prop: "values" | "formulas" | "numberFormat", input: unknown): void {
    const data = cloneValue(input);
    this.set(prop, 1, ({ sheet, rect }) => {
      assertWritable(this.ctx, sheet);
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (data === null || data === undefined) throw new FakeOfficeError("InvalidArgument", `null is not a valid input for Range.${prop}.`);
      const grid = Array.isArray(data) ? (data as unknown[][]) : null;
      if (grid && (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const v = grid ? grid[r][c] : data;
          if (v === null) continue;
          if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
            throw new FakeOfficeError("InvalidArgument", `Range.${prop} accepts text, numbers and booleans.`);
          }
          if (typeof v === "number" && !Number.isFinite(v)) throw new FakeOfficeError("InvalidArgument", "A number in the input is not finite.");
          const k = key(rect.top + r, rect.left + c);
          const cell = sheet.cells.get(k) ?? emptyCell();
          if (prop === "numberFormat") {
            cell.numberFormat = v === "" ? "General" : String(v);
          } else {
            if (prop === "formulas" && typeof v === "string" && v.startsWith("=") && !balanced(v)) {
              throw new FakeOfficeError("InvalidArgument", `The formula ${v} is not valid.`);
            }
            const parsed = parseInput(v, cell.numberFormat);
            cell.value = parsed.value;
            cell.formula = parsed.formula;
            cell.numberFormat = parsed.numberFormat;
          }
          sheet.cells.set(k, cell);
          this.ctx.written.add(`${sheet.id}:${k}`);
        }
      }
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target().sheet);
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive((t) => ({ top: t.top + row, left: t.left + column, bottom: t.top + row, right: t.left + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((t) => ({ top: t.top, left: t.left, bottom: t.bottom + deltaRows, right: t.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive((t) => ({ top: t.top + rowOffset, left: t.left + columnOffset, bottom: t.bottom + rowOffset, right: t.right + columnOffset }));
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      const used = usedRect(sheet, rect, valuesOnly);
      if (!used) throw new FakeOfficeError("ItemNotFound", "The range is empty.");
      return { sheet, rect: used };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.enqueue("Range.getUsedRangeOrNullObject", 4, () => undefined);
    return new FakeRange(
      this.ctx,
      () => {
        const { sheet, rect } = this.target();
        const used = usedRect(sheet, rect, valuesOnly);
        return used ? { sheet, rect: used } : null;
      },
      true,
    );
  }
  /** Tables that overlap the range (or lie inside it, with fullyContained). [ExcelApi 1.9] */
  getTables(fullyContained = false): FakeTableCollection {
    this.ctx.enqueue("Range.getTables", 9, () => undefined);
    return new FakeTableCollection(this.ctx, null, () => {
      const { sheet, rect: r } = this.target();
      return (t: TableModel) =>
        t.sheetId === sheet.id &&
        (fullyContained
          ? t.rect.top >= r.top && t.rect.bottom <= r.bottom && t.rect.left >= r.left && t.rect.right <= r.right
          : !(t.rect.right < r.left || r.right < t.rect.left || t.rect.bottom < r.top || r.bottom < t.rect.top));
    });
  }
  /** The fake has no merged cells: always a null object. [ExcelApi 1.13] */
  getMergedAreasOrNullObject(): FakeRange {
    this.ctx.enqueue("Range.getMergedAreasOrNullObject", 13, () => undefined);
    return new FakeRange(this.ctx, () => null, true);
  }
  /** Inserts whole rows or columns at the range, as Excel does (the fake models whole lines only). */
  insert(shift: string): FakeRange {
    this.ctx.enqueue("Range.insert", 1, () => this.editLines(shift === "Down" ? "rows" : "cols", 1));
    return this;
  }
  /** Deletes the range's whole rows or columns (the fake models whole lines only). */
  delete(shift: string): void {
    this.ctx.enqueue("Range.delete", 1, () => this.editLines(shift === "Up" ? "rows" : "cols", -1));
  }
  private editLines(kind: "rows" | "cols", sign: 1 | -1): void {
    const { sheet, rect } = this.target();
    assertWritable(this.ctx, sheet);
    const whole = kind === "rows" ? rect.left === 0 && rect.right === MAX_COL : rect.top === 0 && rect.bottom === MAX_ROW;
    if (!whole) throw new FakeOfficeError("InvalidArgument", "The fake inserts and deletes whole rows or columns only.");
    const at = kind === "rows" ? rect.top : rect.left;
    const count = kind === "rows" ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
    this.ctx.host.applyEdit({ kind, sheet: sheet.name, at, count: sign * count });
  }
  select(): void {
    this.ctx.enqueue("Range.select", 1, () => {
      const { sheet, rect } = this.target();
      this.ctx.host.selection = { sheetId: sheet.id, rect: { ...rect } };
      this.ctx.host.activeSheetId = sheet.id;
    });
  }

  private derive(f: (r: Rect) => Rect): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      const next = f(rect);
      if (next.top < 0 || next.left < 0 || next.bottom < next.top || next.right < next.left || next.bottom > MAX_ROW || next.right > MAX_COL) {
        throw new FakeOfficeError("InvalidArgument", "The range would fall outside the worksheet.");
      }
      return { sheet, rect: next };
    });
  }
}

function balanced(formula: string): boolean {
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === "(") depth++;
    else if (!inString && ch === ")") depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && !inString;
}

class FakeRangeAreas extends ClientObject<Rect[]> {
  protected readonly typeName = "RangeAreas";
  protected readonly scalarProps = ["address", "areaCount"];
  readonly format: FakeRangeFormat;
  constructor(ctx: FakeRequestContext, locate: () => Rect[], private readonly sheetOf: () => SheetModel) {
    super(ctx, locate);
    this.format = new FakeRangeFormat(ctx, () => {
      const sheet = this.sheetOf();
      return this.target().map((rect) => ({ sheet, rect }));
    });
  }
  protected readProp(m: Rect[], prop: string): unknown {
    if (prop === "areaCount") return m.length;
    return m.map((r) => `${quoteSheet(this.sheetOf().name)}!${rectAddress(r)}`).join(",");
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

function eachCell(targets: RangeTarget[], f: (cell: FakeCell, sheet: SheetModel, k: string) => void): void {
  for (const { sheet, rect } of targets) {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const k = key(r, c);
        const cell = sheet.cells.get(k) ?? emptyCell();
        f(cell, sheet, k);
        sheet.cells.set(k, cell);
      }
    }
  }
}

class FakeRangeFormat {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  private loadedWidth: number | undefined;
  constructor(readonly ctx: FakeRequestContext, private readonly targets: () => RangeTarget[]) {
    this.font = new FakeFont(ctx, targets);
    this.fill = new FakeFill(ctx, targets);
  }
  private write(what: string, minVersion: number, f: (cell: FakeCell) => void): void {
    this.ctx.enqueue(`RangeFormat.${what}`, minVersion, () => {
      const targets = this.targets();
      for (const t of targets) assertWritable(this.ctx, t.sheet);
      eachCell(targets, f);
    });
  }
  set wrapText(v: boolean) {
    this.write("wrapText", 1, (c) => (c.wrapText = v));
  }
  set horizontalAlignment(v: string) {
    this.write("horizontalAlignment", 1, (c) => (c.horizontalAlignment = v));
  }
  get columnWidth(): number {
    if (this.loadedWidth === undefined) throw new FakeOfficeError("PropertyNotLoaded", "The property 'columnWidth' is not available. Call load() and context.sync() first.");
    return this.loadedWidth;
  }
  set columnWidth(points: number) {
    this.ctx.enqueue("RangeFormat.columnWidth", 2, () => {
      if (!(points >= 0 && points <= 1800)) throw new FakeOfficeError("InvalidArgument", "A column width must be between 0 and 1800 points.");
      for (const { sheet, rect } of this.targets()) {
        assertWritable(this.ctx, sheet);
        for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
      }
    });
  }
  load(props?: unknown): this {
    const wanted = parseLoadArg(props);
    this.ctx.enqueue("RangeFormat.load", 2, () => {
      if (wanted.includes("columnWidth")) {
        const [{ sheet, rect }] = this.targets();
        const widths = new Set<number>();
        for (let c = rect.left; c <= rect.right; c++) widths.add(sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_POINTS);
        this.loadedWidth = widths.size === 1 ? [...widths][0] : (null as unknown as number);
      }
    });
    return this;
  }
  autofitColumns(): void {
    this.ctx.enqueue("RangeFormat.autofitColumns", 2, () => {
      for (const { sheet, rect } of this.targets()) {
        assertWritable(this.ctx, sheet);
        for (let c = rect.left; c <= rect.right; c++) {
          let longest = 0;
          for (const [k, cell] of sheet.cells) {
            const [, col] = k.split(",").map(Number);
            if (col === c) longest = Math.max(longest, String(cell.formula ?? cell.value ?? "").length);
          }
          sheet.columnWidths.set(c, Math.max(DEFAULT_WIDTH_POINTS, Math.ceil((longest * 7 + 5) * 0.75)));
        }
      }
    });
  }
}

class FakeFont {
  constructor(readonly ctx: FakeRequestContext, private readonly targets: () => RangeTarget[]) {}
  private write(what: string, f: (cell: FakeCell) => void): void {
    this.ctx.enqueue(`RangeFont.${what}`, 1, () => {
      const targets = this.targets();
      for (const t of targets) assertWritable(this.ctx, t.sheet);
      eachCell(targets, f);
    });
  }
  set bold(v: boolean) {
    this.write("bold", (c) => (c.bold = v || undefined));
  }
  set italic(v: boolean) {
    this.write("italic", (c) => (c.italic = v || undefined));
  }
  set color(v: string) {
    this.write("color", (c) => (c.fontColor = v || undefined));
  }
}

class FakeFill {
  constructor(readonly ctx: FakeRequestContext, private readonly targets: () => RangeTarget[]) {}
  private write(what: string, f: (cell: FakeCell) => void): void {
    this.ctx.enqueue(`RangeFill.${what}`, 1, () => {
      const targets = this.targets();
      for (const t of targets) assertWritable(this.ctx, t.sheet);
      eachCell(targets, f);
    });
  }
  set color(v: string) {
    this.write("color", (c) => (c.fill = v || undefined));
  }
  clear(): void {
    this.write("clear", (c) => (c.fill = undefined));
  }
}

// --- names ------------------------------------------------------------------------------------

class FakeNamedItemCollection extends ClientCollection<NameModel, FakeNamedItem> {
  protected readonly typeName = "NamedItemCollection";
  protected list(): NameModel[] {
    return [...this.ctx.host.names.values()];
  }
  protected proxyFor(m: NameModel): FakeNamedItem {
    const k = m.name.toUpperCase();
    const item = new FakeNamedItem(this.ctx, () => this.ctx.host.names.get(k) ?? null);
    fillable(item);
    return item;
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const host = this.ctx.host;
    this.ctx.enqueue("NamedItemCollection.add", comment === undefined ? 1 : 4, () => {
      if (typeof name !== "string" || !isValidExcelName(name)) {
        throw new FakeOfficeError("InvalidArgument", `The name "${String(name)}" is not valid. A name starts with a letter or underscore and has no spaces.`);
      }
      if (host.nameTaken(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (typeof reference === "string" && /^=(TRUE|FALSE|-?[0-9.]+|"[^"]*")$/i.test(reference)) {
        host.names.set(name.toUpperCase(), { name, sheetId: null, rect: { top: 0, left: 0, bottom: 0, right: 0 }, formula: reference.toUpperCase(), comment: comment ?? "", visible: true });
        return;
      }
      const target = typeof reference === "string" ? host.resolveAddress(reference.replace(/^=/, ""), null) : reference.target();
      host.names.set(name.toUpperCase(), { name, sheetId: target.sheet.id, rect: { ...target.rect }, formula: null, comment: comment ?? "", visible: true });
    });
    return new FakeNamedItem(this.ctx, () => host.names.get(name.toUpperCase()) ?? null);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ctx.host.names.get(name.toUpperCase()) ?? null);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.ctx.enqueue("NamedItemCollection.getItemOrNullObject", 4, () => undefined);
    return new FakeNamedItem(this.ctx, () => this.ctx.host.names.get(name.toUpperCase()) ?? null, true);
  }
}

class FakeNamedItem extends ClientObject<NameModel> {
  protected readonly typeName = "NamedItem";
  protected readonly scalarProps = ["name", "type", "value", "formula", "comment", "visible", "scope"];
  protected readProp(m: NameModel, prop: string): unknown {
    const ref = m.sheetId === null ? (m.formula ?? "=#REF!").slice(1) : `${quoteSheet(this.ctx.host.sheetById(m.sheetId).name)}!${absolute(m.rect)}`;
    switch (prop) {
      case "name":
        return m.name;
      case "type":
        return m.sheetId !== null ? "Range" : ref === "#REF!" ? "Error" : /^(TRUE|FALSE)$/.test(ref) ? "Boolean" : /^"/.test(ref) ? "String" : "Double";
      case "value":
        return ref;
      case "formula":
        return `=${ref}`;
      case "comment":
        return m.comment;
      case "visible":
        return m.visible;
      case "scope":
        return "Workbook";
    }
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): string {
    return this.get("value");
  }
  get formula(): string {
    return this.get("formula");
  }
  get comment(): string {
    return this.get("comment");
  }
  set comment(v: string) {
    this.set("comment", 4, (m) => (m.comment = v));
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.set("visible", 1, (m) => (m.visible = v));
  }
  get scope(): string {
    return this.get("scope");
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.target();
      if (m.sheetId === null) throw new FakeOfficeError("InvalidReference", `The name "${m.name}" does not refer to a range.`);
      return { sheet: this.ctx.host.sheetById(m.sheetId), rect: { ...m.rect } };
    });
  }
  /** A null object when the name does not refer to a range (a constant, #REF!). */
  getRangeOrNullObject(): FakeRange {
    this.ctx.enqueue("NamedItem.getRangeOrNullObject", 4, () => undefined);
    return new FakeRange(
      this.ctx,
      () => {
        const m = this.target();
        return m.sheetId === null ? null : { sheet: this.ctx.host.sheetById(m.sheetId), rect: { ...m.rect } };
      },
      true,
    );
  }
  delete(): void {
    this.ctx.enqueue("NamedItem.delete", 4, () => {
      const m = this.target();
      this.ctx.host.names.delete(m.name.toUpperCase());
    });
  }
}

function absolute(r: Rect): string {
  const a = `$${columnLetter(r.left)}$${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:$${columnLetter(r.right)}$${r.bottom + 1}`;
}

// --- tables -----------------------------------------------------------------------------------

class FakeTableCollection extends ClientCollection<TableModel, FakeTable> {
  protected readonly typeName = "TableCollection";
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet | null,
    private readonly within: (() => (t: TableModel) => boolean) | null = null,
  ) {
    super(ctx);
  }
  protected list(): TableModel[] {
    if (this.within) return this.ctx.host.tables.filter(this.within());
    const sheetId = this.sheet ? this.sheet.target().id : null;
    return this.ctx.host.tables.filter((t) => sheetId === null || t.sheetId === sheetId);
  }
  protected proxyFor(m: TableModel): FakeTable {
    const id = m.id;
    const t = new FakeTable(this.ctx, () => this.ctx.host.tables.find((x) => x.id === id) ?? null);
    fillable(t);
    return t;
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const host = this.ctx.host;
    let id = "";
    this.ctx.enqueue("TableCollection.add", 1, () => {
      const target = typeof address === "string" ? host.resolveAddress(address, this.sheet ? this.sheet.target() : null) : address.target();
      if (this.sheet && target.sheet !== this.sheet.target()) throw new FakeOfficeError("InvalidArgument", "The table's range is on another sheet.");
      assertWritable(this.ctx, target.sheet);
      const r = target.rect;
      for (const t of host.tables) {
        if (t.sheetId === target.sheet.id && !(t.rect.right < r.left || r.right < t.rect.left || t.rect.bottom < r.top || r.bottom < t.rect.top)) {
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
        }
      }
      let n = host.tables.length + 1;
      while (host.nameTaken(`Table${n}`)) n++;
      id = host.newId("table");
      host.tables.push({ id, name: `Table${n}`, sheetId: target.sheet.id, rect: { ...r } });
      for (let c = r.left; c <= r.right; c++) {
        const k = key(r.top, c);
        const cell = target.sheet.cells.get(k) ?? emptyCell();
        if (!hasHeaders || (cell.value === null && cell.formula === null)) {
          // Excel inserts a header row of "Column1"… when the range has none.
          if (!hasHeaders) throw new FakeOfficeError("InvalidOperation", "The fake models tables with a header row only.");
          cell.value = `Column${c - r.left + 1}`;
        } else if (cell.formula !== null || typeof cell.value !== "string") {
          cell.value = String(cell.formula ?? cell.value);
          cell.formula = null;
        }
        target.sheet.cells.set(k, cell);
      }
    });
    return new FakeTable(this.ctx, () => host.tables.find((t) => t.id === id) ?? null);
  }

  getItemOrNullObject(name: string): FakeTable {
    this.ctx.enqueue("TableCollection.getItemOrNullObject", 4, () => undefined);
    return new FakeTable(this.ctx, () => this.list().find((t) => t.name.toUpperCase() === name.toUpperCase()) ?? null, true);
  }
}

class FakeTable extends ClientObject<TableModel> {
  protected readonly typeName = "Table";
  protected readonly scalarProps = ["id", "name"];
  protected readProp(m: TableModel, prop: string): unknown {
    return prop === "id" ? m.id : m.name;
  }
  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", 1, (m) => {
      if (!isValidExcelName(v)) throw new FakeOfficeError("InvalidArgument", `The table name "${v}" is not valid.`);
      if (m.name.toUpperCase() !== v.toUpperCase() && this.ctx.host.nameTaken(v)) throw new FakeOfficeError("ItemAlreadyExists", `The name "${v}" already exists.`);
      m.name = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.target();
      return { sheet: this.ctx.host.sheetById(m.sheetId), rect: { ...m.rect } };
    });
  }
}

// --- charts -----------------------------------------------------------------------------------

class FakeChartCollection extends ClientCollection<ChartModel, FakeChart> {
  protected readonly typeName = "ChartCollection";
  constructor(ctx: FakeRequestContext, private readonly sheet: FakeWorksheet) {
    super(ctx);
  }
  protected list(): ChartModel[] {
    return this.sheet.target().charts;
  }
  protected proxyFor(m: ChartModel): FakeChart {
    const id = m.id;
    const c = new FakeChart(this.ctx, () => this.sheet.target().charts.find((x) => x.id === id) ?? null);
    fillable(c);
    return c;
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let id = "";
    void seriesBy;
    this.ctx.enqueue("ChartCollection.add", 1, () => {
      const sheet = this.sheet.target();
      assertWritable(this.ctx, sheet);
      const src = sourceData.target();
      id = this.ctx.host.newId("chart");
      sheet.charts.push({
        id,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        values: { sheetId: src.sheet.id, rect: { ...src.rect } },
        categories: null,
        seriesName: null,
        anchor: { row: 0, col: 0 },
      });
    });
    return new FakeChart(this.ctx, () => this.sheet.target().charts.find((c) => c.id === id) ?? null);
  }
}

class FakeChart extends ClientObject<ChartModel> {
  protected readonly typeName = "Chart";
  protected readonly scalarProps = ["name", "chartType"];
  readonly title: { text: string };
  readonly series: { getItemAt(i: number): FakeChartSeries };
  constructor(ctx: FakeRequestContext, locate: () => ChartModel | null, nullable = false) {
    super(ctx, locate, nullable);
    const chart = this;
    this.title = {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The fake does not load chart titles; read them from snapshot().");
      },
      set text(v: string) {
        chart.set("title", 1, (m) => (m.title = v));
      },
    };
    this.series = { getItemAt: (i: number) => new FakeChartSeries(ctx, this, i) };
  }
  protected readProp(m: ChartModel, prop: string): unknown {
    return prop === "name" ? m.name : m.type;
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", 1, (m) => (m.name = v));
  }
  get chartType(): string {
    return this.get("chartType");
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    void endCell;
    this.ctx.enqueue("Chart.setPosition", 1, () => {
      const m = this.target();
      const home = this.ctx.host.sheets.find((sh) => sh.charts.includes(m)) ?? null;
      const at = typeof startCell === "string" ? this.ctx.host.resolveAddress(startCell, home).rect : startCell.target().rect;
      m.anchor = { row: at.top, col: at.left };
    });
  }
}

class FakeChartSeries {
  constructor(readonly ctx: FakeRequestContext, private readonly chart: FakeChart, private readonly index: number) {}
  private model(): ChartModel {
    if (this.index !== 0) throw new FakeOfficeError("ItemNotFound", "The fake's charts have one series.");
    return this.chart.target();
  }
  set name(v: string) {
    this.ctx.enqueue("ChartSeries.name", 1, () => (this.model().seriesName = v));
  }
  setXAxisValues(source: FakeRange): void {
    this.ctx.enqueue("ChartSeries.setXAxisValues", 7, () => {
      const t = source.target();
      this.model().categories = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }
  setValues(source: FakeRange): void {
    this.ctx.enqueue("ChartSeries.setValues", 7, () => {
      const t = source.target();
      this.model().values = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }
}

// --- notes ------------------------------------------------------------------------------------

interface NoteRef {
  sheet: SheetModel;
  k: string;
}

class FakeNoteCollection extends ClientCollection<NoteRef, FakeNote> {
  protected readonly typeName = "NoteCollection";
  constructor(ctx: FakeRequestContext, private readonly sheet: FakeWorksheet | null) {
    super(ctx);
  }
  protected list(): NoteRef[] {
    const sheets = this.sheet ? [this.sheet.target()] : this.ctx.host.sheets;
    return sheets.flatMap((sheet) => [...sheet.notes.keys()].map((k) => ({ sheet, k })));
  }
  protected proxyFor(m: NoteRef): FakeNote {
    const n = new FakeNote(this.ctx, () => (m.sheet.notes.has(m.k) ? m : null));
    fillable(n);
    return n;
  }
  private cellOf(cellAddress: FakeRange | string): RangeTarget {
    const t = typeof cellAddress === "string" ? this.ctx.host.resolveAddress(cellAddress, this.sheet ? this.sheet.target() : null) : cellAddress.target();
    if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) throw new FakeOfficeError("InvalidArgument", "A note goes on a single cell.");
    return t;
  }
  add(cellAddress: FakeRange | string, content: string): FakeNote {
    let ref: NoteRef | null = null;
    this.ctx.enqueue("NoteCollection.add", 18, () => {
      const t = this.cellOf(cellAddress);
      assertWritable(this.ctx, t.sheet);
      const k = key(t.rect.top, t.rect.left);
      if (t.sheet.notes.has(k)) throw new FakeOfficeError("InvalidOperation", "The cell already has a note.");
      t.sheet.notes.set(k, String(content));
      ref = { sheet: t.sheet, k };
    });
    return new FakeNote(this.ctx, () => ref);
  }
  getItem(cellAddress: FakeRange | string): FakeNote {
    this.ctx.enqueue("NoteCollection.getItem", 18, () => undefined);
    return new FakeNote(this.ctx, () => {
      const t = this.cellOf(cellAddress);
      const k = key(t.rect.top, t.rect.left);
      if (!t.sheet.notes.has(k)) throw new FakeOfficeError("ItemNotFound", "There is no note on that cell.");
      return { sheet: t.sheet, k };
    });
  }
  getItemOrNullObject(cellAddress: FakeRange | string): FakeNote {
    this.ctx.enqueue("NoteCollection.getItemOrNullObject", 18, () => undefined);
    return new FakeNote(
      this.ctx,
      () => {
        const t = this.cellOf(cellAddress);
        const k = key(t.rect.top, t.rect.left);
        return t.sheet.notes.has(k) ? { sheet: t.sheet, k } : null;
      },
      true,
    );
  }
}

class FakeNote extends ClientObject<NoteRef> {
  protected readonly typeName = "Note";
  protected readonly scalarProps = ["content"];
  protected readProp(m: NoteRef): unknown {
    return m.sheet.notes.get(m.k);
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.set("content", 18, (m) => {
      assertWritable(this.ctx, m.sheet);
      m.sheet.notes.set(m.k, String(v));
    });
  }
  delete(): void {
    this.ctx.enqueue("Note.delete", 18, () => {
      const m = this.target();
      assertWritable(this.ctx, m.sheet);
      m.sheet.notes.delete(m.k);
    });
  }
}

// --- custom properties and settings -----------------------------------------------------------

class FakeCustomPropertyCollection extends ClientCollection<{ key: string; value: Scalar }, FakeCustomProperty> {
  protected readonly typeName = "CustomPropertyCollection";
  protected list(): { key: string; value: Scalar }[] {
    return [...this.ctx.host.customProperties.values()];
  }
  protected proxyFor(m: { key: string; value: Scalar }): FakeCustomProperty {
    const k = m.key.toLowerCase();
    const p = new FakeCustomProperty(this.ctx, () => this.ctx.host.customProperties.get(k) ?? null);
    fillable(p);
    return p;
  }
  override load(props?: unknown): this {
    this.ctx.enqueue("CustomPropertyCollection.load", 7, () => undefined);
    return super.load(props);
  }
  add(k: string, value: Scalar): FakeCustomProperty {
    this.ctx.enqueue("CustomPropertyCollection.add", 7, () => {
      if (typeof k !== "string" || k.length === 0 || k.length > 255) throw new FakeOfficeError("InvalidArgument", "A custom property key is 1 to 255 characters.");
      if (typeof value === "string" && value.length > 255) throw new FakeOfficeError("InvalidArgument", "A custom property value is at most 255 characters.");
      this.ctx.host.customProperties.set(k.toLowerCase(), { key: k, value });
    });
    return new FakeCustomProperty(this.ctx, () => this.ctx.host.customProperties.get(k.toLowerCase()) ?? null);
  }
  getItemOrNullObject(k: string): FakeCustomProperty {
    this.ctx.enqueue("CustomPropertyCollection.getItemOrNullObject", 7, () => undefined);
    return new FakeCustomProperty(this.ctx, () => this.ctx.host.customProperties.get(k.toLowerCase()) ?? null, true);
  }
}

class FakeCustomProperty extends ClientObject<{ key: string; value: Scalar }> {
  protected readonly typeName = "CustomProperty";
  protected readonly scalarProps = ["key", "value", "type"];
  protected readProp(m: { key: string; value: Scalar }, prop: string): unknown {
    if (prop === "key") return m.key;
    if (prop === "value") return m.value;
    return typeof m.value === "number" ? "Number" : typeof m.value === "boolean" ? "Boolean" : "String";
  }
  get key(): string {
    return this.get("key");
  }
  get value(): Scalar {
    return this.get("value");
  }
  set value(v: Scalar) {
    this.set("value", 7, (m) => (m.value = v));
  }
  get type(): string {
    return this.get("type");
  }
  delete(): void {
    this.ctx.enqueue("CustomProperty.delete", 7, () => {
      this.ctx.host.customProperties.delete(this.target().key.toLowerCase());
    });
  }
}

class FakeSettingCollection extends ClientCollection<{ key: string }, FakeSetting> {
  protected readonly typeName = "SettingCollection";
  protected list(): { key: string }[] {
    return [...this.ctx.host.settings.keys()].map((k) => ({ key: k }));
  }
  protected proxyFor(m: { key: string }): FakeSetting {
    const s = new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(m.key) ? m : null));
    fillable(s);
    return s;
  }
  add(k: string, value: unknown): FakeSetting {
    const json = JSON.stringify(value);
    this.ctx.enqueue("SettingCollection.add", 4, () => {
      if (typeof k !== "string" || k.length === 0) throw new FakeOfficeError("InvalidArgument", "A setting needs a key.");
      if (json === undefined) throw new FakeOfficeError("InvalidArgument", "A setting's value must be JSON.");
      this.ctx.host.settings.set(k, json);
    });
    return new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(k) ? { key: k } : null));
  }
  getItem(k: string): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(k) ? { key: k } : null));
  }
  getItemOrNullObject(k: string): FakeSetting {
    this.ctx.enqueue("SettingCollection.getItemOrNullObject", 4, () => undefined);
    return new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(k) ? { key: k } : null), true);
  }
}

class FakeSetting extends ClientObject<{ key: string }> {
  protected readonly typeName = "Setting";
  protected readonly scalarProps = ["key", "value"];
  protected readProp(m: { key: string }, prop: string): unknown {
    if (prop === "key") return m.key;
    return JSON.parse(this.ctx.host.settings.get(m.key) as string);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    const json = JSON.stringify(v);
    this.set("value", 4, (m) => this.ctx.host.settings.set(m.key, json));
  }
  delete(): void {
    this.ctx.enqueue("Setting.delete", 4, () => {
      this.ctx.host.settings.delete(this.target().key);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Globals

export const ERROR_CODES = Object.freeze({
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  unsupportedOperation: "UnsupportedOperation",
});

/**
 * Puts `Office`, `Excel` and `OfficeExtension` on `target` (globalThis in Jest, window in the
 * browser), backed by `workbook`; returns the workbook.
 */
export function installFakeOffice(target: any, workbook: FakeWorkbook = new FakeWorkbook()): FakeWorkbook {
  const info = { host: "Excel", platform: "PC" };
  target.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    context: {
      host: "Excel",
      requirements: {
        isSetSupported(name: string, version?: string | number): boolean {
          if (name !== "ExcelApi") return false;
          const [major, minor] = String(version ?? "1.1").split(".").map(Number);
          return major === 1 && (minor || 0) <= workbook.apiVersion;
        },
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      if (callback) callback(info);
      return Promise.resolve(info);
    },
  };
  target.Excel = {
    run: <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => workbook.run(batch),
    ErrorCodes: ERROR_CODES,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  };
  target.OfficeExtension = { Error: FakeOfficeError };
  return workbook;
}
