/**
 * Insert on the fake Excel host writes what issue 22 asks of an inserted sheet: data validation
 * on every override and input cell (so text such as "$35bn" is refused as the user types it), and
 * on a sheet of its own the page setup and the heights of rows of wrapped text. A user's sheet
 * (Insert at the selection) keeps its own page setup; an update writes neither.
 */
import { applyUpdate, insertBlocks, planUpdate } from "../../src/excel";
import { BLOCKS, BLOCK_TITLES, buildAllBlocks, buildBlock } from "../../src/sheets";
import { rangeA1, toA1 } from "../../src/sheets/a1";
import type { InputValidation } from "../../src/sheets/spec";
import { specExtent } from "../../src/ownership/layout";
import { FakeWorkbook, installFakeOffice, pageSetupOf, typeAsUser, validationsOf } from "../fakes/fake-excel";
import { ok, previousSource } from "./actions";
import { fakeCalculation } from "../browser/fake-calc";
import { figureCount } from "../figures/json";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;
const AT_SELECTION = { target: "selection", includeStockHistory: false } as const;

function setup(): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook({ apiVersion: 18 }));
}

/** What the fake stores for a spec's validation, written apart from src/excel/queue.ts: Office.js's operators and bounds. */
function stored(v: InputValidation) {
  const kind = { decimal: "decimal", whole: "wholeNumber", date: "date", list: "list" }[v.type];
  const rule =
    v.type === "list"
      ? { kind, source: v.list, inCellDropDown: true }
      : v.max !== undefined
        ? { kind, operator: "Between", formula1: v.min, formula2: v.max }
        : { kind, operator: "GreaterThanOrEqualTo", formula1: v.min };
  return {
    rule,
    prompt: { showPrompt: true, title: v.prompt.title, message: v.prompt.message },
    errorAlert: { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message },
    ignoreBlanks: true,
  };
}

describe("Insert writes data validation and the page setup", () => {
  test("every override and input cell of every block has its validation, and no other cell", async () => {
    const wb = setup();
    ok(await insertBlocks(BLOCKS, NEW_SHEET));
    let count = 0;
    for (const spec of buildAllBlocks()) {
      const inputs = spec.cells.filter((c) => c.owner === "user");
      const expected = Object.fromEntries(inputs.map((c) => [toA1(c.row, c.col), stored(c.validation!)]));
      expect([spec.sheetName, validationsOf(wb, spec.sheetName)]).toEqual([spec.sheetName, expected]);
      count += inputs.length;
    }
    // An override per figure of the figures file; inputs: the exit valuation, shares outstanding, cost per employee, four scenario inputs and two steps.
    expect(count).toBe(figureCount() + 1 + 1 + 1 + 4 + 2);
  });

  test("typed into the amount's Override, $35bn is refused and 35e9 goes in: DEAL_AMOUNT then reads it", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    const override = `C${Number(wb.snapshot().names.DEAL_AMOUNT.address.slice(1))}`;
    expect(typeAsUser(wb, "Deal", override, "$35bn")).toMatchObject({ refused: true, title: "Not an amount in dollars" });
    expect(wb.cell("Deal", override)?.value ?? null).toBeNull();
    expect(typeAsUser(wb, "Deal", override, "35e9")).toBeNull();
    expect(wb.cell("Deal", override)?.value).toBe(35e9);
  });

  test("in a workbook that calculates, the amount's Check cell flags 35 and not 35e9", async () => {
    let wb: FakeWorkbook | null = null;
    wb = installFakeOffice(globalThis, new FakeWorkbook({ apiVersion: 18, evaluate: fakeCalculation(() => wb!, new Map()) }));
    ok(await insertBlocks(["deal"], NEW_SHEET));
    const row = Number(wb.snapshot().names.DEAL_AMOUNT.address.slice(1));
    const check = async (typed: string) => {
      expect(typeAsUser(wb!, "Deal", `C${row}`, typed)).toBeNull();
      // Excel recalculates after the user types; the fake's calculation reads the workbook afresh after a turn.
      await Promise.resolve();
      const header = Object.entries(wb!.snapshot().sheets.find((s) => s.name === "Deal")!.cells).find(
        ([a, c]) => /^[A-Z]+4$/.test(a) && c.value === "Check",
      )!;
      return wb!.snapshot().sheets.find((s) => s.name === "Deal")!.cells[`${header[0].replace(/\d+$/, "")}${row}`].value;
    };
    expect(await check("35")).toBe("Check units: under $1M");
    expect(await check("35e9")).toBe("");
  });

  test("the scenario's basis takes post or pre only; its step, 0 to 45%", async () => {
    const wb = setup();
    ok(await insertBlocks(["sensitivity"], NEW_SHEET));
    const basisRow = Number(wb.snapshot().names.SCENARIO_BASIS.address.slice(1));
    expect(typeAsUser(wb, "Sensitivity", `B${basisRow}`, "pre")).toBeNull();
    expect(typeAsUser(wb, "Sensitivity", `B${basisRow}`, "premoney")).toMatchObject({ refused: true });
    const step = buildBlock("sensitivity").cells.find((c) => c.validation?.max !== undefined)!;
    expect(typeAsUser(wb, "Sensitivity", toA1(step.row, step.col), "60%")).toMatchObject({ refused: true });
    expect(typeAsUser(wb, "Sensitivity", toA1(step.row, step.col), "15%")).toBeNull();
  });

  test.each(BLOCKS.map((b) => [b]))("the %s block's own sheet prints as its spec says", async (block) => {
    const wb = setup();
    ok(await insertBlocks([block], NEW_SHEET));
    const spec = buildBlock(block);
    const { top, left, bottom, right } = spec.print!.area;
    const titles = spec.print!.titleRows;
    expect(pageSetupOf(wb, BLOCK_TITLES[block])).toEqual({
      orientation: spec.print!.landscape ? "Landscape" : "Portrait",
      zoom: { horizontalFitToPages: 1 },
      printArea: `${BLOCK_TITLES[block].includes(" ") ? `'${BLOCK_TITLES[block]}'` : BLOCK_TITLES[block]}!${rangeA1(top, left, bottom, right)}`,
      printTitleRows: titles ? `$${titles.top + 1}:$${titles.bottom + 1}` : null,
      rowHeights: Object.fromEntries((spec.rowHeights ?? []).map((h) => [h.row + 1, h.points])),
    });
  });

  test("at the selection, on the user's sheet: validation yes, but the sheet's page setup and row heights stay the user's", async () => {
    const wb = setup();
    wb.select("Sheet1", "B3");
    // Sensitivity needs the Deal block's names: Deal goes first at B3, Sensitivity one empty row below it.
    ok(await insertBlocks(["sensitivity"], AT_SELECTION));
    expect(pageSetupOf(wb, "Sheet1")).toEqual({
      orientation: "Portrait",
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      rowHeights: {},
    });
    const deal = buildBlock("deal", { origin: { row: 2, col: 1 } });
    const sensitivity = buildBlock("sensitivity", { origin: { row: 2 + specExtent(deal).rows + 1, col: 1 } });
    const inputs = [deal, sensitivity].flatMap((spec) => spec.cells.filter((c) => c.owner === "user").map((c) => toA1(c.row, c.col)));
    // Deal: an override per deal figure and the exit valuation; Sensitivity: four scenario inputs and two steps.
    expect(inputs).toHaveLength(figureCount("deal") + 1 + 4 + 2);
    expect(Object.keys(validationsOf(wb, "Sheet1")).sort()).toEqual(inputs.sort());
  });

  test("an update writes values only: no validation, page layout or row height", async () => {
    const wb = setup();
    ok(await insertBlocks(BLOCKS, NEW_SHEET, previousSource));
    const from = wb.syncLog.length;
    const review = ok(await planUpdate());
    expect(review.refreshes).toBeGreaterThan(0);
    ok(await applyUpdate([], review.fingerprint));
    const ops = wb.syncLog.slice(from).flatMap((s) => s.writes.map((w) => w.op));
    expect(ops.filter((op) => /^(DataValidation|PageLayout)\.|rowHeight/.test(op))).toEqual([]);
    expect(Object.keys(validationsOf(wb, "Deal")).length).toBe(buildBlock("deal").cells.filter((c) => c.owner === "user").length);
  });
});
