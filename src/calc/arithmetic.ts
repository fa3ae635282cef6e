/**
 * The arithmetic a deal formula is written against, once: the fast path (src/calc/scaled.ts) and
 * decimal.js (src/calc/decimal.ts) each implement it. Sums, differences and products are exact;
 * `quotient` is the only rounding, to the double nearest the exact quotient.
 */
import { decimalArithmetic } from "./decimal";
import { scaledArithmetic } from "./scaled";

export interface Arithmetic<T> {
  /** An input, read as its shortest decimal (what String(x) prints: 0.1 is one tenth). */
  read(x: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** -1, 0 or 1; NaN when the fast path cannot represent a. */
  sign(a: T): number;
  /** a ÷ b correctly rounded to a double (b ≠ 0); NaN when the fast path cannot compute it. */
  quotient(a: T, b: T): number;
}

/**
 * A deal formula, written once against `Arithmetic`: it reads its inputs x, y, z with `o.read`.
 * Formulas are module-level functions, not closures, so a call allocates nothing for them and
 * V8 can inline the fast path into its caller.
 */
export type Formula = <T>(o: Arithmetic<T>, x: number, y: number, z: number) => number;

/**
 * A formula's correctly rounded result on inputs x, y, z: the fast path's, or decimal.js's when
 * the fast path gives NaN (an input or an intermediate it cannot hold exactly).
 */
export function compute(formula: Formula, x: number, y = 0, z = 0): number {
  const fast = formula(scaledArithmetic, x, y, z);
  return fast === fast ? fast : formula(decimalArithmetic, x, y, z);
}

/** A formula over a series (DEAL.TRANCHES' rounds), written once against `Arithmetic` like `Formula`. */
export type SeriesFormula<R> = <T>(o: Arithmetic<T>, series: readonly R[]) => number;

/** A series formula's correctly rounded result: the fast path's, or decimal.js's when it gives NaN. */
export function computeSeries<R>(formula: SeriesFormula<R>, series: readonly R[]): number {
  const fast = formula(scaledArithmetic, series);
  return fast === fast ? fast : formula(decimalArithmetic, series);
}
