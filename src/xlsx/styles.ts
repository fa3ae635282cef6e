/**
 * How each named SheetSpec style looks in the .xlsx file. The palette follows the habit of
 * financial models: hard-coded figures in blue, formulas in black, inputs the user fills in on a
 * pale yellow fill, headers white on dark blue.
 */
import type { Alignment, Borders, Fill, Font } from "exceljs";
import type { StyleName } from "../sheets/spec";

export interface XlsxStyle {
  readonly font: Partial<Font>;
  readonly fill?: Fill;
  readonly border?: Partial<Borders>;
  readonly alignment?: Partial<Alignment>;
}

const FONT = "Calibri";
const NAVY = "FF1F3864";
const HEADER_FILL = "FF1F4E79";
const INPUT_FILL = "FFFFF2CC";
const HAIRLINE = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

function solid(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** One entry per StyleName: the compiler rejects a style that has no look. */
export const XLSX_STYLES: Readonly<Record<StyleName, XlsxStyle>> = {
  title: { font: { name: FONT, size: 16, bold: true, color: { argb: NAVY } } },
  subtitle: { font: { name: FONT, size: 10, italic: true, color: { argb: "FF595959" } } },
  header: {
    font: { name: FONT, size: 11, bold: true, color: { argb: "FFFFFFFF" } },
    fill: solid(HEADER_FILL),
    border: { bottom: { style: "medium", color: { argb: NAVY } } },
    alignment: { vertical: "middle" },
  },
  label: { font: { name: FONT, size: 11, color: { argb: "FF000000" } }, border: { bottom: HAIRLINE } },
  // Hard-coded figures from the sources: blue, the convention for numbers typed in rather than computed.
  reported: { font: { name: FONT, size: 11, color: { argb: "FF0000FF" } }, border: { bottom: HAIRLINE } },
  input: {
    font: { name: FONT, size: 11, color: { argb: "FF0000FF" } },
    fill: solid(INPUT_FILL),
    border: { top: HAIRLINE, left: HAIRLINE, bottom: HAIRLINE, right: HAIRLINE },
  },
  derived: { font: { name: FONT, size: 11, bold: true, color: { argb: "FF000000" } }, border: { bottom: HAIRLINE } },
  text: { font: { name: FONT, size: 11, color: { argb: "FF000000" } }, alignment: { vertical: "top" } },
  muted: { font: { name: FONT, size: 9, italic: true, color: { argb: "FF7F7F7F" } } },
};
