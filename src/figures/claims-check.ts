/**
 * The checks that keep every figure at the strength its sources give it, run with the rest of
 * validation (validate.ts): each claim dated or explicitly undated, each qualifier shown by the
 * words of its quote, no label or timeline sentence claiming a qualifier its quotes do not
 * contain, each article counted once, and no source named after an outlet it only cites. Pure:
 * they read the file's own quotes, not the articles.
 */
import { qualifiersOf, qualifiersUsedIn, quoteShows, repeatedQualifier, usesWord, QUALIFIERS } from "./qualifiers";
import type { AsOfBasis, Dataset, Figure, Source } from "./types";
import type { FiguresProblem } from "./validate";

type Problem = FiguresProblem;

interface Statement {
  readonly sourceId: string;
  readonly quote: string;
  readonly qualifier: string;
  readonly asOfDate: string | null;
  readonly asOfBasis: AsOfBasis;
}

/** A statement's date and qualifier: dated or "undated", each qualifier once and in its quote. */
function statementProblems(id: string, prefix: string, s: Statement): Problem[] {
  const problems: Problem[] = [];
  if ((s.asOfDate === null) !== (s.asOfBasis === "undated")) {
    problems.push({
      id,
      field: `${prefix}asOfBasis`,
      message: 'must be "undated" exactly when asOfDate is null: give the day the claim was stated, or say it is "undated"',
    });
  }
  const repeated = repeatedQualifier(s.qualifier);
  if (repeated !== null) problems.push({ id, field: `${prefix}qualifier`, message: `names "${repeated}" twice` });
  for (const q of qualifiersOf(s.qualifier)) {
    if (!quoteShows(s.quote, q))
      problems.push({
        id,
        field: `${prefix}qualifier`,
        message: `is "${q}", but its quote has none of the words ${QUALIFIERS[q].words.map((w) => `"${w}"`).join(", ")}`,
      });
  }
  return problems;
}

type Quoted = Pick<Statement, "sourceId" | "quote">;

/** A label's or a timeline sentence's qualifier words that none of the quotes it cites uses. */
function wordingProblem(id: string, field: string, text: string, cited: readonly Quoted[]): Problem[] {
  const unquoted = qualifiersUsedIn(text).filter(({ word }) => !cited.some((c) => usesWord(c.quote, word)));
  return unquoted.map(({ word }) => ({
    id,
    field,
    message: `uses "${word}", which ${cited.length === 1 ? "its quote does not contain" : "none of its quotes contains"} (${cited.map((c) => c.sourceId).join(", ")}): a label says only what its sources say`,
  }));
}

/** Each article counts once towards a figure's standing, and one that states it does not also contradict it. */
function standingProblems(f: Figure): Problem[] {
  const problems: Problem[] = [];
  const stating = [f.sourceId];
  f.alsoStatedIn.forEach((c, i) => {
    if (stating.includes(c.sourceId))
      problems.push({
        id: f.id,
        field: `alsoStatedIn[${i}].sourceId`,
        message: `names ${c.sourceId}, which already states this figure; an article counts once`,
      });
    stating.push(c.sourceId);
  });
  f.challengedIn.forEach((c, i) => {
    if (c.kind === "contradicts" && stating.includes(c.sourceId))
      problems.push({
        id: f.id,
        field: `challengedIn[${i}].kind`,
        message: `says ${c.sourceId} contradicts the figure, but that article states it; call it "hedges"`,
      });
  });
  return problems;
}

/** The ways an id or a title could name an outlet: its name ("wall street journal") and initials ("wsj"). */
function outletNames(outlet: string): string[] {
  const words = outlet
    .toLowerCase()
    .replace(/^the\s+/, "")
    .split(/\s+/)
    .filter(Boolean);
  const names = [words.join(" "), words.join("")];
  if (words.length > 1) names.push(words.map((w) => w[0]).join(""));
  return names;
}

/** True when `text` names `outlet`, by words or by initials: "src.wsj_talks" and "WSJ: …" both name The Wall Street Journal. */
export function namesOutlet(text: string, outlet: string): boolean {
  const lower = text.toLowerCase();
  const tokens = lower.split(/[^a-z0-9]+/).filter(Boolean);
  const squashed = tokens.join("");
  return outletNames(outlet).some((name) => (name.includes(" ") ? lower.includes(name) : tokens.includes(name) || squashed.includes(name)));
}

function sourceProblems(s: Source): Problem[] {
  if (s.citesOutlet === null) return [];
  const outlet = s.citesOutlet;
  return (["id", "title"] as const)
    .filter((field) => namesOutlet(s[field], outlet))
    .map((field) => ({
      id: s.id,
      field,
      message: `names ${outlet}, which the article only cites (it is published by ${s.outlet}): name the article for what it is`,
    }));
}

/** Every way the file states a claim more strongly, or names a source otherwise, than its articles do. */
export function claimProblems(dataset: Dataset): Problem[] {
  const problems: Problem[] = dataset.sources.flatMap(sourceProblems);
  for (const f of dataset.figures) {
    problems.push(...statementProblems(f.id, "", f));
    f.alsoStatedIn.forEach((c, i) => problems.push(...statementProblems(f.id, `alsoStatedIn[${i}].`, c)));
    problems.push(...wordingProblem(f.id, "label", f.label, [f, ...f.alsoStatedIn]));
    problems.push(...standingProblems(f));
  }
  for (const fact of dataset.facts) {
    problems.push(...wordingProblem(fact.id, "label", fact.label, [fact]), ...wordingProblem(fact.id, "text", fact.text, [fact]));
  }
  return problems;
}
