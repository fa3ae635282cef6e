/**
 * The fake Excel of fake-host.ts, plus what the figures tests need: a CustomFunctions registry,
 * so a test can call DEAL.FIGURE as Excel would in the shared runtime, and, with
 * `dealDeskFake.oldBlocks`, a workbook that already holds every block written from the built-in
 * figures (1.0.0) with two cells the user changed, in place before the pane connects.
 */
import "./fake-host";
import { insertBlocks } from "../../src/excel";
import { BLOCKS, buildBlock } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { COL } from "../../src/sheets/figure-table";
import type { FakeWorkbook } from "../fakes/fake-excel";

type Fn = (...args: unknown[]) => unknown;

const page = globalThis as unknown as {
  dealDeskFake?: { oldBlocks?: boolean };
  fakeWorkbook: FakeWorkbook;
  fakeFunctions?: { call(id: string, ...args: unknown[]): Promise<unknown> };
  CustomFunctions?: unknown;
  Office: { onReady(callback?: (info: unknown) => void): Promise<unknown> };
};

class FunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const registered = new Map<string, Fn>();
page.CustomFunctions = {
  associate: (id: string, fn: Fn) => registered.set(id, fn),
  Error: FunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
};
page.fakeFunctions = { call: async (id, ...args) => JSON.parse(JSON.stringify(await registered.get(id)!(...args))) };

/** The address of a figure's cell in a column of its block's table. */
function figureCell(block: "deal" | "amzn", figureId: string, col: number): string {
  const cell = buildBlock(block).cells.find((c) => c.figureId === figureId && c.col === col);
  if (!cell) throw new Error(`the ${block} block has no cell for ${figureId} in column ${col}`);
  return toA1(cell.row, cell.col);
}

/** The old blocks, and the user's edits: an override of the amount, and a Reported cell typed over. */
async function writeOldBlocks(): Promise<void> {
  const result = await insertBlocks(BLOCKS, { target: "new-sheet", includeStockHistory: false });
  if (!result.ok) throw new Error(result.message);
  page.fakeWorkbook.setCell("Deal", figureCell("deal", "deal.amount", COL.override), 45000000000);
  page.fakeWorkbook.setCell("Deal", figureCell("deal", "deal.round_size", COL.reported), 120000000000);
}

if (page.dealDeskFake?.oldBlocks) {
  const office = page.Office;
  const onReady = office.onReady.bind(office);
  const prepared = writeOldBlocks();
  office.onReady = (callback) => prepared.then(() => onReady(callback));
}
