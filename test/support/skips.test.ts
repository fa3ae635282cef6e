/**
 * The browser and LibreOffice suites skip only on a developer's machine: with CI set, to any
 * value, a missing Chromium fails the run.
 */
import { browserTestsEnabled } from "./browser";

describe("a missing Chromium", () => {
  const missing = "/nonexistent/chromium";
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  test.each([["true"], ["1"], ["0"], ["false"], [""]])("fails the run when CI=%j", (value) => {
    expect(() => browserTestsEnabled("suite", { CI: value }, missing)).toThrow(
      "suite: Chromium not found at /nonexistent/chromium. CI is set, so the browser tests must run and this is a failure. Install it: apt-get install -y chromium",
    );
  });

  test("skips with a warning that gives the install line when CI is not set", () => {
    expect(browserTestsEnabled("suite", {}, missing)).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        "suite: Chromium not found at /nonexistent/chromium. These browser tests are SKIPPED. Enable them with: apt-get install -y chromium",
      ),
    );
  });
});
