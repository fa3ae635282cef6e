/**
 * Data validation in the fake Excel, as Microsoft documents it (ExcelApi 1.8):
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation
 *
 * - `range.dataValidation`: rule (exactly one of wholeNumber, decimal, date, list; custom,
 *   textLength and time are outside the fake), prompt, errorAlert and ignoreBlanks, set on every
 *   cell of the range; clear(); type and valid read back. A rule's formulas read back as formula
 *   text ("=0"); a cell without validation reads type "None".
 * - Defaults: ignoreBlanks true, showPrompt false, showAlert true with style "Stop".
 * - Excel checks a value only when the user types it (`typeAsUser`); a write through the API, a
 *   paste or `wb.setCell` is never checked, and `valid` then reads false.
 * - Validation belongs to its cell: it moves, copies and sorts with the cell's other formats.
 */
import { columnLetter, key } from "./a1";
import { dateSerial, emptyCell, parseInput, type FakeCell, type Scalar } from "./cells";
import { ClientObject } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { assertWritable, rangeLabel, type RangeTarget } from "./range";
import type { FakeWorkbook } from "./workbook";

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];
const TYPES = { wholeNumber: "WholeNumber", decimal: "Decimal", date: "Date", list: "List" } as const;
type RuleKind = keyof typeof TYPES;

/** A cell's rule as the fake stores it: bounds as numbers (a date's as its serial), a list as its entries. */
export type StoredRule =
  | { readonly kind: "wholeNumber" | "decimal" | "date"; readonly operator: string; readonly formula1: number; readonly formula2?: number }
  | { readonly kind: "list"; readonly source: readonly string[]; readonly inCellDropDown: boolean };

export interface ValidationModel {
  readonly rule: StoredRule | null;
  readonly prompt: { readonly message: string; readonly showPrompt: boolean; readonly title: string };
  readonly errorAlert: { readonly message: string; readonly showAlert: boolean; readonly style: string; readonly title: string };
  readonly ignoreBlanks: boolean;
}

export const NO_VALIDATION: ValidationModel = Object.freeze({
  rule: null,
  prompt: Object.freeze({ message: "", showPrompt: false, title: "" }),
  errorAlert: Object.freeze({ message: "", showAlert: true, style: "Stop", title: "" }),
  ignoreBlanks: true,
});

/** A bound as Excel takes it: a number, numeric text, "=number", or for a date an ISO date. */
function bound(kind: RuleKind, value: unknown, which: string): number {
  const text = typeof value === "string" ? value.replace(/^=/, "").trim() : value;
  const n = kind === "date" && typeof text === "string" && dateSerial(text) !== null ? dateSerial(text) : Number(text);
  if (typeof text === "boolean" || text === "" || n === null || !Number.isFinite(n)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The data validation's ${which} is not a value the fake understands: ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

/** The rule an add-in sets, checked and stored; InvalidArgument for anything Excel would refuse. */
export function parseRule(rule: unknown): StoredRule {
  const keys = rule && typeof rule === "object" ? Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined) : [];
  if (keys.length !== 1) throw new FakeOfficeError("InvalidArgument", "A data validation rule has exactly one criteria property.");
  const kind = keys[0] as RuleKind;
  if (!(kind in TYPES)) throw new FakeOfficeError("InvalidArgument", `The fake does not model ${kind} data validation.`);
  const criteria = (rule as Record<string, Record<string, unknown>>)[kind];
  if (kind === "list") {
    const source = criteria.source;
    if (typeof source !== "string" || source.startsWith("="))
      throw new FakeOfficeError("InvalidArgument", "The fake's list validation takes a comma-separated text source.");
    return { kind, source: source.split(",").map((s) => s.trim()), inCellDropDown: criteria.inCellDropDown !== false };
  }
  const operator = String(criteria.operator);
  if (!OPERATORS.includes(operator)) throw new FakeOfficeError("InvalidArgument", `"${operator}" is not a data validation operator.`);
  const ternary = operator === "Between" || operator === "NotBetween";
  if (ternary && criteria.formula2 === undefined) throw new FakeOfficeError("InvalidArgument", `${operator} needs formula2.`);
  const formula1 = bound(kind, criteria.formula1, "formula1");
  return ternary ? { kind, operator, formula1, formula2: bound(kind, criteria.formula2, "formula2") } : { kind, operator, formula1 };
}

/** Whether a value typed into a cell passes its validation (blank: only with ignoreBlanks). */
export function accepts(v: ValidationModel, value: Scalar | null): boolean {
  const rule = v.rule;
  if (value === null || value === "") return v.ignoreBlanks || rule === null;
  if (rule === null) return true;
  if (rule.kind === "list") return typeof value === "string" && rule.source.some((s) => s.toLowerCase() === value.toLowerCase());
  if (typeof value !== "number") return false;
  if (rule.kind === "wholeNumber" && !Number.isInteger(value)) return false;
  const { formula1: a, formula2: b = a } = rule;
  switch (rule.operator) {
    case "Between":
      return value >= a && value <= b;
    case "NotBetween":
      return value < a || value > b;
    case "EqualTo":
      return value === a;
    case "NotEqualTo":
      return value !== a;
    case "GreaterThan":
      return value > a;
    case "LessThan":
      return value < a;
    case "GreaterThanOrEqualTo":
      return value >= a;
    default:
      return value <= a;
  }
}

/** The rule as Office.js reads it back: formulas as formula text. */
function ruleOut(rule: StoredRule): Record<string, unknown> {
  if (rule.kind === "list") return { list: { inCellDropDown: rule.inCellDropDown, source: rule.source.join(",") } };
  const out: Record<string, unknown> = { operator: rule.operator, formula1: `=${rule.formula1}` };
  if (rule.formula2 !== undefined) out.formula2 = `=${rule.formula2}`;
  return { [rule.kind]: out };
}

function cellsOf({ sheet, rect }: RangeTarget): { k: string; cell: FakeCell | undefined }[] {
  const out: { k: string; cell: FakeCell | undefined }[] = [];
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) out.push({ k: key(r, c), cell: sheet.cells.get(key(r, c)) });
  return out;
}

export class FakeDataValidation extends ClientObject<RangeTarget> {
  protected readonly typeName = "DataValidation";
  protected readonly scalarProps = ["type", "valid", "rule", "prompt", "errorAlert", "ignoreBlanks"];

  constructor(ctx: FakeRequestContext, locate: () => RangeTarget | null) {
    super(ctx, locate);
  }

  protected describe(m: RangeTarget): string {
    return rangeLabel(m);
  }

  protected readProp(m: RangeTarget, prop: string): unknown {
    const models = cellsOf(m).map(({ cell }) => cell?.validation ?? NO_VALIDATION);
    const first = models[0];
    switch (prop) {
      case "type": {
        const types = new Set(models.map((v) => (v.rule ? TYPES[v.rule.kind] : "None")));
        if (types.size === 1) return [...types][0];
        return types.has("None") ? "MixedCriteria" : "Inconsistent";
      }
      case "valid": {
        const results = new Set(cellsOf(m).map(({ k, cell }) => accepts(cell?.validation ?? NO_VALIDATION, this.valueOf(m, k, cell))));
        return results.size === 1 ? [...results][0] : null;
      }
      case "rule":
        return first.rule ? ruleOut(first.rule) : {};
      default:
        return first[prop as "prompt" | "errorAlert" | "ignoreBlanks"];
    }
  }

  /** What a cell shows: its value, or its formula's result. */
  private valueOf(m: RangeTarget, k: string, cell: FakeCell | undefined): Scalar | null {
    if (!cell?.formula) return cell?.value ?? null;
    const [row, col] = k.split(",").map(Number);
    return this.ctx.host.evaluate(cell.formula, m.sheet.name, `${columnLetter(col)}${row + 1}`) as Scalar | null;
  }

  /** Sets one part of every cell's validation. */
  private update(prop: string, change: (v: ValidationModel) => ValidationModel): void {
    this.set(prop, 8, (m) => {
      assertWritable(this.ctx, m.sheet);
      for (const { k, cell } of cellsOf(m)) {
        const target = cell ?? emptyCell();
        target.validation = change(target.validation ?? NO_VALIDATION);
        m.sheet.cells.set(k, target);
      }
    });
  }

  get type(): string {
    return this.get("type");
  }
  get valid(): boolean | null {
    return this.get("valid");
  }
  get rule(): unknown {
    return this.get("rule");
  }
  set rule(rule: unknown) {
    // Parsed when the sync runs, so a rule Excel refuses fails the sync, as in Excel.
    this.update("rule", (v) => ({ ...v, rule: parseRule(rule) }));
  }
  get prompt(): ValidationModel["prompt"] {
    return this.get("prompt");
  }
  set prompt(p: Partial<ValidationModel["prompt"]>) {
    this.update("prompt", (v) => ({ ...v, prompt: { ...v.prompt, ...p } }));
  }
  get errorAlert(): ValidationModel["errorAlert"] {
    return this.get("errorAlert");
  }
  set errorAlert(a: Partial<ValidationModel["errorAlert"]>) {
    if (a.style !== undefined && !["Stop", "Warning", "Information"].includes(a.style))
      throw new FakeOfficeError("InvalidArgument", `"${a.style}" is not an alert style.`);
    this.update("errorAlert", (v) => ({ ...v, errorAlert: { ...v.errorAlert, ...a } }));
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(on: boolean) {
    this.update("ignoreBlanks", (v) => ({ ...v, ignoreBlanks: on }));
  }
  clear(): void {
    this.set("clear", 8, (m) => {
      assertWritable(this.ctx, m.sheet);
      for (const { cell } of cellsOf(m)) if (cell) delete cell.validation;
    });
  }
}

/**
 * The user types `input` into a cell, as in Excel: its validation checks the typed value and a
 * Stop alert refuses it (the cell keeps what it held); a Warning or Information alert, or no
 * alert, lets it in. Returns the alert Excel shows, or null when the value went in unasked.
 */
export function typeAsUser(
  wb: FakeWorkbook,
  sheet: string,
  address: string,
  input: Scalar | null,
): { refused: boolean; title: string; message: string } | null {
  const cell = wb.cell(sheet, address);
  const v = cell?.validation ?? NO_VALIDATION;
  const typed = input === null ? null : parseInput(input, cell?.numberFormat ?? "General");
  const value = typed === null || typed.formula !== null ? null : typed.value;
  const ok = (typed?.formula ?? null) !== null || accepts(v, value);
  if (ok || !v.errorAlert.showAlert) {
    wb.setCell(sheet, address, input);
    return null;
  }
  const refused = v.errorAlert.style === "Stop";
  if (!refused) wb.setCell(sheet, address, input);
  return { refused, title: v.errorAlert.title, message: v.errorAlert.message };
}

/** Each cell's validation on a sheet, by A1 address: what a test compares. */
export function validationsOf(wb: FakeWorkbook, sheet: string): Record<string, ValidationModel> {
  const model = wb.sheets.find((s) => s.name === sheet);
  if (!model) throw new Error(`No sheet ${sheet}.`);
  const entries = [...model.cells].flatMap(([k, c]) => (c.validation ? [{ at: k.split(",").map(Number), v: c.validation }] : []));
  entries.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return Object.fromEntries(entries.map(({ at, v }) => [`${columnLetter(at[1])}${at[0] + 1}`, v]));
}
