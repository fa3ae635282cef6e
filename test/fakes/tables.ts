/**
 * Tables of the fake Excel: TableCollection.add over a range with a header row (header cells
 * become text, empty ones "Column1"…; a table cannot overlap another), default names Table1…,
 * names shared with defined names, getItem by name; rows added inside the table or at its end
 * (TableRowCollection.add) and columns added (TableColumnCollection.add), shifting the cells
 * beyond them as Excel does; and the Table and TableCollection objects. The fake models tables
 * with a header row only. The model logic of each API method is a plain function of the
 * workbook (addTableRows, addTableColumn) that the user's own actions share.
 * https://learn.microsoft.com/javascript/api/excel/excel.table
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection
 */
import { MAX_COL, MAX_ROW, key, type Rect } from "./a1";
import { emptyCell, parseInput, type Scalar } from "./cells";
import { ClientCollection, ClientObject, fillable } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { isValidExcelName } from "./names";
import { FakeRange, assertWritable } from "./range";
import type { FakeWorkbook } from "./workbook";
import { checkWritable, type FakeWorksheet, type SheetModel } from "./worksheets";

/** A table as the fake stores it: its whole range, header row included (and its Total row, when shown). */
export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  /** Table.showTotals: the table's last row is its Total row. */
  showTotals?: boolean;
}

/** How many body rows a table has: its rows between the header and the Total row, if any. */
export function bodyRows(t: TableModel): number {
  return t.rect.bottom - t.rect.top - (t.showTotals ? 1 : 0);
}

/**
 * Table Design › Total Row, or Table.showTotals [ExcelApi 1.3]: "Specifies if the total row is
 * visible" (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-showtotals-member).
 * Shown, the Total row is the table's row below its body, inside the table's range (Table.getRange
 * is "the entire table"), with "Total" in the first column and Excel's default total in the last
 * (SUBTOTAL 109, the sum, for a column of numbers; 103, the count, otherwise); new rows go in above
 * it (TableRowCollection.add: "added to the end of the table", the Total row stays last) and a sort
 * leaves it where it is. The fake shows it only over an empty row below the table (Excel would
 * shift cells to make room; not modelled: refused with InvalidOperation). Hidden, its cells are
 * cleared and the table ends at its body.
 */
export function setTotals(wb: FakeWorkbook, t: TableModel, on: boolean): void {
  if (Boolean(t.showTotals) === on) return;
  const sheet = wb.sheetById(t.sheetId);
  const { top, left, right } = t.rect;
  if (!on) {
    for (let c = left; c <= right; c++) sheet.cells.delete(key(t.rect.bottom, c));
    t.rect = { ...t.rect, bottom: t.rect.bottom - 1 };
    t.showTotals = false;
    return;
  }
  const row = t.rect.bottom + 1;
  if (row > MAX_ROW) throw new FakeOfficeError("InvalidOperation", "The Total row would be past the last row of the sheet.");
  for (let c = left; c <= right; c++) {
    const cell = sheet.cells.get(key(row, c));
    if (cell && (cell.formula !== null || (cell.value !== null && cell.value !== "")))
      throw new FakeOfficeError("InvalidOperation", "The fake shows a Total row only over an empty row below the table.");
  }
  if (wb.tables.some((x) => x !== t && x.sheetId === t.sheetId && overlaps(x.rect, { top: row, bottom: row, left, right })))
    throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
  const headers = tableHeaders(wb, t);
  const numbers = Array.from({ length: t.rect.bottom - top }, (_, i) => sheet.cells.get(key(top + 1 + i, right))).every(
    (c) => !c || c.formula !== null || typeof c.value === "number" || c.value === null,
  );
  sheet.cells.set(key(row, left), { ...(sheet.cells.get(key(row, left)) ?? emptyCell()), value: "Total", formula: null });
  if (right > left)
    sheet.cells.set(key(row, right), {
      ...(sheet.cells.get(key(row, right)) ?? emptyCell()),
      value: null,
      formula: `=SUBTOTAL(${numbers ? 109 : 103},[${headers[headers.length - 1]}])`,
    });
  t.rect = { ...t.rect, bottom: row };
  t.showTotals = true;
}

export class FakeTableCollection extends ClientCollection<TableModel, FakeTable> {
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
    this.ctx.enqueueWrite("TableCollection.add", 1, () => {
      const target = typeof address === "string" ? host.resolveAddress(address, this.sheet ? this.sheet.target() : null) : address.target();
      if (this.sheet && target.sheet !== this.sheet.target())
        throw new FakeOfficeError("InvalidArgument", "The table's range is on another sheet.");
      assertWritable(this.ctx, target.sheet);
      const r = target.rect;
      for (const t of host.tables) {
        if (
          t.sheetId === target.sheet.id &&
          !(t.rect.right < r.left || r.right < t.rect.left || t.rect.bottom < r.top || r.bottom < t.rect.top)
        ) {
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
        }
      }
      let n = host.tables.length + 1;
      while (host.tableNameTaken(`Table${n}`)) n++;
      id = host.newId("table");
      const name = `Table${n}`;
      host.tables.push({ id, name, sheetId: target.sheet.id, rect: { ...r } });
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
      return name;
    });
    return new FakeTable(this.ctx, () => host.tables.find((t) => t.id === id) ?? null);
  }

  /** By name or id, as TableCollection.getItem(key) takes either. */
  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, () => {
      const found = this.list().find((t) => t.name.toUpperCase() === name.toUpperCase() || t.id === name);
      if (!found) throw new FakeOfficeError("ItemNotFound", `There is no table named "${name}".`);
      return found;
    });
  }

  getItemOrNullObject(name: string): FakeTable {
    this.ctx.enqueue("TableCollection.getItemOrNullObject", 4, () => undefined);
    return new FakeTable(this.ctx, () => this.list().find((t) => t.name.toUpperCase() === name.toUpperCase()) ?? null, true);
  }
}

/** A table's column as the fake reports it: the text of its header cell. */
interface ColumnModel {
  readonly index: number;
  readonly name: string;
}

/** Table.columns [ExcelApi 1.1]: the columns' names, read from the header row. */
export class FakeTableColumnCollection extends ClientCollection<ColumnModel, FakeTableColumn> {
  protected readonly typeName = "TableColumnCollection";
  constructor(
    ctx: FakeRequestContext,
    private readonly table: () => TableModel,
  ) {
    super(ctx);
  }
  protected list(): ColumnModel[] {
    return tableHeaders(this.ctx.host, this.table()).map((name, index) => ({ index, name }));
  }
  protected proxyFor(c: ColumnModel): FakeTableColumn {
    const column = new FakeTableColumn(this.ctx, () => c);
    fillable(column);
    return column;
  }
  /** add(index?, values?, name?) (addTableColumn); `name` needs ExcelApi 1.4. */
  add(index?: number | null, values?: unknown, name?: string): void {
    this.ctx.enqueueWrite("TableColumnCollection.add", name !== undefined ? 4 : 1, () => {
      const m = this.table();
      for (const k of addTableColumn(this.ctx.host, m, index, values, name)) this.ctx.written.add(k);
      return m.name;
    });
  }
}

export class FakeTableColumn extends ClientObject<ColumnModel> {
  protected readonly typeName = "TableColumn";
  protected readonly scalarProps = ["index", "name"];
  protected describe(c: ColumnModel): string {
    return c.name;
  }
  protected readProp(c: ColumnModel, prop: string): unknown {
    return prop === "index" ? c.index : c.name;
  }
  get name(): string {
    return this.get("name");
  }
}

export class FakeTable extends ClientObject<TableModel> {
  protected readonly typeName = "Table";
  protected readonly scalarProps = ["id", "name", "showTotals"];
  readonly columns = new FakeTableColumnCollection(this.ctx, () => this.target());
  protected override childCollection(name: string): ClientCollection<unknown, ClientObject<unknown>> | null {
    return name === "columns" ? (this.columns as unknown as ClientCollection<unknown, ClientObject<unknown>>) : null;
  }
  protected describe(m: TableModel): string {
    return m.name;
  }
  protected readProp(m: TableModel, prop: string): unknown {
    return prop === "id" ? m.id : prop === "showTotals" ? Boolean(m.showTotals) : m.name;
  }
  get id(): string {
    return this.get("id");
  }
  /** Table.showTotals [ExcelApi 1.3]: whether the table's last row is its Total row (setTotals). */
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  set showTotals(on: boolean) {
    this.set("showTotals", 3, (m) => {
      checkWritable(this.ctx.host.sheetById(m.sheetId));
      setTotals(this.ctx.host, m, on);
    });
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", 1, (m) => {
      if (!isValidExcelName(v)) throw new FakeOfficeError("InvalidArgument", `The table name "${v}" is not valid.`);
      if (m.name.toUpperCase() !== v.toUpperCase() && this.ctx.host.tableNameTaken(v))
        throw new FakeOfficeError("ItemAlreadyExists", `The name "${v}" already exists.`);
      m.name = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.target();
      return { sheet: this.ctx.host.sheetById(m.sheetId), rect: { ...m.rect } };
    });
  }
  /** Table.rows: add(index?, values?, alwaysInsert?) (addTableRows). */
  get rows(): { add(index?: number | null, values?: unknown, alwaysInsert?: boolean): void } {
    return {
      add: (index, values, alwaysInsert) => {
        // Several rows need ExcelApi 1.4, alwaysInsert 1.15.
        const minVersion = alwaysInsert !== undefined ? 15 : Array.isArray(values) && values.length > 1 ? 4 : 1;
        this.ctx.enqueueWrite("TableRowCollection.add", minVersion, () => {
          const m = this.target();
          for (const k of addTableRows(this.ctx.host, m, index, values, alwaysInsert)) this.ctx.written.add(k);
          return m.name;
        });
      },
    };
  }
}

// --- the model of the API's table methods, shared with the user's actions --------------------

/** A table's header texts, left to right. */
export function tableHeaders(wb: FakeWorkbook, t: TableModel): string[] {
  const sheet = wb.sheetById(t.sheetId);
  return Array.from({ length: t.rect.right - t.rect.left + 1 }, (_, i) =>
    String(sheet.cells.get(key(t.rect.top, t.rect.left + i))?.value ?? ""),
  );
}

/** A position in a table (0-based) from an API index: null, undefined or -1 is the end. */
export function positionOf(index: number | null | undefined, size: number, what: string): number {
  if (index === null || index === undefined || index === -1) return size;
  if (!Number.isInteger(index) || index < 0 || index > size)
    throw new FakeOfficeError("InvalidArgument", `${index} is not a ${what} position of the table (0 to ${size}).`);
  return index;
}

/** A cell value the API accepts: text, a number, a boolean; null is a blank cell. */
function scalarOrNull(v: unknown): Scalar | null {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  throw new FakeOfficeError("InvalidArgument", "A table accepts text, numbers and booleans.");
}

/** Writes values into cells as typed input (parseInput); returns the cells written, "sheetId:row,col". */
function writeTyped(sheet: SheetModel, cells: { row: number; col: number; value: Scalar | null }[]): string[] {
  return cells.map(({ row, col, value }) => {
    const k = key(row, col);
    const cell = sheet.cells.get(k) ?? emptyCell();
    const parsed = value === null ? { value: null, formula: null, numberFormat: cell.numberFormat } : parseInput(value, cell.numberFormat);
    sheet.cells.set(k, { ...cell, ...parsed });
    return `${sheet.id}:${k}`;
  });
}

/**
 * Inserts `count` blank rows into a table before its body row `pos` (`pos` = its row count:
 * at its end), as Home › Insert › Insert Table Rows Above does and TableRowCollection.add:
 * "Any rows below the inserted row are shifted downwards", the cells of the table's columns
 * only, with the formulas, names, tables, notes and charts there (edits.ts's checkShift refuses
 * a shift that would move part of another table). With alwaysInsert false the rows are "added
 * below the table": it grows over the rows beneath it and nothing shifts (the fake models this
 * at the end of a table only).
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
 */
export function insertTableRows(wb: FakeWorkbook, t: TableModel, pos: number, count: number, alwaysInsert = true): void {
  const { top, bottom, left, right } = t.rect;
  if (!Number.isInteger(count) || count < 1) throw new FakeOfficeError("InvalidArgument", "Add at least one row.");
  if (bottom + count > MAX_ROW) throw new FakeOfficeError("InvalidArgument", "The table would reach past the last row of the sheet.");
  const sheet = wb.sheetById(t.sheetId);
  if (alwaysInsert) {
    wb.applyEdit({ kind: "rows", sheet: sheet.name, at: top + 1 + pos, count, within: [left, right] });
  } else {
    if (pos !== bottom - top)
      throw new FakeOfficeError("InvalidArgument", "The fake adds rows with alwaysInsert false at the end of a table only.");
    const below: Rect = { top: bottom + 1, bottom: bottom + count, left, right };
    const other = wb.tables.find((x) => x !== t && x.sheetId === t.sheetId && overlaps(x.rect, below));
    if (other)
      throw new FakeOfficeError(
        "MergedRangeConflict",
        `Cannot complete the operation. A table can't overlap with another table (${other.name}).`,
      );
  }
  t.rect = { top, left, right, bottom: bottom + count };
}

/**
 * TableRowCollection.add(index?, values?, alwaysInsert?) on the model [ExcelApi 1.1; several rows
 * 1.4; alwaysInsert 1.15]: rows inserted at body row `index` (null or -1: at the end), filled with
 * `values` (one value per column a row, parsed as typed input: "=…" a formula, "'…" text; a single
 * value fills one row) or blank. Refused on a protected sheet (AccessDenied) and where the shift
 * would move part of another table (InsertDeleteConflict). Returns the cells written.
 */
export function addTableRows(wb: FakeWorkbook, t: TableModel, index?: number | null, values?: unknown, alwaysInsert?: boolean): string[] {
  const sheet = wb.sheetById(t.sheetId);
  checkWritable(sheet);
  const width = t.rect.right - t.rect.left + 1;
  let grid: (Scalar | null)[][] | null = null;
  if (Array.isArray(values)) {
    if (values.length === 0 || values.some((row) => !Array.isArray(row) || row.length !== width))
      throw new FakeOfficeError("InvalidArgument", `A row must have one value per column (${width}).`);
    grid = (values as unknown[][]).map((row) => row.map(scalarOrNull));
  } else if (values !== undefined && values !== null) {
    grid = [new Array<Scalar | null>(width).fill(scalarOrNull(values))];
  }
  const pos = positionOf(index, bodyRows(t), "row");
  // Above a Total row, rows are always inserted (it moves down with what is below the table).
  insertTableRows(wb, t, pos, grid?.length ?? 1, (alwaysInsert ?? true) || Boolean(t.showTotals));
  if (!grid) return [];
  const first = t.rect.top + 1 + pos;
  return writeTyped(
    sheet,
    grid.flatMap((row, i) => row.map((value, j) => ({ row: first + i, col: t.rect.left + j, value }))),
  );
}

/**
 * A header Excel accepts for a new column: the text given, or "Column1", "Column2"… when blank,
 * with a number appended when another column has it already (ignoring case), "Units" → "Units2":
 * a table's column names are unique (as Excel keeps them; GrapeCity's SpreadJS knowledge base,
 * "Duplicate column headers automatically renamed", describes Excel's renaming).
 */
function uniqueHeader(taken: string[], header: string): string {
  const used = new Set(taken.map((h) => h.toUpperCase()));
  if (header !== "" && !used.has(header.toUpperCase())) return header;
  const base = header === "" ? "Column" : header;
  let n = header === "" ? 1 : 2;
  while (used.has(`${base}${n}`.toUpperCase())) n++;
  return `${base}${n}`;
}

/**
 * Inserts a column into a table before its column `pos` (`pos` = its column count: at its right),
 * as Insert › Table Columns and TableColumnCollection.add do: the cells of the table's rows from
 * there shift right (edits.ts's checkShift refuses a shift that would move part of another table),
 * the table grows by the column, and its header is `header` made unique. Returns the header.
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1)
 */
export function insertTableColumn(wb: FakeWorkbook, t: TableModel, pos: number, header: string): string {
  const { top, bottom, left, right } = t.rect;
  if (right + 1 > MAX_COL) throw new FakeOfficeError("InvalidArgument", "The table would reach past the last column of the sheet.");
  const sheet = wb.sheetById(t.sheetId);
  const name = uniqueHeader(tableHeaders(wb, t), header);
  wb.applyEdit({ kind: "cols", sheet: sheet.name, at: left + pos, count: 1, within: [top, bottom] });
  t.rect = { top, bottom, left, right: right + 1 };
  sheet.cells.set(key(top, left + pos), { ...(sheet.cells.get(key(top, left + pos)) ?? emptyCell()), value: name, formula: null });
  return name;
}

/**
 * TableColumnCollection.add(index?, values?, name?) on the model [ExcelApi 1.1; name 1.4]: a
 * column inserted at `index` (null or -1: at the right), its header `name` or else the first of
 * `values` (one value a row of the table, header included, parsed as typed input below it).
 * Refused on a protected sheet (AccessDenied). Returns the cells written.
 */
export function addTableColumn(wb: FakeWorkbook, t: TableModel, index?: number | null, values?: unknown, name?: string | null): string[] {
  const sheet = wb.sheetById(t.sheetId);
  checkWritable(sheet);
  const height = t.rect.bottom - t.rect.top + 1;
  let column: (Scalar | null)[] | null = null;
  if (values !== undefined && values !== null) {
    if (!Array.isArray(values) || values.length !== height || values.some((row) => !Array.isArray(row) || row.length !== 1))
      throw new FakeOfficeError("InvalidArgument", `A column must have one value a row of the table (${height}), header included.`);
    column = (values as unknown[][]).map((row) => scalarOrNull(row[0]));
  }
  const pos = positionOf(index, t.rect.right - t.rect.left + 1, "column");
  insertTableColumn(wb, t, pos, name ?? String(column?.[0] ?? ""));
  const written = [`${sheet.id}:${key(t.rect.top, t.rect.left + pos)}`];
  if (!column) return written;
  return [
    ...written,
    ...writeTyped(
      sheet,
      column.slice(1).map((value, i) => ({ row: t.rect.top + 1 + i, col: t.rect.left + pos, value })),
    ),
  ];
}

/** Whether two rectangles share a cell. */
function overlaps(a: Rect, b: Rect): boolean {
  return !(a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top);
}
