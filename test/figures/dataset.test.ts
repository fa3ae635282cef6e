import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { DATASET, allFacts, allFigures, allSources, findFigure, findSource, idsSupportedBy, isLookupError } from "../../src/figures";
import type { Figure } from "../../src/figures";
import { citation } from "../../src/figures/provenance";
import { standingOf } from "../../src/figures/standing";
import { HAND_COUNTED, STANDINGS } from "./standings";

const root = path.resolve(__dirname, "../..");
const articleText = (file: string) => fs.readFileSync(path.join(root, "sources", file), "utf8");

function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The words an article uses for a value, derived here from the value alone. */
function wordsFor(f: Figure): string[] {
  switch (f.unit) {
    case "USD": {
      const billions = String(BigInt(f.value) / 1_000_000_000n);
      expect(BigInt(f.value) % 1_000_000_000n).toBe(0n);
      return [`$${billions} billion`, `$${billions}B`];
    }
    case "USD per share":
      return [`$${f.value}`];
    case "gain as a fraction": {
      const [whole, frac = ""] = f.value.split(".");
      const percent = (whole + frac.padEnd(2, "0")).replace(/^0+(?=\d)/, "");
      return [`${percent}%`];
    }
    case "employees":
      return [Number(f.value).toLocaleString("en-US")];
    case "date": {
      const [y, m] = f.value.split("-").map(Number);
      return [`Q${Math.ceil(m / 3)} ${y}`];
    }
  }
}

/** The words that hedge a figure; an "as stated" figure's quote uses none of them. */
const QUALIFIER_WORDS: Record<string, string[]> = {
  "up to": ["up to", "as much as"],
  around: ["around"],
  approximately: ["approximately", "roughly"],
  "at least": ["at least"],
  "could total": ["could total"],
  "projected by": ["projected"],
  "expects to": ["expects to"],
  signaled: ["signaled"],
};

describe("the dataset", () => {
  const figures = allFigures();
  const facts = allFacts();

  test("holds every figure the issue lists, with the values of the sources", () => {
    const expected: Record<string, string> = {
      "deal.amount": "50000000000",
      "deal.round_size": "100000000000",
      "openai.valuation_prior": "500000000000",
      "openai.valuation_round": "830000000000",
      "deal.expected_close": "2026-03-31",
      "anthropic.amazon_investment": "8000000000",
      "anthropic.indiana_campus": "11000000000",
      "amzn.price": "241.73",
      "amzn.return_3y": "1.14",
      "amazon.capex_2026": "125000000000",
      "amazon.corporate_layoffs": "16000",
    };
    for (const [id, value] of Object.entries(expected)) {
      const f = findFigure(id);
      expect(isLookupError(f) ? f.message : f.value).toBe(value);
    }
  });

  test.each(allFigures().map((f) => [f.id, f] as const))("%s is complete: no empty field", (_id, f) => {
    for (const [key, value] of Object.entries(f)) {
      if (typeof value === "string") expect({ key, empty: value.trim() === "" }).toEqual({ key, empty: false });
    }
  });

  test("ids are unique across figures and facts and match the id pattern", () => {
    const ids = [...figures, ...facts].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Lowercase words joined by dots: `amzn.price`, `deal.round_size`.
    const idPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
    for (const id of ids) expect(id).toMatch(idPattern);
  });

  test("values parse as plain decimals, or as calendar dates when the unit is date", () => {
    for (const f of figures) {
      if (f.unit === "date") expect(isCalendarDate(f.value)).toBe(true);
      else expect(f.value).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
    }
    expect(isCalendarDate("2026-02-30")).toBe(false);
  });

  test("every figure and fact names a known source and quotes it verbatim", () => {
    for (const item of [...figures, ...facts]) {
      const source = findSource(item.sourceId);
      expect(source).toBeDefined();
      expect(articleText(source!.file)).toContain(item.quote);
    }
    for (const f of figures) {
      for (const c of f.alsoStatedIn) {
        expect(c.sourceId).not.toBe(f.sourceId);
        expect(articleText(findSource(c.sourceId)!.file)).toContain(c.quote);
      }
    }
  });

  test.each(allFigures().map((f) => [f.id, f] as const))("the quote for %s states its value in the article's words", (_id, f) => {
    const words = wordsFor(f);
    expect(words.some((w) => f.quote.includes(w))).toBe(true);
    const quote = f.quote.toLowerCase();
    if (f.qualifier === "as stated") {
      // No hedge in the words just before the value ("trading around $241.73, … gaining 114%").
      const hedges = Object.values(QUALIFIER_WORDS).flat();
      const before = words
        .filter((w) => quote.includes(w.toLowerCase()))
        .map((w) => quote.slice(0, quote.indexOf(w.toLowerCase())).slice(-16));
      expect(before.length).toBeGreaterThan(0);
      expect(before.filter((text) => hedges.some((h) => text.includes(h)))).toEqual([]);
    } else {
      for (const q of f.qualifier.split(", ")) expect([q, QUALIFIER_WORDS[q].some((w) => quote.includes(w))]).toEqual([q, true]);
    }
  });

  test("every corroborating quote states the same value", () => {
    for (const f of figures) {
      for (const c of f.alsoStatedIn) expect(wordsFor(f).some((w) => c.quote.includes(w))).toBe(true);
    }
  });

  test("the sources folder is a faithful copy of the shared articles", () => {
    // SHA-256 of each article as the team received it (`sha256sum /work/shared/sources/*`), so
    // the check runs on any clone, with or without the shared folder beside it.
    const shared: Record<string, string> = {
      "000_16c42e3ef7e68612.txt": "fa9ebcaa31e14865bec75b8cf6a108667c8748dcacc636ca5a89fe53bf8ddc88",
      "001_29584ca3b7068942.txt": "45c66cf1cb047f40fa1db83d9305974926fdfac01af988531f3cee01166fb028",
      "002_7dabeab3d76e7262.txt": "1506bf17f8533bf4cd669f02eea9b3fc3c68604e8bf5c42536af2a9be1bd0f00",
      "003_27facdf7f722c302.txt": "be8d2ddb1a27e73fc4ba21f2819e8569ed5b51be49157b5ef2b15b608f2068f3",
      "004_73e8f6130a0ffad2.txt": "d22a734ec67cbb8ff5fb03775be9a1a1a08c168c6018fab56788196d0d273b99",
    };
    const copies = fs.readdirSync(path.join(root, "sources")).sort();
    expect(copies).toEqual(Object.keys(shared));
    expect(
      allSources()
        .map((s) => s.file)
        .sort(),
    ).toEqual(Object.keys(shared));
    for (const file of copies) {
      const digest = createHash("sha256")
        .update(fs.readFileSync(path.join(root, "sources", file)))
        .digest("hex");
      expect([file, digest]).toEqual([file, shared[file]]);
    }
  });

  test("source titles are each article's first line, or its first words where it has no title", () => {
    for (const s of allSources()) {
      const first = articleText(s.file).split("\n")[0];
      const title = s.title.replace(/…$/, "");
      expect(first.startsWith(title)).toBe(true);
      if (s.date) expect(articleText(s.file)).toContain("Feb 1, 2026");
    }
  });

  test("keeps both claims of the $50B: talks (up to, reported) and announcement (announced, multi-year)", () => {
    const talks = findFigure("deal.amount") as Figure;
    const announced = findFigure("deal.amount_announced") as Figure;
    expect([talks.qualifier, talks.status]).toEqual(["up to", "reported"]);
    expect([announced.qualifier, announced.status]).toEqual(["as stated", "announced"]);
    expect(talks.sourceId).not.toBe(announced.sourceId);
    expect(talks.otherClaims).toContain("deal.amount_announced");
    expect(announced.otherClaims).toContain("deal.amount");
    expect(articleText(findSource(announced.sourceId)!.file)).toContain("spread over multiple years");
  });

  test("says the round valuation may be pre- or post-money", () => {
    const f = findFigure("openai.valuation_round") as Figure;
    expect(f.comment).toMatch(/pre-money or post-money/);
  });

  test("facts name who leads the talks, the other investors and the timeline", () => {
    const text = (id: string) => facts.find((f) => f.id === id)?.text ?? "";
    expect(text("talks.leaders")).toMatch(/Andy Jassy.*Sam Altman/);
    for (const name of ["Microsoft", "Nvidia", "SoftBank", "Middle Eastern sovereign wealth funds"]) {
      expect(text("talks.other_investors")).toContain(name);
    }
    expect(facts.filter((f) => f.id.startsWith("timeline.")).map((f) => f.asOf)).toEqual([
      "late January 2026",
      "2026-02-01",
      "the article gives no date",
    ]);
  });

  test("is frozen: a figure cannot be changed by a caller", () => {
    const f = findFigure("amzn.price") as Figure;
    expect(() => {
      (f as { value: string }).value = "1";
    }).toThrow(TypeError);
    expect(() => (figures as Figure[]).push(f)).toThrow(TypeError);
    expect((findFigure("amzn.price") as Figure).value).toBe("241.73");
  });

  test("dates each figure by when it was stated, never by the period it is about", () => {
    const known: Record<string, [string | null, string, string]> = {
      "deal.amount": ["2026-02-01", "inferred from another article", "in the coming weeks"],
      "deal.amount_announced": [null, "undated", "spread over multiple years"],
      "deal.round_size": ["2026-02-01", "inferred from another article", "the new financing round"],
      "openai.valuation_prior": ["2026-01-31", "stated by the source", "before the new funding"],
      "openai.valuation_round": ["2026-02-01", "inferred from another article", "the new financing round"],
      "deal.expected_close": ["2026-01-31", "stated by the source", "by the end of Q1 2026"],
      "anthropic.amazon_investment": ["2026-01-31", "stated by the source", "to date: what Amazon has committed"],
      "anthropic.indiana_campus": ["2026-01-31", "stated by the source", "not stated"],
      "amzn.price": ["2026-02-01", "inferred from another article", "not stated: a quote at a moment the article does not give"],
      "amzn.return_3y": ["2026-02-01", "inferred from another article", "the past three years, to the quote"],
      // Said during the talks, about 2026: dated when said, so it ages like the other talks figures.
      "amazon.capex_2026": ["2026-02-01", "inferred from another article", "2026"],
      "amazon.corporate_layoffs": ["2026-02-01", "inferred from another article", "not stated: plans recently announced"],
    };
    const dates = Object.fromEntries(figures.map((f) => [f.id, [f.asOfDate, f.asOfBasis, f.period]]));
    expect(Object.fromEntries(Object.keys(known).map((id) => [id, dates[id]]))).toEqual(known);
    // Any other figure the file adds: undated exactly when it has no date, and a period of its own.
    for (const f of figures) {
      expect([f.id, f.asOfDate === null]).toEqual([f.id, f.asOfBasis === "undated"]);
      expect([f.id, f.period.trim() === ""]).toEqual([f.id, false]);
    }
    // Stated: the article itself names the day or month; inferred: the article is undated and the one dated article gives the day.
    const dated = allSources().filter((s) => s.date !== null);
    expect(dated.map((s) => [s.id, s.date])).toEqual([["src.admin_recap", "2026-02-01"]]);
    for (const f of figures) {
      for (const s of [f, ...f.alsoStatedIn]) {
        const source = findSource(s.sourceId)!;
        if (s.asOfBasis === "stated by the source" && source.date === null) expect(articleText(source.file)).toContain("late January 2026");
        if (s.asOfBasis === "stated by the source" && source.date !== null) expect(s.asOfDate).toBe(source.date);
        if (s.asOfBasis === "inferred from another article") expect([source.date, s.asOfDate]).toEqual([null, dated[0].date]);
      }
    }
    // The period words are the article's own.
    expect(articleText(findSource("src.stake_talks")!.file)).toContain("approximately $125 billion in 2026");
    expect(articleText(findSource("src.stake_talks")!.file)).toContain("in the coming weeks");
    expect(articleText(findSource("src.announcement")!.file)).toContain("spread over multiple years");
    expect(articleText(findSource("src.late_january_reports")!.file)).toContain("by the end of Q1 2026");
  });

  test("each figure's standing comes from the articles that state, contradict or hedge it", () => {
    // The oracle counts the distinct articles stating each claim, and those against it, from the raw file.
    expect(Object.fromEntries(figures.map((f) => [f.id, standingOf(f).text]))).toEqual(STANDINGS);
    // The oracle agrees with the counts made by hand from the articles for the built-in figures.
    expect(Object.fromEntries(Object.keys(HAND_COUNTED).map((id) => [id, STANDINGS[id]]))).toEqual(HAND_COUNTED);
    const announced = findFigure("deal.amount_announced") as Figure;
    // Two articles say the talks remain ongoing and the amount could change: against an announcement.
    expect(announced.challengedIn.map((c) => [c.sourceId, c.kind])).toEqual([
      ["src.stake_talks", "contradicts"],
      ["src.advanced_talks", "contradicts"],
    ]);
    expect(announced.challengedIn.map((c) => c.quote).join(" ")).toMatch(
      /talks remain ongoing and the final amount could change.*discussions are ongoing/,
    );
    for (const f of figures) {
      for (const c of f.challengedIn) expect(articleText(findSource(c.sourceId)!.file)).toContain(c.quote);
    }
  });

  test("source ids and titles name the article, never an outlet it only cites", () => {
    expect(allSources().map((s) => [s.id, s.outlet, s.citesOutlet])).toEqual([
      ["src.admin_recap", 'unnamed site, a post by "Admin"', "TechCrunch"],
      ["src.late_january_reports", "unnamed outlet", null],
      ["src.advanced_talks", "unnamed outlet", "The Wall Street Journal"],
      ["src.stake_talks", "unnamed outlet", null],
      ["src.announcement", "unnamed outlet", null],
    ]);
    for (const s of allSources()) expect([s.id, /wsj|wall street|techcrunch/i.test(`${s.id} ${s.title}`)]).toEqual([s.id, false]);
    // What a reader copies names the article, and the outlet it cites only as cited.
    expect(citation(findSource("src.advanced_talks")!)).toBe(
      '"Amazon in Advanced Talks to Invest Up to $50 Billion in OpenAI, Signaling Major AI Ambitions" (unnamed outlet, citing The Wall Street Journal; undated)',
    );
    expect(citation(findSource("src.admin_recap")!)).toBe(
      '"Amazon\'s Potential $50B Investment in OpenAI: Reshaping the AI Landscape" (unnamed site, a post by "Admin", citing TechCrunch; 2026-02-01)',
    );
    // What the articles say of where the story comes from.
    expect(articleText(findSource("src.advanced_talks")!.file)).toContain("first reported by The Wall Street Journal");
    expect(articleText(findSource("src.admin_recap")!.file)).toContain("A recent report from TechCrunch");
    expect(articleText(findSource("src.admin_recap")!.file).split("\n")[3]).toBe("Admin");
  });

  test("every source is a secondary article with no known URL: none is a company statement or filing", () => {
    expect(allSources().map((s) => [s.tier, s.url])).toEqual(allSources().map(() => ["secondary", null]));
  });

  test("has a version and a date", () => {
    expect(DATASET.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(isCalendarDate(DATASET.date)).toBe(true);
  });
});

describe("lookups", () => {
  test("find a figure by id ignoring case and surrounding spaces", () => {
    expect((findFigure("  AMZN.Price ") as Figure).id).toBe("amzn.price");
  });

  test("an unknown id is an error value naming the id and how to list the valid ones, not an exception", () => {
    const miss = findFigure("amzn.prices");
    expect(isLookupError(miss)).toBe(true);
    expect(miss).toEqual({
      kind: "unknown-id",
      id: "amzn.prices",
      message: 'No figure has the id "amzn.prices". =DEAL.FIGURES() lists the valid ids (for example "deal.amount").',
    });
    expect(isLookupError(findFigure(""))).toBe(true);
    expect(isLookupError(findFigure(undefined as unknown as string))).toBe(true);
  });

  test("every figure's topic is one of the five", () => {
    const topics = ["deal", "openai", "amazon", "amzn", "anthropic"];
    for (const f of allFigures()) expect([f.id, topics.includes(f.topic)]).toEqual([f.id, true]);
  });

  test("list every figure in a stable order", () => {
    expect(allFigures().map((f) => f.id)).toEqual(allFigures().map((f) => f.id));
    expect(allFigures()[0].id).toBe("deal.amount");
  });

  test("name the ids each source supports, main claims first", () => {
    expect(idsSupportedBy("src.advanced_talks")).toEqual(["amzn.price", "amzn.return_3y", "deal.amount"]);
    expect(idsSupportedBy("src.admin_recap")).toEqual(["timeline.article", "deal.amount"]);
    for (const s of allSources()) expect(idsSupportedBy(s.id).length).toBeGreaterThan(0);
  });
});
