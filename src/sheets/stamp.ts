/**
 * The stamp beside each sheet's title: which figures the sheet holds ("Figures 1.1.0 ·
 * 2026-12-01") and, as of the dataset's own date, the events that had passed, how many figures
 * were older than the default threshold and how many no article dates. The pane reads the version back from it
 * (src/excel/figures-version.ts) to tell when the served figures are newer.
 */
import { DEFAULT_STALE_DAYS, passedEventText, passedEvents, staleFigures, undatedFigures } from "../figures/age";
import type { Dataset } from "../figures/types";

/** Block-local place of the stamp: the title's row, where the title has room to show before it. */
export const STAMP = Object.freeze({ row: 0, col: 3 });

const STAMP_PATTERN = /^Figures (\d{1,4}\.\d{1,4}(?:\.\d{1,4})?) · (\d{4}-\d{2}-\d{2})/;

/** The stamp's text for a dataset. */
export function figuresStamp(dataset: Dataset): string {
  const parts = [`Figures ${dataset.version} · ${dataset.date}`];
  for (const event of passedEvents(dataset, dataset.date)) parts.push(passedEventText(event));
  const stale = staleFigures(dataset, dataset.date, DEFAULT_STALE_DAYS).length;
  if (stale > 0)
    parts.push(`${stale} of ${dataset.figures.length} figures were more than ${DEFAULT_STALE_DAYS} days old on ${dataset.date}`);
  const undated = undatedFigures(dataset).length;
  if (undated > 0) parts.push(`${undated} of ${dataset.figures.length} figures ${undated === 1 ? "is" : "are"} undated`);
  return parts.join(" · ");
}

/** The version and date a stamp names, or null for any other cell value. */
export function parseStamp(value: unknown): { readonly version: string; readonly date: string } | null {
  const match = typeof value === "string" ? STAMP_PATTERN.exec(value) : null;
  return match ? { version: match[1], date: match[2] } : null;
}
