/**
 * The Range object of the fake Excel: its address ("Sheet1!A1:B4", the sheet quoted when it
 * needs to be), indexes and size, `values`, `formulas` and `numberFormat` as 2-D arrays (an input
 * array must match the range's size; null leaves a cell unchanged, "" clears it), derived ranges
 * (getCell, getResizedRange, getOffsetRange, getUsedRange), tables over the range, whole rows or
 * columns inserted and deleted, and select(). Writing to a protected sheet fails with AccessDenied.
 * https://learn.microsoft.com/javascript/api/excel/excel.range
 */
import { MAX_COL, MAX_ROW, columnLetter, key, quoteSheet, rectAddress, type Rect } from "./a1";
import { balanced, emptyCell, parseInput, type Scalar } from "./cells";
import { FakeDataValidation } from "./data-validation";
import { ClientObject, cloneValue, parseLoadArg } from "./client";
import type { FakeRequestContext } from "./context";
import { insertCells } from "./edits";
import { FakeOfficeError } from "./errors";
import { FakeRangeFormat } from "./range-format";
import { FakeTableCollection, type TableModel } from "./tables";
import { FakeWorksheet, checkWritable, usedRect, type SheetModel } from "./worksheets";

/** What a Range proxy points at: a rectangle of one sheet. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** A range as the sync log names it: "Capex 2026!B2:C3" (the sheet unquoted, as snapshot() has it). */
export function rangeLabel({ sheet, rect }: RangeTarget): string {
  return `${sheet.name}!${rectAddress(rect)}`;
}

const MAX_READ_CELLS = 1_000_000;

/**
 * A computed value as `values` gives it: a data type (an entity a function returned) reads as its
 * basic value, "#VALUE!" for an entity (https://learn.microsoft.com/javascript/api/excel/excel.entitycellvalue).
 */
function basicValue(value: unknown): unknown {
  return typeof value === "object" && value !== null ? ((value as { basicValue?: unknown }).basicValue ?? "#VALUE!") : value;
}

/** A value as `valuesAsJson` gives it (ExcelApi 1.16): a data type as it is, a plain value typed. */
function cellValueJson(value: unknown): unknown {
  if (typeof value === "object" && value !== null) return value;
  if (typeof value === "number") return { type: "Double", basicValue: value };
  if (typeof value === "boolean") return { type: "Boolean", basicValue: value };
  if (value === "") return { type: "Empty", basicValue: "" };
  if (typeof value === "string" && /^#[A-Z0-9/!?]+[!?A-Z0-9]*$/.test(value)) return { type: "Error", basicValue: value };
  return { type: "String", basicValue: value };
}

/** Throws AccessDenied, as Excel does, for a write to a protected sheet (worksheets.ts's checkWritable). */
export function assertWritable(ctx: FakeRequestContext, sheet: SheetModel): void {
  checkWritable(sheet);
  void ctx;
}

export class FakeRange extends ClientObject<RangeTarget> {
  protected readonly typeName = "Range";
  protected readonly scalarProps = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "valuesAsJson",
    "formulas",
    "numberFormat",
  ];
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeRequestContext, locate: () => RangeTarget | null, nullable = false) {
    super(ctx, locate, nullable);
    this.format = new FakeRangeFormat(ctx, () => [this.target()]);
    this.dataValidation = new FakeDataValidation(ctx, () => this.target());
  }

  protected describe(m: RangeTarget): string {
    return rangeLabel(m);
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
        else {
          const value = cell.formula !== null ? this.ctx.host.evaluate(cell.formula, sheet.name, `${columnLetter(c)}${r + 1}`) : cell.value;
          row.push(prop === "valuesAsJson" ? cellValueJson(value) : basicValue(value));
        }
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
  /** [ExcelApi 1.16] */
  get valuesAsJson(): unknown[][] {
    return this.get("valuesAsJson");
  }
  override load(props?: unknown): this {
    if (parseLoadArg(props).includes("valuesAsJson")) this.ctx.enqueue("Range.valuesAsJson", 16, () => undefined);
    return super.load(props);
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
      // Setting several rows' values where a filter hides some misplaces them in Excel (office-js#224:
      // "data seems to be misplaced"); the fake does not guess where they land, it refuses.
      if (rows > 1 && [...(sheet.filtered ?? [])].some((r) => r >= rect.top && r <= rect.bottom))
        throw new FakeOfficeError(
          "GeneralException",
          `The fake does not model Range.${prop} set across rows a filter hides (office-js#224).`,
        );
      const grid = Array.isArray(data) ? (data as unknown[][]) : null;
      if (grid && (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const v = grid ? grid[r][c] : data;
          if (v === null) continue;
          if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
            throw new FakeOfficeError("InvalidArgument", `Range.${prop} accepts text, numbers and booleans.`);
          }
          if (typeof v === "number" && !Number.isFinite(v))
            throw new FakeOfficeError("InvalidArgument", "A number in the input is not finite.");
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
    return this.derive((t) => ({
      top: t.top + rowOffset,
      left: t.left + columnOffset,
      bottom: t.bottom + rowOffset,
      right: t.right + columnOffset,
    }));
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
  /** Inserts cells in place of the range and shifts the others down or right (edits.ts's insertCells). */
  insert(shift: string): FakeRange {
    this.ctx.enqueueWrite("Range.insert", 1, () => {
      const { sheet, rect } = this.target();
      assertWritable(this.ctx, sheet);
      if (shift !== "Down" && shift !== "Right") throw new FakeOfficeError("InvalidArgument", `"${shift}" is not an InsertShiftDirection.`);
      insertCells(this.ctx.host, sheet, rect, shift);
      return rangeLabel({ sheet, rect });
    });
    return this;
  }
  /** Deletes the range's whole rows or columns (the fake models whole lines only). */
  delete(shift: string): void {
    this.ctx.enqueueWrite("Range.delete", 1, () => {
      const { sheet, rect } = this.target();
      const target = rangeLabel({ sheet, rect });
      assertWritable(this.ctx, sheet);
      const kind = shift === "Up" ? "rows" : "cols";
      const whole = kind === "rows" ? rect.left === 0 && rect.right === MAX_COL : rect.top === 0 && rect.bottom === MAX_ROW;
      if (!whole) throw new FakeOfficeError("InvalidArgument", "The fake deletes whole rows or columns only.");
      const at = kind === "rows" ? rect.top : rect.left;
      const count = kind === "rows" ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
      this.ctx.host.applyEdit({ kind, sheet: sheet.name, at, count: -count });
      return target;
    });
  }
  select(): void {
    this.ctx.enqueueWrite("Range.select", 1, () => {
      const { sheet, rect } = this.target();
      this.ctx.host.selection = { sheetId: sheet.id, rect: { ...rect } };
      this.ctx.host.activeSheetId = sheet.id;
      return rangeLabel({ sheet, rect });
    });
  }

  private derive(f: (r: Rect) => Rect): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      const next = f(rect);
      if (
        next.top < 0 ||
        next.left < 0 ||
        next.bottom < next.top ||
        next.right < next.left ||
        next.bottom > MAX_ROW ||
        next.right > MAX_COL
      ) {
        throw new FakeOfficeError("InvalidArgument", "The range would fall outside the worksheet.");
      }
      return { sheet, rect: next };
    });
  }
}
