/**
 * The number formats the blocks use, and how each renders a value as text. The rendering is
 * what the pane's preview shows and what column widths are computed from; it covers exactly
 * the formats below (any other format is a builder bug and throws).
 */
import type { Unit } from "../figures";
import { isoDateToSerial, serialToIsoDate } from "../figures/excel-dates";

export { isoDateToSerial, serialToIsoDate };

export const FORMATS = Object.freeze({
  /** Dollars in billions: 50000000000 → "$50.0B". */
  billions: '$#,##0.0,,,"B"',
  /** Whole dollars: 200000 → "$200,000". */
  dollars: "$#,##0",
  /** A share price: 241.73 → "$241.73". */
  price: "$#,##0.00",
  /** A fraction as a percentage: 0.0602 → "6.02%". */
  percent: "0.00%",
  /** A change as a signed whole percentage: 1.14 → "+114%", so it cannot be read as a multiple. */
  gain: "+0%;-0%;0%",
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
    case "gain as a fraction":
      return FORMATS.gain;
    case "employees":
      return FORMATS.count;
    case "date":
      return FORMATS.date;
  }
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
    case FORMATS.gain:
      return n === 0 ? "0%" : `${n < 0 ? "-" : "+"}${grouped(n * 100, 0)}%`;
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
