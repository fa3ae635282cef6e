/**
 * The figures file's validation, as the build, figures:check and the add-in run it: each kind of
 * bad file fails with the id and the field named.
 */
import * as fs from "fs";
import * as path from "path";
import { checkDataset, describeProblem, quoteProblems } from "../../src/figures/validate";
import type { FiguresProblem } from "../../src/figures/validate";
import { figureIn, figuresJson, sourceIn } from "./json";

const root = path.resolve(__dirname, "../..");
const good = figuresJson;
const problemsOf = (json: unknown): readonly FiguresProblem[] => {
  const check = checkDataset(json);
  return check.ok ? [] : check.problems;
};
const articleText = (file: string) => {
  const full = path.join(root, "sources", file);
  return fs.existsSync(full) ? fs.readFileSync(full, "utf8") : undefined;
};

describe("checkDataset", () => {
  test("accepts the repository's figures file", () => {
    const check = checkDataset(good());
    expect(check.ok).toBe(true);
  });

  test("a value that is not a decimal breaks the schema, naming the figure and the field", () => {
    const json = good();
    figureIn(json, "amzn.price").value = '=HYPERLINK("x")';
    expect(problemsOf(json)).toEqual([
      { id: "amzn.price", field: "value", message: expect.stringMatching(/^must match .*; got "=HYPERLINK\(\\"x\\"\)"$/) },
    ]);
  });

  test("a missing field, a field of another kind and an unknown field are each named", () => {
    const json = good();
    delete figureIn(json, "deal.amount").quote;
    figureIn(json, "deal.amount_announced").otherClaims = "deal.amount";
    sourceIn(json, "src.wsj_advanced_talks").rating = 5;
    expect(problemsOf(json).map((p) => [p.id, p.field, p.message])).toEqual([
      ["src.wsj_advanced_talks", "rating", "is not a field of the figures file"],
      ["deal.amount", "quote", "is missing"],
      ["deal.amount_announced", "otherClaims", "must be array, not string"],
    ]);
  });

  test("a text longer than its cap is refused", () => {
    const json = good();
    figureIn(json, "deal.round_size").label = "x".repeat(201);
    expect(problemsOf(json)).toEqual([
      { id: "deal.round_size", field: "label", message: "must not be longer than 200 characters (it has 201)" },
    ]);
  });

  test("a duplicate id fails, naming the id", () => {
    const json = good();
    figureIn(json, "openai.valuation_prior").id = "deal.amount";
    expect(problemsOf(json)).toEqual([
      { id: "deal.amount", field: "id", message: "repeats an id already used in the file; ids must be unique" },
    ]);
  });

  test("an unknown source id fails, naming the figure and the field", () => {
    const json = good();
    figureIn(json, "deal.amount").alsoStatedIn[1].sourceId = "src.bloomberg";
    expect(problemsOf(json)).toEqual([
      {
        id: "deal.amount",
        field: "alsoStatedIn[1].sourceId",
        message: 'names the source "src.bloomberg", which is not among the file\'s sources',
      },
    ]);
  });

  test("a date that does not exist and a decimal for a date unit fail", () => {
    const json = good();
    figureIn(json, "deal.expected_close").value = "2026-02-30";
    figureIn(json, "amzn.return_3y").asOfDate = "2026-13-01";
    expect(problemsOf(json).map((p) => [p.id, p.field])).toEqual([
      ["deal.expected_close", "value"],
      ["amzn.return_3y", "asOfDate"],
    ]);
  });

  test("a basis without a date, or a date without a basis, fails", () => {
    const json = good();
    figureIn(json, "deal.amount_announced").asOfBasis = "stated by the source";
    expect(problemsOf(json)).toEqual([
      { id: "deal.amount_announced", field: "asOfBasis", message: "must be null exactly when asOfDate is null" },
    ]);
  });

  test("truncated content is not a dataset", () => {
    expect(problemsOf({ version: "1.0.0" }).map((p) => p.field)).toEqual(["date", "sources", "figures", "facts"]);
    expect(problemsOf(null)).toEqual([{ id: "", field: "(the file)", message: "must be object, not null" }]);
  });

  test("a problem reads with the file, the id and the field", () => {
    expect(describeProblem("figures/new.json", { id: "deal.amount", field: "quote", message: "is missing" })).toBe(
      'figures/new.json: deal.amount field "quote" is missing',
    );
  });
});

describe("quoteProblems", () => {
  test("finds every quote of the repository's file verbatim in its article", () => {
    const check = checkDataset(good());
    if (!check.ok) throw new Error("the repository's figures file is invalid");
    expect(quoteProblems(check.dataset, articleText)).toEqual([]);
  });

  test("a quote changed by one character is not verbatim, and is named", () => {
    const json = good();
    figureIn(json, "amzn.price").quote = figureIn(json, "amzn.price").quote.replace("241.73", "241.74");
    const check = checkDataset(json);
    if (!check.ok) throw new Error("expected a valid file");
    expect(quoteProblems(check.dataset, articleText)).toEqual([
      {
        id: "amzn.price",
        field: "quote",
        message: "is not found verbatim in 002_7dabeab3d76e7262.txt (the article of src.wsj_advanced_talks)",
      },
    ]);
  });

  test("skips the quotes of an article whose file is not at hand", () => {
    const json = good();
    figureIn(json, "amzn.price").quote = "A sentence no article has.";
    const check = checkDataset(json);
    if (!check.ok) throw new Error("expected a valid file");
    expect(quoteProblems(check.dataset, () => undefined)).toEqual([]);
  });
});
