/**
 * The sheet builders: each block of the workbook as a plain, deterministic SheetSpec built from
 * the figures dataset. Writers (Office.js, ExcelJS) and the pane's preview render these specs;
 * nothing here knows about Office.
 */
import type { Origin } from "./block-builder";
import { AMZN_FIGURE_IDS, buildAmznBlock } from "./blocks/amzn";
import { buildCapexBlock, CAPEX_FIGURE_IDS } from "./blocks/capex";
import { buildDealBlock, DEAL_FIGURE_IDS } from "./blocks/deal";
import { buildSensitivityBlock } from "./blocks/sensitivity";
import { buildSourcesBlock } from "./blocks/sources";
import type { BlockId, SheetSpec } from "./spec";

export type * from "./spec";
export { DERIVED_NAMES, INPUT_NAMES } from "./names";
export { FORMATS } from "./formats";

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

/** The ids of the figures each block's table shows, in row order. */
export const BLOCK_FIGURES: Readonly<Record<BlockId, readonly string[]>> = Object.freeze({
  deal: DEAL_FIGURE_IDS,
  amzn: AMZN_FIGURE_IDS,
  capex: CAPEX_FIGURE_IDS,
  sensitivity: Object.freeze([]),
  sources: Object.freeze([]),
});

export interface BuildOptions {
  /** The block's top-left cell, 0-based (default A1). */
  readonly origin?: Origin;
  /** Add the live STOCKHISTORY cells beside the AMZN snapshot (Microsoft 365 only). */
  readonly includeStockHistory?: boolean;
}

function isBlockId(value: unknown): value is BlockId {
  return typeof value === "string" && (BLOCKS as readonly string[]).includes(value);
}

/**
 * The SheetSpec of one block. Pure: the same block and options always give an equal spec.
 *
 * @example buildBlock("deal").names.map((n) => n.name) // ["DEAL_AMOUNT", "DEAL_ROUND_SIZE", …]
 */
export function buildBlock(block: BlockId, options: BuildOptions = {}): SheetSpec {
  if (!isBlockId(block)) throw new Error(`Unknown block ${JSON.stringify(block)}: the blocks are ${BLOCKS.join(", ")}.`);
  const origin = options.origin ?? { row: 0, col: 0 };
  const sheetName = BLOCK_TITLES[block];
  switch (block) {
    case "deal":
      return buildDealBlock(sheetName, origin);
    case "amzn":
      return buildAmznBlock(sheetName, origin, options.includeStockHistory ?? false);
    case "capex":
      return buildCapexBlock(sheetName, origin);
    case "sensitivity":
      return buildSensitivityBlock(sheetName, origin);
    case "sources":
      return buildSourcesBlock(sheetName, origin);
  }
}

/** Every block in BLOCKS order, with the same options. */
export function buildAllBlocks(options: BuildOptions = {}): SheetSpec[] {
  return BLOCKS.map((block) => buildBlock(block, options));
}
