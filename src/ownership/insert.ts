/**
 * What an insert writes, decided from plain data: which blocks are already in the workbook,
 * each new block's sheet and table names, which names it creates, re-points or leaves to the
 * user, and its record. Pure.
 */
import { toA1 } from "../sheets/a1";
import { namesIn } from "../sheets/formula";
import type { BlockId, SheetSpec } from "../sheets/spec";
import { uniqueSheetName, uniqueTableName } from "./layout";
import { blockOfMarker, recordOfSpec, type BlockRecord } from "./record";

/** Every name the add-in creates has a comment that begins so: Excel's Name Manager shows whose it is. */
export const OWNED_PREFIX = "Deal Desk · ";

export interface NameInfo {
  readonly name: string;
  /** Office's NamedItem.type: "Range" for a name on cells, "Error" once its cells were deleted. */
  readonly type: string;
  readonly value: string;
  readonly comment: string;
}

export interface PlannedName {
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly comment: string;
  /** The add-in's own name, left on #REF! when its sheet was deleted: deleted and added again. */
  readonly replace: boolean;
}

export interface PlannedTable {
  readonly name: string;
  readonly specName: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface PlannedInsert {
  readonly spec: SheetSpec;
  readonly sheetName: string;
  readonly newSheet: boolean;
  /** The block's own name was taken by a sheet of the user's. */
  readonly renamedFrom: string | null;
  readonly names: readonly PlannedName[];
  readonly leftAlone: readonly { readonly what: string; readonly reason: string }[];
  readonly tables: readonly PlannedTable[];
  readonly record: BlockRecord;
}

/** "Deal!$A$1:$I$30" or "'Capex 2026'!$A$1" → the sheet name; null for anything else. */
export function sheetOfReference(ref: string): string | null {
  const bang = ref.lastIndexOf("!");
  if (bang <= 0 || ref.includes("#REF!")) return null;
  let sheet = ref.slice(0, bang).replace(/^=/, "");
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet;
}

/** The blocks whose marker refers to cells, with their sheet. */
export function presentBlocks(names: readonly NameInfo[]): Map<BlockId, string> {
  const present = new Map<BlockId, string>();
  for (const n of names) {
    const block = blockOfMarker(n.name);
    const sheet = n.type === "Range" ? sheetOfReference(n.value) : null;
    if (block && sheet) present.set(block, sheet);
  }
  return present;
}

function planNames(spec: SheetSpec, sheetName: string, ctx: InsertContext): Pick<PlannedInsert, "names" | "leftAlone"> {
  const existing = ctx.names;
  const tables = new Map(ctx.tables.map((t) => [t.toUpperCase(), t]));
  const onSheet = new Set((ctx.sheetScopedNames.get(sheetName) ?? []).map((n) => n.toUpperCase()));
  const names: PlannedName[] = [];
  const leftAlone: { what: string; reason: string }[] = [];
  for (const n of spec.names) {
    const found = existing.get(n.name.toUpperCase());
    const comment = `${OWNED_PREFIX}${n.comment}`;
    // Excel refuses a name that a table has (and would stop the whole write half-way).
    const table = tables.get(n.name.toUpperCase());
    if (table)
      leftAlone.push({
        what: `the name ${n.name}`,
        reason: `a table of yours is named ${table}, and Excel keeps one name for one thing; this block's formulas that use ${n.name} read your table.`,
      });
    else if (!found) names.push({ ...n, comment, replace: false });
    else if (found.type !== "Range" && found.comment.startsWith(OWNED_PREFIX)) names.push({ ...n, comment, replace: true });
    else {
      leftAlone.push({
        what: `the name ${found.name}`,
        reason: `it already exists in your workbook (it refers to ${found.value}), so this block's formulas that use ${found.name} read your definition, not the block's cell ${sheetName}!${toA1(n.row, n.col)}.`,
      });
    }
  }
  // A sheet-scoped name wins over the workbook's on its own sheet (insert at the selection): for
  // the block's own names, and for the other blocks' names its formulas use (DEAL_AMOUNT in Capex).
  const own = new Set(spec.names.map((n) => n.name.toUpperCase()));
  for (const n of spec.names.filter((x) => onSheet.has(x.name.toUpperCase()))) {
    leftAlone.push({
      what: `the name ${n.name} on ${sheetName}`,
      reason: `the sheet ${sheetName} has a name ${n.name} of its own, so this block's formulas on it read yours, not the block's cell ${sheetName}!${toA1(n.row, n.col)}.`,
    });
  }
  for (const name of namesInFormulas(spec)) {
    if (own.has(name.toUpperCase()) || !onSheet.has(name.toUpperCase())) continue;
    leftAlone.push({
      what: `the name ${name} on ${sheetName}`,
      reason: `the sheet ${sheetName} has a name ${name} of its own, so this block's formulas on it read yours, not the workbook's ${name}.`,
    });
  }
  return { names, leftAlone };
}

/** The names the block's formulas use, each once (src/sheets/formula.ts reads them). */
function namesInFormulas(spec: SheetSpec): string[] {
  return [...new Set(spec.cells.flatMap((c) => (c.formula ? namesIn(c.formula) : [])))];
}

export interface InsertContext {
  readonly sheets: string[];
  /** The workbook's tables. */
  readonly tables: readonly string[];
  /** Every sheet's own (sheet-scoped) names, by sheet; Workbook.names lists none of them. */
  readonly sheetScopedNames: ReadonlyMap<string, readonly string[]>;
  /** Names a new table must not take: tables, workbook names, sheet-scoped names, and the tables planned so far. */
  readonly tableNames: string[];
  readonly names: ReadonlyMap<string, NameInfo>;
  readonly target: "new-sheet" | "selection";
  readonly includeStockHistory: boolean;
  /** The selected sheet, for inserts at the selection. */
  readonly selectedSheet: string | null;
}

/** One block's insert; takes the sheet and table names it uses from `ctx`. */
export function planInsert(spec: SheetSpec, ctx: InsertContext): PlannedInsert {
  const sheetName = ctx.selectedSheet ?? uniqueSheetName(spec.sheetName, ctx.sheets);
  if (!ctx.selectedSheet) ctx.sheets.push(sheetName);
  const tables = spec.tables.map((t) => {
    const name = uniqueTableName(t.name, ctx.tableNames);
    ctx.tableNames.push(name);
    return { ...t, name, specName: t.name };
  });
  const { names, leftAlone } = planNames(spec, sheetName, ctx);
  const record = recordOfSpec(spec, {
    sheetName,
    target: ctx.target,
    includeStockHistory: ctx.includeStockHistory,
    names: names.map((n) => n.name),
    tables: Object.fromEntries(tables.map((t) => [t.specName, t.name])),
  });
  return {
    spec,
    sheetName,
    newSheet: !ctx.selectedSheet,
    renamedFrom: !ctx.selectedSheet && sheetName !== spec.sheetName ? spec.sheetName : null,
    names,
    leftAlone,
    tables,
    record,
  };
}
