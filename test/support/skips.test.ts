/**
 * The browser and LibreOffice suites skip only on a developer's machine: with CI set, to any
 * value, a missing Chromium fails the run.
 */
import { browserTestsEnabled } from "./browser";
import { nginxTestsEnabled } from "./nginx";

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

describe("a missing nginx", () => {
  let warn: jest.SpyInstance;
  beforeAll(() => (warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)));
  afterAll(() => warn.mockRestore());
  const nginx = { nginx: "/usr/sbin/nginx", mimeTypes: "/etc/nginx/mime.types" };

  test.each([["true"], ["1"], [""]])("fails the run when CI=%j", (value) => {
    expect(() => nginxTestsEnabled("suite", { CI: value }, null, true)).toThrow(
      "suite: nginx was not found ($NGINX, /usr/sbin/nginx or PATH, with mime.types). CI is set, so this suite must run and this is a failure. Install: apt-get install -y nginx openssl (bash .ci/run installs them)",
    );
    expect(() => nginxTestsEnabled("suite", { CI: value }, nginx, false)).toThrow("suite: openssl is not on PATH. CI is set");
  });

  test("skips with a warning that gives the install line when CI is not set, and runs when both are here", () => {
    expect(nginxTestsEnabled("suite", {}, null, true)).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("These checks are SKIPPED. Enable them with: apt-get install -y nginx openssl"),
    );
    expect(nginxTestsEnabled("suite", {}, nginx, true)).toBe(true);
  });
});
