/**
 * What each kind of input cell accepts and how it guides the user, in one table: Excel's data
 * validation (the unit and an example when the cell is selected; text such as "$35bn" refused
 * when typed) and the flag shown beside the input when a number is out of range or probably in
 * the wrong unit (35 meaning $35B, 114 meaning +114%). Excel checks typed values only, not pastes,
 * so the flag also catches what validation lets through. The builders, both writers and the tests
 * read this table; nothing else states these rules.
 */
import { isoDateToSerial } from "../figures/excel-dates";
import type { Unit } from "../figures/types";
import type { InputValidation } from "./spec";

export type InputKind = "usd" | "usdPerShare" | "gain" | "employees" | "date" | "annualDollars" | "shares" | "basis" | "step";

/** A number Excel's validation accepts but that is probably a unit mistake, and what the flag says. */
interface UnitCheck {
  /** The condition on the cell's reference, e.g. AND(C5>0,C5<1000000). */
  readonly when: (ref: string) => string;
  readonly message: string;
}

interface InputRule {
  readonly validation: InputValidation;
  /** What the flag says when a number is outside the validation's bounds. */
  readonly outOfRange?: string;
  readonly check?: UnitCheck;
}

/** The step of a sensitivity grid: at most 45%, so the lowest row (centre × (1 − 2 × step)) stays above zero. */
export const MAX_STEP = 0.45;

/** Flag texts: short, because they sit in a cell beside the input. */
export const FLAGS = Object.freeze({
  notNumber: "Not a number",
  belowZero: "Below zero",
  underMillion: "Check units: under $1M",
  overThousandPercent: "Check units: over 1,000%",
  underThousand: "Check units: under $1,000",
  underMillionShares: "Check units: under 1M shares",
  stepRange: "Out of range: 0 to 45%",
  basis: "Type post or pre",
});

const NOT_TEXT = "Numbers only: no $, B or commas.";

export const INPUT_RULES: Readonly<Record<InputKind, InputRule>> = Object.freeze({
  usd: {
    validation: {
      type: "decimal",
      min: 0,
      prompt: { title: "Dollars, in full", message: `Type dollars in full: 35e9 (or 35000000000) for $35B, not 35. ${NOT_TEXT}` },
      error: {
        title: "Not an amount in dollars",
        message: "Type dollars in full, a number of 0 or more: 35e9 for $35B. Text such as $35bn is refused.",
      },
    },
    outOfRange: FLAGS.belowZero,
    check: { when: (x) => `AND(${x}>0,${x}<1000000)`, message: FLAGS.underMillion },
  },
  usdPerShare: {
    validation: {
      type: "decimal",
      min: 0,
      prompt: { title: "Dollars per share", message: `Type the price in dollars and cents per share, such as 99.5. ${NOT_TEXT}` },
      error: { title: "Not a price", message: "Type a price in dollars per share, a number of 0 or more, such as 99.5." },
    },
    outOfRange: FLAGS.belowZero,
  },
  gain: {
    validation: {
      type: "decimal",
      min: -1,
      prompt: {
        title: "A gain, as a fraction",
        message: "Type the gain as a fraction or a percentage: 1.14 or 114% for +114%; -0.2 or -20% for a 20% fall.",
      },
      error: { title: "Not a gain", message: "Type a fraction of -1 (a 100% fall) or more: 1.14 or 114% for +114%." },
    },
    outOfRange: "Below -100%",
    check: { when: (x) => `${x}>10`, message: FLAGS.overThousandPercent },
  },
  employees: {
    validation: {
      type: "whole",
      min: 0,
      prompt: { title: "A headcount", message: `Type a whole number of employees, such as 16000. ${NOT_TEXT}` },
      error: { title: "Not a headcount", message: "Type a whole number of employees, 0 or more, such as 16000." },
    },
    outOfRange: FLAGS.belowZero,
  },
  date: {
    validation: {
      type: "date",
      // The first day Excel's serials and the calendar agree on (Excel counts a 29 February 1900).
      min: isoDateToSerial("1900-03-01"),
      prompt: { title: "A date", message: "Type a date, such as 2026-03-31." },
      error: { title: "Not a date", message: "Type a date, such as 2026-03-31." },
    },
    outOfRange: "Not a date",
  },
  annualDollars: {
    validation: {
      type: "decimal",
      min: 0,
      prompt: {
        title: "Dollars a year, in full",
        message: `Type dollars a year per employee in full, not in thousands: 100000 for $100,000. ${NOT_TEXT}`,
      },
      error: { title: "Not an amount in dollars", message: "Type dollars a year in full, a number of 0 or more: 100000 for $100,000." },
    },
    outOfRange: FLAGS.belowZero,
    check: { when: (x) => `AND(${x}>0,${x}<1000)`, message: FLAGS.underThousand },
  },
  shares: {
    validation: {
      type: "decimal",
      min: 0,
      prompt: {
        title: "Shares, in full",
        message: `Type the number of shares in full, not in millions or billions: 1e9 for one billion. ${NOT_TEXT}`,
      },
      error: { title: "Not a number of shares", message: "Type the number of shares in full, 0 or more: 1e9 for one billion." },
    },
    outOfRange: FLAGS.belowZero,
    check: { when: (x) => `AND(${x}>0,${x}<1000000)`, message: FLAGS.underMillionShares },
  },
  basis: {
    validation: {
      type: "list",
      list: ["post", "pre"],
      prompt: { title: "post or pre", message: "post: the valuation includes the round. pre: the round's new money comes on top of it." },
      error: { title: "Not a basis", message: "Type post or pre." },
    },
  },
  step: {
    validation: {
      type: "decimal",
      min: 0,
      max: MAX_STEP,
      prompt: {
        title: "A share of the centre",
        message:
          "Type a fraction or a percentage: 0.1 or 10% puts rows at ±10% and ±20% of the centre. At most 45%, so no row reaches zero.",
      },
      error: { title: "Step out of range", message: "Type a step from 0 to 0.45 (45%): 0.1 or 10% for rows at ±10% and ±20%." },
    },
    outOfRange: FLAGS.stepRange,
  },
});

/** The figures table's Unit → the kind of its Override cell. */
export const UNIT_KINDS: Readonly<Record<Unit, InputKind>> = Object.freeze({
  USD: "usd",
  "USD per share": "usdPerShare",
  "gain as a fraction": "gain",
  employees: "employees",
  date: "date",
});

/** The validation of an input of this kind; `blank` says what an empty cell means ("Blank: the reported figure."). */
export function inputValidation(kind: InputKind, blank?: string): InputValidation {
  const v = INPUT_RULES[kind].validation;
  return blank === undefined ? v : { ...v, prompt: { ...v.prompt, message: `${v.prompt.message} ${blank}` } };
}

/** Excel text literal: doubled quotes inside. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Each test the flag runs on a number, in order, with its message; `guard` narrows it to one kind (a table row's unit). */
function numberTests(kind: InputKind, ref: string, guard?: string): [string, string][] {
  const rule = INPUT_RULES[kind];
  const { min, max } = rule.validation;
  const when = (condition: string) => (guard ? `AND(${guard},${condition})` : condition);
  const tests: [string, string][] = [];
  const bounds = [min !== undefined ? `${ref}<${min}` : null, max !== undefined ? `${ref}>${max}` : null].filter((b) => b !== null);
  if (rule.outOfRange && bounds.length > 0)
    tests.push([when(bounds.length === 1 ? bounds[0] : `OR(${bounds.join(",")})`), rule.outOfRange]);
  if (rule.check) tests.push([when(rule.check.when(ref)), rule.check.message]);
  return tests;
}

/** Nested IFs: the first test that holds gives its message, none gives "". */
function firstOf(tests: readonly [string, string][]): string {
  return tests.reduceRight((otherwise, [condition, message]) => `IF(${condition},${literal(message)},${otherwise})`, '""');
}

/** The flag beside an input of this kind at `ref`: "" when it is blank or fine, else what to check. */
export function flagFormula(kind: InputKind, ref: string): string {
  if (INPUT_RULES[kind].validation.type === "list") {
    const options = (INPUT_RULES[kind].validation.list ?? []).map((o) => `${ref}=${literal(o)}`);
    return `=IF(OR(${ref}="",${options.join(",")}),"",${literal(FLAGS.basis)})`;
  }
  return `=IF(${ref}="","",${firstOf([[`NOT(ISNUMBER(${ref}))`, FLAGS.notNumber], ...numberTests(kind, ref)])})`;
}

/**
 * The flag of a figures table's row: one formula for every row (Excel reads the column as one
 * calculated column, and a sort moves nothing out of place), choosing the rule by the row's Unit.
 */
export function tableFlagFormula(override: string, unit: string): string {
  const units = Object.keys(UNIT_KINDS) as Unit[];
  const tests = units.flatMap((u) => numberTests(UNIT_KINDS[u], override, `${unit}=${literal(u)}`));
  return `=IF(${override}="","",${firstOf([[`NOT(ISNUMBER(${override}))`, FLAGS.notNumber], ...tests])})`;
}
