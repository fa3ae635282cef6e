/**
 * Dates as Excel stores them: serial day numbers in the 1900 date system. The DEAL.FIGURE
 * function (src/calc) and the sheet builders (src/sheets) both turn the dataset's ISO dates into
 * serials, so the conversion lives here, next to the dataset.
 */

/** Excel's day 0 (serials count days from 1899-12-30 for every date after February 1900). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** The Excel date serial of an ISO date: "2026-03-31" → 46112. */
export function isoDateToSerial(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`"${iso}" is not an ISO date (yyyy-mm-dd).`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  const serial = Math.round((utc - EXCEL_EPOCH_UTC) / DAY_MS);
  // Before March 1900 Excel's serials are off by one (its phantom 29 February 1900).
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || serial < 61) {
    throw new Error(`"${iso}" is not a calendar date Excel can hold as a serial (from 1900-03-01).`);
  }
  return serial;
}

/** The ISO date of an Excel date serial (whole days). */
export function serialToIsoDate(serial: number): string {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return date.toISOString().slice(0, 10);
}
