/**
 * How old the figures are: each figure's age from the day it was stated (its asOfDate, never the
 * end of the period it is about), the figures older than a threshold, the undated ones (flagged,
 * never skipped), and the dated events (a figure whose value is a date) that have passed. Pure:
 * the caller gives "today" (the pane: the clock; a sheet's stamp: the dataset's own date).
 */
import type { Dataset, Figure } from "./types";

/** Figures older than this many days are flagged unless the user chooses otherwise. */
export const DEFAULT_STALE_DAYS = 90;

const DAY_MS = 86400000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function utcDay(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** A date as people read it: "2026-03-31" → "31 Mar 2026". */
export function readableDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The ISO date of a moment, in UTC: the day the pane opens. */
export function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Whole days from the day the figure was stated to `today`; null when it is undated. */
export function ageInDays(figure: Pick<Figure, "asOfDate">, today: string): number | null {
  return figure.asOfDate === null ? null : utcDay(today) - utcDay(figure.asOfDate);
}

/** The figures stated more than `days` before `today`, in the dataset's order (undatedFigures lists the rest to flag). */
export function staleFigures(dataset: Dataset, today: string, days: number): readonly Figure[] {
  return dataset.figures.filter((f) => {
    const age = ageInDays(f, today);
    return age !== null && age > days;
  });
}

/** The figures no article dates: each is flagged as undated, since its age cannot be told. */
export function undatedFigures(dataset: Dataset): readonly Figure[] {
  return dataset.figures.filter((f) => f.asOfDate === null);
}

/** What a passed event means for the figures, where the dataset's figures say it. */
const EVENT_WORDS: Readonly<Record<string, { readonly name: string; readonly meaning: string }>> = {
  "deal.expected_close": { name: "The projected closing", meaning: "these figures describe the talks" },
};

/** The figures whose value is a date before `today`: events that have passed. */
export function passedEvents(dataset: Dataset, today: string): readonly Figure[] {
  return dataset.figures.filter((f) => f.unit === "date" && utcDay(f.value) < utcDay(today));
}

/** "The projected closing, 31 Mar 2026, has passed: these figures describe the talks". */
export function passedEventText(figure: Figure): string {
  const words = EVENT_WORDS[figure.id];
  const date = readableDate(figure.value);
  return words ? `${words.name}, ${date}, has passed: ${words.meaning}` : `${figure.label}, ${date}, has passed`;
}
