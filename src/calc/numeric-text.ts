/**
 * Text as Excel's arithmetic reads a number, in one place for the DEAL.* functions
 * (src/calc/arguments.ts) and the sheets' formula evaluator (src/sheets/evaluate.ts), so the two
 * agree. The rules of Excel's VALUE and of "1,000"+1 (en-US), as Microsoft documents them
 * (https://support.microsoft.com/office/value-function-257d0108-07dc-437d-ae1c-bc2d3953d8c2):
 * surrounding spaces are ignored, a leading + or −, a currency sign ($), thousands separators
 * in groups of three ("1,250.5"), a decimal point, an exponent ("1e9"), a trailing percent sign
 * (÷ 100). Dates and times written as text are outside these rules here: not numbers.
 */
const NUMERIC_TEXT = /^([+-]?)\$?(\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.(\d*))?(?:e([+-]?\d+))?(%?)$/i;

/**
 * The number `text` stands for, read from its decimal digits (so "0.1" is the same as 0.1), ±Infinity
 * beyond the doubles; null when the text is not a number by the rules above ("" included).
 */
export function numericText(text: string): number | null {
  const match = NUMERIC_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = "", exponent = "0", percent] = match;
  return Number(`${sign}${whole.replace(/,/g, "") || "0"}.${fraction}0e${Number(exponent) - (percent ? 2 : 0)}`) + 0;
}
