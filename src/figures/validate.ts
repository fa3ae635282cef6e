/**
 * Validation of a figures file, the same in the build, `npm run figures:check` and the add-in at
 * run time: the schema first, then what a schema cannot say (unique ids, known sources, values
 * that parse, and, where the article's text is at hand, quotes found verbatim in it). Pure: the
 * article texts come in through a function.
 */
import schemaJson from "../../figures/figures.schema.json";
import { schemaViolations, type SchemaNode } from "./schema-check";
import type { Dataset } from "./types";

/** One thing wrong with a figures file: which item (by id), which field, what. */
export interface FiguresProblem {
  /** The figure's, fact's or source's id; the list ("figures") for a problem of the whole list; "" for the file. */
  readonly id: string;
  /** The field, as a path inside the item: "value", "alsoStatedIn[1].quote". */
  readonly field: string;
  readonly message: string;
}

export type DatasetCheck =
  { readonly ok: true; readonly dataset: Dataset } | { readonly ok: false; readonly problems: readonly FiguresProblem[] };

const SCHEMA = schemaJson as SchemaNode;
const LISTS = ["sources", "figures", "facts"] as const;
const DECIMAL = /^-?\d{1,20}(\.\d{1,12})?$/;

/** True for a yyyy-mm-dd string that names a real day. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function fieldPath(parts: readonly (string | number)[]): string {
  return parts.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function itemId(json: unknown, list: string, index: number): string {
  const item = (json as Record<string, unknown[]>)[list]?.[index] as Record<string, unknown> | undefined;
  return typeof item?.id === "string" ? item.id : `${list}[${index}]`;
}

function schemaProblems(json: unknown): FiguresProblem[] {
  return schemaViolations(SCHEMA, json).map(({ path, message }) => {
    const [list, index, ...rest] = path;
    if (typeof list === "string" && (LISTS as readonly string[]).includes(list) && typeof index === "number") {
      return { id: itemId(json, list, index), field: fieldPath(rest) || "(the item)", message };
    }
    if (typeof list === "string" && path.length === 1 && (LISTS as readonly string[]).includes(list))
      return { id: list, field: list, message };
    return { id: "", field: fieldPath(path) || "(the file)", message };
  });
}

function duplicates(dataset: Dataset): FiguresProblem[] {
  const problems: FiguresProblem[] = [];
  const seen = new Set<string>();
  for (const item of [...dataset.sources, ...dataset.figures, ...dataset.facts]) {
    if (seen.has(item.id))
      problems.push({ id: item.id, field: "id", message: `repeats an id already used in the file; ids must be unique` });
    seen.add(item.id);
  }
  // Excel compares names ignoring case.
  const names = new Map<string, string>();
  for (const f of dataset.figures) {
    if (f.name === undefined) continue;
    const other = names.get(f.name.toUpperCase());
    if (other !== undefined)
      problems.push({ id: f.id, field: "name", message: `repeats the name of ${other}; each figure's name must be its own` });
    names.set(f.name.toUpperCase(), f.id);
  }
  return problems;
}

function references(dataset: Dataset): FiguresProblem[] {
  const problems: FiguresProblem[] = [];
  const sources = new Set(dataset.sources.map((s) => s.id));
  const figures = new Set(dataset.figures.map((f) => f.id));
  const unknown = (id: string, field: string, sourceId: string) => {
    if (!sources.has(sourceId))
      problems.push({ id, field, message: `names the source "${sourceId}", which is not among the file's sources` });
  };
  for (const item of [...dataset.figures, ...dataset.facts]) unknown(item.id, "sourceId", item.sourceId);
  for (const f of dataset.figures) {
    f.alsoStatedIn.forEach((c, i) => unknown(f.id, `alsoStatedIn[${i}].sourceId`, c.sourceId));
    f.otherClaims.forEach((other, i) => {
      if (!figures.has(other))
        problems.push({ id: f.id, field: `otherClaims[${i}]`, message: `names the figure "${other}", which is not in the file` });
    });
  }
  return problems;
}

function values(dataset: Dataset): FiguresProblem[] {
  const problems: FiguresProblem[] = [];
  if (!isCalendarDate(dataset.date)) problems.push({ id: "", field: "date", message: `"${dataset.date}" is not a calendar date` });
  for (const s of dataset.sources) {
    if (s.date !== null && !isCalendarDate(s.date))
      problems.push({ id: s.id, field: "date", message: `"${s.date}" is not a calendar date` });
  }
  for (const f of dataset.figures) {
    const ok = f.unit === "date" ? isCalendarDate(f.value) : DECIMAL.test(f.value);
    if (!ok)
      problems.push({
        id: f.id,
        field: "value",
        message: `"${f.value}" must be ${f.unit === "date" ? "an ISO calendar date (yyyy-mm-dd)" : "a decimal number such as 241.73"} for the unit ${f.unit}`,
      });
    if (f.asOfDate !== null && !isCalendarDate(f.asOfDate))
      problems.push({ id: f.id, field: "asOfDate", message: `"${f.asOfDate}" is not a calendar date` });
    if ((f.asOfDate === null) !== (f.asOfBasis === null))
      problems.push({ id: f.id, field: "asOfBasis", message: "must be null exactly when asOfDate is null" });
  }
  return problems;
}

/** The file's content checked in full; on success, the dataset deeply frozen. */
export function checkDataset(json: unknown): DatasetCheck {
  const shape = schemaProblems(json);
  if (shape.length > 0) return { ok: false, problems: shape };
  const dataset = json as Dataset;
  const problems = [...duplicates(dataset), ...references(dataset), ...values(dataset)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset: deepFreeze(dataset) };
}

/**
 * Quotes not found verbatim in their article. `articleText` returns the text of a source's file,
 * or undefined where the file is not at hand (that source's quotes are then not checked).
 */
export function quoteProblems(dataset: Dataset, articleText: (file: string) => string | undefined): FiguresProblem[] {
  const files = new Map(dataset.sources.map((s) => [s.id, s.file]));
  const problems: FiguresProblem[] = [];
  const check = (id: string, field: string, sourceId: string, quote: string) => {
    const file = files.get(sourceId);
    const text = file === undefined ? undefined : articleText(file);
    if (text !== undefined && !text.includes(quote))
      problems.push({ id, field, message: `is not found verbatim in ${file} (the article of ${sourceId})` });
  };
  for (const f of dataset.figures) {
    check(f.id, "quote", f.sourceId, f.quote);
    f.alsoStatedIn.forEach((c, i) => check(f.id, `alsoStatedIn[${i}].quote`, c.sourceId, c.quote));
  }
  for (const fact of dataset.facts) check(fact.id, "quote", fact.sourceId, fact.quote);
  return problems;
}

/** One line per problem, naming the file, the id and the field. */
export function describeProblem(file: string, problem: FiguresProblem): string {
  const where = problem.id === "" ? "" : ` ${problem.id}`;
  return `${file}:${where} field "${problem.field}" ${problem.message}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
