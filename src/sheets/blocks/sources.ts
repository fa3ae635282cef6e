/**
 * The Sources sheet: each article the figures come from, who published it (never an outlet it
 * only cites), its date (or what it says about when it speaks), its tier, what it cites and the
 * figures and facts it supports; below it, when each figure was stated and how that date is
 * known, the period it is about, its standing, its source and the articles that contradict or
 * hedge it.
 */
import { idsSupportedByIn } from "../../figures/lookup";
import type { Dataset, Figure } from "../../figures/types";
import { outletText, standingCaveat } from "../../figures/provenance";
import { standingOf } from "../../figures/standing";
import { BlockBuilder, type Origin } from "../block-builder";
import { FORMATS, isoDateToSerial } from "../formats";
import type { SheetSpec } from "../spec";

export const SOURCE_COLUMNS = Object.freeze(["Id", "Title", "Outlet", "Date", "Tier", "Cites", "Supports", "File"] as const);
/**
 * As wide as SOURCE_COLUMNS: the table sits below DealSources, and a row an update adds to
 * DealSources moves it down, which Excel does only for a whole table. The source's tier is on its
 * DealSources row, found by the Source id.
 */
export const AS_OF_COLUMNS = Object.freeze([
  "Id",
  "As of",
  "As-of date",
  "How the date is known",
  "Period",
  "Standing",
  "Source id",
  "Caveat",
] as const);

/** The standing's caveat with the ids of the articles that contradict or hedge the figure. */
function caveat(f: Figure): string {
  const against = (kind: "contradicts" | "hedges") => f.challengedIn.filter((c) => c.kind === kind).map((c) => c.sourceId);
  const parts = [standingCaveat(f) ?? ""];
  if (against("contradicts").length > 0) parts.push(`Contradicted by ${against("contradicts").join(", ")}.`);
  if (against("hedges").length > 0) parts.push(`Hedged by ${against("hedges").join(", ")}.`);
  return parts.filter(Boolean).join(" ");
}

function sourcesTable(b: BlockBuilder, top: number): number {
  SOURCE_COLUMNS.forEach((title, col) => b.put(top, col, { value: title, style: "header", owner: "addin" }));
  const sources = b.data.sources;
  sources.forEach((s, i) => {
    const row = top + 1 + i;
    // Each cell names its source, and the Id column holds it: rows are found by id after a sort.
    const text = (col: number, value: string) => b.put(row, col, { value, style: "text", owner: "addin", figureId: s.id });
    text(0, s.id);
    text(1, s.title);
    text(2, outletText(s));
    if (s.date)
      b.put(row, 3, { value: isoDateToSerial(s.date), numberFormat: FORMATS.date, style: "text", owner: "addin", figureId: s.id });
    else text(3, s.dateNote);
    text(4, s.tier);
    text(5, s.cites);
    text(6, idsSupportedByIn(b.data, s.id).join(", "));
    text(7, s.file);
  });
  b.table("DealSources", top, 0, top + sources.length, SOURCE_COLUMNS.length - 1, "Tier");
  return top + sources.length;
}

/** Each figure's as-of row; the Id column lets an update find a row again after a sort. */
function asOfTable(b: BlockBuilder, top: number): void {
  b.put(top - 1, 0, {
    value: "When each figure was stated, the period it is about, and what it rests on",
    style: "subtitle",
    owner: "addin",
  });
  AS_OF_COLUMNS.forEach((title, col) => b.put(top, col, { value: title, style: "header", owner: "addin" }));
  const figures = b.data.figures;
  figures.forEach((f, i) => {
    const row = top + 1 + i;
    const text = (col: number, value: string) => b.put(row, col, { value, style: "text", owner: "addin", figureId: f.id });
    text(0, f.id);
    text(1, f.asOf);
    if (f.asOfDate)
      b.put(row, 2, { value: isoDateToSerial(f.asOfDate), numberFormat: FORMATS.date, style: "text", owner: "addin", figureId: f.id });
    else text(2, "undated");
    text(3, f.asOfDate === null ? "undated: no article gives or implies a date" : f.asOfBasis);
    text(4, f.period);
    text(5, standingOf(f).text);
    text(6, f.sourceId);
    const words = caveat(f);
    if (words) text(7, words);
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
