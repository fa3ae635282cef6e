/**
 * Formats of the fake Excel: RangeFormat (wrap, alignment, column width and row height in points, autofit),
 * RangeFont (bold, italic, color) and RangeFill (color, clear) on a Range or on the areas of a
 * RangeAreas (Worksheet.getRanges). A column's width reads null when the range's columns differ;
 * a column nobody sized is 48 points wide. Writing to a protected sheet fails with AccessDenied.
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
 */
import { key, quoteSheet, rectAddress, type Rect } from "./a1";
import { emptyCell, type FakeCell } from "./cells";
import { ClientObject, parseLoadArg } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { assertWritable, rangeLabel, type RangeTarget } from "./range";
import type { SheetModel } from "./worksheets";

/** The width of a column nobody sized, in points. */
export const DEFAULT_WIDTH_POINTS = 48;

export class FakeRangeAreas extends ClientObject<Rect[]> {
  protected readonly typeName = "RangeAreas";
  protected readonly scalarProps = ["address", "areaCount"];
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeRequestContext,
    locate: () => Rect[],
    private readonly sheetOf: () => SheetModel,
  ) {
    super(ctx, locate);
    this.format = new FakeRangeFormat(ctx, () => {
      const sheet = this.sheetOf();
      return this.target().map((rect) => ({ sheet, rect }));
    });
  }
  protected describe(m: Rect[]): string {
    return m.map((rect) => rangeLabel({ sheet: this.sheetOf(), rect })).join(",");
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

/** The ranges of a format write, as the sync log names them: "Deal!A4:I4,Deal!A9". */
function labelOf(targets: RangeTarget[]): string {
  return targets.map(rangeLabel).join(",");
}

/** Applies `f` to every cell of the targets, creating the cells that do not exist yet. */
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

export class FakeRangeFormat {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  private loadedWidth: number | undefined;
  constructor(
    readonly ctx: FakeRequestContext,
    private readonly targets: () => RangeTarget[],
  ) {
    this.font = new FakeFont(ctx, targets);
    this.fill = new FakeFill(ctx, targets);
  }
  private write(what: string, minVersion: number, f: (cell: FakeCell) => void): void {
    this.ctx.enqueueWrite(`RangeFormat.${what}`, minVersion, () => {
      const targets = this.targets();
      for (const t of targets) assertWritable(this.ctx, t.sheet);
      eachCell(targets, f);
      return labelOf(targets);
    });
  }
  set wrapText(v: boolean) {
    this.write("wrapText", 1, (c) => (c.wrapText = v));
  }
  set horizontalAlignment(v: string) {
    this.write("horizontalAlignment", 1, (c) => (c.horizontalAlignment = v));
  }
  get columnWidth(): number {
    if (this.loadedWidth === undefined)
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'columnWidth' is not available. Call load() and context.sync() first.");
    return this.loadedWidth;
  }
  set columnWidth(points: number) {
    this.ctx.enqueueWrite("RangeFormat.columnWidth", 2, () => {
      if (!(points >= 0 && points <= 1800))
        throw new FakeOfficeError("InvalidArgument", "A column width must be between 0 and 1800 points.");
      const targets = this.targets();
      for (const { sheet, rect } of targets) {
        assertWritable(this.ctx, sheet);
        for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
      }
      return labelOf(targets);
    });
  }
  /** A row height in points for every row of the range (0 to 409, Excel's limit). */
  set rowHeight(points: number) {
    this.ctx.enqueueWrite("RangeFormat.rowHeight", 2, () => {
      if (!(points >= 0 && points <= 409)) throw new FakeOfficeError("InvalidArgument", "A row height must be between 0 and 409 points.");
      const targets = this.targets();
      for (const { sheet, rect } of targets) {
        assertWritable(this.ctx, sheet);
        sheet.rowHeights ??= new Map();
        for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, points);
      }
      return labelOf(targets);
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
    this.ctx.enqueueWrite("RangeFormat.autofitColumns", 2, () => {
      const targets = this.targets();
      for (const { sheet, rect } of targets) {
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
      return labelOf(targets);
    });
  }
}

class FakeFont {
  constructor(
    readonly ctx: FakeRequestContext,
    private readonly targets: () => RangeTarget[],
  ) {}
  private write(what: string, f: (cell: FakeCell) => void): void {
    this.ctx.enqueueWrite(`RangeFont.${what}`, 1, () => {
      const targets = this.targets();
      for (const t of targets) assertWritable(this.ctx, t.sheet);
      eachCell(targets, f);
      return labelOf(targets);
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
  constructor(
    readonly ctx: FakeRequestContext,
    private readonly targets: () => RangeTarget[],
  ) {}
  private write(what: string, f: (cell: FakeCell) => void): void {
    this.ctx.enqueueWrite(`RangeFill.${what}`, 1, () => {
      const targets = this.targets();
      for (const t of targets) assertWritable(this.ctx, t.sheet);
      eachCell(targets, f);
      return labelOf(targets);
    });
  }
  set color(v: string) {
    this.write("color", (c) => (c.fill = v || undefined));
  }
  clear(): void {
    this.write("clear", (c) => (c.fill = undefined));
  }
}
