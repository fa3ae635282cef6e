/**
 * The self-test's results as plain data: one line per check, what was expected and what Excel
 * showed. Pure; the Office side (src/excel/self-test.ts) reads the workbook and hands values here.
 */
import { closeTo } from "./expected";

export interface CheckResult {
  /** What was checked, e.g. "DEAL_STAKE_POST after Insert all". */
  readonly name: string;
  readonly ok: boolean;
  /** Expected and actual, or why the check could not run. */
  readonly detail: string;
}

export interface SelfTestReport {
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly CheckResult[];
}

/** Relative tolerance: Excel keeps doubles; 1e-12 leaves room for its own rounding of / and ^. */
export const RELATIVE_TOLERANCE = 1e-12;

function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** A cell must show this number, within RELATIVE_TOLERANCE. */
export function numberCheck(name: string, actual: unknown, expected: number): CheckResult {
  const ok = typeof actual === "number" && closeTo(actual, expected, RELATIVE_TOLERANCE);
  return { name, ok, detail: ok ? `${actual}` : `expected ${expected}, Excel shows ${shown(actual)}` };
}

/** A cell must show exactly this value. */
export function exactCheck(name: string, actual: unknown, expected: string | number | boolean): CheckResult {
  const ok = actual === expected;
  return { name, ok, detail: ok ? shown(actual) : `expected ${shown(expected)}, Excel shows ${shown(actual)}` };
}

/** A step that either worked or failed with a message (an insert, an update). */
export function stepCheck(name: string, outcome: { ok: true } | { ok: false; message: string }, detail = "done"): CheckResult {
  return outcome.ok ? { name, ok: true, detail } : { name, ok: false, detail: outcome.message };
}

export function report(results: readonly CheckResult[]): SelfTestReport {
  const failed = results.filter((r) => !r.ok).length;
  return { passed: results.length - failed, failed, results };
}

/** The report as lines for a terminal: "PASS name — detail", then the totals. */
export function reportLines(r: SelfTestReport): string[] {
  return [...r.results.map((c) => `${c.ok ? "PASS" : "FAIL"} ${c.name} — ${c.detail}`), `${r.passed} passed, ${r.failed} failed`];
}

/** A report received over the network, checked before it is believed. */
export function parseReport(raw: unknown): SelfTestReport | null {
  if (typeof raw !== "object" || raw === null) return null;
  const results = (raw as { results?: unknown }).results;
  if (!Array.isArray(results) || results.length === 0) return null;
  const valid = results.every(
    (c) => typeof c === "object" && c !== null && typeof c.name === "string" && typeof c.ok === "boolean" && typeof c.detail === "string",
  );
  return valid ? report(results as CheckResult[]) : null;
}
