/**
 * Runs before every test file (jest.config.js): property tests that state no run count get the
 * default of the one setting in property-runs.ts, and time limits stretch for a deep search.
 * DEAL_PROPERTY_SEED (an integer) fixes fast-check's seed, to repeat a search or record one.
 */
import fc from "fast-check";
import { propertyRuns, propertyTimeout } from "./property-runs";

const seed = process.env.DEAL_PROPERTY_SEED?.trim();
if (seed !== undefined && seed !== "" && !/^-?\d+$/.test(seed)) throw new Error(`DEAL_PROPERTY_SEED must be an integer; got "${seed}".`);
fc.configureGlobal({ numRuns: propertyRuns(100), ...(seed ? { seed: Number(seed) } : {}) });
jest.setTimeout(propertyTimeout(120_000));
