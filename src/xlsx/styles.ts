/**
 * How each named SheetSpec style looks in the .xlsx file. Colours, bold, italic and wrapping come
 * from the shared STYLE_LOOKS (src/sheets/styles.ts), so a workbook from `npm run workbook` looks like the one
 * the task pane inserts; the file adds what Office.js sets elsewhere or not at all: the font,
 * sizes and thin rules under rows.
 */
import type { Alignment, Borders, Fill, Font } from "exceljs";
import { STYLE_LOOKS } from "../sheets/styles";
import type { StyleName } from "../sheets/spec";

export interface XlsxStyle {
  readonly font: Partial<Font>;
  readonly fill?: Fill;
  readonly border?: Partial<Borders>;
  readonly alignment?: Partial<Alignment>;
}

const FONT = "Calibri";
const RULE = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BOX: Partial<Borders> = { top: RULE, left: RULE, bottom: RULE, right: RULE };

/** "#1f3864" → "FF1F3864", the ARGB form the file stores. */
export function argb(hex: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`A colour must be #RRGGBB, got ${hex}.`);
  return `FF${hex.slice(1).toUpperCase()}`;
}

/** What the file adds to each look: size and the rules that separate rows. */
const EXTRAS: Readonly<Record<StyleName, { readonly size: number; readonly border?: Partial<Borders> }>> = {
  title: { size: 16 },
  subtitle: { size: 12 },
  header: { size: 11, border: { bottom: { style: "medium", color: { argb: "FF1F3864" } } } },
  label: { size: 11, border: { bottom: RULE } },
  reported: { size: 11, border: { bottom: RULE } },
  input: { size: 11, border: BOX },
  derived: { size: 11, border: { bottom: RULE } },
  text: { size: 11 },
  muted: { size: 9 },
  base: { size: 11, border: BOX },
  flag: { size: 11 },
};

function xlsxStyle(name: StyleName): XlsxStyle {
  const look = STYLE_LOOKS[name];
  const extra = EXTRAS[name];
  const font: Partial<Font> = { name: FONT, size: extra.size, color: { argb: argb(look.color ?? "#000000") } };
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  return {
    font,
    ...(look.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } } as Fill } : {}),
    ...(extra.border ? { border: extra.border } : {}),
    ...(look.wrapText ? { alignment: { wrapText: true, vertical: "top" } as Partial<Alignment> } : {}),
  };
}

export const XLSX_STYLES: Readonly<Record<StyleName, XlsxStyle>> = Object.freeze(
  Object.fromEntries((Object.keys(EXTRAS) as StyleName[]).map((name) => [name, xlsxStyle(name)])) as Record<StyleName, XlsxStyle>,
);
