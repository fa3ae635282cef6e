/**
 * The Sources sheet: each article the figures come from, its date (or what it says about when
 * it speaks), its tier, the outlet it cites and the figures and facts it supports; below it,
 * each figure's as-of date with how that date is known and the tier of the source it rests on.
 */
import { findSourceIn, idsSupportedByIn } from "../../figures/lookup";
import type { Dataset } from "../../figures/types";
import { singleSourceCaveat } from "../../figures/provenance";
import { BlockBuilder, type Origin } from "../block-builder";
import { FORMATS, isoDateToSerial } from "../formats";
import type { SheetSpec } from "../spec";

export const SOURCE_COLUMNS = Object.freeze(["Id", "Title", "Date", "Tier", "Cites", "Supports", "File"] as const);
export const AS_OF_COLUMNS = Object.freeze(["Id", "As of", "As-of date", "How the date is known", "Source id", "Tier", "Caveat"] as const);

function sourcesTable(b: BlockBuilder, top: number): number {
  SOURCE_COLUMNS.forEach((title, col) => b.put(top, col, { value: title, style: "header", owner: "addin" }));
  const sources = b.data.sources;
  sources.forEach((s, i) => {
    const row = top + 1 + i;
    // Each cell names its source, and the Id column holds it: rows are found by id after a sort.
    const text = (col: number, value: string) => b.put(row, col, { value, style: "text", owner: "addin", figureId: s.id });
    text(0, s.id);
    text(1, s.title);
    if (s.date)
      b.put(row, 2, { value: isoDateToSerial(s.date), numberFormat: FORMATS.date, style: "text", owner: "addin", figureId: s.id });
    else text(2, s.dateNote);
    text(3, s.tier);
    text(4, s.cites);
    text(5, idsSupportedByIn(b.data, s.id).join(", "));
    text(6, s.file);
  });
  b.table("DealSources", top, 0, top + sources.length, SOURCE_COLUMNS.length - 1, "Tier");
  return top + sources.length;
}

/** Each figure's as-of row; the Id column lets an update find a row again after a sort. */
function asOfTable(b: BlockBuilder, top: number): void {
  b.put(top - 1, 0, { value: "When each figure speaks for, and what it rests on", style: "subtitle", owner: "addin" });
  AS_OF_COLUMNS.forEach((title, col) => b.put(top, col, { value: title, style: "header", owner: "addin" }));
  const figures = b.data.figures;
  figures.forEach((f, i) => {
    const row = top + 1 + i;
    const source = findSourceIn(b.data, f.sourceId);
    const text = (col: number, value: string) => b.put(row, col, { value, style: "text", owner: "addin", figureId: f.id });
    text(0, f.id);
    text(1, f.asOf);
    if (f.asOfDate)
      b.put(row, 2, { value: isoDateToSerial(f.asOfDate), numberFormat: FORMATS.date, style: "text", owner: "addin", figureId: f.id });
    else text(2, "none stated or inferred");
    text(3, f.asOfBasis ?? "no article gives or implies a date");
    text(4, f.sourceId);
    text(5, source?.tier ?? "");
    const caveat = singleSourceCaveat(f, source);
    if (caveat) text(6, caveat);
  });
  b.table("DealAsOf", top, 0, top + figures.length, AS_OF_COLUMNS.length - 1, "Caveat");
}

export function buildSourcesBlock(sheetName: string, origin: Origin, data: Dataset): SheetSpec {
  const b = new BlockBuilder("sources", origin, data);
  b.put(0, 0, { value: "Sources", style: "title", owner: "addin" });
  b.put(1, 0, {
    value:
      "The articles every figure comes from; each figure's note quotes its sentence. Tier: primary is a company statement or filing, secondary an article reporting on others.",
    style: "muted",
    owner: "addin",
  });
  const last = sourcesTable(b, 3);
  asOfTable(b, last + 3);
  return b.finish(sheetName, []);
}
