/**
 * Every DEAL.* function of the catalog against its oracle (support/oracle-cases.ts), through
 * `evaluate` as Excel calls it: the fixed cases, then generated inputs. A function added to the
 * catalog without oracle cases fails the first test, by name.
 */
import fc from "fast-check";
import { CATALOG } from "../../src/calc/catalog";
import { evaluate } from "../../src/calc/dispatch";
import { ORACLE_CASES } from "./support/oracle-cases";
import { propertyRuns } from "../support/property-runs";

describe("the oracle cases", () => {
  test("every catalog function has oracle cases, and every entry is a catalog function", () => {
    const missing = CATALOG.map((spec) => spec.name).filter((name) => !(name in ORACLE_CASES));
    expect(missing.map((name) => `DEAL.${name} has no oracle cases in test/calc/support/oracle-cases.ts`)).toEqual([]);
    expect(Object.keys(ORACLE_CASES).filter((name) => !CATALOG.some((spec) => spec.name === name))).toEqual([]);
  });

  test.each(CATALOG.map((spec) => [spec.name]))("DEAL.%s: the fixed cases", (name) => {
    const oracle = ORACLE_CASES[name];
    expect(oracle.cases.length).toBeGreaterThan(0);
    for (const args of oracle.cases) oracle.check(args, evaluate(name, args));
  });

  test.each(CATALOG.map((spec) => [spec.name]))("DEAL.%s: generated inputs of every magnitude", (name) => {
    const oracle = ORACLE_CASES[name];
    fc.assert(
      fc.property(oracle.inputs, (args) => oracle.check(args, evaluate(name, args))),
      { numRuns: propertyRuns(300) },
    );
  });
});
