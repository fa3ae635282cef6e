/**
 * The Sources sheet: each article the figures come from, its date (or what it says about when
 * it speaks), the outlet it cites, and the figures and facts it supports.
 */
import { allSources, idsSupportedBy } from "../../figures";
import { BlockBuilder, type Origin } from "../block-builder";
import { FORMATS, isoDateToSerial } from "../formats";
import type { SheetSpec } from "../spec";

export const SOURCE_COLUMNS = Object.freeze(["Source id", "Title", "Date", "Cites", "Supports", "File"] as const);

export function buildSourcesBlock(sheetName: string, origin: Origin): SheetSpec {
  const b = new BlockBuilder("sources", origin);
  b.put(0, 0, { value: "Sources", style: "title", owner: "addin" });
  b.put(1, 0, {
    value: "The articles every figure comes from; each figure's note quotes its sentence.",
    style: "muted",
    owner: "addin",
  });
  const top = 3;
  SOURCE_COLUMNS.forEach((title, col) => b.put(top, col, { value: title, style: "header", owner: "addin" }));
  const sources = allSources();
  sources.forEach((s, i) => {
    const row = top + 1 + i;
    const text = (col: number, value: string) => b.put(row, col, { value, style: "text", owner: "addin" });
    text(0, s.id);
    text(1, s.title);
    if (s.date) b.put(row, 2, { value: isoDateToSerial(s.date), numberFormat: FORMATS.date, style: "text", owner: "addin" });
    else text(2, s.dateNote);
    text(3, s.cites);
    text(4, idsSupportedBy(s.id).join(", "));
    text(5, s.file);
  });
  b.table("DealSources", top, 0, top + sources.length, SOURCE_COLUMNS.length - 1);
  return b.finish(sheetName, []);
}
