/**
 * The shared machinery of the block builders: cells placed in block-local coordinates and
 * offset by the origin, A1 references that follow the origin, and the widths that show every
 * value. Each block's own file says only what goes where.
 */
import type { Dataset } from "../figures/types";
import { MAX_COL, MAX_ROW, toA1, type Anchor } from "./a1";
import { formatNumber } from "./formats";
import type { BlockId, CellSpec, ChartSpec, NameSpec, SheetSpec, TableSpec } from "./spec";
import { STAMP, figuresStamp } from "./stamp";

export interface Origin {
  readonly row: number;
  readonly col: number;
}

export type CellContent = Omit<CellSpec, "row" | "col">;

/** Widths in characters: narrow enough to stay readable, wide enough for the text they hold. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 255;
const PADDING = 2;
/** Cells of the "text" style wrap (every writer sets it so), so long text grows the row instead. */
const WRAP_WIDTH = 50;

/** The widest text a formula in this format shows for the values the blocks produce. */
const FORMULA_SAMPLE: Readonly<Record<string, number>> = {
  '$#,##0.0,,,"B"': -1234.5e9,
  "$#,##0": -12345678,
  "$#,##0.00": -12345.67,
  "0.00%": -9.9999,
  "+0%;-0%;0%": -9.99,
  '0.00"x"': -123.45,
  "#,##0": -12345678,
  "yyyy-mm-dd": 46112,
};

/** How many characters a cell shows. */
export function displayLength(cell: CellContent): number {
  if (cell.formula !== undefined) {
    const sample = cell.numberFormat === undefined ? undefined : FORMULA_SAMPLE[cell.numberFormat];
    return sample === undefined ? 12 : formatNumber(sample, cell.numberFormat).length;
  }
  if (cell.value === undefined || cell.value === null) return 0;
  if (typeof cell.value === "number") return formatNumber(cell.value, cell.numberFormat).length;
  if (typeof cell.value === "boolean") return 5;
  return Math.max(...cell.value.split("\n").map((line) => line.length));
}

export class BlockBuilder {
  private readonly cells: CellSpec[] = [];
  private readonly names: NameSpec[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly taken = new Set<string>();

  constructor(
    readonly block: BlockId,
    readonly origin: Origin,
    /** The dataset the block shows: the builders read nothing else. */
    readonly data: Dataset,
  ) {
    if (!Number.isInteger(origin.row) || !Number.isInteger(origin.col) || origin.row < 0 || origin.col < 0) {
      throw new RangeError(`A block's origin must be a cell (whole row and column indexes from 0), got ${JSON.stringify(origin)}.`);
    }
  }

  /** Places a cell at block-local (row, col). */
  put(row: number, col: number, content: CellContent): void {
    const r = this.origin.row + row;
    const c = this.origin.col + col;
    if (r > MAX_ROW || c > MAX_COL) {
      throw new RangeError(
        `Block ${this.block} does not fit on the sheet from ${toA1(this.origin.row, this.origin.col)}: choose a cell further up or left.`,
      );
    }
    const key = `${r},${c}`;
    if (this.taken.has(key)) throw new Error(`Block ${this.block} places two cells at ${toA1(r, c)}.`);
    if (content.value !== undefined && content.formula !== undefined) {
      throw new Error(`Block ${this.block}: the cell at ${toA1(r, c)} has both a value and a formula.`);
    }
    this.taken.add(key);
    this.cells.push({ row: r, col: c, ...content });
  }

  /** The A1 address of block-local (row, col) on the sheet. */
  ref(row: number, col: number, anchor: Anchor = "relative"): string {
    return toA1(this.origin.row + row, this.origin.col + col, anchor);
  }

  name(name: string, row: number, col: number, comment: string): void {
    this.names.push({ name, row: this.origin.row + row, col: this.origin.col + col, comment });
  }

  table(name: string, top: number, left: number, bottom: number, right: number, retractIn?: string): void {
    const o = this.origin;
    this.tables.push({
      name,
      top: o.row + top,
      left: o.col + left,
      bottom: o.row + bottom,
      right: o.col + right,
      ...(retractIn !== undefined ? { retractIn } : {}),
    });
  }

  chart(title: string, categoriesCol: number, valuesCol: number, top: number, bottom: number, anchor: Origin): void {
    const o = this.origin;
    this.charts.push({
      title,
      categories: { top: o.row + top, bottom: o.row + bottom, col: o.col + categoriesCol },
      values: { top: o.row + top, bottom: o.row + bottom, col: o.col + valuesCol },
      anchor: { row: o.row + anchor.row, col: o.col + anchor.col },
    });
  }

  /** The finished spec, stamped with the figures it shows, with column widths from the content. */
  finish(sheetName: string, requires: readonly BlockId[]): SheetSpec {
    // Beside the title; a block whose first row is full to there (tests build such) gets it after the row's last cell.
    const rowCols = this.cells.filter((c) => c.row === this.origin.row + STAMP.row).map((c) => c.col - this.origin.col);
    const col = rowCols.includes(STAMP.col) ? Math.max(...rowCols) + 1 : STAMP.col;
    this.put(STAMP.row, col, { value: figuresStamp(this.data), style: "muted", owner: "addin" });
    return Object.freeze({
      block: this.block,
      sheetName,
      origin: Object.freeze({ ...this.origin }),
      cells: Object.freeze(this.cells.map((c) => Object.freeze(c))),
      names: Object.freeze(this.names.map((n) => Object.freeze(n))),
      tables: Object.freeze(this.tables.map((t) => Object.freeze(t))),
      charts: Object.freeze(
        this.charts.map((c) =>
          Object.freeze({
            ...c,
            categories: Object.freeze(c.categories),
            values: Object.freeze(c.values),
            anchor: Object.freeze(c.anchor),
          }),
        ),
      ),
      columnWidths: Object.freeze(this.columnWidths()),
      requires: Object.freeze([...requires]),
    });
  }

  /**
   * Each column is as wide as its widest cell, wrapped text up to WRAP_WIDTH. Text outside a
   * table may instead overflow into the empty cells to its right, as Excel shows it: such a cell
   * widens its own column only by what the empty columns beside it cannot hold (titles,
   * explanations beside a value).
   */
  private columnWidths(): number[] {
    const lastCol = Math.max(this.origin.col, ...this.cells.map((c) => c.col));
    const widths = new Array<number>(lastCol - this.origin.col + 1).fill(MIN_WIDTH);
    const widen = (col: number, width: number) => {
      const i = col - this.origin.col;
      widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i], width));
    };
    const inTable = (c: CellSpec) => this.tables.some((t) => c.row >= t.top && c.row <= t.bottom && c.col >= t.left && c.col <= t.right);
    const nextInRow = (c: CellSpec) =>
      Math.min(lastCol + 1 + MAX_WIDTH, ...this.cells.filter((o) => o.row === c.row && o.col > c.col).map((o) => o.col));
    const overflowing: { cell: CellSpec; next: number }[] = [];
    for (const c of this.cells) {
      const next = nextInRow(c);
      if (typeof c.value === "string" && !inTable(c) && next > c.col + 1) overflowing.push({ cell: c, next });
      else widen(c.col, Math.min(displayLength(c), c.style === "text" ? WRAP_WIDTH : MAX_WIDTH) + PADDING);
    }
    for (const { cell, next } of overflowing) {
      let room = 0;
      for (let col = cell.col + 1; col < next; col++) room += col <= lastCol ? widths[col - this.origin.col] : MIN_WIDTH;
      widen(cell.col, displayLength(cell) + PADDING - room);
    }
    return widths;
  }
}
