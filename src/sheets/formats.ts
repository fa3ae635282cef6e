/**
 * The number formats the blocks use, and how each renders a value as text. The rendering is
 * what the pane's preview shows and what column widths are computed from; it covers exactly
 * the formats below (any other format is a builder bug and throws).
 */
import type { Unit } from "../figures";

export const FORMATS = Object.freeze({
  /** Dollars in billions: 50000000000 → "$50.0B". */
  billions: '$#,##0.0,,,"B"',
  /** Whole dollars: 200000 → "$200,000". */
  dollars: "$#,##0",
  /** A share price: 241.73 → "$241.73". */
  price: "$#,##0.00",
  /** A fraction as a percentage: 0.0602 → "6.02%". */
  percent: "0.00%",
  /** A multiple: 1.66 → "1.66x". */
  multiple: '0.00"x"',
  /** Headcount and share counts: 16000 → "16,000". */
  count: "#,##0",
  /** A date serial: 46112 → "2026-03-31". */
  date: "yyyy-mm-dd",
});

export type FormatName = keyof typeof FORMATS;

/** The format of a figure's value, by its unit. */
export function formatForUnit(unit: Unit): string {
  switch (unit) {
    case "USD":
      return FORMATS.billions;
    case "USD per share":
      return FORMATS.price;
    case "ratio":
      return FORMATS.percent;
    case "employees":
      return FORMATS.count;
    case "date":
      return FORMATS.date;
  }
}

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

function grouped(n: number, decimals: number): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

function signed(n: number, body: string): string {
  return n < 0 && Number(body.replace(/[^0-9.]/g, "")) !== 0 ? `-${body}` : body;
}

/** Excel's General format, close enough for a preview: up to 10 significant digits. */
export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-6) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    const e = Number(exponent);
    return `${mantissa.replace(/\.?0+$/, "")}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** A number as the given format shows it. */
export function formatNumber(n: number, format: string | undefined): string {
  switch (format) {
    case undefined:
    case "General":
      return formatGeneral(n);
    case FORMATS.billions:
      return signed(n, `$${grouped(n / 1e9, 1)}B`);
    case FORMATS.dollars:
      return signed(n, `$${grouped(n, 0)}`);
    case FORMATS.price:
      return signed(n, `$${grouped(n, 2)}`);
    case FORMATS.percent:
      return signed(n, `${grouped(n * 100, 2)}%`);
    case FORMATS.multiple:
      return signed(n, `${grouped(n, 2)}x`);
    case FORMATS.count:
      return signed(n, grouped(n, 0));
    case FORMATS.date:
      return serialToIsoDate(n);
    default:
      throw new Error(`No preview rendering for the number format ${JSON.stringify(format)}.`);
  }
}
