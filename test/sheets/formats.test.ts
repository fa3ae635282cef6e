import { FORMATS, formatForUnit, formatGeneral, formatNumber, isoDateToSerial, serialToIsoDate } from "../../src/sheets/formats";

describe("number formats", () => {
  test("each unit has the format a portfolio manager expects", () => {
    expect(formatForUnit("USD")).toBe('$#,##0.0,,,"B"');
    expect(formatForUnit("USD per share")).toBe("$#,##0.00");
    expect(formatForUnit("gain as a fraction")).toBe("+0%;-0%;0%");
    expect(formatForUnit("employees")).toBe("#,##0");
    expect(formatForUnit("date")).toBe("yyyy-mm-dd");
  });

  test.each([
    [50e9, FORMATS.billions, "$50.0B"],
    [1234.5e9, FORMATS.billions, "$1,234.5B"],
    [-730e9, FORMATS.billions, "-$730.0B"],
    [0.04e9, FORMATS.billions, "$0.0B"],
    [241.73, FORMATS.price, "$241.73"],
    [12345.678, FORMATS.price, "$12,345.68"],
    [200000, FORMATS.dollars, "$200,000"],
    [0.0602409, FORMATS.percent, "6.02%"],
    [1.14, FORMATS.percent, "114.00%"],
    [-0.5, FORMATS.percent, "-50.00%"],
    [1.14, FORMATS.gain, "+114%"],
    [-0.2, FORMATS.gain, "-20%"],
    [0, FORMATS.gain, "0%"],
    [1.66, FORMATS.multiple, "1.66x"],
    [16000, FORMATS.count, "16,000"],
    [46112, FORMATS.date, "2026-03-31"],
    [0.5, "General", "0.5"],
    [50e9, undefined, "50000000000"],
  ])("%p in %s shows %s", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  test("General switches to scientific notation for very large and very small numbers", () => {
    expect(formatGeneral(1.5e12)).toBe("1.5E+12");
    expect(formatGeneral(2.5e-7)).toBe("2.5E-07");
    expect(formatGeneral(1 / 3)).toBe("0.3333333333");
    expect(formatGeneral(0)).toBe("0");
  });

  test("a format the blocks do not use is a builder bug", () => {
    expect(() => formatNumber(1, "0.000")).toThrow('No preview rendering for the number format "0.000".');
  });

  test.each([
    ["1900-03-01", 61],
    ["2000-01-01", 36526],
    ["2026-02-01", 46054],
    ["2026-03-31", 46112],
  ])("%s is Excel serial %i", (iso, serial) => {
    expect(isoDateToSerial(iso)).toBe(serial);
    expect(serialToIsoDate(serial)).toBe(iso);
  });

  test("rejects dates that are not on the calendar", () => {
    expect(() => isoDateToSerial("2026-02-30")).toThrow('"2026-02-30" is not a calendar date');
    expect(() => isoDateToSerial("31/03/2026")).toThrow('"31/03/2026" is not an ISO date');
  });
});

test("dates before March 1900, where Excel's serials are off by one, are refused", () => {
  expect(() => isoDateToSerial("1900-02-28")).toThrow("(from 1900-03-01)");
});
