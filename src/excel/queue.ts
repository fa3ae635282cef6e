/**
 * Queuing writes: the cells, styles, tables, names, notes and chart of a new block, the cells
 * of an update, and the bands of the ownership record. Nothing here syncs; the actions in
 * index.ts sync once after queuing.
 */
import { BLOCK_TITLES } from "../sheets";
import { columnLetters, rangeA1, toA1 } from "../sheets/a1";
import type { CellSpec, SheetSpec, StyleName } from "../sheets/spec";
import { STYLE_LOOKS } from "../sheets/styles";
import type { PlannedInsert } from "../ownership/insert";
import { OWNED_PREFIX } from "../ownership/insert";
import { columnWidthPoints, creationWrites, layoutWrites, specExtent, uniqueTableName, type CellWrite } from "../ownership/layout";
import { RECORD_COLUMNS, bandColumn, markerName, recordName, recordRows, type BlockRecord } from "../ownership/record";
import type { BlockId } from "../sheets/spec";
import { CHANGE_LOG_HEADERS, CHANGE_LOG_TABLE, rowsForLog, type TableColumns } from "../ownership/changelog";

/** Queues the rectangles of cell writes on a sheet: formulas first, then number formats. */
export function queueCellWrites(sheet: Excel.Worksheet, writes: readonly CellWrite[]): void {
  for (const rect of layoutWrites(writes)) {
    const range = sheet.getRange(rect.address);
    if (rect.formulas) range.formulas = rect.formulas as unknown as string[][];
    if (rect.numberFormat) range.numberFormat = rect.numberFormat as unknown as string[][];
  }
}

/** Each style's cells as addresses of horizontal runs ("A4:I4"), for one getRanges call per style. */
function styleRuns(cells: readonly CellSpec[]): Map<StyleName, string[]> {
  const runs = new Map<StyleName, { row: number; start: number; end: number }[]>();
  const sorted = cells.filter((c) => c.style).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of sorted) {
    const style = c.style as StyleName;
    const list = runs.get(style) ?? [];
    const last = list[list.length - 1];
    if (last && last.row === c.row && last.end === c.col - 1) last.end = c.col;
    else list.push({ row: c.row, start: c.col, end: c.col });
    runs.set(style, list);
  }
  return new Map([...runs].map(([style, list]) => [style, list.map((r) => rangeA1(r.row, r.start, r.row, r.end))]));
}

/** Addresses in groups short enough for one getRanges call. */
function chunks(addresses: readonly string[], maxLength = 2000): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + a.length + 1 > maxLength) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** The cells' styles (bold, colours, wrapping), a getRanges call per style. */
export function queueStyles(sheet: Excel.Worksheet, cells: readonly CellSpec[]): void {
  for (const [style, addresses] of styleRuns(cells)) {
    const look = STYLE_LOOKS[style];
    if (Object.keys(look).length === 0) continue;
    for (const group of chunks(addresses)) {
      const areas = sheet.getRanges(group);
      if (look.bold) areas.format.font.bold = true;
      if (look.italic) areas.format.font.italic = true;
      if (look.color) areas.format.font.color = look.color;
      if (look.fill) areas.format.fill.color = look.fill;
      if (look.wrapText) areas.format.wrapText = true;
    }
  }
}

/**
 * The chart with its series set explicitly (values and name), not guessed by Excel from the
 * range: https://learn.microsoft.com/javascript/api/excel/excel.chartseries (setValues, ExcelApi 1.7).
 */
function queueCharts(sheet: Excel.Worksheet, spec: SheetSpec): void {
  for (const chart of spec.charts) {
    const values = sheet.getRange(rangeA1(chart.values.top, chart.values.col, chart.values.bottom, chart.values.col));
    const categories = sheet.getRange(rangeA1(chart.categories.top, chart.categories.col, chart.categories.bottom, chart.categories.col));
    const added = sheet.charts.add(Excel.ChartType.barClustered, values, Excel.ChartSeriesBy.columns);
    added.title.text = chart.title;
    const series = added.series.getItemAt(0);
    series.setValues(values);
    series.setXAxisValues(categories);
    series.name = chart.title;
    added.setPosition(sheet.getRange(toA1(chart.anchor.row, chart.anchor.col)));
  }
}

/** A workbook-scope name, replacing one of the same name when `replace`. */
function queueName(
  wb: Excel.Workbook,
  name: string,
  reference: Excel.Range | string,
  comment: string,
  replace: boolean,
  visible = true,
): void {
  if (replace) wb.names.getItem(name).delete();
  const added = wb.names.add(name, reference, comment);
  if (!visible) added.visible = false;
}

/**
 * Writes a block's band of the record and points its record name at it. The band goes first in
 * a block's writes, right after its sheet exists, so a failure half-way leaves a recorded block.
 */
export function queueRecord(wb: Excel.Workbook, recordSheet: string, record: BlockRecord, oldRows: number, nameExists: boolean): void {
  const rows = recordRows(record);
  const sheet = wb.worksheets.getItem(recordSheet);
  const left = bandColumn(record.meta.block);
  const height = Math.max(rows.length, oldRows);
  const padded = [...rows, ...Array.from({ length: height - rows.length }, () => new Array<string>(RECORD_COLUMNS).fill(""))];
  sheet.getRange(rangeA1(0, left, height - 1, left + RECORD_COLUMNS - 1)).formulas = padded as unknown as string[][];
  queueRecordName(wb, record.meta.block, recordSheet, rows.length, nameExists);
}

/** A block's hidden record name on its band (the first `rows` rows of its columns), replacing the name when `exists`. */
export function queueRecordName(wb: Excel.Workbook, block: BlockId, recordSheet: string, rows: number, exists: boolean): void {
  const left = bandColumn(block);
  const band = wb.worksheets.getItem(recordSheet).getRange(rangeA1(0, left, rows - 1, left + RECORD_COLUMNS - 1));
  queueName(
    wb,
    recordName(block),
    band,
    `${OWNED_PREFIX}the record of what the ${BLOCK_TITLES[block]} block wrote (keeps updates working; do not delete)`,
    exists,
    false,
  );
}

/** The record sheet: very hidden, so the record travels with the file and stays out of the way. */
export function queueRecordSheet(wb: Excel.Workbook, name: string): void {
  wb.worksheets.add(name).visibility = Excel.SheetVisibility.veryHidden;
}

/** The hidden marker of a block not in the workbook, and its empty record name: both on FALSE. */
export function queueEmptyNames(wb: Excel.Workbook, block: BlockId, marker: boolean, record: boolean): void {
  if (marker)
    wb.names.add(markerName(block), "=FALSE", `${OWNED_PREFIX}marker of the ${BLOCK_TITLES[block]} block, not inserted yet`).visible =
      false;
  if (record)
    wb.names.add(recordName(block), "=FALSE", `${OWNED_PREFIX}record of the ${BLOCK_TITLES[block]} block, not inserted yet`).visible =
      false;
}

/** A block's hidden marker name on its area, replacing the name when `exists`. */
export function queueMarker(wb: Excel.Workbook, block: BlockId, area: Excel.Range, exists: boolean): void {
  queueName(
    wb,
    markerName(block),
    area,
    `${OWNED_PREFIX}the ${BLOCK_TITLES[block]} block (keeps updates working; do not delete)`,
    exists,
    false,
  );
}

/** Queues one new block: marker, cells, styles, widths, tables, names, notes, chart. */
export function queueBlock(wb: Excel.Workbook, sheet: Excel.Worksheet, p: PlannedInsert, notes: boolean, markerExists: boolean): void {
  const { spec } = p;
  const { rows, cols } = specExtent(spec);
  const area = sheet.getRange(rangeA1(spec.origin.row, spec.origin.col, spec.origin.row + rows - 1, spec.origin.col + cols - 1));
  queueMarker(wb, spec.block, area, markerExists);
  // Names before the formulas that use them (they refer to cells, which exist empty or not).
  for (const n of p.names) queueName(wb, n.name, sheet.getRange(toA1(n.row, n.col)), n.comment, n.replace);
  queueCellWrites(sheet, creationWrites(spec));
  queueStyles(sheet, spec.cells);
  if (p.newSheet) {
    spec.columnWidths.forEach((chars, i) => {
      const letter = columnLetters(spec.origin.col + i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(chars);
    });
  }
  for (const t of p.tables) sheet.tables.add(sheet.getRange(rangeA1(t.top, t.left, t.bottom, t.right)), true).name = t.name;
  if (notes) for (const c of spec.cells) if (c.note) sheet.notes.add(sheet.getRange(toA1(c.row, c.col)), c.note);
  queueCharts(sheet, spec);
}

/** Text as `values` input that Excel keeps as text ("=…" would otherwise become a formula). */
function asText(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" ? `'${v}` : v;
}

/**
 * Appends rows to the change log table (`existing`), or creates it the first time on a new sheet,
 * named DealChanges or the next name free of every table and name (`taken`).
 */
export function queueChangeLog(
  wb: Excel.Workbook,
  rows: readonly (string | number | boolean)[][],
  existing: TableColumns | null,
  sheetName: string,
  taken: readonly string[],
): void {
  if (rows.length === 0) return;
  let table: Excel.Table;
  if (existing) table = wb.tables.getItem(existing.name);
  else {
    const sheet = wb.worksheets.add(sheetName);
    const header = sheet.getRange(rangeA1(0, 0, 0, CHANGE_LOG_HEADERS.length - 1));
    header.values = [CHANGE_LOG_HEADERS.map(asText)] as unknown as string[][];
    table = sheet.tables.add(header, true);
    table.name = uniqueTableName(CHANGE_LOG_TABLE, taken);
  }
  table.rows.add(null as unknown as number, rowsForLog(rows, existing).map((r) => r.map(asText)) as unknown as string[][]);
}
