/**
 * The self-test a user runs in real Excel (npm run test:excel; docs/self-test.md): in an empty
 * workbook it inserts every block, compares each name's value after Excel's own calculation with
 * src/calc, follows a user's override into Used, the derived names and the sensitivity grid,
 * inserts a row in the Deal table and edits a reported cell, reviews and applies an update to a
 * revised dataset, and computes each DEAL.* function's documented example in a scratch sheet.
 * Every action goes through the public API of src/excel, as the pane calls it.
 */
import { currentDataset } from "../figures";
import { BLOCKS, buildBlock, type BlockId, type SheetSpec } from "../sheets";
import { COL } from "../sheets/figure-table";
import { toA1 } from "../sheets/a1";
import { exactCheck, numberCheck, report, stepCheck, type CheckResult, type SelfTestReport } from "../self-test/checks";
import { cardExample, datasetInputs, expectedNames, expectedSensitivity, functionExamples, type Inputs } from "../self-test/expected";
import { dataTypesSupported } from "../functions/card";
import { MESSAGES, failureFromError, readOnlyWorkbook } from "./failures";
import { applyUpdate, checkSupport, insertBlocks, planUpdate, type SpecSource } from "./index";
import {
  addScratchSheet,
  addressBeside,
  insertSheetRow,
  nameValues,
  rangeValues,
  cellValueAsJson,
  settledValues,
  typeInto,
  workbookContents,
} from "./self-test-workbook";

export type { CheckResult, SelfTestReport } from "../self-test/checks";

/** The sheet the DEAL.* formulas go on; left in the workbook for the user to look at. */
export const SCRATCH_SHEET = "DealDesk SelfTest";

/** DEAL.CARD's cell: beside the first examples, above the table DEAL.FIGURES() spills from column A's last row. */
const CARD_CELL = "B1";

/** What the self-test types, as a user would: none of these is a figure of the dataset. */
export const USER = Object.freeze({
  /** An override of the round size (reported $100B). */
  roundOverride: 120e9,
  /** A value typed over the Reported cell of OpenAI's prior valuation. */
  priorEdit: 400e9,
  /** Text in a row the user inserts inside the Deal table. */
  rowText: "My own row",
});

/** The revised dataset the update applies: the amount and the prior valuation changed. */
export const REVISED = Object.freeze({ amount: 45e9, priorStep: 10e9 });

const revisedSource: SpecSource = (block, options) => {
  const spec = buildBlock(block, { ...options, dataset: currentDataset() });
  const revise = (figureId: string | undefined, value: number): number =>
    figureId === "deal.amount" ? REVISED.amount : figureId === "openai.valuation_prior" ? value + REVISED.priorStep : value;
  return {
    ...spec,
    cells: spec.cells.map((c) =>
      c.style === "reported" && typeof c.value === "number" ? { ...c, value: revise(c.figureId, c.value) } : c,
    ),
  };
};

function allNames(): string[] {
  return BLOCKS.flatMap((b) => buildBlock(b, { dataset: currentDataset() }).names.map((n) => n.name));
}

async function checkNames(when: string, inputs: Inputs): Promise<CheckResult[]> {
  const expected = expectedNames(inputs);
  const actual = await nameValues(allNames());
  return allNames().map((n) => numberCheck(`${n} ${when}`, actual[n], expected[n]));
}

/** The sensitivity grids' cells, post-money and pre-money, by their formulas in the spec. */
function gridAddresses(spec: SheetSpec): { post: string; pre: string } {
  // The grid cells divide a column-anchored amount ("=$A13/…"); the inputs above are plain names.
  const derived = spec.cells.filter((c) => c.style === "derived" && c.formula?.startsWith("=$"));
  const span = (cells: typeof derived) => {
    const rows = cells.map((c) => c.row);
    const cols = cells.map((c) => c.col);
    return `${toA1(Math.min(...rows), Math.min(...cols))}:${toA1(Math.max(...rows), Math.max(...cols))}`;
  };
  return {
    post: span(derived.filter((c) => !c.formula?.includes("ROUND_SIZE"))),
    pre: span(derived.filter((c) => c.formula?.includes("ROUND_SIZE"))),
  };
}

async function checkSensitivity(sheet: string, round: number): Promise<CheckResult[]> {
  const { post, pre } = gridAddresses(buildBlock("sensitivity", { dataset: currentDataset() }));
  const expected = expectedSensitivity(round);
  const [postValues, preValues] = [await rangeValues(sheet, post), await rangeValues(sheet, pre)];
  return expected.amounts.flatMap((a, i) =>
    expected.valuations.flatMap((v, j) => [
      numberCheck(`Sensitivity post-money stake of ${a} at ${v}`, postValues[i]?.[j], expected.post[i][j]),
      numberCheck(`Sensitivity pre-money stake of ${a} at ${v} with round ${round}`, preValues[i]?.[j], expected.pre[i][j]),
    ]),
  );
}

/** A user's override of the round size flows into Used, the derived names and the pre-money grid. */
async function checkOverride(sheets: Record<BlockId, string>): Promise<CheckResult[]> {
  const override = await addressBeside("DEAL_ROUND_SIZE", 0, COL.override - COL.used);
  await typeInto(override.sheet, override.address, [[USER.roundOverride]]);
  const inputs = { ...datasetInputs(), DEAL_ROUND_SIZE: USER.roundOverride };
  return [
    ...(await checkNames("with the round size overridden", inputs)),
    ...(await checkSensitivity(sheets.sensitivity, USER.roundOverride)),
  ];
}

/** A row inserted in the Deal table and a reported cell typed over, then a reviewed update. */
async function checkUpdate(sheets: Record<BlockId, string>): Promise<CheckResult[]> {
  const table = buildBlock("deal", { dataset: currentDataset() }).tables[0];
  const userRow = table.top + 3; // 1-based row number of the second data row: inside the table
  await insertSheetRow(sheets.deal, userRow);
  await typeInto(sheets.deal, `A${userRow}`, [[USER.rowText]]);
  const prior = await addressBeside("OPENAI_VALUATION_PRIOR", 0, COL.reported - COL.used);
  await typeInto(prior.sheet, prior.address, [[USER.priorEdit]]);
  const override = await addressBeside("DEAL_ROUND_SIZE", 0, COL.override - COL.used);

  const plan = await planUpdate(revisedSource);
  if (!plan.ok) return [stepCheck("Review of the update to the revised figures", plan)];
  const conflicts = plan.value.conflicts.map((c) => c.figureId);
  const results = [
    exactCheck("Review lists the typed-over Reported cell as the only conflict", conflicts.join(","), "openai.valuation_prior"),
    {
      name: "Review refreshes the revised amount",
      ok: plan.value.changes.some((c) => c.kind === "refresh" && c.figureId === "deal.amount"),
      detail: `${plan.value.refreshes} refreshes`,
    },
  ];
  const applied = await applyUpdate([], plan.value.fingerprint, revisedSource);
  results.push(stepCheck("Apply of the reviewed update", applied, applied.ok ? applied.value.summary : ""));
  const [rowText] = (await rangeValues(sheets.deal, `A${userRow}`))[0];
  const [priorNow] = (await rangeValues(prior.sheet, prior.address))[0];
  const [overrideNow] = (await rangeValues(override.sheet, override.address))[0];
  results.push(
    exactCheck("The user's row in the Deal table is kept", rowText, USER.rowText),
    exactCheck("The user's typed-over Reported cell is kept", priorNow, USER.priorEdit),
    exactCheck("The user's override is kept", overrideNow, USER.roundOverride),
  );
  const inputs = {
    ...datasetInputs(),
    DEAL_AMOUNT: REVISED.amount,
    DEAL_ROUND_SIZE: USER.roundOverride,
    OPENAI_VALUATION_PRIOR: USER.priorEdit,
  };
  return [...results, ...(await checkNames("after the update", inputs))];
}

/** Each DEAL.* function's documented example, typed into the scratch sheet's column A; DEAL.CARD's beside it. */
async function checkFunctions(): Promise<CheckResult[]> {
  const examples = functionExamples();
  // DEAL.FIGURES() spills a table down and right: last, with nothing below or beside it.
  await addScratchSheet(
    SCRATCH_SHEET,
    examples.map((e) => e.formula),
  );
  const values = (await settledValues(SCRATCH_SHEET, `A1:A${examples.length}`)).map((row) => row[0]);
  return [
    ...examples.map((e, i) =>
      typeof e.expected === "number"
        ? numberCheck(`${e.formula} in ${SCRATCH_SHEET}!A${i + 1}`, values[i], e.expected)
        : exactCheck(`${e.formula} in ${SCRATCH_SHEET}!A${i + 1}`, values[i], e.expected),
    ),
    await checkCard(),
  ];
}

/** Where custom functions return data types (card.ts), DEAL.CARD's cell is the figure's entity; elsewhere its number. */
async function checkCard(): Promise<CheckResult> {
  const card = cardExample(dataTypesSupported());
  const name = `${card.formula} in ${SCRATCH_SHEET}!${CARD_CELL}`;
  await typeInto(SCRATCH_SHEET, CARD_CELL, [[card.formula]]);
  const [[shown]] = await settledValues(SCRATCH_SHEET, CARD_CELL);
  if (typeof card.expected === "number") return numberCheck(name, shown, card.expected);
  const json = (await cellValueAsJson(SCRATCH_SHEET, CARD_CELL)) as { type?: unknown; text?: unknown };
  return exactCheck(`${name} (an entity)`, JSON.stringify({ type: json.type, text: json.text }), JSON.stringify(card.expected));
}

/** Why the self-test must not run here, or null: no Excel, a read-only or a non-empty workbook. */
async function refusal(): Promise<CheckResult | null> {
  const support = await checkSupport();
  if (!support.ok) return { name: "Excel can run Deal Desk", ok: false, detail: support.message };
  // Office reports a workbook it cannot write to as DocumentMode.ReadOnly (Office.context.document.mode).
  const mode = Office.context.document?.mode;
  if (mode !== undefined && mode === Office.DocumentMode.ReadOnly)
    return { name: "The workbook can be edited", ok: false, detail: readOnlyWorkbook().message };
  const contents = await workbookContents();
  if (contents === null) return null;
  return { name: "The workbook is empty", ok: false, detail: `${MESSAGES.selfTestNotEmpty} It holds ${contents}.` };
}

async function steps(): Promise<CheckResult[]> {
  const inserted = await insertBlocks([...BLOCKS], { target: "new-sheet", includeStockHistory: false });
  const insertCheck = stepCheck("Insert all", inserted, inserted.ok ? inserted.value.summary.join(" ") : "");
  if (!inserted.ok) return [insertCheck];
  const sheets = Object.fromEntries(inserted.value.blocks.map((b) => [b.block, b.sheetName])) as Record<BlockId, string>;
  return [
    insertCheck,
    ...(await checkNames("after Insert all", datasetInputs())),
    ...(await checkSensitivity(sheets.sensitivity, datasetInputs().DEAL_ROUND_SIZE)),
    ...(await checkOverride(sheets)),
    ...(await checkUpdate(sheets)),
    ...(await checkFunctions()),
  ];
}

/** Runs every check; resolves (never rejects) to the report, a failed check naming what broke. */
export async function runSelfTest(): Promise<SelfTestReport> {
  try {
    const refused = await refusal();
    if (refused) return report([refused]);
    return report(await steps());
  } catch (err) {
    return report([{ name: "The self-test ran to the end", ok: false, detail: failureFromError(err).message }]);
  }
}
