/**
 * The DEAL.* custom functions, registered from the catalog (src/calc/catalog.ts), which also
 * generates functions.json (src/functions/metadata.ts). src/calc/dispatch.ts coerces, broadcasts
 * and computes; this file only turns CalcErrors into Excel errors, makes DEAL.CARD's entity
 * values, and registers the functions. Nothing here touches the DOM, so it loads in Excel's
 * JavaScript-only runtime. The dataset is not in this bundle: FIGURE, FIGURES and CARD answer from
 * the figures the pane loads in the shared runtime (runtime-slot.ts).
 */
import { CATALOG } from "../calc/catalog";
import type { CalcError } from "../calc/errors";
import { evaluate } from "../calc/dispatch";
import { useDataset } from "../figures/in-use";
import { NOT_HANDED_OVER, publishedFigures } from "../figures/runtime-slot";
import { cards } from "./card";
import { toExcelGrid } from "./results";

/** Each CalcError kind's Excel error code. */
const CODES = { "#DIV/0!": "divisionByZero", "#NUM!": "invalidNumber", "#N/A": "notAvailable", "#VALUE!": "invalidValue" } as const;

/** Excel shows a message only with #VALUE! and #N/A; the other codes take none. */
function toExcelError({ kind, message }: CalcError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[CODES[kind]];
  return kind === "#VALUE!" || kind === "#N/A" ? new CustomFunctions.Error(code, message) : new CustomFunctions.Error(code);
}

/** evaluate() never throws; the catch covers the Office side, so Excel never waits on a #BUSY!. */
function run(name: string, args: unknown[]): unknown[][] {
  try {
    const grid = toExcelGrid(evaluate(name, args), toExcelError);
    return name === "CARD" ? cards(grid, args[0]) : grid;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return [
      [
        new CustomFunctions.Error(
          CustomFunctions.ErrorCode.invalidValue,
          `DEAL.${name} failed unexpectedly (${detail}); please report it.`,
        ),
      ],
    ];
  }
}

/** The functions that read the dataset rather than compute from their arguments alone. */
const READS_FIGURES = new Set(["FIGURE", "FIGURES", "CARD"]);

/**
 * FIGURE, FIGURES and CARD answer from the figures the pane loaded (the served file, or the
 * built-in copy), within seconds: see runtime-slot.ts.
 */
async function runOnFigures(name: string, args: unknown[]): Promise<unknown[][]> {
  const loaded = await publishedFigures();
  if (!loaded) return [[new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, NOT_HANDED_OVER)]];
  useDataset(loaded.dataset);
  return run(name, args);
}

type CustomFunction = (...args: unknown[][][]) => unknown[][] | Promise<unknown[][]>;

/**
 * Excel name → implementation: each passes its declared arguments, in catalog order, to run()
 * (Excel may append an invocation object, which is dropped).
 */
export const FUNCTIONS: Readonly<Record<string, CustomFunction>> = Object.fromEntries(
  CATALOG.map((spec): [string, CustomFunction] => [
    spec.name,
    (...args) => (READS_FIGURES.has(spec.name) ? runOnFigures : run)(spec.name, args.slice(0, spec.params.length)),
  ]),
);

if (typeof CustomFunctions !== "undefined") {
  for (const [name, fn] of Object.entries(FUNCTIONS)) CustomFunctions.associate(name, fn);
}
