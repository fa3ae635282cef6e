/**
 * The read-only preview of the blocks outside Excel: each block's area as a grid of the texts
 * Excel would show, formulas replaced by the values they compute (the sheets' own evaluator).
 * Pure.
 */
import { currentDataset } from "../figures";
import { BLOCK_TITLES, buildAllBlocks } from "../sheets";
import { columnLetters } from "../sheets/a1";
import { displayText, evaluateWorkbook } from "../sheets/evaluate";
import type { CellValue } from "../sheets/evaluate";
import type { CellSpec, SheetSpec } from "../sheets/spec";
import type { PreviewTable } from "./view-model";

/**
 * The grid of one block: a row per sheet row from the block's origin to its last cell, a column
 * per sheet column; `valueOf` gives each cell's computed value.
 */
export function previewTable(spec: SheetSpec, title: string, valueOf: (cell: CellSpec) => CellValue): PreviewTable {
  const top = spec.origin.row;
  const left = spec.origin.col;
  const bottom = Math.max(top, ...spec.cells.map((c) => c.row));
  const right = Math.max(left, ...spec.cells.map((c) => c.col));
  const grid: string[][] = Array.from({ length: bottom - top + 1 }, () => Array.from({ length: right - left + 1 }, () => ""));
  for (const cell of spec.cells) grid[cell.row - top][cell.col - left] = displayText(valueOf(cell), cell.numberFormat);
  return {
    block: spec.block,
    title,
    sheetName: spec.sheetName,
    columns: Array.from({ length: right - left + 1 }, (_, i) => columnLetters(left + i)),
    rows: grid.map((cells, i) => ({ label: String(top + i + 1), cells })),
    charts: spec.charts.map((chart) => chart.title),
  };
}

/** Every block's grid, computed together so formulas that name another block's cells resolve. */
export function blockPreviews(specs: readonly SheetSpec[], titles: Readonly<Record<string, string>>): PreviewTable[] {
  const workbook = evaluateWorkbook(specs);
  return specs.map((spec) =>
    previewTable(spec, titles[spec.block] ?? spec.sheetName, (cell) => workbook.value(spec.sheetName, cell.row, cell.col)),
  );
}

/** The preview of every block as built from the figures in use. */
export function sheetPreviews(): PreviewTable[] {
  return blockPreviews(buildAllBlocks({ dataset: currentDataset() }), BLOCK_TITLES);
}
