/**
 * The sheet builders: each block of the workbook as a plain, deterministic SheetSpec built from
 * the figures dataset. Writers (Office.js, ExcelJS) and the pane's preview render these specs;
 * nothing here knows about Office.
 */
import { BUILT_IN_FIGURES } from "../figures/builtin";
import type { Dataset, Figure } from "../figures/types";
import type { Origin } from "./block-builder";
import { buildAmznBlock } from "./blocks/amzn";
import { buildCapexBlock } from "./blocks/capex";
import { buildDealBlock } from "./blocks/deal";
import { buildSensitivityBlock } from "./blocks/sensitivity";
import { buildSourcesBlock } from "./blocks/sources";
import { MissingFigureError } from "./figure-table";
import type { BlockId, SheetSpec } from "./spec";

export type * from "./spec";
export { ASSUMPTION_NAMES, DERIVED_NAMES, EXIT_VALUATION_NAME, TEXT_NAMES, inputNames } from "./names";
export { FORMATS } from "./formats";
export { MissingFigureError } from "./figure-table";

/** Every block, dependencies first: the order "Insert all" writes them. */
export const BLOCKS: readonly BlockId[] = Object.freeze(["deal", "amzn", "capex", "sensitivity", "sources"] as BlockId[]);

/** Each block's worksheet name. */
export const BLOCK_TITLES: Readonly<Record<BlockId, string>> = Object.freeze({
  deal: "Deal",
  amzn: "AMZN",
  capex: "Capex 2026",
  sensitivity: "Sensitivity",
  sources: "Sources",
});

/** The ids of the figures a block's table shows, in row order (the figures file decides them). */
export function blockFigureIds(data: Dataset, block: BlockId): readonly string[] {
  return data.figures.filter((f) => f.block === block).map((f) => f.id);
}

export interface BuildOptions {
  /** The figures the block shows (default: the built-in copy of figures/figures.json). */
  readonly dataset?: Dataset;
  /** The block's top-left cell, 0-based (default A1). */
  readonly origin?: Origin;
  /** Add the live STOCKHISTORY cells beside the AMZN snapshot (Microsoft 365 only). */
  readonly includeStockHistory?: boolean;
}

function isBlockId(value: unknown): value is BlockId {
  return typeof value === "string" && (BLOCKS as readonly string[]).includes(value);
}

/**
 * The SheetSpec of one block, built from `options.dataset` alone. Pure: the same block and options
 * always give an equal spec.
 *
 * @example buildBlock("deal").names.map((n) => n.name) // ["DEAL_AMOUNT", "DEAL_ROUND_SIZE", …]
 */
export function buildBlock(block: BlockId, options: BuildOptions = {}): SheetSpec {
  if (!isBlockId(block)) throw new Error(`Unknown block ${JSON.stringify(block)}: the blocks are ${BLOCKS.join(", ")}.`);
  const origin = options.origin ?? { row: 0, col: 0 };
  const sheetName = BLOCK_TITLES[block];
  const data = options.dataset ?? BUILT_IN_FIGURES;
  switch (block) {
    case "deal":
      return buildDealBlock(sheetName, origin, data);
    case "amzn":
      return buildAmznBlock(sheetName, origin, data, options.includeStockHistory ?? false);
    case "capex":
      return buildCapexBlock(sheetName, origin, data);
    case "sensitivity":
      return buildSensitivityBlock(sheetName, origin, data);
    case "sources":
      return buildSourcesBlock(sheetName, origin, data);
  }
}

/** Every block in BLOCKS order, with the same options. */
export function buildAllBlocks(options: BuildOptions = {}): SheetSpec[] {
  return BLOCKS.map((block) => buildBlock(block, options));
}

/** Why the sheets cannot be built from `data` (the figures it lacks, in words), or null: the pane's check of a served file. */
export function unbuildableReason(data: Dataset): string | null {
  const missing = missingFigures(data);
  if (missing.length === 0) return null;
  const ids = missing.map((id) => `"${id}"`).join(", ");
  return `has no figure with the id ${ids}, which Deal Desk's sheets are built on (renamed or removed?)`;
}

/**
 * The ids of the figures the sheets are built on that `data` lacks (a desk renamed or removed
 * one), from the builders themselves: every block is built, and each figure found missing is stood
 * in for in turn (a nameless copy of another figure), so that all are named, not only the first.
 * Empty when every block builds from `data`.
 */
export function missingFigures(data: Dataset): string[] {
  const missing: string[] = [];
  let probe = data;
  for (;;) {
    try {
      buildAllBlocks({ dataset: probe });
      return missing;
    } catch (error) {
      if (!(error instanceof MissingFigureError) || missing.includes(error.figureId)) throw error;
      missing.push(error.figureId);
      const standIn: Figure = { ...probe.figures[0], id: error.figureId };
      delete (standIn as { name?: string }).name;
      probe = { ...probe, figures: [...probe.figures, standIn] };
    }
  }
}
