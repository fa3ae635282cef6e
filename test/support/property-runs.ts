/**
 * How many cases a property test (fast-check) runs, set in one place for every one of them. The
 * default loop (`npm test`) runs each test's quick count, enough to catch most regressions in a
 * few seconds; `npm run test:deep` runs the long searches a change to ownership or to the
 * number paths must pass before it lands: each test's deep count, at least 5,000.
 *
 * DEAL_PROPERTY_RUNS chooses: unset for the quick counts, `deep` for the deep ones, or a whole
 * number to run every property test that many times (to replay a search at a given size).
 */

/** The fewest cases a property test runs in the deep search. */
export const DEEP_RUNS = 5000;

export type PropertyDepth = { readonly kind: "quick" } | { readonly kind: "deep" } | { readonly kind: "fixed"; readonly runs: number };

/** Reads DEAL_PROPERTY_RUNS; anything else than unset, `deep` or a whole number above 0 is an error that says so. */
export function propertyDepth(env: NodeJS.ProcessEnv = process.env): PropertyDepth {
  const value = env.DEAL_PROPERTY_RUNS?.trim();
  if (value === undefined || value === "" || value === "quick") return { kind: "quick" };
  if (value === "deep") return { kind: "deep" };
  if (/^[1-9]\d*$/.test(value)) return { kind: "fixed", runs: Number(value) };
  throw new Error(`DEAL_PROPERTY_RUNS must be "deep", a whole number of runs above 0, or unset; got "${env.DEAL_PROPERTY_RUNS}".`);
}

/**
 * numRuns for one property test: `quick` in npm test; in the deep search `deep` (default
 * DEEP_RUNS), never less than `quick`.
 */
export function propertyRuns(quick: number, deep: number = DEEP_RUNS, depth: PropertyDepth = propertyDepth()): number {
  if (!Number.isInteger(quick) || quick < 1 || !Number.isInteger(deep) || deep < 1) {
    throw new Error(`propertyRuns needs whole numbers of runs above 0; got quick ${quick}, deep ${deep}.`);
  }
  if (depth.kind === "fixed") return depth.runs;
  return depth.kind === "deep" ? Math.max(quick, deep) : quick;
}

/** A property test's time limit: `quickMs` in npm test; none to speak of (six hours) in a deep or fixed-size search. */
export function propertyTimeout(quickMs: number, depth: PropertyDepth = propertyDepth()): number {
  return depth.kind === "quick" ? quickMs : 6 * 60 * 60 * 1000;
}
