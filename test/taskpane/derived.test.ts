import { allFigures } from "../../src/figures";
import { CATALOG } from "../../src/calc/catalog";
import { derivedCards } from "../../src/taskpane/derived";
import { functionEntries } from "../../src/taskpane/reference";
import { buildAllBlocks } from "../../src/sheets";

function value(id: string): bigint {
  return BigInt(allFigures().find((f) => f.id === id)!.value);
}

/** n/d as "6.02%": two decimals, rounded half up, from exact integers. */
function percent(n: bigint, d: bigint): string {
  const tenThousandths = (n * 100000n) / d;
  const rounded = (tenThousandths + 5n) / 10n;
  return `${rounded / 100n}.${String(rounded % 100n).padStart(2, "0")}%`;
}

/** The rate g with (1+g)^3 = 1 + totalReturn, as a percentage with 2 decimals, by exact search. */
function cagrPercent(totalReturn: string): string {
  const [whole, fraction = ""] = totalReturn.split(".");
  const scale = 10n ** BigInt(fraction.length);
  const growth = BigInt(whole + fraction) + scale; // (1 + return) × scale
  // Find bp (hundredths of a percent) with (10000+bp)^3 / 10000^3 ≤ growth/scale, then round half up.
  const within = (bp2: bigint) => (20000n + bp2) ** 3n * scale <= growth * 8n * 10n ** 12n; // bp2 = 2·bp
  let bp = 0n;
  while (within(2n * (bp + 1n))) bp += 1n;
  if (within(2n * bp + 1n)) bp += 1n;
  return `${bp / 100n}.${String(bp % 100n).padStart(2, "0")}%`;
}

describe("derived cards", () => {
  const cards = Object.fromEntries(derivedCards().map((c) => [c.id, c]));

  test("Amazon's post-money stake is the amount over the round valuation", () => {
    expect(cards["stake.post"].value).toBe(percent(value("deal.amount"), value("openai.valuation_round")));
  });

  test("Amazon's pre-money stake adds the whole round to the valuation", () => {
    expect(cards["stake.pre"].value).toBe(percent(value("deal.amount"), value("openai.valuation_round") + value("deal.round_size")));
  });

  test("OpenAI's step-up is the round valuation over the prior one, as a multiple", () => {
    const hundredths = (value("openai.valuation_round") * 1000n) / value("openai.valuation_prior");
    const rounded = (hundredths + 5n) / 10n;
    expect(cards["openai.stepup"].value).toBe(`${rounded / 100n}.${String(rounded % 100n).padStart(2, "0")}x`);
  });

  test("if $830B is post-money, the step-up is 730/500 = 1.46x", () => {
    expect(cards["openai.stepup_if_post"].value).toBe("1.46x");
    expect(cards["openai.stepup"].value).toBe("1.66x");
  });

  test("AMZN's 3-year CAGR compounds the quoted price gain over three years", () => {
    const totalReturn = allFigures().find((f) => f.id === "amzn.return_3y")!.value;
    expect(cards["amzn.cagr_3y"].value).toBe(cagrPercent(totalReturn));
  });

  test("each card says how it is computed, naming the figures' claims", () => {
    expect(cards["stake.post"].basis).toBe("up to $50B ÷ approximately $830B");
    expect(cards["openai.stepup"].basis).toBe("approximately $830B ÷ $500B");
  });
});

describe("function reference", () => {
  test("lists every catalog function with the DEAL namespace, its summary and examples", () => {
    const entries = functionEntries();
    expect(entries.map((e) => e.name)).toEqual(CATALOG.map((spec) => `DEAL.${spec.name}`));
    expect(entries.find((e) => e.name === "DEAL.STAKE")!.examples).toEqual([
      "=DEAL.STAKE(50e9, 830e9) → 0.0602409638554217 (50 ÷ 830, about 6.0%, if $830B is post-money)",
      '=DEAL.STAKE(50e9, 830e9, "pre", 100e9) → 0.0537634408602151 ($50B of a $100B round from several investors at $830B pre-money: 50 ÷ 930, about 5.4%)',
    ]);
  });

  test("STAKE and IMPLIEDVALUATION show a roundsize example for a round with several investors", () => {
    for (const name of ["DEAL.STAKE", "DEAL.IMPLIEDVALUATION"]) {
      const entry = functionEntries().find((e) => e.name === name)!;
      expect(entry.examples.some((e) => /"pre", 100e9\)/.test(e) && e.includes("several investors"))).toBe(true);
    }
  });

  test("Insert puts a call on the workbook's names, and every name it uses is one the blocks define", () => {
    const defined = new Set(buildAllBlocks().flatMap((s) => s.names.map((n) => n.name)));
    expect(functionEntries().find((e) => e.name === "DEAL.PREMONEY")!.insert).toBe(
      "=DEAL.PREMONEY(OPENAI_VALUATION_ROUND, DEAL_ROUND_SIZE)",
    );
    for (const entry of functionEntries()) {
      const names = [...entry.insert.replace(/"[^"]*"/g, "").matchAll(/\b[A-Z][A-Z0-9_]*\b(?![.(])/g)].map((m) => m[0]);
      expect([entry.name, names.filter((n) => !defined.has(n))]).toEqual([entry.name, []]);
    }
    const usesNames = functionEntries()
      .filter((e) => /\b[A-Z]+_[A-Z0-9_]+\b/.test(e.insert))
      .map((e) => e.name);
    // Every function that computes from numbers inserts a call on the names; FIGURE, FIGURES and CARD take ids.
    expect(usesNames).toEqual(CATALOG.filter((s) => s.params.some((p) => p.kind === "number")).map((s) => `DEAL.${s.name}`));
    expect(usesNames).toContain("DEAL.STAKE");
  });
});
