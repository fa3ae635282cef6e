/**
 * The DEAL.* functions described as data, once. Everything else derives from this table:
 * functions.json (src/functions/metadata.ts, emitted by the build), the help page, the docs'
 * function reference, the README's function list, the task pane's reference, the self-test's
 * examples and the runtime signatures (dispatch.ts).
 * Adding a function is an entry here, its math bound in dispatch.ts, and its oracle cases in
 * test/calc/support/oracle-cases.ts (a test fails without them); docs/add-a-function.md says how.
 * Pure data; it imports only the limits' constants, the shared parameters (params.ts) and the
 * description types (function-spec.ts), so the pane can load it without the math.
 */
import { MAX_ROUNDS } from "./limits";
import type { FunctionSpec } from "./function-spec";
import { basis, figureId, fraction, money, newmoney, roundsize } from "./params";

export { HELP_PAGE, NAMESPACE, exampleResult, paramDescription, signature } from "./function-spec";
export type { Example, FunctionSpec, ParamKind, ParamSpec } from "./function-spec";

/** The fields DEAL.FIGURE reads, in the order its help lists them. */
export const FIGURE_FIELDS = [
  "value",
  "label",
  "unit",
  "qualifier",
  "status",
  "standing",
  "asof",
  "asofdate",
  "period",
  "source",
  "sourcetitle",
  "tier",
  "quote",
  "comment",
] as const;

export const CATALOG: readonly FunctionSpec[] = [
  {
    name: "STAKE",
    summary: "The share of the company that an investment of amount buys at valuation, as a fraction (0.06 is 6%).",
    params: [
      money("amount", "The money this investor puts in", "in a currency (for example dollars)"),
      money("valuation", "The company's valuation", "in the currency of amount"),
      basis,
      roundsize,
    ],
    result: 'The stake as a fraction: amount ÷ valuation for basis "post", amount ÷ (valuation + roundsize) for "pre".',
    examples: [
      { formula: "=DEAL.STAKE(50e9, 830e9)", result: 0.0602409638554217, note: "50 ÷ 830, about 6.0%, if $830B is post-money" },
      {
        formula: '=DEAL.STAKE(50e9, 830e9, "pre", 100e9)',
        result: 0.0537634408602151,
        note: "$50B of a $100B round from several investors at $830B pre-money: 50 ÷ 930, about 5.4%",
      },
    ],
    inWorkbook: '=DEAL.STAKE(DEAL_AMOUNT, OPENAI_VALUATION_ROUND, "pre", DEAL_ROUND_SIZE)',
  },
  {
    name: "POSTMONEY",
    summary: "The valuation after a round: the pre-money valuation plus all the round's new money.",
    params: [money("premoney", "The valuation before the round", "in a currency"), newmoney("premoney")],
    result: "The post-money valuation, in the currency of the arguments.",
    examples: [
      { formula: "=DEAL.POSTMONEY(830e9, 100e9)", result: 930000000000, note: "$930 billion: $830B pre-money plus the whole $100B round" },
    ],
    inWorkbook: "=DEAL.POSTMONEY(OPENAI_VALUATION_ROUND, DEAL_ROUND_SIZE)",
  },
  {
    name: "PREMONEY",
    summary: "The valuation before a round: the post-money valuation minus all the round's new money.",
    params: [money("postmoney", "The valuation after the round", "in a currency"), newmoney("postmoney")],
    result: "The pre-money valuation, in the currency of the arguments.",
    examples: [
      {
        formula: "=DEAL.PREMONEY(830e9, 100e9)",
        result: 730000000000,
        note: "$730 billion: $830B read as post-money, less the whole $100B round",
      },
    ],
    inWorkbook: "=DEAL.PREMONEY(OPENAI_VALUATION_ROUND, DEAL_ROUND_SIZE)",
  },
  {
    name: "IMPLIEDVALUATION",
    summary: "The valuation implied when an investment of amount buys a stake of the company.",
    params: [money("amount", "The money this investor puts in", "in a currency"), fraction("stake", "The share it buys"), basis, roundsize],
    result:
      'The valuation in the currency of amount: amount ÷ stake (post-money) for basis "post", amount ÷ stake − roundsize (pre-money) for "pre".',
    examples: [
      { formula: "=DEAL.IMPLIEDVALUATION(50e9, 0.05)", result: 1000000000000, note: "$1 trillion post-money" },
      {
        formula: '=DEAL.IMPLIEDVALUATION(50e9, 0.05, "pre", 100e9)',
        result: 900000000000,
        note: "$900 billion pre-money: $1 trillion post-money less the whole $100B round from several investors",
      },
    ],
    inWorkbook: '=DEAL.IMPLIEDVALUATION(DEAL_AMOUNT, DEAL_STAKE_PRE, "pre", DEAL_ROUND_SIZE)',
  },
  {
    name: "DILUTE",
    summary:
      "An existing holder's stake after a round, assuming the holder puts no money into it: stake × premoney ÷ (premoney + newmoney).",
    params: [
      fraction("stake", "The holder's stake before the round"),
      { ...newmoney("premoney"), unit: "in a currency" },
      money("premoney", "The valuation before the round", "in the currency of newmoney"),
    ],
    result: "The holder's stake after the round, as a fraction; a holder who also invests in the round ends with more.",
    examples: [{ formula: "=DEAL.DILUTE(0.1, 100e9, 830e9)", result: 0.089247311827957, note: "about 8.9%: 10% of $830B, now of $930B" }],
    inWorkbook: "=DEAL.DILUTE(0.1, DEAL_ROUND_SIZE, OPENAI_VALUATION_ROUND)",
  },
  {
    name: "TRANCHES",
    summary:
      "An investor's stake after a series of rounds, in order, such as a commitment paid in tranches: what it puts into each round (0 for a round it skips), each round's valuation and all its new money.",
    params: [
      money(
        "amounts",
        "The money this investor puts into each round, in order (0 for a round it skips)",
        "in a currency",
        `0 or more; a column (a round per row) or a row, at most ${MAX_ROUNDS.toLocaleString("en-US")} rounds`,
      ),
      money(
        "valuations",
        "Each round's valuation",
        "in the currency of amounts",
        'above 0 with basis "post", 0 or more with "pre"; one per round, or one for every round',
      ),
      {
        ...basis,
        what: 'Text "post" (each valuation includes its round\'s money) or "pre" (it does not); one for every round, or one per round',
      },
      {
        ...money(
          "roundsizes",
          "All the new money in each round, from every investor (the amount included)",
          "in the currency of amounts",
          'amounts or more, and at most the valuation with basis "post"; required with basis "pre"; one per round, or one for every round',
        ),
        optional: true,
        default: 'each round\'s amount (no other investor), with basis "post" only',
      },
    ],
    result:
      "The stake after the last round, as a fraction: after each round it is the stake before × (1 − roundsize ÷ post-money) + amount ÷ post-money.",
    examples: [
      {
        formula: "=DEAL.TRANCHES({25e9;25e9}, {830e9;1200e9})",
        result: 0.0503263052208835,
        note: "$50B in two halves, at $830B post-money, then at a hypothetical $1.2 trillion: 25/830 × (1 − 25/1200) + 25/1200, about 5.0%",
      },
      {
        formula: '=DEAL.TRANCHES({25e9;0}, {830e9;1200e9}, "post", {100e9;100e9})',
        result: 0.0276104417670683,
        note: "$25B of a $100B round at $830B, then a hypothetical $100B round at $1.2 trillion that it skips: 25/830 × (1 − 100/1200), about 2.8%",
      },
      {
        formula: '=DEAL.TRANCHES({25e9;25e9}, {830e9;1100e9}, "pre", {100e9;100e9})',
        result: 0.0454749103942652,
        note: "$25B of each of two $100B rounds, at $830B and a hypothetical $1.1 trillion pre-money: 25/930 × 1100/1200 + 25/1200, about 4.5%",
      },
    ],
    inWorkbook: '=DEAL.TRANCHES(DEAL_AMOUNT, OPENAI_VALUATION_ROUND, "pre", DEAL_ROUND_SIZE)',
    series: true,
  },
  {
    name: "STAKEVALUE",
    summary: "What a stake is worth at a post-money valuation: stake × valuation.",
    params: [
      fraction("stake", "The share of the company"),
      money("valuation", "The company's post-money valuation (the round's money included)", "in a currency"),
    ],
    result: "The value of the stake, in the currency of valuation.",
    examples: [{ formula: "=DEAL.STAKEVALUE(0.05, 830e9)", result: 41500000000, note: "$41.5 billion" }],
    inWorkbook: "=DEAL.STAKEVALUE(DEAL_STAKE_POST, OPENAI_VALUATION_ROUND)",
  },
  {
    name: "STEPUP",
    summary: "How many times a new valuation is the old one: newvaluation ÷ oldvaluation.",
    params: [
      money("newvaluation", "The later valuation", "in a currency"),
      money("oldvaluation", "The earlier valuation", "in the currency of newvaluation", "above 0"),
    ],
    result: "The step-up as a multiple (2 means the valuation doubled); compare pre-money with the earlier valuation.",
    examples: [
      { formula: "=DEAL.STEPUP(830e9, 500e9)", result: 1.66, note: "if $830B is pre-money" },
      { formula: "=DEAL.STEPUP(730e9, 500e9)", result: 1.46, note: "if $830B is post-money: $730B pre-money" },
    ],
    inWorkbook: "=DEAL.STEPUP(OPENAI_PREMONEY_IMPLIED, OPENAI_VALUATION_PRIOR)",
  },
  {
    name: "MOIC",
    summary: "The multiple on invested capital: value ÷ invested.",
    params: [
      money("invested", "The money put in", "in a currency", "above 0"),
      money("value", "What the investment is worth now or returned", "in the currency of invested"),
    ],
    result: "The multiple (3 means three times the money invested).",
    examples: [{ formula: "=DEAL.MOIC(50e9, 125e9)", result: 2.5 }],
    // The exit valuation is the user's (the Deal sheet's blank input): blank until they enter one.
    inWorkbook: '=IF(DEAL_EXIT_VALUATION="", "", DEAL.MOIC(DEAL_AMOUNT, DEAL.STAKEVALUE(DEAL_STAKE_POST, DEAL_EXIT_VALUATION)))',
  },
  {
    name: "CAGR",
    summary: "The compound annual growth rate from startvalue to endvalue over years: (endvalue ÷ startvalue)^(1 ÷ years) − 1.",
    params: [
      money("startvalue", "The value at the start", "in a currency or any unit", "above 0"),
      money("endvalue", "The value at the end", "in the unit of startvalue"),
      {
        name: "years",
        kind: "number",
        what: "The time between them",
        unit: "in years (fractions allowed)",
        bounds: "above 0",
        optional: false,
      },
    ],
    result: "The yearly growth rate as a fraction (0.3 is 30% a year), within 2 units in the last place.",
    examples: [{ formula: "=DEAL.CAGR(100, 172.8, 3)", result: 0.2, note: "20% a year" }],
    inWorkbook: "=DEAL.CAGR(AMZN_PRICE_3Y_AGO, AMZN_PRICE, 3)",
  },
  {
    name: "PRIORVALUE",
    summary: "The value before a gain: value ÷ (1 + gain).",
    params: [
      money("value", "The value after the gain", "in a currency or any unit"),
      {
        name: "gain",
        kind: "number",
        what: "The change since then",
        unit: "as a fraction (1.14 is a gain of 114%, −0.2 a fall of 20%)",
        bounds: "above −1",
        optional: false,
      },
    ],
    result: "The value before the gain, in the unit of value.",
    examples: [
      {
        formula: "=DEAL.PRIORVALUE(241.73, 1.14)",
        result: 112.957943925234,
        note: "the AMZN price three years earlier that a 114% price gain implies",
      },
    ],
    inWorkbook: "=DEAL.PRIORVALUE(AMZN_PRICE, AMZN_RETURN_3Y)",
  },
  {
    name: "FIGURE",
    summary: "A figure of the Deal Desk dataset by its id: its value, or the field named.",
    params: [
      figureId,
      {
        name: "field",
        kind: "text",
        what: `Text ${FIGURE_FIELDS.map((f) => `"${f}"`).join(", ")}`,
        bounds: "not case-sensitive",
        optional: true,
        default: '"value"',
      },
    ],
    result:
      'The field: the value as a number (dates as Excel date serials), "asofdate" the day it was stated as a date serial (#N/A where it is undated), the others as text; "standing" is "confirmed by N articles", "single source" or "contested", "asof" when it was stated, "period" the period it is about, "source" the source\'s id on the Sources sheet, "sourcetitle" its title, "tier" primary or secondary.',
    examples: [
      { formula: '=DEAL.FIGURE("amzn.price")', result: 241.73 },
      { formula: '=DEAL.FIGURE("openai.valuation_round", "qualifier")', result: "approximately" },
      { formula: '=DEAL.FIGURE("deal.amount_announced", "standing")', result: "contested" },
    ],
    inWorkbook: '=DEAL.FIGURE("openai.valuation_round", "comment")',
  },
  {
    name: "FIGURES",
    summary: "The whole Deal Desk dataset as a table that spills, with a header row.",
    params: [],
    result:
      "A table with the columns id, label, value, unit, qualifier, status, standing, as of (when it was stated, with its date and how it is known), period, source (the title), tier and comment; one row per figure.",
    examples: [{ formula: "=DEAL.FIGURES()", result: "a table of every figure, starting with deal.amount" }],
    inWorkbook: "=DEAL.FIGURES()",
  },
  {
    name: "CARD",
    summary: "A figure of the Deal Desk dataset as a card in the cell: the value with its qualifier, status, as-of date, source and quote.",
    params: [figureId],
    result:
      "An entity value (Excel's data types) showing the claim; its card lists the value, qualifier, status, as of with its basis, source with its tier, the quote and the comment, and =A1.Value is the number. Where Excel has no data types, the plain value.",
    examples: [{ formula: '=DEAL.CARD("openai.valuation_round")', result: "a card reading approximately $830B" }],
    inWorkbook: '=DEAL.CARD("openai.valuation_round")',
  },
];
