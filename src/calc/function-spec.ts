/**
 * What a DEAL.* function's description is made of (its parameters, examples and summary) and how
 * Excel and the docs show it: the signature, a parameter's help, an example's result. The
 * functions themselves are the table in catalog.ts. Pure.
 */

/** What a parameter accepts: a number (or a range of them) or text (or a range of text). */
export type ParamKind = "number" | "text";

export interface ParamSpec {
  /** The name Excel shows while the user types the formula. */
  readonly name: string;
  readonly kind: ParamKind;
  /** What it is, in the user's words. */
  readonly what: string;
  /** Its unit ("in a currency", "as a fraction (0.06 is 6%)"); none for text. */
  readonly unit?: string;
  /** The values it accepts ("0 or more", "above 0 and at most 1"). */
  readonly bounds: string;
  readonly optional: boolean;
  /** The value used when the argument is left out, in words; only for optional parameters. */
  readonly default?: string;
}

/** A formula a user can paste, and what it returns. */
export interface Example {
  readonly formula: string;
  /** The result Excel shows: a number (checked against the math by a test) or text. */
  readonly result: number | string;
  /** What the result means, in words. */
  readonly note?: string;
}

export interface FunctionSpec {
  /** The Excel name without the DEAL. namespace, in capitals. */
  readonly name: string;
  /** One sentence on what it computes; Excel's help for the function. */
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  /** What the result is, with its unit. */
  readonly result: string;
  /** Formulas with literal values and their results; the first is Excel's example. */
  readonly examples: readonly Example[];
  /** The formula the pane inserts: the same call on the workbook's names (the Deal sheet's). */
  readonly inWorkbook: string;
  /**
   * True for a function over a series (DEAL.TRANCHES): each argument is one value per round (a
   * row or a column) or one for every round, and the result is one cell. Otherwise arguments
   * broadcast cell by cell, as Excel's arithmetic does.
   */
  readonly series?: true;
}

/** The add-in's custom-function namespace, as the manifest declares it. */
export const NAMESPACE = "DEAL";

/** The help page, relative to the add-in's base URL (the build prefixes it). */
export const HELP_PAGE = "help.html";

/** Excel's help for one parameter: what it is, its unit, the values it accepts. */
export function paramDescription(p: ParamSpec): string {
  return `${p.what}${p.unit ? `, ${p.unit}` : ""}; ${p.bounds}.`;
}

/** The signature as Excel shows it: DEAL.STAKE(amount, valuation, [basis], [roundsize]). */
export function signature(spec: FunctionSpec): string {
  const params = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${NAMESPACE}.${spec.name}(${params.join(", ")})`;
}

/** An example's result in words: "0.0537634408602151 (50 ÷ 930, about 5.4%)". */
export function exampleResult(example: Example): string {
  return example.note ? `${example.result} (${example.note})` : String(example.result);
}
