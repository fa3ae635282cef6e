/**
 * snapshot(): the fake workbook as plain JSON-safe data, for tests to compare with what Excel
 * would show: sheets in tab order with their cells, formats, tables, notes, charts and column
 * widths; workbook-scope names; custom properties, settings, the active sheet and the selection.
 * A formula cell's value is what the workbook's `evaluate` returns (0 unless told).
 */
import { columnLetter, rectAddress } from "./a1";
import type { Scalar } from "./cells";
import type { Rect } from "./a1";
import type { FakeWorkbook } from "./workbook";
import type { Visibility } from "./worksheets";

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

/** What a snapshot leaves out: `veryHidden: false` leaves the cells of very hidden sheets out (the sheet itself stays). */
export interface SnapshotOptions {
  readonly veryHidden?: boolean;
}

/** The workbook's state as plain data. */
export function snapshotOf(wb: FakeWorkbook, options: SnapshotOptions = {}): WorkbookSnapshot {
  const sheetName = (id: string): string => wb.sheetById(id).name;
  // A chart's series on a sheet since deleted reads #REF!, as Excel's series formula shows it.
  const seriesRef = (r: { sheetId: string; rect: Rect }): string => {
    const sheet = wb.sheets.find((x) => x.id === r.sheetId);
    return sheet ? `${sheet.name}!${rectAddress(r.rect)}` : "#REF!";
  };
  const sheets = wb.sheets.map((s): SheetSnapshot => {
    const skip = options.veryHidden === false && s.visibility === "VeryHidden";
    const cells: Record<string, CellSnapshot> = {};
    const formats: Record<string, StyleSnapshot> = {};
    const entries = [...(skip ? [] : s.cells.entries())].map(([k, c]) => {
      const comma = k.indexOf(",");
      return { row: Number(k.slice(0, comma)), col: Number(k.slice(comma + 1)), c };
    });
    entries.sort((a, b) => a.row - b.row || a.col - b.col);
    for (const { row, col, c } of entries) {
      const address = `${columnLetter(col)}${row + 1}`;
      if (c.value !== null || c.formula !== null || c.numberFormat !== "General") {
        const value = c.formula !== null ? wb.evaluate(c.formula, s.name, address) : c.value;
        cells[address] = { value, formula: c.formula, numberFormat: c.numberFormat };
      }
      if (!c.bold && !c.italic && !c.fontColor && !c.fill) continue;
      const style: { bold?: boolean; italic?: boolean; fontColor?: string; fill?: string } = {};
      if (c.bold) style.bold = true;
      if (c.italic) style.italic = true;
      if (c.fontColor) style.fontColor = c.fontColor;
      if (c.fill) style.fill = c.fill;
      formats[address] = style;
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
      tables: wb.tables.filter((t) => t.sheetId === s.id).map((t) => ({ name: t.name, address: rectAddress(t.rect) })),
      notes,
      charts: s.charts.map((c) => ({
        name: c.name,
        type: c.type,
        title: c.title,
        values: seriesRef(c.values),
        categories: c.categories ? seriesRef(c.categories) : null,
        seriesName: c.seriesName,
        anchor: `${columnLetter(c.anchor.col)}${c.anchor.row + 1}`,
      })),
      columnWidths,
    };
  });
  const names: Record<string, { sheet: string; address: string; comment: string; visible: boolean }> = {};
  for (const n of [...wb.names.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    names[n.name] =
      n.sheetId === null
        ? { sheet: "", address: n.formula ?? "=#REF!", comment: n.comment, visible: n.visible }
        : { sheet: sheetName(n.sheetId), address: rectAddress(n.rect), comment: n.comment, visible: n.visible };
  }
  const customProperties: Record<string, Scalar> = {};
  for (const p of wb.customProperties.values()) customProperties[p.key] = p.value;
  const settings: Record<string, unknown> = {};
  for (const [k, v] of wb.settings) settings[k] = JSON.parse(v);
  return {
    sheets,
    names,
    customProperties,
    settings,
    activeSheet: wb.activeSheetId ? sheetName(wb.activeSheetId) : "",
    selection: { sheet: wb.selection.sheetId ? sheetName(wb.selection.sheetId) : "", address: rectAddress(wb.selection.rect) },
  };
}
