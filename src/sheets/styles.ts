/**
 * How each named cell style of a SheetSpec looks, shared by the Excel and the xlsx writers. Inputs are blue on green, the
 * convention analysts read as "type here"; reported figures sit on pale yellow; a scenario's base case on pale orange; a
 * flag beside an input is bold red.
 */
import type { StyleName } from "./spec";

export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
  readonly fill?: string;
  readonly wrapText?: boolean;
}

export const STYLE_LOOKS: Readonly<Record<StyleName, CellLook>> = Object.freeze({
  title: { bold: true, color: "#1F3864" },
  subtitle: { bold: true },
  header: { bold: true, fill: "#D9E1F2" },
  label: {},
  reported: { fill: "#FFF2CC" },
  input: { color: "#0000FF", fill: "#E2EFDA" },
  derived: {},
  text: { wrapText: true },
  muted: { italic: true, color: "#595959" },
  base: { bold: true, fill: "#FCE4D6" },
  flag: { bold: true, color: "#C00000" },
});
