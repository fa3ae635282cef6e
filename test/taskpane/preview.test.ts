import { allFigures } from "../../src/figures";
import { BLOCK_TITLES, buildAllBlocks, buildBlock } from "../../src/sheets";
import { columnLetters } from "../../src/sheets/a1";
import { blockPreviews, previewTable } from "../../src/taskpane/preview";
import type { PreviewTable } from "../../src/taskpane/view-model";

function value(id: string): string {
  return allFigures().find((f) => f.id === id)!.value;
}

/** The text of the cell a workbook name points to, read from the preview grid. */
function textAtName(tables: readonly PreviewTable[], name: string): string {
  for (const spec of buildAllBlocks()) {
    const at = spec.names.find((n) => n.name === name);
    if (!at) continue;
    const table = tables.find((t) => t.block === spec.block)!;
    const row = table.rows.find((r) => r.label === String(at.row + 1))!;
    return row.cells[table.columns.indexOf(columnLetters(at.col))];
  }
  throw new Error(`no block defines ${name}`);
}

/** n/d as a percentage with 2 decimals, rounded half up, from exact integers. */
function percent(n: bigint, d: bigint): string {
  const basisPoints = (n * 100000n) / d;
  const rounded = (basisPoints + 5n) / 10n;
  return `${rounded / 100n}.${String(rounded % 100n).padStart(2, "0")}%`;
}

describe("block previews", () => {
  const tables = blockPreviews(buildAllBlocks(), BLOCK_TITLES);

  test("one grid per block, titled with the block's sheet name", () => {
    expect(tables.map((t) => [t.block, t.title, t.sheetName])).toEqual([
      ["deal", "Deal", "Deal"],
      ["amzn", "AMZN", "AMZN"],
      ["capex", "Capex 2026", "Capex 2026"],
      ["sensitivity", "Sensitivity", "Sensitivity"],
      ["sources", "Sources", "Sources"],
    ]);
  });

  test("the deal amount reads as Excel's billions format shows it", () => {
    const billions = BigInt(value("deal.amount")) / 10n ** 9n;
    expect(textAtName(tables, "DEAL_AMOUNT")).toBe(`$${billions}.0B`);
  });

  test("the post-money stake is computed from the figures, not left as a formula", () => {
    const expected = percent(BigInt(value("deal.amount")), BigInt(value("openai.valuation_round")));
    expect(textAtName(tables, "DEAL_STAKE_POST")).toBe(expected);
  });

  test("a formula cell shows its computed value, never the formula text", () => {
    for (const spec of buildAllBlocks()) {
      const table = tables.find((t) => t.block === spec.block)!;
      for (const cell of spec.cells.filter((c) => c.formula)) {
        const text = table.rows[cell.row].cells[cell.col];
        expect(text).not.toBe(cell.formula);
        expect(text.startsWith("=")).toBe(false);
      }
    }
  });

  test("every cell of a spec lands in the grid at its own row and column", () => {
    const spec = buildBlock("deal", { origin: { row: 4, col: 2 } });
    const table = previewTable(spec, "Deal", () => "x");
    expect(table.columns[0]).toBe("C");
    expect(table.rows[0].label).toBe("5");
    const filled = table.rows.flatMap((r) => r.cells).filter((c) => c === "x").length;
    expect(filled).toBe(spec.cells.length);
  });

  test("the capex block names its chart", () => {
    expect(tables.find((t) => t.block === "capex")!.charts).toEqual(buildBlock("capex").charts.map((c) => c.title));
    expect(tables.find((t) => t.block === "capex")!.charts.length).toBeGreaterThan(0);
  });
});
