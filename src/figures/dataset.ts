import type { Fact, Figure } from "./types";

/**
 * Every number the sources state, as a claim. The order here is the order users see
 * (`=DEAL.FIGURES()`, the README, the sheets). Derived numbers (stake, step-up, CAGR) are not
 * stored: src/calc computes them from these.
 *
 * Where sources disagree, each claim keeps its own id and source and names the other in
 * `otherClaims`; nothing is silently picked.
 */
export const FIGURES: readonly Figure[] = [
  {
    id: "deal.amount",
    topic: "deal",
    label: "Amazon investment in OpenAI (talks)",
    value: "50000000000",
    unit: "USD",
    qualifier: "up to",
    status: "reported",
    asOf: "late January 2026 (talks)",
    sourceId: "src.wsj_advanced_talks",
    quote:
      "Amazon.com Inc. (NASDAQ: AMZN) is in advanced discussions to make a strategic investment of up to $50 billion in artificial intelligence pioneer OpenAI, according to people familiar with the matter.",
    comment: "The talks were ongoing and the final amount could change; a later article reports it as announced.",
    otherClaims: ["deal.amount_announced"],
    alsoStatedIn: [
      {
        sourceId: "src.stake_talks",
        quote:
          "People familiar with the matter say Amazon may invest as much as $50 billion in the AI company in the coming weeks, though the talks remain ongoing and the final amount could change.",
      },
      {
        sourceId: "src.late_january_reports",
        quote:
          "Reports circulating in late January 2026 indicate that Amazon is engaged in discussions to potentially inject a staggering $50 billion into OpenAI, the artificial intelligence research and deployment company.",
      },
      {
        sourceId: "src.techcrunch_recap",
        quote:
          "A recent report from TechCrunch has sent ripples through the industry:Amazon is reportedly in talks to invest $50B in OpenAI.",
      },
    ],
  },
  {
    id: "deal.amount_announced",
    topic: "deal",
    label: "Amazon investment in OpenAI (announced)",
    value: "50000000000",
    unit: "USD",
    qualifier: "exact",
    status: "announced",
    asOf: "date of the announcement (the source gives none)",
    sourceId: "src.announcement",
    quote:
      "Amazon has announced a $50 billion investment in OpenAI, in what is being described as a landmark move in the artificial intelligence sector.",
    comment: "Spread over multiple years, per the same source; the talks reports say up to $50 billion.",
    otherClaims: ["deal.amount"],
    alsoStatedIn: [],
  },
  {
    id: "deal.round_size",
    topic: "deal",
    label: "OpenAI funding round sought",
    value: "100000000000",
    unit: "USD",
    qualifier: "up to",
    status: "reported",
    asOf: "late January 2026 (talks)",
    sourceId: "src.stake_talks",
    quote:
      "The potential Amazon investment is unfolding as OpenAI seeks to raise a new financing round that could total $100 billion, implying a valuation of roughly $830 billion.",
    comment: "All the new money OpenAI seeks in the round, Amazon's included.",
    otherClaims: [],
    alsoStatedIn: [
      {
        sourceId: "src.late_january_reports",
        quote:
          "This colossal sum would represent a significant portion of the $100 billion in new funding OpenAI is reportedly seeking, a move that could propel its valuation from an already impressive $500 billion to an unprecedented $830 billion.",
      },
    ],
  },
  {
    id: "openai.valuation_prior",
    topic: "openai",
    label: "OpenAI valuation before the round",
    value: "500000000000",
    unit: "USD",
    qualifier: "exact",
    status: "reported",
    asOf: "late January 2026, before the round",
    sourceId: "src.late_january_reports",
    quote:
      "This colossal sum would represent a significant portion of the $100 billion in new funding OpenAI is reportedly seeking, a move that could propel its valuation from an already impressive $500 billion to an unprecedented $830 billion.",
    comment: "The valuation the round would raise OpenAI from.",
    otherClaims: [],
    alsoStatedIn: [],
  },
  {
    id: "openai.valuation_round",
    topic: "openai",
    label: "OpenAI valuation implied by the round",
    value: "830000000000",
    unit: "USD",
    qualifier: "approximately",
    status: "reported",
    asOf: "late January 2026 (talks)",
    sourceId: "src.stake_talks",
    quote:
      "The potential Amazon investment is unfolding as OpenAI seeks to raise a new financing round that could total $100 billion, implying a valuation of roughly $830 billion.",
    comment: "The sources do not say whether this is pre-money or post-money: the sheets compute both readings.",
    otherClaims: [],
    alsoStatedIn: [
      {
        sourceId: "src.late_january_reports",
        quote:
          "This colossal sum would represent a significant portion of the $100 billion in new funding OpenAI is reportedly seeking, a move that could propel its valuation from an already impressive $500 billion to an unprecedented $830 billion.",
      },
    ],
  },
  {
    id: "deal.expected_close",
    topic: "deal",
    label: "Expected close of the funding deal",
    value: "2026-03-31",
    unit: "date",
    qualifier: "up to",
    status: "reported",
    asOf: "late January 2026 (talks)",
    sourceId: "src.late_january_reports",
    quote:
      "The projected closing of the funding deal by the end of Q1 2026 underscores the urgency and rapid pace driving these high-stakes negotiations.",
    comment: "\"By the end of Q1 2026\": the last day of the quarter, at the latest.",
    otherClaims: [],
    alsoStatedIn: [],
  },
  {
    id: "anthropic.amazon_investment",
    topic: "anthropic",
    label: "Amazon investment committed to Anthropic",
    value: "8000000000",
    unit: "USD",
    qualifier: "at least",
    status: "reported",
    asOf: "late January 2026 (cumulative commitment)",
    sourceId: "src.late_january_reports",
    quote:
      "Amazon has committed at least $8 billion to Anthropic, a company founded by former OpenAI researchers, and has positioned AWS as the primary cloud and training provider for its models, including the Claude series.",
    comment: "Another source says only that Amazon has invested billions in Anthropic.",
    otherClaims: [],
    alsoStatedIn: [],
  },
  {
    id: "anthropic.indiana_campus",
    topic: "anthropic",
    label: "Amazon data center campus in Indiana for Anthropic",
    value: "11000000000",
    unit: "USD",
    qualifier: "exact",
    status: "reported",
    asOf: "late January 2026 (already built)",
    sourceId: "src.late_january_reports",
    quote:
      "This strategic alliance is further solidified by significant infrastructure investments, such as an $11 billion data center campus in Indiana specifically designed to run Anthropic models.",
    comment: "A capital expenditure of Amazon's, not an investment in Anthropic.",
    otherClaims: [],
    alsoStatedIn: [
      {
        sourceId: "src.stake_talks",
        quote:
          "The company recently built an $11 billion data center campus intended to support Anthropic’s computing requirements, illustrating how hyperscalers are increasingly tying capital expenditures to strategic AI partnerships.",
      },
    ],
  },
  {
    id: "amzn.price",
    topic: "amzn",
    label: "AMZN share price",
    value: "241.73",
    unit: "USD per share",
    qualifier: "around",
    status: "market quote",
    asOf: "during the talks (the source gives no date or time)",
    sourceId: "src.wsj_advanced_talks",
    quote:
      "This potential partnership comes as Amazon's stock, trading around $241.73, has seen robust multi-year performance, gaining 114% over the past three years.",
    comment: "A snapshot quoted by the article, not a live price.",
    otherClaims: [],
    alsoStatedIn: [],
  },
  {
    id: "amzn.return_3y",
    topic: "amzn",
    label: "AMZN total return over three years",
    value: "1.14",
    unit: "ratio",
    qualifier: "exact",
    status: "market quote",
    asOf: "three years to the date of the quote (the source gives no date)",
    sourceId: "src.wsj_advanced_talks",
    quote:
      "This potential partnership comes as Amazon's stock, trading around $241.73, has seen robust multi-year performance, gaining 114% over the past three years.",
    comment: "A gain of 114%: the price is 2.14 times what it was three years earlier.",
    otherClaims: [],
    alsoStatedIn: [],
  },
  {
    id: "amazon.capex_2026",
    topic: "amazon",
    label: "Amazon capital expenditure in 2026",
    value: "125000000000",
    unit: "USD",
    qualifier: "approximately",
    status: "guidance",
    asOf: "fiscal year 2026",
    sourceId: "src.stake_talks",
    quote:
      "At the same time, it has signaled that it expects to spend approximately $125 billion in 2026, with much of that directed toward AI data centers and custom chips.",
    comment: "Much of it for AI data centers and custom chips.",
    otherClaims: [],
    alsoStatedIn: [],
  },
  {
    id: "amazon.corporate_layoffs",
    topic: "amazon",
    label: "Amazon corporate layoffs planned",
    value: "16000",
    unit: "employees",
    qualifier: "around",
    status: "announced",
    asOf: "announced shortly before the talks (the source gives no date)",
    sourceId: "src.stake_talks",
    quote:
      "The company has been cutting costs in other areas and recently announced plans to lay off around 16,000 corporate employees.",
    comment: "Corporate employees only.",
    otherClaims: [],
    alsoStatedIn: [],
  },
];

/** The facts a model cites beside the numbers: who, with whom, when. */
export const FACTS: readonly Fact[] = [
  {
    id: "talks.leaders",
    topic: "deal",
    label: "Who leads the talks",
    text: "Andy Jassy (Amazon CEO) and Sam Altman (OpenAI CEO)",
    status: "reported",
    asOf: "late January 2026 (talks)",
    sourceId: "src.stake_talks",
    quote:
      "The negotiations are being led directly by OpenAI CEO Sam Altman and Amazon CEO Andy Jassy, according to the same sources.",
  },
  {
    id: "talks.other_investors",
    topic: "openai",
    label: "Other investors in talks with OpenAI",
    text: "Microsoft, Nvidia, SoftBank, Middle Eastern sovereign wealth funds",
    status: "reported",
    asOf: "late January 2026 (talks)",
    sourceId: "src.late_january_reports",
    quote:
      "Beyond Amazon, OpenAI is also reportedly in dialogue with a diverse range of potential investors, including sovereign wealth funds in the Middle East, as well as established tech giants like Nvidia, Microsoft, and SoftBank.",
  },
  {
    id: "timeline.reports",
    topic: "deal",
    label: "Talks reported",
    text: "Late January 2026: reports that Amazon is in talks to invest up to $50 billion in OpenAI",
    status: "reported",
    asOf: "late January 2026",
    sourceId: "src.late_january_reports",
    quote:
      "Reports circulating in late January 2026 indicate that Amazon is engaged in discussions to potentially inject a staggering $50 billion into OpenAI, the artificial intelligence research and deployment company.",
  },
  {
    id: "timeline.article",
    topic: "deal",
    label: "Talks recapped",
    text: "1 February 2026: an article recaps TechCrunch's report of the talks",
    status: "reported",
    asOf: "2026-02-01",
    sourceId: "src.techcrunch_recap",
    quote:
      "A recent report from TechCrunch has sent ripples through the industry:Amazon is reportedly in talks to invest $50B in OpenAI.",
  },
  {
    id: "timeline.announcement",
    topic: "deal",
    label: "Investment announced",
    text: "Amazon announces a $50 billion investment in OpenAI, spread over multiple years, in a joint statement (date not given)",
    status: "announced",
    asOf: "date of the announcement (the source gives none)",
    sourceId: "src.announcement",
    quote:
      "The funding commitment was confirmed in a joint statement, with Amazon saying that the capital will support OpenAI’s long-term research, infrastructure expansion, and commercialisation plans.",
  },
];
