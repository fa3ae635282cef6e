/**
 * Figures in words, as a person reads them in the pane and the README: "$50B", "$241.73",
 * "114%", "16,000". Display only: the decimal string stays the value; nothing here rounds.
 */
import { valuePrefix } from "./qualifiers";
import type { Figure } from "./types";

/** Moves the decimal point of a non-negative decimal string by `places` (negative: left), exactly. */
export function shiftDecimal(value: string, places: number): string {
  const [whole, fraction = ""] = value.split(".");
  const digits = whole + fraction;
  let point = whole.length + places;
  let padded = digits;
  if (point <= 0) {
    padded = "0".repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    padded = digits + "0".repeat(point - digits.length);
  }
  const intPart = padded.slice(0, point).replace(/^0+(?=\d)/, "");
  const fracPart = padded.slice(point).replace(/0+$/, "");
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/** Groups the integer part of a decimal string by thousands: "16000" → "16,000". */
export function groupThousands(value: string): string {
  const [whole, fraction] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * The value with its unit, compactly: billions of dollars as "$50B", a share price as
 * "$241.73", a gain as a signed percentage ("+114%"), headcount grouped ("16,000"), dates as ISO.
 */
export function formatValue(figure: Pick<Figure, "value" | "unit">): string {
  switch (figure.unit) {
    case "USD":
      return figure.value.replace(/\..*$/, "").length > 9
        ? `$${groupThousands(shiftDecimal(figure.value, -9))}B`
        : `$${groupThousands(figure.value)}`;
    case "USD per share":
      return `$${groupThousands(figure.value)}`;
    case "gain as a fraction":
      return `${figure.value.startsWith("-") ? "-" : "+"}${shiftDecimal(figure.value.replace(/^-/, ""), 2)}%`;
    case "employees":
      return groupThousands(figure.value);
    case "date":
      return figure.value;
  }
}

/**
 * The value with the qualifiers written before it, in the source's words: "up to $50B", "could
 * total $100B", "projected by 2026-03-31"; words about the statement ("signaled") are left to the
 * Qualifier column.
 */
export function formatClaim(figure: Pick<Figure, "value" | "unit" | "qualifier">): string {
  const prefix = valuePrefix(figure.qualifier);
  const value = formatValue(figure);
  return prefix === "" ? value : `${prefix} ${value}`;
}

/**
 * When the figure was stated, with its date and how that date is known, as the Reported cell's
 * note and DEAL.FIGURE(id, "asof") give it: "late January 2026; dated 2026-01-31, stated by the
 * source". An undated claim says so first: "undated: the article gives no date".
 */
export function formatAsOf(figure: Pick<Figure, "asOf" | "asOfDate" | "asOfBasis">): string {
  return figure.asOfDate === null ? `undated: ${figure.asOf}` : `${figure.asOf}; dated ${figure.asOfDate}, ${figure.asOfBasis}`;
}
