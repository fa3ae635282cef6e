/**
 * A small SheetSpec written by hand, independent of the block builders: a figures table whose
 * `Used` column is a formula, names on it, a derived formula, text that looks like formulas, a
 * chart. The writer's tests use it to check each feature against a spec whose every cell is known.
 */
import type { CellSpec, SheetSpec } from "../../src/sheets/spec";

export const B_FORMAT = '$#,##0.0,,,"B"';
export const PCT_FORMAT = "0.00%";

/** Texts a spreadsheet would take for formulas if they were typed in. */
export const FORMULA_LIKE_TEXTS = ["=1+1", "+A1", "-2", "@SUM(A1)", '=HYPERLINK("http://example.com")'];

/** The hand-made block, on a sheet whose name needs quoting in references. */
export function handMadeSpec(sheetName = "Deal's terms", origin = { row: 1, col: 1 }): SheetSpec {
  const r = origin.row;
  const c = origin.col;
  const at = (row: number, col: number) => ({ row: r + row, col: c + col });
  const ref = (row: number, col: number) => `${String.fromCharCode(65 + c + col)}${r + row + 1}`;
  const cells: CellSpec[] = [
    { ...at(0, 0), value: "Deal terms", style: "title", owner: "addin" },
    { ...at(1, 0), value: "Figure", style: "header", owner: "addin" },
    { ...at(1, 1), value: "Reported", style: "header", owner: "addin" },
    { ...at(1, 2), value: "Override", style: "header", owner: "addin" },
    { ...at(1, 3), value: "Used", style: "header", owner: "addin" },
    { ...at(2, 0), value: "Amount", style: "label", owner: "addin" },
    {
      ...at(2, 1),
      value: 50e9,
      numberFormat: B_FORMAT,
      style: "reported",
      note: "Source: hand-made fixture",
      owner: "addin",
      figureId: "deal.amount",
    },
    { ...at(2, 2), value: null, numberFormat: B_FORMAT, style: "input", owner: "user" },
    { ...at(2, 3), formula: `=IF(${ref(2, 2)}="",${ref(2, 1)},${ref(2, 2)})`, numberFormat: B_FORMAT, style: "derived", owner: "addin" },
    { ...at(3, 0), value: "Valuation", style: "label", owner: "addin" },
    { ...at(3, 1), value: 830e9, numberFormat: B_FORMAT, style: "reported", owner: "addin" },
    { ...at(3, 2), value: null, numberFormat: B_FORMAT, style: "input", owner: "user" },
    { ...at(3, 3), formula: `=IF(${ref(3, 2)}="",${ref(3, 1)},${ref(3, 2)})`, numberFormat: B_FORMAT, style: "derived", owner: "addin" },
    { ...at(5, 0), value: "Stake", style: "label", owner: "addin" },
    { ...at(5, 3), formula: "=FIX_AMOUNT/FIX_VALUATION", numberFormat: PCT_FORMAT, style: "derived", owner: "addin" },
    { ...at(6, 0), value: "Share of 2", style: "label", owner: "addin" },
    { ...at(6, 3), formula: "=FIX_STAKE/2", numberFormat: PCT_FORMAT, style: "derived", owner: "addin" },
    ...FORMULA_LIKE_TEXTS.map((text, i): CellSpec => ({ ...at(8 + i, 0), value: text, style: "text", owner: "addin" })),
    { ...at(14, 0), value: true, style: "muted", owner: "addin" },
  ];
  return {
    block: "deal",
    sheetName,
    origin,
    cells,
    names: [
      { name: "FIX_AMOUNT", ...at(2, 3), comment: "amount used" },
      { name: "FIX_VALUATION", ...at(3, 3), comment: "valuation used" },
      { name: "FIX_STAKE", ...at(5, 3), comment: "stake" },
    ],
    tables: [{ name: "FixFigures", top: r + 1, left: c, bottom: r + 3, right: c + 3 }],
    charts: [
      {
        title: "Amount and valuation",
        categories: { top: r + 2, bottom: r + 3, col: c },
        values: { top: r + 2, bottom: r + 3, col: c + 3 },
        anchor: { row: r + 2, col: c + 5 },
      },
    ],
    columnWidths: [24, 14, 14, 14],
    requires: [],
  };
}
