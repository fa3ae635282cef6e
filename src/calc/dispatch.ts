/**
 * Each DEAL.* function bound to its math, HyperFormula-style: the catalog gives the parameters,
 * `broadcast` coerces and spreads the arguments, and each binding is one line that reads the
 * coerced values. `evaluate` never throws: an unexpected failure becomes a #VALUE! result.
 */
import { CATALOG } from "./catalog";
import { broadcast, type ArgValue, type CellResult, type Param } from "./arguments";
import * as math from "./deal-math";
import { ERRORS, type CalcError } from "./errors";
import { figureField, figuresTable } from "./figure-fields";

/** "post" or "pre" from a basis cell, ignoring case; blank means "post". */
export function readBasis(value: ArgValue): math.Basis | CalcError {
  if (value === null || value === undefined) return "post";
  const key = String(value).toLowerCase();
  return key === "post" || key === "pre" ? key : ERRORS.unknownBasis(value);
}

/** roundsize: omitted, blank or 0 means the default (amount). */
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

/** Each function's parameters in order, name and kind, from the catalog. */
const params = new Map<string, readonly Param[]>(
  CATALOG.map((spec) => [spec.name, spec.params.map((p) => ({ name: p.name, kind: p.kind }))]),
);

/**
 * The result grid of a DEAL.* function for the arguments Excel passed (single values or 2-D
 * ranges, in catalog order). Never throws.
 */
export function evaluate(name: string, args: readonly unknown[]): CellResult[][] {
  try {
    if (name === "FIGURES") return figuresTable();
    const signature = params.get(name);
    const binding = BINDINGS[name];
    if (!signature || !binding) return [[ERRORS.unexpected(name, "no such function")]];
    return broadcast(signature, args, binding, (err) => ERRORS.unexpected(name, err instanceof Error ? err.message : String(err)));
  } catch (err) {
    return [[ERRORS.unexpected(name, err instanceof Error ? err.message : String(err))]];
  }
}
