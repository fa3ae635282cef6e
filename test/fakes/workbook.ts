/**
 * The fake Excel's workbook: its state (sheets, names, tables, properties, settings, selection),
 * what the user does to it directly (typing, naming, protecting, selecting, structural edits;
 * applied at once, with no sync), `Excel.run`, and `context.workbook`, the Office.js Workbook
 * object a batch reaches it through.
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook
 */
import { parseCellRef, parseRect, splitSheetAddress, key, type Rect } from "./a1";
import { emptyCell, parseInput, type FakeCell, type Scalar } from "./cells";
import { ClientObject } from "./client";
import { FakeRequestContext, type SyncRecord } from "./context";
import { applyEdit, copyCell, copySheet, insertCells, moveCells, removeSheet, sortTable } from "./edits";
import { FakeOfficeError } from "./errors";
import { FakeCustomPropertyCollection } from "./custom-properties";
import { FakeNamedItemCollection, isValidExcelName, type NameModel } from "./names";
import { FakeNoteCollection } from "./notes";
import { FakeRange } from "./range";
import { FakeSettingCollection } from "./settings";
import { snapshotOf, type SnapshotOptions, type WorkbookSnapshot } from "./snapshot";
import type { Edit } from "./structure";
import {
  FakeTableCollection,
  bodyRows,
  insertTableColumn,
  insertTableRows,
  positionOf,
  setTotals,
  tableHeaders,
  type TableModel,
} from "./tables";
import { checkSheetName, FakeWorksheetCollection, moveSheet, type SheetModel, type Visibility } from "./worksheets";

export interface FakeWorkbookOptions {
  /** Highest ExcelApi 1.x minor version the host supports; 18 (1.18) unless told. */
  readonly apiVersion?: number;
  /** Sheets to start with; ["Sheet1"] unless told. */
  readonly sheets?: readonly string[];
  /** What a formula cell's `values` read returns; 0 unless told. */
  readonly evaluate?: (formula: string, sheet: string, address: string) => Scalar;
  /** Worksheet.names lists the workbook's names too, as Excel on the web has done (OfficeDev/office-js#1011). */
  readonly sheetNamesListWorkbookNames?: boolean;
}

export class FakeWorkbook {
  /** ExcelApi 1.x minor version the host supports. */
  apiVersion: number;
  syncCount = 0;
  runCount = 0;
  readonly syncLog: SyncRecord[] = [];
  readonly evaluate: (formula: string, sheet: string, address: string) => Scalar;
  readonly sheetNamesListWorkbookNames: boolean;

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
    this.sheetNamesListWorkbookNames = options.sheetNamesListWorkbookNames ?? false;
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
    checkSheetName(
      name,
      this.sheets.map((s) => s.name),
    );
    this.sheets.push({
      id: this.newId("sheet"),
      name,
      visibility: options.visibility ?? "Visible",
      protected: options.protected ?? false,
      cells: new Map(),
      notes: new Map(),
      charts: [],
      columnWidths: new Map(),
      names: new Map(),
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

  /** Home › Number Format on a cell or range. */
  setNumberFormat(sheet: string, address: string, numberFormat: string): void {
    this.eachCell(sheet, address, (c) => (c.numberFormat = numberFormat));
  }

  /** Applies `f` to each cell of a cell or range address, creating the cells that do not exist yet. */
  private eachCell(sheet: string, address: string, f: (cell: FakeCell) => void): void {
    const s = this.sheetByName(sheet);
    const rect = parseRect(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
    for (let row = rect.top; row <= rect.bottom; row++) {
      for (let col = rect.left; col <= rect.right; col++) {
        const cell = s.cells.get(key(row, col)) ?? emptyCell();
        f(cell);
        s.cells.set(key(row, col), cell);
      }
    }
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const at = this.cellRef(address);
    return this.sheetByName(sheet).cells.get(key(at.row, at.col));
  }

  /** Formulas › Name Manager › New: a workbook name on a range; refused for a name in use, a table's included. */
  addName(name: string, sheet: string, address: string, comment = ""): void {
    if (!isValidExcelName(name)) throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
    const rect = parseRect(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
    if (this.nameTaken(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists. Enter a unique name.`);
    this.names.set(name.toUpperCase(), { name, sheetId: this.sheetByName(sheet).id, rect, formula: null, comment, visible: true });
  }

  /** Name Manager › Edit › Refers to: the workbook name keeps its comment and visibility and refers to `address`. */
  repointName(name: string, sheet: string, address: string): void {
    const n = this.nameByName(name);
    const rect = parseRect(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
    Object.assign(n, { sheetId: this.sheetByName(sheet).id, rect, formula: null });
  }

  /** Name Manager › Delete: the workbook name goes; formulas that use it show #NAME? (the fake keeps their text). */
  deleteName(name: string): void {
    this.names.delete(this.nameByName(name).name.toUpperCase());
  }

  /** Home › Fill Color on a cell or range; null is No Fill. */
  setFill(sheet: string, address: string, color: string | null): void {
    this.eachCell(sheet, address, (c) => {
      if (color === null) delete c.fill;
      else c.fill = color;
    });
  }

  /** Home › Bold on a cell or range. */
  setBold(sheet: string, address: string, on = true): void {
    this.eachCell(sheet, address, (c) => {
      if (on) c.bold = true;
      else delete c.bold;
    });
  }

  select(sheet: string, address: string): void {
    const rect = parseRect(address);
    if (!rect) throw new Error(`Bad address ${address}`);
    const s = this.sheetByName(sheet);
    this.selection = { sheetId: s.id, rect };
    this.activeSheetId = s.id;
  }

  // --- the user's structural edits: Excel moves cells, formulas, names, tables, notes (edits.ts)

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

  /**
   * Home › Insert › Insert Cells… › Shift cells down or right, on "A5:J5": only the cells of those
   * columns (rows) move, with what refers to them; refused as Excel refuses it, when it would
   * shift part of a table (InsertDeleteConflict) or push cells off the sheet (edits.ts).
   */
  insertCells(sheet: string, address: string, shift: "down" | "right"): void {
    const rect = parseRect(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
    insertCells(this, this.sheetByName(sheet), rect, shift === "down" ? "Down" : "Right");
  }

  /** Home › Insert › Insert Table Rows Above body row `index` (0-based; the row count appends at the end). */
  insertTableRows(tableName: string, index: number, count = 1): void {
    const t = this.tableByName(tableName);
    insertTableRows(this, t, positionOf(index, bodyRows(t), "row"), count);
  }

  /**
   * The filter button of a table's column: hides the body rows whose cell under `header` fails
   * `keep` (whole sheet rows, as Excel hides them); `clearTableFilter` shows them again.
   * https://learn.microsoft.com/javascript/api/excel/excel.filter (Filter.apply, ExcelApi 1.2)
   */
  filterTable(tableName: string, header: string | number, keep: (value: unknown) => boolean): void {
    const t = this.tableByName(tableName);
    const sheet = this.sheets.find((s) => s.id === t.sheetId) as SheetModel;
    const headers = tableHeaders(this, t);
    const col = t.rect.left + (typeof header === "number" ? (header < headers.length ? header : -1) : headers.indexOf(header));
    if (col < t.rect.left) throw new FakeOfficeError("ItemNotFound", `The table ${tableName} has no column ${header}.`);
    const hidden = new Set(sheet.filtered ?? []);
    for (let r = t.rect.top + 1; r <= t.rect.top + bodyRows(t); r++) if (!keep(sheet.cells.get(key(r, col))?.value ?? "")) hidden.add(r);
    sheet.filtered = hidden;
  }

  clearTableFilter(tableName: string): void {
    const t = this.tableByName(tableName);
    const sheet = this.sheets.find((s) => s.id === t.sheetId) as SheetModel;
    for (let r = t.rect.top + 1; r <= t.rect.top + bodyRows(t); r++) sheet.filtered?.delete(r);
  }

  /** Table Design › Total Row on or off (tables.ts setTotals). */
  setTableTotals(tableName: string, on = true): void {
    setTotals(this, this.tableByName(tableName), on);
  }

  /** Insert › Table Columns to the Right of the last column (or a header typed right of the table): returns the header Excel gave it. */
  addTableColumn(tableName: string, header: string): string {
    const t = this.tableByName(tableName);
    return insertTableColumn(this, t, t.rect.right - t.rect.left + 1, header);
  }

  renameSheet(from: string, to: string): void {
    const m = this.sheetByName(from);
    checkSheetName(
      to,
      this.sheets.filter((x) => x !== m).map((x) => x.name),
    );
    this.applyEdit({ kind: "rename", from: m.name, to });
    m.name = to;
  }

  /** Drags a sheet's tab to `position` (0-based, hidden sheets counted): worksheets.ts moveSheet. */
  moveSheet(name: string, position: number): void {
    moveSheet(this, this.sheetByName(name), position);
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
    copyCell(this, fromSheet, from, toSheet, to);
  }

  /**
   * Cuts a rectangle and pastes it at `to` (Ctrl+X, Ctrl+V): its cells, notes, names and tables
   * move, and every formula that referred to a moved cell follows it; references and names to the
   * cells it pasted over become #REF!, and a table it pasted over whole goes (see edits.ts).
   */
  moveCells(fromSheet: string, address: string, toSheet: string, to: string): void {
    moveCells(this, fromSheet, address, toSheet, to);
  }

  /** Copies a sheet as Move or Copy › Create a copy does (see edits.ts); returns the copy's name. */
  copySheet(name: string, before?: string): string {
    return copySheet(this, name, before);
  }

  /** Sorts a table's body rows by one of its columns (0-based within the table), as Data › Sort does. */
  sortTable(tableName: string, column: number, descending = false): void {
    sortTable(this, tableName, column, descending);
  }

  /** @internal every formula, name, table, note and chart after a structural edit. */
  applyEdit(edit: Edit): void {
    applyEdit(this, edit);
  }

  /** @internal deletes a sheet as Excel does: references to it become #REF!, its names too. */
  removeSheet(m: SheetModel): void {
    removeSheet(this, m);
  }

  /** The next context.sync() (after skipping `skip` syncs) rejects with this error and applies nothing. */
  failNextSync(code: string, message: string, skip = 0): void {
    this.pendingFailure = new FakeOfficeError(code, message);
    this.failureSkips = skip;
  }

  /** @internal the error the starting sync must reject with, if failNextSync asked for one */
  takeFailure(): FakeOfficeError | null {
    if (!this.pendingFailure) return null;
    if (this.failureSkips > 0) {
      this.failureSkips--;
      return null;
    }
    const failure = this.pendingFailure;
    this.pendingFailure = null;
    return failure;
  }

  // --- Excel.run -------------------------------------------------------------------------

  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runCount++;
    const context = new FakeRequestContext(this);
    try {
      const result = await batch(context);
      // As Excel.run does, what the batch left queued is synced when it resolves.
      if (context.queue.length > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
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

  /** @internal a table by name, ignoring case */
  tableByName(name: string): TableModel {
    const t = this.tables.find((x) => x.name.toUpperCase() === name.toUpperCase());
    if (!t) throw new FakeOfficeError("ItemNotFound", `There is no table named "${name}".`);
    return t;
  }

  /** @internal a workbook-scope name, ignoring case */
  nameByName(name: string): NameModel {
    const n = this.names.get(name.toUpperCase());
    if (!n) throw new FakeOfficeError("ItemNotFound", `There is no name "${name}" in the workbook.`);
    return n;
  }

  /** @internal */
  nameTaken(name: string): boolean {
    const u = name.toUpperCase();
    return this.names.has(u) || this.tables.some((t) => t.name.toUpperCase() === u);
  }

  /** A table name must differ from every name, the sheets' own names included. */
  tableNameTaken(name: string): boolean {
    return this.nameTaken(name) || this.sheets.some((s) => s.names.has(name.toUpperCase()));
  }

  /** Plain JSON-safe data: see WorkbookSnapshot; `{ veryHidden: false }` leaves very hidden sheets' cells out. */
  snapshot(options: SnapshotOptions = {}): WorkbookSnapshot {
    return snapshotOf(this, options);
  }

  /**
   * An independent workbook in the same state (its model; not its sync log or a pending
   * failure), for tests that start many scenarios from one inserted workbook.
   */
  clone(): FakeWorkbook {
    const copy = new FakeWorkbook({
      sheets: [],
      apiVersion: this.apiVersion,
      evaluate: this.evaluate,
      sheetNamesListWorkbookNames: this.sheetNamesListWorkbookNames,
    });
    // Cells are flat records of scalars (their validation apart): copied by hand, many times faster
    // than structuredClone on a workbook of some thousand cells; the rest is small.
    const sheets = this.sheets.map((sh): SheetModel => {
      const copy: SheetModel = {
        ...sh,
        cells: new Map([...sh.cells].map(([k, c]) => [k, c.validation ? { ...c, validation: structuredClone(c.validation) } : { ...c }])),
        notes: new Map(sh.notes),
        charts: structuredClone(sh.charts),
        columnWidths: new Map(sh.columnWidths),
        names: structuredClone(sh.names),
      };
      if (sh.pageLayout) copy.pageLayout = structuredClone(sh.pageLayout);
      if (sh.rowHeights) copy.rowHeights = new Map(sh.rowHeights);
      if (sh.filtered) copy.filtered = new Set(sh.filtered);
      return copy;
    });
    const state = structuredClone({
      names: this.names,
      tables: this.tables,
      customProperties: this.customProperties,
      settings: this.settings,
      structureProtected: this.structureProtected,
      activeSheetId: this.activeSheetId,
      selection: this.selection,
    });
    Object.assign(copy, state, { sheets });
    copy.nextId = this.nextId;
    return copy;
  }
}

// --- context.workbook -------------------------------------------------------------------------

export class FakeWorkbookProxy {
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
  protected describe(): string {
    return "Workbook";
  }
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
