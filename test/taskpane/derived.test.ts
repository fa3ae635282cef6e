import { allFigures } from "../../src/figures";
import { CATALOG } from "../../src/calc/catalog";
import { derivedCards } from "../../src/taskpane/derived";
import { functionEntries, skeleton } from "../../src/taskpane/reference";

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

  test("AMZN's 3-year CAGR compounds the quoted total return over three years", () => {
    const totalReturn = allFigures().find((f) => f.id === "amzn.return_3y")!.value;
    expect(cards["amzn.cagr_3y"].value).toBe(cagrPercent(totalReturn));
  });

  test("each card says how it is computed, naming the figures' claims", () => {
    expect(cards["stake.post"].basis).toBe("up to $50B ÷ approximately $830B");
    expect(cards["openai.stepup"].basis).toBe("approximately $830B ÷ $500B");
  });
});

describe("function reference", () => {
  test("lists every catalog function with the DEAL namespace, its summary and example", () => {
    const entries = functionEntries();
    expect(entries.map((e) => e.name)).toEqual(CATALOG.map((spec) => `DEAL.${spec.name}`));
    entries.forEach((entry, i) => {
      expect(entry.summary).toBe(CATALOG[i].summary);
      expect(entry.example).toBe(`${CATALOG[i].example.formula} → ${CATALOG[i].example.value}`);
    });
  });

  test("the skeleton names the required parameters only", () => {
    expect(
      skeleton({
        name: "STAKE",
        summary: "",
        result: "",
        example: { formula: "", value: "" },
        params: [
          { name: "amount", kind: "number", description: "", optional: false },
          { name: "valuation", kind: "number", description: "", optional: false },
          { name: "basis", kind: "text", description: "", optional: true },
        ],
      }),
    ).toBe("=DEAL.STAKE(amount, valuation)");
    expect(skeleton({ name: "FIGURES", summary: "", result: "", example: { formula: "", value: "" }, params: [] })).toBe("=DEAL.FIGURES()");
  });
});
