/**
 * The DEAL.* functions described as data: one table drives the custom functions' JSDoc (a test
 * compares them), the help page, the README's function reference and the task pane's list.
 * Pure data, no imports: the pane can load it without the math.
 */

/** What a parameter accepts: a number (or a range of them) or text (or a range of text). */
export type ParamKind = "number" | "text";

export interface ParamSpec {
  /** The name Excel shows while the user types the formula. */
  readonly name: string;
  readonly kind: ParamKind;
  /** What it is, with its unit; becomes Excel's help for the argument. */
  readonly description: string;
  readonly optional: boolean;
  /** The value used when the argument is left out, in words; only for optional parameters. */
  readonly default?: string;
}

export interface FunctionSpec {
  /** The Excel name without the DEAL. namespace, in capitals. */
  readonly name: string;
  /** One sentence on what it computes; Excel's help for the function. */
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  /** What the result is, with its unit. */
  readonly result: string;
  /** A formula a user can paste, and its result in words. */
  readonly example: { readonly formula: string; readonly value: string };
}

/** The add-in's custom-function namespace, as the manifest declares it. */
export const NAMESPACE = "DEAL";

/** Where the help page is served in development; the production build rewrites localhost in the manifest. */
export const HELP_URL = "https://localhost:3000/help.html";

const basis: ParamSpec = {
  name: "basis",
  kind: "text",
  description: 'Text "post" (the valuation already includes this round\'s money) or "pre" (it does not); not case-sensitive.',
  optional: true,
  default: '"post"',
};

const roundsize: ParamSpec = {
  name: "roundsize",
  kind: "number",
  description: 'All the new money in the round, in the currency of amount; used with basis "pre"; 0 or blank means amount.',
  optional: true,
  default: "amount",
};

export const CATALOG: readonly FunctionSpec[] = [
  {
    name: "STAKE",
    summary: "The share of the company that an investment of amount buys at valuation, as a fraction (0.06 is 6%).",
    params: [
      { name: "amount", kind: "number", description: "The money invested, in a currency (for example dollars); 0 or more.", optional: false },
      { name: "valuation", kind: "number", description: "The company's valuation in the currency of amount; 0 or more.", optional: false },
      basis,
      roundsize,
    ],
    result: 'The stake as a fraction: amount ÷ valuation for basis "post", amount ÷ (valuation + roundsize) for "pre".',
    example: { formula: '=DEAL.STAKE(50e9, 830e9, "pre", 100e9)', value: "0.0537634408602151 (50 ÷ 930, about 5.4%)" },
  },
  {
    name: "POSTMONEY",
    summary: "The valuation after a round: the pre-money valuation plus the new money.",
    params: [
      { name: "premoney", kind: "number", description: "The valuation before the round, in a currency; 0 or more.", optional: false },
      { name: "amount", kind: "number", description: "The new money in the round, in the currency of premoney; 0 or more.", optional: false },
    ],
    result: "The post-money valuation, in the currency of the arguments.",
    example: { formula: "=DEAL.POSTMONEY(830e9, 100e9)", value: "930000000000 ($930 billion)" },
  },
  {
    name: "PREMONEY",
    summary: "The valuation before a round: the post-money valuation minus the new money.",
    params: [
      { name: "postmoney", kind: "number", description: "The valuation after the round, in a currency; 0 or more.", optional: false },
      { name: "amount", kind: "number", description: "The new money in the round, in the currency of postmoney; 0 to postmoney.", optional: false },
    ],
    result: "The pre-money valuation, in the currency of the arguments.",
    example: { formula: "=DEAL.PREMONEY(930e9, 100e9)", value: "830000000000 ($830 billion)" },
  },
  {
    name: "IMPLIEDVALUATION",
    summary: "The valuation implied when an investment of amount buys a stake of the company.",
    params: [
      { name: "amount", kind: "number", description: "The money invested, in a currency; 0 or more.", optional: false },
      { name: "stake", kind: "number", description: "The share it buys, as a fraction above 0 and at most 1 (0.06 is 6%).", optional: false },
      basis,
      roundsize,
    ],
    result: 'The valuation in the currency of amount: amount ÷ stake (post-money) for basis "post", amount ÷ stake − roundsize (pre-money) for "pre".',
    example: { formula: "=DEAL.IMPLIEDVALUATION(50e9, 0.05)", value: "1000000000000 ($1 trillion post-money)" },
  },
  {
    name: "DILUTE",
    summary: "An existing holder's stake after a round of amount at a pre-money valuation: stake × premoney ÷ (premoney + amount).",
    params: [
      { name: "stake", kind: "number", description: "The holder's stake before the round, as a fraction above 0 and at most 1.", optional: false },
      { name: "amount", kind: "number", description: "The new money in the round, in a currency; 0 or more.", optional: false },
      { name: "premoney", kind: "number", description: "The valuation before the round, in the currency of amount; 0 or more.", optional: false },
    ],
    result: "The holder's stake after the round, as a fraction.",
    example: { formula: "=DEAL.DILUTE(0.1, 100e9, 830e9)", value: "0.0892473118279570 (about 8.9%)" },
  },
  {
    name: "STAKEVALUE",
    summary: "What a stake is worth at a valuation: stake × valuation.",
    params: [
      { name: "stake", kind: "number", description: "The share of the company, as a fraction above 0 and at most 1.", optional: false },
      { name: "valuation", kind: "number", description: "The company's valuation, in a currency; 0 or more.", optional: false },
    ],
    result: "The value of the stake, in the currency of valuation.",
    example: { formula: "=DEAL.STAKEVALUE(0.05, 830e9)", value: "41500000000 ($41.5 billion)" },
  },
  {
    name: "STEPUP",
    summary: "How many times a new valuation is the old one: newvaluation ÷ oldvaluation.",
    params: [
      { name: "newvaluation", kind: "number", description: "The later valuation, in a currency; 0 or more.", optional: false },
      { name: "oldvaluation", kind: "number", description: "The earlier valuation, in the currency of newvaluation; above 0.", optional: false },
    ],
    result: "The step-up as a multiple (2 means the valuation doubled).",
    example: { formula: "=DEAL.STEPUP(830e9, 500e9)", value: "1.66" },
  },
  {
    name: "MOIC",
    summary: "The multiple on invested capital: value ÷ invested.",
    params: [
      { name: "invested", kind: "number", description: "The money put in, in a currency; above 0.", optional: false },
      { name: "value", kind: "number", description: "What the investment is worth now or returned, in the currency of invested; 0 or more.", optional: false },
    ],
    result: "The multiple (3 means three times the money invested).",
    example: { formula: "=DEAL.MOIC(50e9, 125e9)", value: "2.5" },
  },
  {
    name: "CAGR",
    summary: "The compound annual growth rate from startvalue to endvalue over years: (endvalue ÷ startvalue)^(1 ÷ years) − 1.",
    params: [
      { name: "startvalue", kind: "number", description: "The value at the start, in a currency or any unit; above 0.", optional: false },
      { name: "endvalue", kind: "number", description: "The value at the end, in the unit of startvalue; 0 or more.", optional: false },
      { name: "years", kind: "number", description: "The time between them in years (fractions allowed); above 0.", optional: false },
    ],
    result: "The yearly growth rate as a fraction (0.3 is 30% a year), within 2 units in the last place.",
    example: { formula: "=DEAL.CAGR(100, 172.8, 3)", value: "0.2 (20% a year)" },
  },
  {
    name: "PRIORVALUE",
    summary: "The value before a total return: value ÷ (1 + totalreturn).",
    params: [
      { name: "value", kind: "number", description: "The value after the return, in a currency or any unit; 0 or more.", optional: false },
      { name: "totalreturn", kind: "number", description: "The total return as a fraction above −1 (1.14 is +114%).", optional: false },
    ],
    result: "The value before the return, in the unit of value.",
    example: { formula: "=DEAL.PRIORVALUE(241.73, 1.14)", value: "112.957943925234 (the AMZN price three years earlier)" },
  },
  {
    name: "FIGURE",
    summary: "A figure of the Deal Desk dataset by its id: its value, or the field named.",
    params: [
      { name: "id", kind: "text", description: 'The figure\'s id, such as "deal.amount" (=DEAL.FIGURES() lists them); not case-sensitive.', optional: false },
      {
        name: "field",
        kind: "text",
        description: 'Text "value", "label", "unit", "qualifier", "status", "asof", "source" or "quote"; not case-sensitive.',
        optional: true,
        default: '"value"',
      },
    ],
    result: "The field: the value as a number (dates as Excel date serials), the others as text.",
    example: { formula: '=DEAL.FIGURE("amzn.price")', value: "241.73" },
  },
  {
    name: "FIGURES",
    summary: "The whole Deal Desk dataset as a table that spills, with a header row.",
    params: [],
    result: "A table with the columns id, label, value, unit, status, as of and source; one row per figure.",
    example: { formula: "=DEAL.FIGURES()", value: "a table of every figure, starting with deal.amount" },
  },
];
