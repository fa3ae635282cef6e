/**
 * The parameters several DEAL.* functions share, described once: the valuation basis, the round
 * size, the new money, money and fractions, a figure's id. The catalog's entries use them.
 */
import type { ParamSpec } from "./function-spec";

export const basis: ParamSpec = {
  name: "basis",
  kind: "text",
  what: 'Text "post" (the valuation already includes this round\'s money) or "pre" (it does not)',
  bounds: "not case-sensitive",
  optional: true,
  default: '"post"',
};

export const roundsize: ParamSpec = {
  name: "roundsize",
  kind: "number",
  what: "All the new money in the round, from every investor (amount included)",
  unit: "in the currency of amount",
  bounds: 'amount or more; required with basis "pre" (blank or 0 is #VALUE!); not used with "post"',
  optional: true,
  default: 'none; needed with basis "pre" only',
};

export const newmoney = (currencyOf: string): ParamSpec => ({
  name: "newmoney",
  kind: "number",
  what: "All the new money in the round, from every investor (not one investor's cheque)",
  unit: `in the currency of ${currencyOf}`,
  bounds: currencyOf === "postmoney" ? "0 to postmoney" : "0 or more",
  optional: false,
});

export const money = (name: string, what: string, unit: string, bounds = "0 or more"): ParamSpec => ({
  name,
  kind: "number",
  what,
  unit,
  bounds,
  optional: false,
});
export const fraction = (name: string, what: string): ParamSpec => ({
  name,
  kind: "number",
  what,
  unit: "as a fraction (0.06 is 6%)",
  bounds: "above 0 and at most 1",
  optional: false,
});
export const figureId: ParamSpec = {
  name: "id",
  kind: "text",
  what: 'The figure\'s id, such as "deal.amount" (=DEAL.FIGURES() lists them)',
  bounds: "not case-sensitive",
  optional: false,
};
