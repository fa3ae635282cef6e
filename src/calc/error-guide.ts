/**
 * When each Excel error appears, in words, for the help page and the docs' function reference
 * (both rendered from here). The messages themselves are the one table in errors.ts. Prose only:
 * the functions bundle does not import it.
 */
import type { CalcErrorKind } from "./errors";
import { MAX_RESULT_CELLS, MAX_ROUNDS } from "./limits";

/** Each error kind, when it appears, and a formula that gives it. */
export const WHEN_EACH_ERROR: readonly { kind: CalcErrorKind; when: string; example: string }[] = [
  {
    kind: "#VALUE!",
    when:
      'an argument is not a number (text such as "$35bn") or is outside its range: a negative amount or valuation, a stake above 1 (5 typed for 5%), ' +
      "an amount larger than a post-money valuation (one in billions, the other in dollars), a roundsize below amount; " +
      'basis is not "post" or "pre"; "pre" comes without roundsize; a result would have more than ' +
      `${MAX_RESULT_CELLS.toLocaleString("en-US")} cells (two whole columns) or go beyond Excel's grid, or a series more than ${MAX_ROUNDS.toLocaleString("en-US")} rounds, decided at once. ` +
      "The message names the argument and the fix",
    example: "=DEAL.STAKE(50e9, 830)",
  },
  {
    kind: "#N/A",
    when: "no figure has the id; a cell past the end of a smaller range; DEAL.TRANCHES' arguments have different numbers of rounds",
    example: '=DEAL.FIGURE("amzn.prices")',
  },
  {
    kind: "#DIV/0!",
    when:
      "a divisor is 0, as Excel's / gives: a post-money valuation, IMPLIEDVALUATION's stake, oldvaluation, invested, startvalue or years of 0 " +
      "(a blank cell counts as 0), DILUTE's premoney + newmoney of 0, or a gain of −1",
    example: "=DEAL.STAKE(1, 0)",
  },
  {
    kind: "#NUM!",
    when: "the result is beyond Excel's numbers (±1.8e308), as Excel's own arithmetic gives",
    example: "=DEAL.POSTMONEY(1e308, 1e308)",
  },
];
