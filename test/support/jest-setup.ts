/**
 * Runs before every test file (jest.config.js): property tests that state no run count get the
 * default of the one setting in property-runs.ts, and time limits stretch for a deep search.
 */
import fc from "fast-check";
import { propertyRuns, propertyTimeout } from "./property-runs";

fc.configureGlobal({ numRuns: propertyRuns(100) });
jest.setTimeout(propertyTimeout(120_000));
