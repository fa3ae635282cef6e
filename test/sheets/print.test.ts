/**
 * How the blocks print: every block's page setup (print area, one page wide, landscape when wider
 * than a portrait page, the table header repeated) and rows tall enough for their wrapped text.
 */
import { buildAllBlocks } from "../../src/sheets";
import { BlockBuilder, LINE_POINTS, PORTRAIT_CHARACTERS } from "../../src/sheets/block-builder";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { toA1 } from "../../src/sheets/a1";

const specs = buildAllBlocks();
const moved = buildAllBlocks({ origin: { row: 7, col: 3 } });

describe("page setup", () => {
  test.each(specs.map((s) => [s.sheetName, s] as const))("%s prints its whole block, one page wide", (_name, spec) => {
    const print = spec.print!;
    const rows = spec.cells.map((c) => c.row);
    const cols = spec.cells.map((c) => c.col);
    expect(print.fitToWidth).toBe(1);
    expect(print.area.top).toBe(0);
    expect(print.area.left).toBe(0);
    expect(print.area.bottom).toBeGreaterThanOrEqual(Math.max(...rows));
    expect(print.area.right).toBe(Math.max(...cols, spec.columnWidths.length - 1));
  });

  test("a chart is inside the print area: Excel's default chart is 15 rows tall from its anchor", () => {
    const capex = specs.find((s) => s.block === "capex")!;
    const chart = capex.charts[0];
    expect(capex.print!.area.bottom).toBe(Math.max(chart.anchor.row + 14, ...capex.cells.map((c) => c.row)));
    const covered = capex.columnWidths.slice(chart.anchor.col, capex.print!.area.right + 1).reduce((a, b) => a + b, 0);
    // 360 points at 5.25 points a character: at least 68 characters of columns from the anchor.
    expect(covered).toBeGreaterThanOrEqual(68);
  });

  test("the figures blocks repeat their table's header on every page; the Sensitivity sheet has no table to repeat", () => {
    for (const spec of specs) {
      const table = spec.tables[0];
      expect([spec.block, spec.print!.titleRows]).toEqual([spec.block, table ? { top: table.top, bottom: table.top } : null]);
    }
    expect(specs.find((s) => s.block === "deal")!.print!.titleRows).toEqual({ top: 3, bottom: 3 });
  });

  test("a block wider than a portrait page prints landscape; a narrow one portrait", () => {
    for (const spec of specs) {
      const width = spec.columnWidths.reduce((a, b) => a + b, 0);
      expect([spec.block, spec.print!.landscape]).toEqual([spec.block, width > PORTRAIT_CHARACTERS]);
    }
    expect(specs.find((s) => s.block === "deal")!.print!.landscape).toBe(true);
    const narrow = new BlockBuilder("deal", { row: 0, col: 0 }, BUILT_IN_FIGURES);
    narrow.put(0, 0, { value: "A short block", owner: "addin" });
    expect(narrow.finish("Narrow", []).print).toEqual({
      landscape: false,
      area: { top: 0, left: 0, bottom: 0, right: 3 },
      titleRows: null,
      fitToWidth: 1,
    });
  });

  test("a block placed at a cell prints from that cell", () => {
    for (const [i, spec] of moved.entries()) {
      const base = specs[i].print!;
      expect(spec.print!.area).toEqual({
        top: base.area.top + 7,
        left: base.area.left + 3,
        bottom: base.area.bottom + 7,
        right: base.area.right + 3,
      });
    }
  });

  test("asking to repeat a table the block does not have is a builder bug", () => {
    const b = new BlockBuilder("deal", { row: 0, col: 0 }, BUILT_IN_FIGURES);
    b.put(0, 0, { value: "x", owner: "addin" });
    expect(() => b.finish("X", [], "NoSuchTable")).toThrow("Block deal: no table NoSuchTable to repeat on each printed page.");
  });
});

describe("row heights", () => {
  test.each(specs.map((s) => [s.sheetName, s] as const))(
    "%s: a row of wrapped text is tall enough for its longest cell's lines, and no other row is set",
    (_name, spec) => {
      const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.points]));
      const needed = new Map<number, number>();
      for (const c of spec.cells) {
        if (c.style !== "text" || typeof c.value !== "string") continue;
        // Characters a line holds: the column's width less its padding of 2.
        const across = spec.columnWidths[c.col - spec.origin.col] - 2;
        const lines = c.value.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / across)), 0);
        needed.set(c.row, Math.max(needed.get(c.row) ?? 1, lines));
      }
      for (const [row, lines] of needed) {
        const where = `${spec.sheetName}!${toA1(row, 0)}`;
        expect([where, heights.get(row) ?? LINE_POINTS]).toEqual([where, lines * LINE_POINTS]);
      }
      for (const row of heights.keys()) expect(needed.get(row)).toBeGreaterThan(1);
    },
  );

  test("the Sources sheet's wrapped titles and caveats get rows of several lines", () => {
    const sources = specs.find((s) => s.block === "sources")!;
    expect((sources.rowHeights ?? []).length).toBeGreaterThan(5);
    expect(Math.max(...(sources.rowHeights ?? []).map((h) => h.points))).toBeGreaterThanOrEqual(3 * LINE_POINTS);
  });
});
