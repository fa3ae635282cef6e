/**
 * Tables of the fake Excel: TableCollection.add over a range with a header row (header cells
 * become text, empty ones "Column1"…; a table cannot overlap another), default names Table1…,
 * names shared with defined names, getItem by name, rows appended below (the table grows), and
 * the Table and TableCollection objects. The fake models tables with a header row only.
 * https://learn.microsoft.com/javascript/api/excel/excel.table
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection
 */
import { key, type Rect } from "./a1";
import { emptyCell, parseInput, type Scalar } from "./cells";
import { ClientCollection, ClientObject, fillable } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { isValidExcelName } from "./names";
import { FakeRange, assertWritable } from "./range";
import type { FakeWorksheet } from "./worksheets";

/** A table as the fake stores it: its whole range, header row included. */
export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
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
    const m = this.table();
    const sheet = this.ctx.host.sheetById(m.sheetId);
    return Array.from({ length: m.rect.right - m.rect.left + 1 }, (_, i) => ({
      index: i,
      name: String(sheet.cells.get(key(m.rect.top, m.rect.left + i))?.value ?? ""),
    }));
  }
  protected proxyFor(c: ColumnModel): FakeTableColumn {
    const column = new FakeTableColumn(this.ctx, () => c);
    fillable(column);
    return column;
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
  protected readonly scalarProps = ["id", "name"];
  readonly columns = new FakeTableColumnCollection(this.ctx, () => this.target());
  protected override childCollection(name: string): ClientCollection<unknown, ClientObject<unknown>> | null {
    return name === "columns" ? (this.columns as unknown as ClientCollection<unknown, ClientObject<unknown>>) : null;
  }
  protected describe(m: TableModel): string {
    return m.name;
  }
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
  /** rows.add(null, values): appends rows below the table, which grows over them. [ExcelApi 1.1] */
  get rows(): { add(index: number | null, values: Scalar[][]): void } {
    return {
      add: (index, values) =>
        this.ctx.enqueueWrite("TableRowCollection.add", 1, () => {
          const m = this.target();
          if (index !== null && index !== undefined)
            throw new FakeOfficeError("InvalidArgument", "The fake appends table rows at the end only.");
          const sheet = this.ctx.host.sheetById(m.sheetId);
          assertWritable(this.ctx, sheet);
          values.forEach((row, i) => {
            if (row.length !== m.rect.right - m.rect.left + 1)
              throw new FakeOfficeError("InvalidArgument", "A row must have one value per column.");
            row.forEach((v, j) => {
              const k = key(m.rect.bottom + 1 + i, m.rect.left + j);
              const cell = sheet.cells.get(k) ?? emptyCell();
              const parsed = parseInput(v, cell.numberFormat);
              sheet.cells.set(k, { ...cell, value: parsed.value, formula: parsed.formula, numberFormat: parsed.numberFormat });
              this.ctx.written.add(`${sheet.id}:${k}`);
            });
          });
          m.rect = { ...m.rect, bottom: m.rect.bottom + values.length };
          return m.name;
        }),
    };
  }
}
