/**
 * Each DEAL.* function bound to its math, HyperFormula-style: the catalog gives the parameters,
 * `broadcast` coerces and spreads the arguments (`seriesArguments` reads them round by round for
 * a function over a series), and each binding is one line that reads the coerced values.
 * `evaluate` never throws: an unexpected failure becomes a #VALUE! result.
 */
import { CATALOG } from "./catalog";
import { broadcast, seriesArguments, type ArgValue, type CellResult, type Param } from "./arguments";
import * as math from "./deal-math";
import { ERRORS, type CalcError } from "./errors";
import { figureField, figuresTable } from "./figure-fields";

/** "post" or "pre" from a basis cell, ignoring case; blank means "post". */
export function readBasis(value: ArgValue, arg = "basis"): math.Basis | CalcError {
  if (value === null || value === undefined) return "post";
  const key = String(value).toLowerCase();
  return key === "post" || key === "pre" ? key : ERRORS.unknownBasis(arg, value);
}

/** roundsize: omitted, blank or 0 is "not given" (Excel passes a blank cell as null or as 0). */
function readRoundsize(value: ArgValue): number | undefined {
  return typeof value === "number" && value !== 0 ? value : undefined;
}

/** A coerced number; an omitted required argument counts as a blank cell, 0. */
const num = (value: ArgValue) => (typeof value === "number" ? value : 0);

type Binding = (v: ArgValue[]) => CellResult;

/** Excel name → the math, reading the coerced arguments in catalog order. */
export const BINDINGS: Readonly<Record<string, Binding>> = {
  STAKE: (v) => {
    const basis = readBasis(v[2]);
    return typeof basis === "string" ? math.stake(num(v[0]), num(v[1]), basis, readRoundsize(v[3])) : basis;
  },
  POSTMONEY: (v) => math.postMoney(num(v[0]), num(v[1])),
  PREMONEY: (v) => math.preMoney(num(v[0]), num(v[1])),
  IMPLIEDVALUATION: (v) => {
    const basis = readBasis(v[2]);
    return typeof basis === "string" ? math.impliedValuation(num(v[0]), num(v[1]), basis, readRoundsize(v[3])) : basis;
  },
  DILUTE: (v) => math.dilute(num(v[0]), num(v[1]), num(v[2])),
  STAKEVALUE: (v) => math.stakeValue(num(v[0]), num(v[1])),
  STEPUP: (v) => math.stepUp(num(v[0]), num(v[1])),
  MOIC: (v) => math.moic(num(v[0]), num(v[1])),
  CAGR: (v) => math.cagr(num(v[0]), num(v[1]), num(v[2])),
  PRIORVALUE: (v) => math.priorValue(num(v[0]), num(v[1])),
  FIGURE: (v) =>
    v[0] === null || v[0] === undefined
      ? ERRORS.missing("id")
      : figureField(String(v[0]), v[1] === null || v[1] === undefined ? "value" : String(v[1])),
  // The value; src/functions turns it into the card where Excel has data types.
  CARD: (v) => (v[0] === null || v[0] === undefined ? ERRORS.missing("id") : figureField(String(v[0]), "value")),
};

type SeriesBinding = (rounds: ArgValue[][]) => CellResult;

/** Excel name → the math of a function over a series, reading the coerced values round by round, in catalog order. */
export const SERIES_BINDINGS: Readonly<Record<string, SeriesBinding>> = {
  TRANCHES: (rounds) => {
    const read: math.Round[] = [];
    for (let i = 0; i < rounds.length; i++) {
      const v = rounds[i];
      const basis = readBasis(v[2], rounds.length > 1 ? `basis (round ${i + 1})` : "basis");
      if (typeof basis !== "string") return basis;
      read.push({ amount: num(v[0]), valuation: num(v[1]), basis, roundsize: readRoundsize(v[3]) });
    }
    return math.tranches(read);
  },
};

/** Each function's parameters in order, name and kind, from the catalog. */
const params = new Map<string, readonly Param[]>(
  CATALOG.map((spec) => [spec.name, spec.params.map((p) => ({ name: p.name, kind: p.kind }))]),
);

/** The functions over a series, from the catalog. */
const series = new Set(CATALOG.filter((spec) => spec.series).map((spec) => spec.name));

/** A function over a series: its arguments read round by round, one result cell. */
function evaluateSeries(name: string, signature: readonly Param[], args: readonly unknown[]): CellResult[][] {
  const binding = SERIES_BINDINGS[name];
  if (!binding) return [[ERRORS.unexpected(name, "no such function")]];
  const rounds = seriesArguments(signature, args);
  return [[Array.isArray(rounds) ? binding(rounds) : rounds]];
}

/**
 * The result grid of a DEAL.* function for the arguments Excel passed (single values or 2-D
 * ranges, in catalog order). Never throws.
 */
export function evaluate(name: string, args: readonly unknown[]): CellResult[][] {
  try {
    if (name === "FIGURES") return figuresTable();
    const signature = params.get(name);
    if (signature && series.has(name)) return evaluateSeries(name, signature, args);
    const binding = BINDINGS[name];
    if (!signature || !binding) return [[ERRORS.unexpected(name, "no such function")]];
    return broadcast(signature, args, binding, (err) => ERRORS.unexpected(name, err instanceof Error ? err.message : String(err)));
  } catch (err) {
    return [[ERRORS.unexpected(name, err instanceof Error ? err.message : String(err))]];
  }
}
