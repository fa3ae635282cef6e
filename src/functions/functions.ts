/**
 * The DEAL.* custom functions, registered from the catalog (src/calc/catalog.ts), which also
 * generates functions.json (src/functions/metadata.ts). src/calc/dispatch.ts coerces, broadcasts
 * and computes; this file only turns CalcErrors into Excel errors, makes DEAL.CARD's entity
 * values, and registers the functions. Nothing here touches the DOM, so it loads in Excel's
 * JavaScript-only runtime.
 */
import { CATALOG } from "../calc/catalog";
import type { CalcError } from "../calc/errors";
import { evaluate } from "../calc/dispatch";
import { figureEntity } from "./card";
import { toExcelGrid } from "./results";

/** Excel shows a message only with #VALUE! and #N/A; the other codes take none. */
function toExcelError(error: CalcError): CustomFunctions.Error {
  switch (error.kind) {
    case "#DIV/0!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case "#NUM!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error.message);
    case "#VALUE!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
  }
}

/**
 * Entity values need ExcelApi 1.16
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-entity-card); where
 * Office or the requirement set is missing, DEAL.CARD returns the plain value.
 */
function dataTypesSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.16") === true;
  } catch {
    return false;
  }
}

/** DEAL.CARD: each id's value, replaced by the figure's entity where the host shows data types. */
function cards(values: unknown[][], ids: unknown): unknown[][] {
  if (!dataTypesSupported()) return values;
  // One parameter, so the result has the shape of the ids.
  const grid = (Array.isArray(ids) ? ids : [[ids]]) as unknown[][];
  return values.map((row, i) => row.map((value, j) => (typeof value === "number" ? (figureEntity(String(grid[i][j])) ?? value) : value)));
}

/** evaluate() never throws; the catch covers the Office side, so Excel never waits on a #BUSY!. */
function run(name: string, args: unknown[]): unknown[][] {
  try {
    const grid = toExcelGrid(evaluate(name, args), toExcelError);
    return name === "CARD" ? cards(grid, args[0]) : grid;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `DEAL.${name} failed unexpectedly (${detail}); please report it.`)]];
  }
}

/**
 * Excel name → implementation: each passes its declared arguments, in catalog order, to run()
 * (Excel may append an invocation object, which is dropped).
 */
export const FUNCTIONS: Readonly<Record<string, (...args: unknown[][][]) => unknown[][]>> = Object.fromEntries(
  CATALOG.map((spec) => [spec.name, (...args: unknown[][][]) => run(spec.name, args.slice(0, spec.params.length))]),
);

if (typeof CustomFunctions !== "undefined") {
  for (const [name, fn] of Object.entries(FUNCTIONS)) CustomFunctions.associate(name, fn);
}
