/**
 * Every DEAL.* function's oracle cases, one entry per catalog function: what the function must
 * return, written apart from src/calc from the rules its catalog entry states and exact rationals
 * (oracle.ts), with fixed cases and generated inputs. test/calc/oracle-cases.test.ts runs them
 * through `evaluate` and fails for a catalog function that has no entry here.
 */
import fc from "fast-check";
import { allFigures, findFigure, isLookupError } from "../../../src/figures";
import type { CellResult } from "../../../src/calc/arguments";
import { FIGURE_FIELDS } from "../../../src/calc/catalog";
import { expectedField, expectedRow, EXPECTED_FIGURES_HEADER } from "./figures-oracle";
import { binaryValue, cagrBounds, cmp, dec, frac, minus, nearestDouble, over, plus, times, ulp, type Frac } from "./oracle";

/** An error's kind, the exact result, or text: what one cell must hold. */
export type Expected = number | string | "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

export interface OracleCases {
  /** Argument lists as Excel passes them: single values or 2-D ranges, in catalog order. */
  readonly cases: readonly (readonly unknown[])[];
  /** Generated argument lists. */
  readonly inputs: fc.Arbitrary<unknown[]>;
  /** Asserts that `result` is what the function must return for `args`. */
  readonly check: (args: readonly unknown[], result: CellResult[][]) => void;
}

const V = "#VALUE!";
const D = "#DIV/0!";
const N = "#NUM!";
const ERROR_KINDS = new Set<unknown>([V, D, N, "#N/A"]);

/** The exact value rounded to the nearest double, or #NUM! beyond the doubles, as Excel's arithmetic. */
function rounded(f: Frac): Expected {
  const x = nearestDouble(f);
  return Number.isFinite(x) ? x + 0 : N;
}

/** A check for a one-cell result: the exact number or text, or an error of the expected kind. */
function oneCell(expected: (args: readonly unknown[]) => unknown): OracleCases["check"] {
  return (args, result) => {
    const want = expected(args);
    if (ERROR_KINDS.has(want)) expect([args, result]).toEqual([args, [[expect.objectContaining({ kind: want })]]]);
    else expect([args, result]).toEqual([args, [[want]]]);
  };
}

// Inputs of every magnitude, money-like values, zero and negatives (for the error rules).
const nonNegative = fc.oneof(
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
  fc.integer({ min: 0, max: 1e15 }),
  fc.integer({ min: 0, max: 1e13 }).map((c) => c / 100),
);
const amount = fc.oneof(
  { weight: 8, arbitrary: nonNegative },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }) },
);
const stakeArb = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10000 }).map((b) => b / 10000) },
  { weight: 1, arbitrary: fc.constantFrom(0, 5, 12.5, 100, 250, -0.1) },
);
const basisArb = fc.constantFrom(undefined, "post", "pre", "PRE");
const roundsizeArb = fc.option(nonNegative, { nil: undefined });

const isPre = (basis: unknown) => typeof basis === "string" && basis.trim().toLowerCase() === "pre";
/** roundsize as the functions read it: blank or 0 is "not given". */
const given = (r: unknown): number | undefined => (typeof r === "number" && r !== 0 ? r : undefined);
const n = (x: unknown) => x as number;

function stake(a: number, v: number, basis: unknown, r: unknown): Expected {
  if (a < 0 || v < 0) return V;
  if (!isPre(basis)) return v === 0 ? D : a > v ? V : rounded(over(dec(a), dec(v)));
  const size = given(r);
  if (size === undefined || size < a) return V;
  return rounded(over(dec(a), plus(dec(v), dec(size))));
}

function impliedValuation(a: number, s: number, basis: unknown, r: unknown): Expected {
  if (a < 0) return V;
  if (s === 0) return D;
  if (s < 0 || s > 1) return V;
  if (!isPre(basis)) return rounded(over(dec(a), dec(s)));
  const size = given(r);
  if (size === undefined || size < a) return V;
  const pre = minus(over(dec(a), dec(s)), dec(size));
  return cmp(pre, frac(0n)) < 0 ? V : rounded(pre);
}

/** CAGR is within 2 units in the last place of the exact rate (the oracle's bounds), or #NUM! beyond the doubles. */
function checkCagr(args: readonly unknown[], result: CellResult[][]): void {
  const [s, e, y] = args.map(n);
  const kind = s < 0 || e < 0 || y < 0 ? V : s === 0 || y === 0 ? D : null;
  if (kind) return expect([args, result]).toEqual([args, [[expect.objectContaining({ kind })]]]);
  if (e === 0) return expect(result).toEqual([[-1]]);
  const [lo, hi] = cagrBounds(s, e, y, 160);
  const nearest = nearestDouble(lo);
  if (!Number.isFinite(nearest)) return expect([args, result]).toEqual([args, [[expect.objectContaining({ kind: N })]]]);
  const units = times(ulp(nearest), frac(2n));
  const value = binaryValue(result[0][0] as number);
  expect([args, cmp(value, minus(lo, units)) >= 0 && cmp(value, plus(hi, units)) <= 0]).toEqual([args, true]);
}

/** An argument of DEAL.TRANCHES as its values, one per round (a single value is one value). */
function valuesOf(arg: unknown): unknown[] | "block" {
  if (!Array.isArray(arg)) return [arg];
  const rows = arg as unknown[][];
  if (rows.length > 1 && rows[0].length > 1) return "block";
  return rows.length > 1 ? rows.map((row) => row[0]) : rows[0];
}

/** DEAL.TRANCHES, round by round as the issue states it: s × (1 − roundsize ÷ post) + amount ÷ post. */
export function tranches(args: readonly unknown[]): Expected {
  const lists = [0, 1, 2, 3].map((k) => valuesOf(args[k]));
  if (lists.some((l) => l === "block")) return V;
  const lengths = (lists as unknown[][]).filter((l) => l.length > 1).map((l) => l.length);
  if (new Set(lengths).size > 1) return "#N/A";
  const count = Math.max(1, ...lengths);
  const at = (k: number, i: number) => ((lists[k] as unknown[]).length > 1 ? (lists[k] as unknown[])[i] : (lists[k] as unknown[])[0]);
  let s = frac(0n);
  for (let i = 0; i < count; i++) {
    const [a, v, basis, r] = [n(at(0, i) ?? 0), n(at(1, i) ?? 0), at(2, i), given(at(3, i))];
    if (a < 0 || v < 0) return V;
    if (isPre(basis) && r === undefined) return V;
    const size = r ?? a;
    if (size < a) return V;
    if (!isPre(basis) && v === 0) return D;
    if (!isPre(basis) && size > v) return V;
    if (isPre(basis) && v === 0 && size === 0) return D;
    const post = isPre(basis) ? plus(dec(v), dec(size)) : dec(v);
    s = plus(times(s, minus(frac(1n), over(dec(size), post))), over(dec(a), post));
  }
  return rounded(s);
}

/** Rounds for DEAL.TRANCHES: 1 to 4, each argument a column, a row or one value for every round. */
const trancheInputs = fc.integer({ min: 1, max: 4 }).chain((count) => {
  const line = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof(
      fc.array(arb, { minLength: count, maxLength: count }).map((xs) => xs.map((x) => [x])),
      fc.array(arb, { minLength: count, maxLength: count }).map((xs) => [xs]),
      arb,
    );
  const money = fc.oneof({ weight: 6, arbitrary: nonNegative }, { weight: 1, arbitrary: fc.constant(0) });
  return fc.tuple(line(amount), line(money), line(basisArb), line(fc.oneof(money, fc.constant(undefined))));
});

const figureIds = fc.constantFrom(...allFigures().map((f) => f.id), "amzn.prices", "");

export const ORACLE_CASES: Readonly<Record<string, OracleCases>> = {
  STAKE: {
    cases: [
      [50e9, 830e9],
      [50e9, 830e9, "pre", 100e9],
      [50e9, 830e9, "pre"],
      [50e9, 830],
      [-1, 1],
      [1, 0],
    ],
    inputs: fc.tuple(amount, amount, basisArb, roundsizeArb),
    check: oneCell(([a, v, b, r]) => stake(n(a), n(v), b, r)),
  },
  POSTMONEY: {
    cases: [
      [0.1, 0.2],
      [830e9, 100e9],
      [-1, 1],
      [Number.MAX_VALUE, Number.MAX_VALUE],
    ],
    inputs: fc.tuple(amount, amount),
    check: oneCell(([p, m]) => (n(p) < 0 || n(m) < 0 ? V : rounded(plus(dec(n(p)), dec(n(m)))))),
  },
  PREMONEY: {
    cases: [
      [0.3, 0.1],
      [830e9, 100e9],
      [1, 2],
    ],
    inputs: fc.tuple(amount, amount),
    check: oneCell(([p, m]) => (n(p) < 0 || n(m) < 0 || n(m) > n(p) ? V : rounded(minus(dec(n(p)), dec(n(m)))))),
  },
  IMPLIEDVALUATION: {
    cases: [
      [50e9, 0.05],
      [50e9, 0.05, "pre", 100e9],
      [50e9, 5],
      [50e9, 0],
      [10, 0.5, "pre", 30],
    ],
    inputs: fc.tuple(amount, stakeArb, basisArb, roundsizeArb),
    check: oneCell(([a, s, b, r]) => impliedValuation(n(a), n(s), b, r)),
  },
  DILUTE: {
    cases: [
      [0.1, 100e9, 830e9],
      [5, 1, 1],
      [0.1, 0, 0],
    ],
    inputs: fc.tuple(stakeArb, amount, amount),
    check: oneCell(([s, m, p]) => {
      if (n(s) <= 0 || n(s) > 1 || n(m) < 0 || n(p) < 0) return V;
      if (n(p) === 0 && n(m) === 0) return D;
      return rounded(over(times(dec(n(s)), dec(n(p))), plus(dec(n(p)), dec(n(m)))));
    }),
  },
  TRANCHES: {
    cases: [
      [
        [[25e9], [25e9]],
        [[830e9], [1200e9]],
      ],
      [[[25e9], [0]], [[830e9], [1200e9]], "post", [[100e9], [100e9]]],
      [[[25e9], [25e9]], [[830e9], [1100e9]], "pre", [[100e9], [100e9]]],
      [
        [[25e9], [25e9]],
        [[830e9], [1200e9], [1500e9]],
      ],
      [[[25e9], [25e9]], [[830e9], [1100e9]], "pre"],
    ],
    inputs: trancheInputs,
    check: oneCell(tranches),
  },
  STAKEVALUE: {
    cases: [
      [0.05, 830e9],
      [5, 830e9],
    ],
    inputs: fc.tuple(stakeArb, amount),
    check: oneCell(([s, v]) => (n(s) <= 0 || n(s) > 1 || n(v) < 0 ? V : rounded(times(dec(n(s)), dec(n(v)))))),
  },
  STEPUP: {
    cases: [
      [830e9, 500e9],
      [1, 0],
    ],
    inputs: fc.tuple(amount, amount),
    check: oneCell(([a, b]) => (n(a) < 0 || n(b) < 0 ? V : n(b) === 0 ? D : rounded(over(dec(n(a)), dec(n(b)))))),
  },
  MOIC: {
    cases: [
      [50e9, 125e9],
      [0, 5],
    ],
    inputs: fc.tuple(amount, amount),
    check: oneCell(([i, v]) => (n(i) < 0 || n(v) < 0 ? V : n(i) === 0 ? D : rounded(over(dec(n(v)), dec(n(i)))))),
  },
  CAGR: {
    cases: [
      [100, 172.8, 3],
      [112.96, 241.73, 3],
      [0, 5, 1],
      [1, 5, 0],
      [1e-300, 1e300, 0.5],
    ],
    inputs: fc.tuple(
      fc.oneof(fc.double({ min: 1e-100, max: 1e100, noNaN: true }), fc.constantFrom(0, -1)),
      fc.oneof(fc.double({ min: 1e-100, max: 1e100, noNaN: true }), fc.constantFrom(0, -1)),
      fc.oneof(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 80 }).map((h) => h / 2),
        fc.constantFrom(0, -2),
      ),
    ),
    check: checkCagr,
  },
  PRIORVALUE: {
    cases: [
      [241.73, 1.14],
      [5, -1],
      [5, -1.5],
    ],
    inputs: fc.tuple(amount, fc.oneof(fc.double({ min: -1, max: 1e6, noNaN: true }), fc.constantFrom(-1, -2))),
    check: oneCell(([v, g]) => (n(v) < 0 || n(g) < -1 ? V : n(g) === -1 ? D : rounded(over(dec(n(v)), plus(frac(1n), dec(n(g))))))),
  },
  FIGURE: {
    cases: [["amzn.price"], ["openai.valuation_round", "qualifier"], ["amzn.prices"]],
    inputs: fc.tuple(figureIds, fc.constantFrom(undefined, ...FIGURE_FIELDS, "QUOTE", "price")),
    check: oneCell(([id, field]) => {
      const figure = findFigure(String(id));
      const key = field === undefined ? "value" : String(field).toLowerCase();
      // A blank id is missing; then the field is checked before the id is looked up.
      if (id === "" || !(FIGURE_FIELDS as readonly string[]).includes(key)) return V;
      if (isLookupError(figure)) return "#N/A";
      const want = expectedField(figure, key);
      return typeof want === "object" ? want.kind : want;
    }),
  },
  FIGURES: {
    cases: [[]],
    inputs: fc.constant([]),
    check: (_, result) => {
      expect(result[0]).toEqual(EXPECTED_FIGURES_HEADER);
      expect(result.slice(1)).toEqual(allFigures().map(expectedRow));
    },
  },
  CARD: {
    cases: [["openai.valuation_round"], ["nope"]],
    inputs: fc.tuple(figureIds),
    check: oneCell(([id]) => {
      const figure = findFigure(String(id));
      return id === "" ? V : isLookupError(figure) ? "#N/A" : expectedField(figure, "value");
    }),
  },
};
