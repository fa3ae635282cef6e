/**
 * The sheet builders: each block of the workbook as a plain, deterministic SheetSpec built from
 * the figures dataset. Writers (Office.js, ExcelJS) and the pane's preview render these specs;
 * nothing here knows about Office.
 */
import { BUILT_IN_FIGURES } from "../figures/builtin";
import type { Dataset } from "../figures/types";
import type { Origin } from "./block-builder";
import { AMZN_BUILT_ON, buildAmznBlock } from "./blocks/amzn";
import { CAPEX_BUILT_ON, buildCapexBlock } from "./blocks/capex";
import { DEAL_BUILT_ON, buildDealBlock } from "./blocks/deal";
import { buildSensitivityBlock } from "./blocks/sensitivity";
import { buildSourcesBlock } from "./blocks/sources";
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

/**
 * The figures the sheets read by id (their metrics, chart and per-share and saving results), as
 * each builder declares them: a figures file without one of them cannot be inserted or applied.
 * test/sheets/built-on.test.ts checks this against what building every block asks for.
 */
export const FIGURES_BUILT_ON: readonly string[] = [...new Set([...DEAL_BUILT_ON, ...AMZN_BUILT_ON, ...CAPEX_BUILT_ON])];

/** The ids of FIGURES_BUILT_ON that `data` lacks (a desk renamed or removed one), in that order. */
export function missingFigures(data: Dataset): string[] {
  const ids = new Set(data.figures.map((f) => f.id));
  return FIGURES_BUILT_ON.filter((id) => !ids.has(id));
}

/** Why the sheets cannot be built from `data` (the figures it lacks, in words), or null: the check of a served file and of figures:check. */
export function unbuildableReason(data: Dataset): string | null {
  const missing = missingFigures(data);
  if (missing.length === 0) return null;
  const ids = missing.map((id) => `"${id}"`).join(", ");
  return `has no figure with the id ${ids}, which Deal Desk's sheets are built on (renamed or removed?)`;
}
