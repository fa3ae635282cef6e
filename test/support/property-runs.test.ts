/** The one setting behind every property test's run count (npm test, npm run test:deep). */
import { DEEP_RUNS, propertyDepth, propertyRuns } from "./property-runs";

describe("property test run counts", () => {
  test("npm test runs each test's quick count", () => {
    expect(propertyDepth({})).toEqual({ kind: "quick" });
    expect(propertyRuns(200, 5000, { kind: "quick" })).toBe(200);
  });

  test("npm run test:deep runs at least 5,000 cases, or the test's larger deep count", () => {
    expect(DEEP_RUNS).toBe(5000);
    expect(propertyDepth({ DEAL_PROPERTY_RUNS: "deep" })).toEqual({ kind: "deep" });
    expect(propertyRuns(200, undefined, { kind: "deep" })).toBe(5000);
    expect(propertyRuns(200, 100_000, { kind: "deep" })).toBe(100_000);
    expect(propertyRuns(8000, 5000, { kind: "deep" })).toBe(8000);
  });

  test("a number runs every property test that many times", () => {
    expect(propertyDepth({ DEAL_PROPERTY_RUNS: "37" })).toEqual({ kind: "fixed", runs: 37 });
    expect(propertyRuns(200, 5000, { kind: "fixed", runs: 37 })).toBe(37);
  });

  test.each(["0", "-5", "1.5", "lots", "5e3"])("DEAL_PROPERTY_RUNS=%s is refused with the values it takes", (value) => {
    expect(() => propertyDepth({ DEAL_PROPERTY_RUNS: value })).toThrow(
      `DEAL_PROPERTY_RUNS must be "deep", a whole number of runs above 0, or unset; got "${value}".`,
    );
  });

  test("a count that is not a whole number above 0 is a programming error", () => {
    expect(() => propertyRuns(0)).toThrow("propertyRuns needs whole numbers of runs above 0; got quick 0, deep 5000.");
  });
});
