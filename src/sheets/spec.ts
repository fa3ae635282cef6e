/**
 * A SheetSpec is a block of a worksheet as plain data: what the Excel writer (Office.js), the
 * xlsx writer (ExcelJS) and the pane's preview all render. Builders in this folder return one
 * per block; nothing here knows about Office.
 *
 * Coordinates are 0-based row and column indexes on the worksheet (row 0, col 0 is A1). A
 * builder takes the block's origin (A1 when the block has its own sheet, the selected cell
 * otherwise) and places every cell, formula reference, name and table from there, so writers
 * copy positions as they are. Workbook-scope names are how blocks refer to one another.
 */

/** The blocks the pane inserts, each on its own worksheet. */
export type BlockId = "deal" | "amzn" | "capex" | "sensitivity" | "sources";

/** Who may write a cell after the sheet is created. */
export type Owner =
  /** reported cells and their labels: the add-in refreshes them on update */
  | "addin"
  /** overrides and assumption inputs: written once at creation, never again */
  | "user";

/** Named cell styles; each writer maps them to its own formatting. */
export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "reported"
  | "input"
  | "derived"
  /** long text from the dataset; writers wrap it (column widths assume so) */
  | "text"
  | "muted";

export interface CellSpec {
  readonly row: number;
  readonly col: number;
  /** Literal content. Strings are always written as text, even when they begin with "=". */
  readonly value?: string | number | boolean | null;
  /** A plain Excel formula with its leading "=", e.g. "=IF(C3=\"\",B3,C3)". */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style?: StyleName;
  /** A note (comment) shown on the cell: source, status and quoted sentence for reported cells. */
  readonly note?: string;
  readonly owner: Owner;
  /**
   * For a cell that shows a field of a figure or a fact (src/figures allFacts): its id, so an
   * update can refresh it and a diff can name it. Set on every cell of a figure's row.
   */
  readonly figureId?: string;
}

/** A workbook-scope name for one cell of the block. */
export interface NameSpec {
  /** UPPER_SNAKE_CASE, e.g. DEAL_AMOUNT. */
  readonly name: string;
  readonly row: number;
  readonly col: number;
  /** What the name holds, shown in Excel's Name Manager. */
  readonly comment: string;
}

/** An Excel table over a rectangle whose first row is the header. Inclusive bounds. */
export interface TableSpec {
  readonly name: string;
  /**
   * For a table with an Id column: the header of the column where an update marks a row whose id
   * is no longer in the figures file ("retracted"), rather than delete it or leave it unsaid.
   */
  readonly retractIn?: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A clustered bar chart of one series. Ranges are inclusive rectangles of the block. */
export interface ChartSpec {
  readonly title: string;
  /** One column of category labels. */
  readonly categories: { readonly top: number; readonly bottom: number; readonly col: number };
  /** One column of values, same rows as the categories. */
  readonly values: { readonly top: number; readonly bottom: number; readonly col: number };
  /** Where the chart's top-left corner sits. */
  readonly anchor: { readonly row: number; readonly col: number };
}

export interface SheetSpec {
  readonly block: BlockId;
  /** The preferred worksheet name; a writer picks "Deal (2)" when a user's sheet has it. */
  readonly sheetName: string;
  /** The block's top-left cell; every position in the spec is already offset by it. */
  readonly origin: { readonly row: number; readonly col: number };
  readonly cells: readonly CellSpec[];
  readonly names: readonly NameSpec[];
  readonly tables: readonly TableSpec[];
  readonly charts: readonly ChartSpec[];
  /** Column widths in characters of the default font, from the block's first column. */
  readonly columnWidths: readonly number[];
  /** Blocks whose names this block's formulas reference; they are inserted first. */
  readonly requires: readonly BlockId[];
}
