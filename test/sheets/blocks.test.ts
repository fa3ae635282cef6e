import { allFacts, allFigures, type Figure } from "../../src/figures";
import {
  ASSUMPTION_NAMES,
  blockFigureIds,
  BLOCK_TITLES,
  BLOCKS,
  buildAllBlocks,
  buildBlock,
  DERIVED_NAMES,
  inputNames,
  TEXT_NAMES,
} from "../../src/sheets";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { toA1 } from "../../src/sheets/a1";
import { BlockBuilder } from "../../src/sheets/block-builder";
import { displayText, evaluateWorkbook } from "../../src/sheets/evaluate";
import { COL, FIGURE_COLUMNS, figureTable } from "../../src/sheets/figure-table";
import { functionsIn, namesIn, parseFormula, type FormulaNode } from "../../src/sheets/formula";
import type { BlockId, SheetSpec } from "../../src/sheets/spec";
import { rawFigures } from "../figures/json";
import { exact, excelSerial, figureOf } from "./helpers";

const specs = buildAllBlocks();
const live = buildAllBlocks({ includeStockHistory: true });

/** Functions Excel 2016 and LibreOffice Calc both compute the same way. */
const SHARED_FUNCTIONS = [
  "IF",
  "IFERROR",
  "ISBLANK",
  "ISNUMBER",
  "NA",
  "NOT",
  "INDEX",
  "ROWS",
  "AND",
  "OR",
  "NOT",
  "ABS",
  "ROUND",
  "MIN",
  "MAX",
  "SUM",
];

/** The names of the figures the issues list; the figures file may add more (each figure's own `name`). */
const ISSUE_FIGURE_NAMES = [
  "DEAL_AMOUNT",
  "DEAL_AMOUNT_ANNOUNCED",
  "DEAL_EXPECTED_CLOSE",
  "DEAL_ROUND_SIZE",
  "OPENAI_VALUATION_PRIOR",
  "OPENAI_VALUATION_ROUND",
  "AMZN_PRICE",
  "AMZN_RETURN_3Y",
  "AMAZON_CAPEX_2026",
  "AMAZON_CORPORATE_LAYOFFS",
  "ANTHROPIC_INVESTMENT",
  "ANTHROPIC_INDIANA_CAMPUS",
];

/** The issues' other names (issue 21: both step-up readings named, and the MOIC example's exit valuation; SCENARIO_* from issue 22, which replaced SENSITIVITY_ROUND_SIZE). */
const ISSUE_OTHER_NAMES = [
  "OPENAI_STEPUP_IF_PRE",
  "OPENAI_STEPUP_IF_POST",
  "DEAL_EXIT_VALUATION",
  "SCENARIO_AMOUNT",
  "SCENARIO_VALUATION",
  "SCENARIO_BASIS",
  "SCENARIO_ROUND_SIZE",
  "SCENARIO_STAKE",
  "DEAL_STAKE_POST",
  "DEAL_STAKE_PRE",
  "OPENAI_PREMONEY_IMPLIED",
  "DEAL_SHARE_OF_ROUND",
  "OPENAI_STEPUP",
  "AMZN_PRICE_3Y_AGO",
  "AMZN_CAGR_3Y",
  "DEAL_SHARE_OF_CAPEX",
];

/** Read from the raw figures file, apart from the loader: each figure's name and block. */
const figuresInFile = rawFigures();
const ISSUE_NAMES = [...figuresInFile.map((f) => f.name), ...ISSUE_OTHER_NAMES];

const formulas = (spec: SheetSpec) => spec.cells.filter((c) => c.formula !== undefined).map((c) => c.formula as string);

describe("all blocks", () => {
  test("are listed dependencies first, each with its sheet name", () => {
    expect(BLOCKS).toEqual(["deal", "amzn", "capex", "sensitivity", "sources"]);
    expect(BLOCK_TITLES).toEqual({ deal: "Deal", amzn: "AMZN", capex: "Capex 2026", sensitivity: "Sensitivity", sources: "Sources" });
    expect(specs.map((s) => [s.block, s.sheetName])).toEqual(BLOCKS.map((b) => [b, BLOCK_TITLES[b]]));
  });

  test("building is deterministic and the result is frozen", () => {
    for (const block of BLOCKS) {
      const spec = buildBlock(block);
      expect(buildBlock(block)).toEqual(spec);
      expect(Object.isFrozen(spec) && Object.isFrozen(spec.cells) && Object.isFrozen(spec.cells[0])).toBe(true);
    }
    expect(buildAllBlocks()).toEqual(BLOCKS.map((b) => buildBlock(b)));
  });

  test("an unknown block or an origin off the grid is refused with the reason", () => {
    expect(() => buildBlock("capex2026" as BlockId)).toThrow(
      'Unknown block "capex2026": the blocks are deal, amzn, capex, sensitivity, sources.',
    );
    expect(() => buildBlock("deal", { origin: { row: -1, col: 0 } })).toThrow("A block's origin must be a cell");
    expect(() => buildBlock("deal", { origin: { row: 0.5, col: 0 } })).toThrow("A block's origin must be a cell");
    expect(() => buildBlock("sources", { origin: { row: 1048570, col: 0 } })).toThrow(
      "Block sources does not fit on the sheet from A1048571: choose a cell further up or left.",
    );
    expect(() => buildBlock("deal", { origin: { row: 0, col: 16380 } })).toThrow("Block deal does not fit on the sheet from XFA1");
  });

  test("every figure of the dataset appears in exactly one block's table", () => {
    const shown = specs.flatMap((s) => s.cells.filter((c) => c.style === "reported" && c.figureId && typeof c.value === "number"));
    expect(shown.map((c) => c.figureId).sort()).toEqual(
      allFigures()
        .map((f) => f.id)
        .sort(),
    );
  });

  test("blockFigureIds lists each block's figures in the order its table shows them: the figures file's order", () => {
    for (const spec of specs) {
      const rows = spec.cells.filter((c) => c.style === "reported" && typeof c.value === "number").sort((a, b) => a.row - b.row);
      expect(blockFigureIds(BUILT_IN_FIGURES, spec.block)).toEqual(rows.map((c) => c.figureId));
    }
  });

  test("no text of a block's first column repeats a figure's label: an update that lost a table's Id column finds rows by label", () => {
    for (const spec of live) {
      const first = spec.cells.filter((c) => c.col === spec.origin.col && typeof c.value === "string").map((c) => c.value as string);
      const labels = allFigures().map((f) => f.label);
      expect([spec.block, first.filter((text, i) => labels.includes(text) && first.indexOf(text) !== i)]).toEqual([spec.block, []]);
    }
  });

  test("no two cells share a position and no cell has both a value and a formula", () => {
    for (const spec of live) {
      const keys = spec.cells.map((c) => `${c.row},${c.col}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(spec.cells.filter((c) => c.value !== undefined && c.formula !== undefined)).toEqual([]);
    }
  });

  test("the workbook names are exactly the issue's, each defined once", () => {
    expect(figuresInFile.map((f) => f.name)).toEqual(expect.arrayContaining(ISSUE_FIGURE_NAMES));
    const names = specs.flatMap((s) => s.names.map((n) => n.name));
    expect([...names].sort()).toEqual([...ISSUE_NAMES].sort());
    expect(
      [...Object.values(inputNames(BUILT_IN_FIGURES)), ...DERIVED_NAMES, ...ASSUMPTION_NAMES, ...Object.keys(TEXT_NAMES)].sort(),
    ).toEqual([...ISSUE_NAMES].sort());
  });

  test("names and table names are valid in Excel: not cell-like, unique, comments within 255 characters", () => {
    const names = specs.flatMap((s) => s.names);
    const tables = specs.flatMap((s) => s.tables.map((t) => t.name));
    expect(tables).toEqual(["DealFigures", "AmznFigures", "CapexFigures", "DealSources", "DealAsOf"]);
    for (const n of [...names.map((x) => x.name), ...tables]) {
      expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(n).not.toMatch(/^[A-Za-z]{1,3}[0-9]+$/);
      expect(n).not.toMatch(/^R[0-9]*C[0-9]*$/i);
    }
    expect(new Set([...names.map((x) => x.name.toUpperCase()), ...tables.map((t) => t.toUpperCase())]).size).toBe(
      names.length + tables.length,
    );
    for (const n of names) expect(n.comment.length).toBeLessThanOrEqual(255);
    for (const s of specs) expect(s.sheetName).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  });

  test("each input name points to the Used cell of its figure's row and computes the figure's value", () => {
    const wb = evaluateWorkbook(specs);
    for (const [id, name] of Object.entries(inputNames(BUILT_IN_FIGURES))) {
      const spec = specs.find((s) => s.names.some((n) => n.name === name)) as SheetSpec;
      const at = spec.names.find((n) => n.name === name);
      const cell = spec.cells.find((c) => c.row === at?.row && c.col === at?.col);
      const r = (at?.row ?? 0) + 1;
      expect(cell).toMatchObject({ formula: `=IF(C${r}="",B${r},C${r})`, figureId: id });
      const f = figureOf(id);
      expect(wb.name(name)).toBe(f.unit === "date" ? excelSerial(f.value) : exact(id).toNumber());
      expect(at?.comment).toContain(figureOf(id).label);
    }
  });

  test("each block requires exactly the blocks whose names it reads, and they come first", () => {
    const definedBy = new Map(specs.flatMap((s) => s.names.map((n) => [n.name, s.block] as const)));
    for (const spec of live) {
      const used = new Set(
        formulas(spec)
          .flatMap(namesIn)
          .map((n) => definedBy.get(n)),
      );
      expect(used.has(undefined)).toBe(false);
      used.delete(spec.block);
      expect([...spec.requires].sort()).toEqual([...used].sort());
      for (const r of spec.requires) expect(BLOCKS.indexOf(r)).toBeLessThan(BLOCKS.indexOf(spec.block));
    }
  });

  test("formulas use only functions Excel 2016 and LibreOffice share, and no DEAL.* function", () => {
    for (const spec of specs) {
      for (const f of formulas(spec)) {
        for (const fn of functionsIn(f)) expect(SHARED_FUNCTIONS).toContain(fn);
        expect(f).not.toMatch(/DEAL\./i);
      }
    }
  });

  /** The live price's value cell and the change beside it: one empty column past the AMZN table, beside their labels. */
  const liveValue = (row: number) => `AMZN!${toA1(row, FIGURE_COLUMNS.length + 2)}`;

  test("STOCKHISTORY and TODAY appear only in the optional live cells", () => {
    const extra = live.flatMap((spec) =>
      spec.cells.filter((c) => c.formula && functionsIn(c.formula).some((fn) => !SHARED_FUNCTIONS.includes(fn))),
    );
    expect(extra.map((c) => `AMZN!${toA1(c.row, c.col)}`)).toEqual([liveValue(4)]);
    expect(functionsIn(extra[0].formula as string).sort()).toEqual(["INDEX", "ROWS", "STOCKHISTORY", "TODAY"]);
  });

  test("every formula of every block computes without a builder error, and only the live cells are errors", () => {
    const wb = evaluateWorkbook(live);
    const errors: string[] = [];
    for (const spec of live) {
      for (const c of spec.cells) {
        if (c.formula === undefined) continue;
        const v = wb.value(spec.sheetName, c.row, c.col);
        if (typeof v === "object" && v !== null) errors.push(`${spec.sheetName}!${toA1(c.row, c.col)}`);
      }
    }
    expect(errors).toEqual([liveValue(4), liveValue(5)]);
  });

  test("every reported cell carries a note with its source, status and quoted sentence", () => {
    const claims = new Map<string, { quote: string; status: string }>([
      ...allFigures().map((f) => [f.id, f] as const),
      ...allFacts().map((f) => [f.id, f] as const),
    ]);
    const reported = specs.flatMap((s) => s.cells.filter((c) => c.style === "reported"));
    expect(reported).toHaveLength(allFigures().length + allFacts().length);
    for (const c of reported) {
      const claim = claims.get(c.figureId ?? "");
      expect(c.note).toContain(`"${claim?.quote}"`);
      expect(c.note?.toLowerCase()).toContain(claim?.status);
      expect(c.note).toContain("Source: ");
    }
  });

  test("user cells are the overrides and inputs: never formulas, always the input style", () => {
    for (const spec of live) {
      for (const c of spec.cells) {
        if (c.owner === "user") expect(c.formula === undefined && c.style === "input").toBe(true);
        if (c.formula !== undefined) expect(c.owner).toBe("addin");
      }
    }
    const userCells = specs.map((s) => s.cells.filter((c) => c.owner === "user").length);
    // One override per figure of the block, in the figures file, and the inputs: the exit valuation, shares outstanding, cost per employee, the four scenario inputs and two grid steps.
    const overrides = (block: string) => figuresInFile.filter((f) => f.block === block).length;
    expect(userCells).toEqual([overrides("deal") + 1, overrides("amzn") + 1, overrides("capex") + 1, 4 + 2, 0]);
  });

  test("text from the dataset that begins with =, +, - or @ stays a value, never a formula", () => {
    const hostile: Figure = {
      ...figureOf("deal.amount"),
      id: "test.hostile",
      name: undefined,
      label: '=HYPERLINK("http://example.invalid","click")',
      asOf: "+1 day",
      asOfDate: null,
      asOfBasis: "undated",
      period: "=1+1",
      quote: "-1 and more",
      comment: "@SUM(1)",
      otherClaims: [],
      alsoStatedIn: [],
      challengedIn: [],
    };
    const b = new BlockBuilder("deal", { row: 0, col: 0 }, { ...BUILT_IN_FIGURES, figures: [hostile] });
    figureTable(b, 0, "deal", "T");
    const spec = b.finish("T", []);
    const label = spec.cells.find((c) => c.row === 1 && c.col === 0);
    expect(label).toMatchObject({ value: hostile.label });
    expect(label?.formula).toBeUndefined();
    expect(spec.cells.find((c) => c.row === 1 && c.col === COL.asOf)).toMatchObject({ value: "undated: +1 day" });
    expect(spec.cells.find((c) => c.row === 1 && c.col === COL.period)).toMatchObject({ value: "=1+1" });
    expect(spec.cells.find((c) => c.row === 1 && c.col === 1)?.note).toContain('"-1 and more"');
    // The only formulas are the add-in's own: Used and the Check flag.
    const formulaCells = spec.cells.filter((c) => c.formula !== undefined);
    expect(formulaCells.map((c) => c.col)).toEqual([COL.used, COL.check]);
    expect(formulaCells[0].formula).toBe('=IF(C2="",B2,C2)');
  });
});

/** A formula tree with every cell reference moved by (dr, dc). */
function shifted(node: FormulaNode, dr: number, dc: number): FormulaNode {
  switch (node.kind) {
    case "ref":
      return { ...node, row: node.row + dr, col: node.col + dc };
    case "call":
      return { ...node, args: node.args.map((a) => shifted(a, dr, dc)) };
    case "unary":
    case "percent":
      return { ...node, operand: shifted(node.operand, dr, dc) };
    case "binary":
      return { ...node, left: shifted(node.left, dr, dc), right: shifted(node.right, dr, dc) };
    default:
      return node;
  }
}

describe("origin", () => {
  const origin = { row: 7, col: 3 };
  const moved = buildAllBlocks({ origin, includeStockHistory: true });

  test.each(BLOCKS.map((b, i) => [b, i] as const))("moves every cell, formula reference, name, table and chart of %s", (_block, i) => {
    const base = live[i];
    const spec = moved[i];
    expect(spec.origin).toEqual(origin);
    expect(spec.columnWidths).toEqual(base.columnWidths);
    expect(spec.cells).toHaveLength(base.cells.length);
    base.cells.forEach((c, k) => {
      const m = spec.cells[k];
      expect({ ...m, row: m.row - 7, col: m.col - 3, formula: undefined }).toEqual({ ...c, formula: undefined });
      if (c.formula) expect(parseFormula(m.formula as string)).toEqual(shifted(parseFormula(c.formula), 7, 3));
    });
    expect(spec.names).toEqual(base.names.map((n) => ({ ...n, row: n.row + 7, col: n.col + 3 })));
    expect(spec.tables).toEqual(
      base.tables.map((t) => ({ ...t, top: t.top + 7, bottom: t.bottom + 7, left: t.left + 3, right: t.right + 3 })),
    );
    expect(spec.charts).toEqual(
      base.charts.map((c) => ({
        ...c,
        categories: { top: c.categories.top + 7, bottom: c.categories.bottom + 7, col: c.categories.col + 3 },
        values: { top: c.values.top + 7, bottom: c.values.bottom + 7, col: c.values.col + 3 },
        anchor: { row: c.anchor.row + 7, col: c.anchor.col + 3 },
      })),
    );
  });

  test("moved blocks compute the same values at the moved cells", () => {
    const a = evaluateWorkbook(live);
    const b = evaluateWorkbook(moved);
    for (const spec of live) {
      for (const c of spec.cells) expect(b.value(spec.sheetName, c.row + 7, c.col + 3)).toEqual(a.value(spec.sheetName, c.row, c.col));
    }
  });
});

describe("column widths", () => {
  const wb = evaluateWorkbook(live);

  test.each(live.map((s) => [s.sheetName, s] as const))(
    "%s: every value fits its column, or the empty columns it overflows into",
    (_name, spec) => {
      const width = (col: number) => spec.columnWidths[col - spec.origin.col] ?? 8;
      const inTable = (r: number, c: number) => spec.tables.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
      for (const c of spec.cells) {
        const shown = displayText(c.formula !== undefined ? wb.value(spec.sheetName, c.row, c.col) : (c.value ?? null), c.numberFormat);
        const where = `${spec.sheetName}!${toA1(c.row, c.col)}`;
        if (typeof c.value !== "string") {
          expect([where, shown.length < width(c.col)]).toEqual([where, true]);
          continue;
        }
        const longest = Math.max(...shown.split("\n").map((l) => l.length));
        if (c.style === "text") {
          expect([where, Math.min(longest, 50) < width(c.col)]).toEqual([where, true]);
          continue;
        }
        let room = width(c.col);
        if (!inTable(c.row, c.col)) {
          for (let col = c.col + 1; !spec.cells.some((o) => o.row === c.row && o.col === col) && col < c.col + 40; col++)
            room += width(col);
        }
        expect([where, longest < room]).toEqual([where, true]);
      }
    },
  );

  test("widths are between 8 and 255 characters", () => {
    for (const spec of live) for (const w of spec.columnWidths) expect(w >= 8 && w <= 255).toBe(true);
  });
});
