/**
 * The project's one decimal.js configuration. `Decimal.clone` gives an independent constructor,
 * so these settings never leak into (or from) any other user of decimal.js.
 *
 * Where decimal.js is needed: the exponential and logarithm of CAGR, whose results are
 * irrational, for inputs outside CAGR's double-double path (years with more than 15 decimals,
 * end ÷ start beyond 10^±290, growth beyond e^700). The deal ratios (stake, valuations, multiples) are rational and are computed
 * exactly in src/calc/exact.ts instead, because a fixed decimal precision would round a sum of
 * far-apart magnitudes (1e23 + 1e-300) before the final rounding to a double.
 */
import Decimal from "decimal.js";

export const Dec = Decimal.clone({
  // 40 significant digits: a double needs 17, so a result carried to 40 digits and then rounded
  // once to a double is off by at most half a unit in the last place plus 10^-23 of one, well
  // within the one unit CAGR promises.
  precision: 40,
  // Round half to even, as IEEE 754 does, so no rounding direction is favoured.
  rounding: Decimal.ROUND_HALF_EVEN,
  // Exponents as wide as decimal.js allows: no intermediate overflows or underflows; results
  // beyond the double range become ±Infinity or 0 only at toNumber().
  minE: -9e15,
  maxE: 9e15,
  // Exponential notation in toString() from 1e21 and below 1e-7, as JavaScript prints numbers.
  toExpNeg: -7,
  toExpPos: 21,
  crypto: false,
});

export type Dec = InstanceType<typeof Dec>;
