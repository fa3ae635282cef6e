/**
 * Writes SheetSpecs to an .xlsx workbook with ExcelJS: the portable file `npm run workbook`
 * produces, for people who do not have the add-in. Node only; the pane never imports this.
 *
 * Positions, formulas, names and tables are copied from the specs as they are; this module only
 * translates them to ExcelJS. ExcelJS cannot draw charts, so where a chart would be the file
 * says so in a visible cell (see `chartNote`).
 */
import ExcelJS from "exceljs";
import { evaluateWorkbook, isFormulaError, type WorkbookEvaluator } from "../sheets/evaluate";
import type { CellSpec, ChartSpec, SheetSpec } from "../sheets/spec";
import { rangeA1, sheetRef, toA1 } from "../sheets/a1";
import { saveWorkbook, type SavedWorkbook, type SaveOptions } from "./save";
import { XLSX_STYLES } from "./styles";
import { writeRecord } from "./record";
import { setUpSheet, xlsxValidation } from "./sheet-setup";

export { checkTarget, saveWorkbook, WorkbookFileError } from "./save";
export type { SavedWorkbook, SaveOptions } from "./save";

/** What a workbook holds, for the command's printout and the benchmark. */
export interface WorkbookSummary {
  readonly sheets: readonly {
    readonly name: string;
    readonly block: SheetSpec["block"];
    /** Cells the specs place, chart notes included. */
    readonly cells: number;
    readonly names: readonly string[];
    readonly tables: readonly string[];
    readonly charts: number;
  }[];
  readonly cells: number;
  readonly names: readonly string[];
}

/** Excel's table styles draw banding and the header; cells keep their own styles on top. */
const TABLE_THEME = "TableStyleLight9";

/**
 * The text written where a chart would be: ExcelJS cannot write charts, so the cell says which
 * chart belongs here, where its data is, and how to get it drawn.
 */
export function chartNote(chart: ChartSpec): string {
  const categories = rangeA1(chart.categories.top, chart.categories.col, chart.categories.bottom, chart.categories.col);
  const values = rangeA1(chart.values.top, chart.values.col, chart.values.bottom, chart.values.col);
  return `Chart: ${chart.title} (categories ${categories}, values ${values}) — this file cannot hold the chart; insert the block with the Deal Desk add-in in Excel to draw it, or chart those cells yourself.`;
}

function assertSpecs(specs: readonly SheetSpec[]): void {
  const sheetNames = new Set<string>();
  const definedNames = new Set<string>();
  for (const spec of specs) {
    const key = spec.sheetName.toLowerCase();
    if (sheetNames.has(key)) {
      throw new Error(`Two blocks want the worksheet "${spec.sheetName}"; each block needs a sheet of its own.`);
    }
    sheetNames.add(key);
    const taken = new Set<string>();
    for (const cell of spec.cells) {
      const address = toA1(cell.row, cell.col);
      if (taken.has(address)) throw new Error(`Block "${spec.block}" places two cells at ${spec.sheetName}!${address}.`);
      taken.add(address);
      if (cell.formula !== undefined && !cell.formula.startsWith("=")) {
        throw new Error(`The formula at ${spec.sheetName}!${address} must begin with "=": ${cell.formula}`);
      }
    }
    for (const chart of spec.charts) {
      const address = toA1(chart.anchor.row, chart.anchor.col);
      if (taken.has(address)) {
        throw new Error(
          `The chart "${chart.title}" is anchored on ${spec.sheetName}!${address}, which holds a cell; the chart note needs an empty cell.`,
        );
      }
      taken.add(address);
    }
    for (const name of [...spec.names.map((n) => n.name), ...spec.tables.map((t) => t.name)]) {
      const upper = name.toUpperCase();
      if (definedNames.has(upper)) throw new Error(`The name ${name} is defined twice; names and table names share one namespace.`);
      definedNames.add(upper);
    }
  }
}

/** Computes a formula cell's value for the file's cache, or undefined to leave it uncached. */
type ResultOf = (cell: CellSpec) => ExcelJS.CellFormulaValue["result"];

const NO_RESULTS: ResultOf = () => undefined;

/**
 * Results from the blocks' evaluator, cached in the file so viewers that do not calculate (mail
 * and file previews) show numbers; Excel and LibreOffice compute every formula again on load.
 */
function cachedResults(evaluator: WorkbookEvaluator, sheetName: string): ResultOf {
  return (cell) => {
    let value;
    try {
      value = evaluator.value(sheetName, cell.row, cell.col);
    } catch {
      // The evaluator knows the blocks' subset of Excel; anything else is left to Excel to compute.
      return undefined;
    }
    if (value === null) return undefined;
    return isFormulaError(value) ? ({ error: value.error } as ExcelJS.CellErrorValue) : value;
  };
}

function cellValue(cell: CellSpec, resultOf: ResultOf): ExcelJS.CellValue {
  // A formula goes in without its "=", which is how ExcelJS (and the file format) store it.
  if (cell.formula !== undefined) {
    const result = resultOf(cell);
    return (
      result === undefined ? { formula: cell.formula.slice(1) } : { formula: cell.formula.slice(1), result }
    ) as ExcelJS.CellFormulaValue;
  }
  // Strings, including ones that begin with "=", are stored as text: ExcelJS never parses them.
  return cell.value ?? null;
}

function writeCell(sheet: ExcelJS.Worksheet, cell: CellSpec, resultOf: ResultOf): void {
  const target = sheet.getCell(toA1(cell.row, cell.col));
  target.value = cellValue(cell, resultOf);
  if (cell.style !== undefined) {
    const look = XLSX_STYLES[cell.style];
    target.font = { ...look.font };
    if (look.fill) target.fill = look.fill;
    if (look.border) target.border = { ...look.border };
    if (look.alignment) target.alignment = { ...look.alignment };
  }
  if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
  if (cell.note !== undefined) target.note = cell.note;
  if (cell.validation !== undefined) target.dataValidation = xlsxValidation(cell.validation);
}

function addTables(sheet: ExcelJS.Worksheet, spec: SheetSpec, cellAt: Map<string, CellSpec>, resultOf: ResultOf): void {
  for (const table of spec.tables) {
    const columns: { name: string; filterButton: boolean }[] = [];
    for (let col = table.left; col <= table.right; col++) {
      const header = cellAt.get(toA1(table.top, col))?.value;
      if (typeof header !== "string" || header.trim() === "") {
        throw new Error(`Table ${table.name}: the header cell ${spec.sheetName}!${toA1(table.top, col)} must hold text.`);
      }
      if (columns.some((c) => c.name.toLowerCase() === header.toLowerCase())) {
        throw new Error(`Table ${table.name}: the column header "${header}" appears twice.`);
      }
      columns.push({ name: header, filterButton: true });
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = table.top + 1; row <= table.bottom; row++) {
      const values: ExcelJS.CellValue[] = [];
      for (let col = table.left; col <= table.right; col++) {
        const cell = cellAt.get(toA1(row, col));
        values.push(cell ? cellValue(cell, resultOf) : null);
      }
      rows.push(values);
    }
    if (rows.length === 0) throw new Error(`Table ${table.name} needs at least one row below its header.`);
    // addTable stores its rows into the cells; passing formula objects keeps the formulas, and
    // the cells are written again afterwards so styles, formats and notes are the spec's.
    sheet.addTable({
      name: table.name,
      displayName: table.name,
      ref: toA1(table.top, table.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: TABLE_THEME, showRowStripes: true },
      columns,
      rows,
    });
  }
}

function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, resultOf: ResultOf): void {
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ showGridLines: false }] });
  spec.columnWidths.forEach((width, i) => {
    sheet.getColumn(spec.origin.col + i + 1).width = width;
  });
  const cellAt = new Map(spec.cells.map((c) => [toA1(c.row, c.col), c]));
  addTables(sheet, spec, cellAt, resultOf);
  for (const cell of spec.cells) writeCell(sheet, cell, resultOf);
  for (const chart of spec.charts) {
    writeCell(sheet, { row: chart.anchor.row, col: chart.anchor.col, value: chartNote(chart), style: "muted", owner: "addin" }, resultOf);
  }
  for (const name of spec.names) {
    workbook.definedNames.add(sheetRef(spec.sheetName, name.row, name.col), name.name);
  }
  setUpSheet(sheet, spec);
}

export interface WorkbookOptions {
  /** Cache each formula's result, computed by the blocks' evaluator (default true). */
  readonly cacheResults?: boolean;
}

/**
 * A workbook holding every spec, one worksheet each, in the order given. Throws when the specs
 * contradict one another (two blocks on one sheet, a name defined twice, a table header that is
 * not text): that is a bug in a builder, never the user's input.
 */
export function buildWorkbook(specs: readonly SheetSpec[], options: WorkbookOptions = {}): ExcelJS.Workbook {
  assertSpecs(specs);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Deal Desk";
  workbook.created = new Date();
  // Cached results are only a preview: Excel must compute every formula when it opens the file.
  workbook.calcProperties.fullCalcOnLoad = true;
  const evaluator = options.cacheResults === false ? null : evaluateWorkbook(specs);
  for (const spec of specs) writeSheet(workbook, spec, evaluator ? cachedResults(evaluator, spec.sheetName) : NO_RESULTS);
  writeRecord(workbook, specs);
  return workbook;
}

/** The .xlsx file's bytes. */
export async function workbookBuffer(specs: readonly SheetSpec[], options: WorkbookOptions = {}): Promise<Buffer> {
  const data = await buildWorkbook(specs, options).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Counts of what `buildWorkbook` writes for these specs. */
export function summarize(specs: readonly SheetSpec[]): WorkbookSummary {
  const sheets = specs.map((spec) => {
    const addresses = new Set(spec.cells.map((c) => toA1(c.row, c.col)));
    for (const chart of spec.charts) addresses.add(toA1(chart.anchor.row, chart.anchor.col));
    return {
      name: spec.sheetName,
      block: spec.block,
      cells: addresses.size,
      names: spec.names.map((n) => n.name),
      tables: spec.tables.map((t) => t.name),
      charts: spec.charts.length,
    };
  });
  return {
    sheets,
    cells: sheets.reduce((sum, s) => sum + s.cells, 0),
    names: sheets.flatMap((s) => s.names),
  };
}

/**
 * Writes the specs to an .xlsx file at `outPath` (see `saveWorkbook`: temporary file, then
 * rename; an existing file is replaced only with `replace`). Throws WorkbookFileError with a
 * message for the user when the path cannot be written.
 */
export async function writeWorkbook(
  specs: readonly SheetSpec[],
  outPath: string,
  options: SaveOptions = {},
): Promise<SavedWorkbook & { readonly summary: WorkbookSummary }> {
  const saved = await saveWorkbook(() => workbookBuffer(specs), outPath, options);
  return { ...saved, summary: summarize(specs) };
}
