/**
 * Reruns a suite of test/excel through Excel's real client. The calling test file replaces the
 * fake's installFakeOffice with installRealClient (jest.mock, see as-fake-office.ts) and loads
 * the suite here; a test that needs what this layer lacks (ExcelApi 1.16+, such as notes) is
 * skipped with the reason in its name, and a listed test the suite no longer has fails the run,
 * so the list cannot go stale.
 */

type TestFn = jest.It;

/** Why a test does not run through the real client: its name → the reason, shown in the skipped test's name. */
export type Skips = Readonly<Record<string, string>>;

/** The reason for tests that need notes (ExcelApi 1.18): the package's client stops at ExcelApi 1.15. */
export const NEEDS_NOTES =
  "it needs notes (ExcelApi 1.18), which the client of @microsoft/office-js does not have; the JS-level fake runs it";

export function rerunSuite(load: () => void, skips: Skips = {}): void {
  const global = globalThis as unknown as { it: TestFn; test: TestFn };
  const original = { it: global.it, test: global.test };
  const used = new Set<string>();
  const wrap = (fn: TestFn): TestFn =>
    Object.assign((name: string, ...rest: unknown[]) => {
      const reason = skips[name];
      if (reason === undefined) return (fn as (...a: unknown[]) => void)(name, ...rest);
      used.add(name);
      return (fn.skip as (...a: unknown[]) => void)(`${name} [not through the real client: ${reason}]`, ...rest);
    }, fn) as TestFn;
  global.it = wrap(original.it);
  global.test = wrap(original.test);
  try {
    load();
  } finally {
    global.it = original.it;
    global.test = original.test;
  }
  const stale = Object.keys(skips).filter((name) => !used.has(name));
  if (stale.length > 0) throw new Error(`The suite has no test named ${stale.map((n) => `"${n}"`).join(", ")}: update its list of skips.`);
}
