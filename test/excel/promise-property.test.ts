/**
 * Property: the update promise, against what users do. Blocks inserted and updated once (so the
 * change log exists), then any of: rows and columns inserted or deleted, any table sorted or
 * filtered by any column or renamed, a table or a whole block cut and pasted anywhere (this sheet or
 * another), any cell typed over (Id and headers included), sheets renamed, deleted or protected,
 * the structure protected, names re-pointed, deleted or made again, formats set, a column added to
 * the log; a revision of the figures that changes, adds, moves between blocks and retracts figures
 * and sources; more of the same between the review and Apply; then Apply with any choices.
 *
 * The invariant, one sentence: Apply writes exactly the cells, values and names the review showed,
 * or nothing, and nothing the user owns. It is checked cell by cell and name by name against a
 * twin: the same workbook built again by the same actions, on which the test itself makes the
 * writes the review listed, through the fake's model of Excel (the new rows with
 * TableRowCollection's own shift, the names through the Name Manager) — nothing of the code under
 * test. An action Excel refuses (a cut of part of a table, a sort by a column the table lacks) is
 * no edit at all; an Apply that refuses must leave the workbook exactly as it was.
 */
import fc from "fast-check";
import { applyUpdate, insertBlocks, planUpdate, type SpecSource, type UpdatePlan } from "../../src/excel";
import { BUILT_IN_FIGURES, useDataset } from "../../src/figures";
import { checkDataset } from "../../src/figures/validate";
import type { Dataset } from "../../src/figures/types";
import { buildBlock, type BlockId } from "../../src/sheets";
import { toA1 } from "../../src/sheets/a1";
import { FakeWorkbook, installFakeOffice, type WorkbookSnapshot } from "../fakes/fake-excel";
import { rectAddress } from "../fakes/a1";
import { figureCount, figureIn, figuresJson, sourceIn, type FiguresJson } from "../figures/json";
import { ok, previousSource } from "./actions";
import { namesOf, sourceOf } from "./scenario";
import { propertyRuns } from "../support/property-runs";

const BLOCKS: BlockId[] = ["deal", "capex", "sources"];
const FORMATS = ["#,##0", "0.0%", "@", "General"];
/** How the review opens a blocker that stands only once a conflict's new value is chosen, and the blocker itself. */
const IF_USE_NEW = 'Only if you choose "Use new" for a conflict: ';
const unconditional = (b: string) => `${b.charAt(IF_USE_NEW.length).toUpperCase()}${b.slice(IF_USE_NEW.length + 1)}`;
/** The highest index of a figure of the figures file: a revision may change or retract any of them. */
const LAST_FIGURE = figureCount() - 1;
/** The Deal figures table's last row (1-based), from the spec: typing lands in it, or just below. */
const DEAL_TABLE_END = buildBlock("deal").tables[0].bottom + 1;

type Action =
  | { kind: "rows"; op: "insertRows" | "deleteRows" | "insertColumns" | "deleteColumns"; sheet: number; at: number; count: number }
  | { kind: "sort"; table: number; column: number; descending: boolean }
  | { kind: "cut"; what: number; block: boolean; sheet: number; row: number; col: number }
  | { kind: "type"; sheet: number; row: number; col: number }
  | { kind: "sheet"; op: "rename" | "delete" | "protect" | "unprotect"; sheet: number }
  | { kind: "structure"; on: boolean }
  | { kind: "name"; op: "repoint" | "delete" | "recreate"; name: number; sheet: number; row: number; col: number }
  | { kind: "format"; sheet: number; row: number; col: number; format: number }
  | { kind: "logColumn" }
  | { kind: "copy"; sheet: number; row: number; col: number; toRow: number; toCol: number }
  | { kind: "tableRows"; table: number; index: number; count: number }
  | { kind: "filter"; table: number; column: number; clear: boolean }
  | { kind: "renameTable"; table: number }
  /** Between Review and Apply: typing into a cell the review listed. */
  | { kind: "typeListed"; index: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant("rows" as const),
    op: fc.constantFrom("insertRows" as const, "deleteRows" as const, "insertColumns" as const, "deleteColumns" as const),
    sheet: fc.nat(4),
    at: fc.nat(35),
    count: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({ kind: fc.constant("sort" as const), table: fc.nat(5), column: fc.nat(11), descending: fc.boolean() }),
  fc.record({
    kind: fc.constant("cut" as const),
    what: fc.nat(5),
    block: fc.boolean(),
    sheet: fc.nat(4),
    row: fc.nat(60),
    col: fc.nat(14),
  }),
  // Typing lands in the blocks' tables as often as anywhere else.
  fc.record({
    kind: fc.constant("type" as const),
    sheet: fc.nat(4),
    row: fc.oneof(fc.nat(35), fc.integer({ min: 4, max: DEAL_TABLE_END + 2 })),
    col: fc.nat(11),
  }),
  fc.record({
    kind: fc.constant("sheet" as const),
    op: fc.constantFrom("rename" as const, "delete" as const, "protect" as const, "unprotect" as const),
    sheet: fc.nat(4),
  }),
  fc.record({ kind: fc.constant("structure" as const), on: fc.boolean() }),
  fc.record({
    kind: fc.constant("name" as const),
    op: fc.constantFrom("repoint" as const, "delete" as const, "recreate" as const),
    name: fc.nat(20),
    sheet: fc.nat(4),
    row: fc.nat(35),
    col: fc.nat(11),
  }),
  fc.record({
    kind: fc.constant("format" as const),
    sheet: fc.nat(4),
    row: fc.nat(35),
    col: fc.nat(11),
    format: fc.nat(FORMATS.length - 1),
  }),
  fc.constant({ kind: "logColumn" as const }),
  fc.record({
    kind: fc.constant("copy" as const),
    sheet: fc.nat(4),
    row: fc.nat(30),
    col: fc.nat(10),
    toRow: fc.nat(35),
    toCol: fc.nat(11),
  }),
  fc.record({ kind: fc.constant("tableRows" as const), table: fc.nat(5), index: fc.nat(8), count: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant("filter" as const), table: fc.nat(5), column: fc.nat(11), clear: fc.boolean() }),
  fc.record({ kind: fc.constant("renameTable" as const), table: fc.nat(5) }),
);

/** Between Review and Apply: mostly nothing, or typing into a listed cell, or any other action. */
const betweenAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("typeListed" as const), index: fc.nat(50) }) },
  { weight: 1, arbitrary: action },
);

/** A revision of the figures: values changed, a figure and a source added, a figure and a source retracted. */
interface Revision {
  readonly changed: readonly number[];
  readonly addFigure: "deal" | "capex" | null;
  readonly addSource: boolean;
  readonly retractFigure: number | null;
  readonly retractSource: boolean;
  /** A figure of the Deal or Capex block the file moves to the other (its name goes with it). */
  readonly moveFigure: number | null;
}

const revision: fc.Arbitrary<Revision> = fc.record({
  changed: fc.uniqueArray(fc.nat(LAST_FIGURE), { maxLength: 6 }),
  addFigure: fc.constantFrom(null, "deal" as const, "capex" as const),
  addSource: fc.boolean(),
  retractFigure: fc.option(fc.nat(LAST_FIGURE), { nil: null }),
  retractSource: fc.boolean(),
  moveFigure: fc.option(fc.nat(LAST_FIGURE), { nil: null }),
});

function datasetOf(r: Revision): Dataset {
  const json: FiguresJson = figuresJson();
  json.version = "1.1.0";
  for (const i of r.changed) {
    const f = json.figures[i % json.figures.length];
    if (f.unit !== "date") f.value = String(Number(f.value) * 2);
  }
  if (r.addFigure) {
    const base = figureIn(json, "amazon.capex_2026");
    json.figures.push({
      ...base,
      id: `${r.addFigure}.added_in_revision`,
      block: r.addFigure,
      name: `${r.addFigure.toUpperCase()}_ADDED_IN_REVISION`,
      label: "A figure added in a revision",
      otherClaims: [],
    });
  }
  if (r.addSource)
    json.sources.push({ ...sourceIn(json, "src.announcement"), id: "src.added_in_revision", title: "An article added in a revision" });
  if (r.moveFigure !== null) {
    const movable = json.figures.filter((f) => f.block === "deal" || f.block === "capex");
    const f = movable[r.moveFigure % movable.length];
    f.block = f.block === "deal" ? "capex" : "deal";
  }
  if (r.retractFigure !== null) {
    const gone = json.figures[r.retractFigure % json.figures.length].id;
    json.figures = json.figures.filter((f) => f.id !== gone);
    for (const f of json.figures) f.otherClaims = (f.otherClaims as string[]).filter((o) => o !== gone);
  }
  if (r.retractSource) {
    // The recap that only cites another outlet: no figure rests on it alone, so the file stays valid.
    const gone = "src.admin_recap";
    const count = json.sources.length;
    json.sources = json.sources.filter((s) => s.id !== gone);
    if (json.sources.length !== count - 1) throw new Error(`The test's revision expects a source ${gone} to retract.`);
    for (const f of json.figures) {
      f.alsoStatedIn = (f.alsoStatedIn as { sourceId: string }[]).filter((c) => c.sourceId !== gone);
      f.challengedIn = (f.challengedIn as { sourceId: string }[]).filter((c) => c.sourceId !== gone);
    }
    json.facts = json.facts.filter((f) => f.sourceId !== gone);
  }
  const check = checkDataset(json);
  if (!check.ok) throw new Error(`The test's revision is not a valid figures file: ${JSON.stringify(check.problems)}`);
  return check.dataset;
}

/**
 * What an action picks from, read from the fake's model rather than a full snapshot (which costs
 * most of a run): the visible sheets in tab order, the tables (sheet order, then creation), the names.
 */
function outline(wb: FakeWorkbook): {
  sheets: string[];
  tables: { name: string; sheet: string; address: string }[];
  names: Record<string, { sheet: string; address: string }>;
} {
  const sheetName = (id: string) => wb.sheetById(id).name;
  const order = new Map(wb.sheets.map((sh, i) => [sh.id, i]));
  const tables = [...wb.tables]
    .sort((x, y) => (order.get(x.sheetId) ?? 0) - (order.get(y.sheetId) ?? 0))
    .map((t) => ({ name: t.name, sheet: sheetName(t.sheetId), address: rectAddress(t.rect) }));
  const names: Record<string, { sheet: string; address: string }> = {};
  for (const nm of [...wb.names.values()].sort((x, y) => x.name.localeCompare(y.name)))
    names[nm.name] =
      nm.sheetId === null
        ? { sheet: "", address: nm.formula ?? "=#REF!" }
        : { sheet: sheetName(nm.sheetId), address: rectAddress(nm.rect) };
  return { sheets: wb.sheets.filter((sh) => sh.visibility !== "VeryHidden").map((sh) => sh.name), tables, names };
}

/** Does what the user did; an action Excel refuses changes nothing (the fake throws before changing anything). */
function perform(wb: FakeWorkbook, a: Action, n: number, review: UpdatePlan | null = null): void {
  const snap = outline(wb);
  const sheets = snap.sheets;
  const sheet = (i: number) => sheets[i % sheets.length];
  const tables = snap.tables;
  try {
    if (a.kind === "rows") wb[a.op](sheet(a.sheet), a.at, a.count);
    else if (a.kind === "sort" && tables.length > 0) wb.sortTable(tables[a.table % tables.length].name, a.column, a.descending);
    else if (a.kind === "cut") {
      const markers = Object.entries(snap.names).filter(([name, v]) => name.startsWith("DEALDESK_BLOCK_") && v.sheet !== "");
      const from =
        a.block && markers.length > 0 ? markers[a.what % markers.length][1] : tables.length > 0 ? tables[a.what % tables.length] : null;
      if (from) wb.moveCells(from.sheet, from.address, sheet(a.sheet), toA1(a.row, a.col));
    } else if (a.kind === "type") wb.setCell(sheet(a.sheet), toA1(a.row, a.col), `typed ${n}`);
    else if (a.kind === "sheet" && a.op === "rename") wb.renameSheet(sheet(a.sheet), `${sheet(a.sheet).slice(0, 20)} r${n}`);
    else if (a.kind === "sheet" && a.op === "delete" && sheets.length > 1) wb.deleteSheet(sheet(a.sheet));
    else if (a.kind === "sheet") wb.protectSheet(sheet(a.sheet), a.op === "protect");
    else if (a.kind === "structure") wb.protectStructure(a.on);
    else if (a.kind === "name") {
      const names = Object.keys(snap.names).filter((x) => !x.startsWith("DEALDESK_"));
      const name = names[a.name % Math.max(1, names.length)];
      if (!name) return;
      if (a.op === "repoint") wb.repointName(name, sheet(a.sheet), toA1(a.row, a.col));
      else if (a.op === "delete") wb.deleteName(name);
      else {
        wb.deleteName(name);
        wb.addName(name, sheet(a.sheet), toA1(a.row, a.col), "mine");
      }
    } else if (a.kind === "format") wb.setNumberFormat(sheet(a.sheet), toA1(a.row, a.col), FORMATS[a.format]);
    else if (a.kind === "logColumn" && tables.some((t) => t.name === "DealChanges")) wb.addTableColumn("DealChanges", "Reviewed by");
    else if (a.kind === "copy") wb.copyCell(sheet(a.sheet), toA1(a.row, a.col), sheet(a.sheet), toA1(a.toRow, a.toCol));
    else if (a.kind === "tableRows" && tables.length > 0) wb.insertTableRows(tables[a.table % tables.length].name, a.index, a.count);
    else if (a.kind === "filter" && tables.length > 0) {
      // A filter that keeps the rows whose cell in the column reads as text of even length (blank included).
      const t = tables[a.table % tables.length].name;
      if (a.clear) wb.clearTableFilter(t);
      else wb.filterTable(t, a.column, (v) => String(v ?? "").length % 2 === 0);
    } else if (a.kind === "renameTable" && tables.length > 0) {
      // Table Design › Table Name.
      const t = wb.tables.find((x) => x.name === tables[a.table % tables.length].name);
      if (t) t.name = `Mine_${n}`;
    } else if (a.kind === "typeListed" && review && review.changes.length > 0) {
      const c = review.changes[a.index % review.changes.length];
      wb.setCell(c.sheetName, c.address, `typed ${n}`);
    }
  } catch (error) {
    if (!(error instanceof Error) || !("code" in error)) throw error;
  }
}

interface Scenario {
  readonly before: readonly Action[];
  readonly revision: Revision;
  readonly between: readonly Action[];
  readonly accept: (key: string) => boolean;
  readonly decline: (key: string) => boolean;
}

/** The workbook after the user's actions, its review, and the workbook as it was when reviewed and just before Apply. */
let inserted: FakeWorkbook | null = null;

/** Every block inserted and updated once, every Override and input given a value of the user's; a fresh copy each call. */
async function insertedWorkbook(): Promise<FakeWorkbook> {
  if (!inserted) {
    const wb = installFakeOffice(globalThis, new FakeWorkbook({ sheets: ["Sheet1"] }));
    useDataset(BUILT_IN_FIGURES);
    ok(await insertBlocks(BLOCKS, { target: "new-sheet", includeStockHistory: false }, previousSource));
    ok(await applyUpdate([]));
    for (const block of BLOCKS) {
      const spec = buildBlock(block);
      for (const c of spec.cells.filter((x) => x.owner === "user"))
        wb.setCell(spec.sheetName, toA1(c.row, c.col), `user ${block} ${toA1(c.row, c.col)}`);
    }
    inserted = wb;
    logId = wb.tables.find((t) => t.name === "DealChanges")?.id ?? null;
  }
  return inserted.clone();
}

/** The change log's table, followed by its id through whatever name the user gives it (clones keep ids). */
let logId: string | null = null;
function logName(wb: FakeWorkbook): string | undefined {
  return wb.tables.find((t) => t.id === logId)?.name;
}

async function build(s: Scenario): Promise<{ wb: FakeWorkbook; review: UpdatePlan | null; next: SpecSource; atReview: WorkbookSnapshot }> {
  const wb = installFakeOffice(globalThis, await insertedWorkbook());
  useDataset(BUILT_IN_FIGURES);
  s.before.forEach((a, i) => perform(wb, a, i));
  const dataset = datasetOf(s.revision);
  useDataset(dataset);
  const next = sourceOf(dataset);
  const reviewed = await planUpdate(next);
  const atReview = wb.snapshot({ veryHidden: false });
  s.between.forEach((a, i) => perform(wb, a, 100 + i, reviewed.ok ? reviewed.value : null));
  return { wb, review: reviewed.ok ? reviewed.value : null, next, atReview };
}

/**
 * The same workbook made again by the same actions (they are deterministic), for the test's own
 * writes; the actions between Review and Apply take the first workbook's review, as they did there.
 */
async function buildTwin(s: Scenario, review: UpdatePlan): Promise<FakeWorkbook> {
  const wb = installFakeOffice(globalThis, await insertedWorkbook());
  s.before.forEach((a, i) => perform(wb, a, i));
  s.between.forEach((a, i) => perform(wb, a, 100 + i, review));
  return wb;
}

type Rect = { top: number; left: number; bottom: number; right: number };

function rectOf(address: string): Rect {
  const [a, b = a] = address.split(":");
  const at = (x: string) => ({
    row: Number(/\d+$/.exec(x)?.[0]) - 1,
    col: [...(/^[A-Z]+/.exec(x)?.[0] ?? "A")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1,
  });
  const [p, q] = [at(a), at(b)];
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

const inside = (r: Rect, address: string) => {
  const c = rectOf(address);
  return c.top >= r.top && c.top <= r.bottom && c.left >= r.left && c.left <= r.right;
};

/** Every cell of the user's sheets, the record and the change log apart: "Sheet!A1" → formula or value. */
function cellsOf(snap: WorkbookSnapshot, log?: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const sh of snap.sheets) {
    if (sh.visibility === "VeryHidden") continue;
    const logs = sh.tables.filter((t) => /^DealChanges/.test(t.name) || t.name === log).map((t) => rectOf(t.address));
    for (const [a, c] of Object.entries(sh.cells)) {
      if (logs.some((r) => inside(r, a))) continue;
      if (c.formula !== null || (c.value !== null && c.value !== "")) out.set(`${sh.name}!${a}`, c.formula ?? c.value);
    }
  }
  return out;
}

/** As the user would type it: a formula, or the value itself (text with an apostrophe, so it stays text). */
function typed(v: string | number | boolean | null): string | number | boolean | null | { formula: string } {
  if (typeof v === "string") return v.startsWith("=") ? { formula: v } : `'${v}`;
  return v;
}

function tableIn(wb: FakeWorkbook, name: string): { sheet: string; rect: Rect } {
  const t = outline(wb).tables.find((x) => x.name === name);
  if (!t) throw new Error(`No table ${name}.`);
  return { sheet: t.sheet, rect: rectOf(t.address) };
}

/**
 * On the twin, the writes the review listed, made through the fake's model of Excel: the listed
 * cells, then the new rows (TableRowCollection's shift of what is below, top table first), their
 * cells under their headers, and the listed names not declined.
 */
function writeAsListed(twin: FakeWorkbook, review: UpdatePlan, accept: (k: string) => boolean, decline: (k: string) => boolean): void {
  for (const c of review.changes) if (c.kind === "refresh" || accept(c.key)) twin.setCell(c.sheetName, c.address, typed(c.newValue));
  // The log gets a row per listed item whenever Apply writes anything; appending moves what is below it, as any table's rows do.
  const writes =
    review.changes.some((c) => c.kind === "refresh" || accept(c.key)) || review.additions.length > 0 || review.nameChanges.length > 0;
  const logged = writes ? review.changes.length + review.additions.length + review.nameChanges.length : 0;
  // The log grows in place unless the review says the table named as the log is no longer it
  // (its header row deleted, its columns renamed) and Apply starts a new one.
  const newLog = review.notices.some((n) => /^The table DealChanges(_\d+)? on the sheet /.test(n));
  const log = newLog ? undefined : logName(twin);
  const counts = new Map<string, number>();
  for (const a of review.additions) counts.set(a.table, (counts.get(a.table) ?? 0) + 1);
  if (log && logged > 0) counts.set(log, logged);
  const growing = [...counts.keys()].sort((x, y) => {
    const [a, b] = [tableIn(twin, x), tableIn(twin, y)];
    return a.sheet.localeCompare(b.sheet) || a.rect.bottom - b.rect.bottom;
  });
  for (const table of growing) {
    const { rect } = tableIn(twin, table);
    twin.insertTableRows(table, rect.bottom - rect.top, counts.get(table) as number);
  }
  for (const a of review.additions)
    for (const c of a.cells) if (c.value !== null && c.value !== "") twin.setCell(a.sheetName, c.address, typed(c.value));
  for (const n of review.nameChanges) {
    if (decline(n.key)) continue;
    const [sheet, address] = n.to.split("!");
    if (n.kind === "follow") twin.repointName(n.name, sheet, address);
    else {
      if (outline(twin).names[n.name]) twin.deleteName(n.name);
      twin.addName(n.name, sheet, address, "listed");
    }
  }
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  before: fc.array(action, { maxLength: 8 }),
  revision,
  between: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(betweenAction, { minLength: 1, maxLength: 2 }) },
  ),
  accept: fc.func(fc.boolean()),
  decline: fc.func(fc.boolean()),
});

const NO_REVISION: Revision = {
  changed: [],
  addFigure: null,
  addSource: false,
  retractFigure: null,
  retractSource: false,
  moveFigure: null,
};
const never = () => false;

/**
 * Counterexamples the deep search found, run first in every search (fast-check's `examples`), so
 * that a fix stays fixed whatever the generators become.
 */
const FOUND: Scenario[] = [
  // Seed -1275226718 (5,000 cases, at 097c4a0): rows deleted on one sheet, another sheet deleted,
  // a table cut onto a third; a figure added to Capex.
  {
    before: [
      { kind: "rows", op: "deleteRows", sheet: 2, at: 2, count: 2 },
      { kind: "sheet", op: "delete", sheet: 1 },
      { kind: "cut", what: 0, block: false, sheet: 1, row: 21, col: 1 },
    ],
    revision: { ...NO_REVISION, addFigure: "capex" },
    between: [],
    accept: never,
    decline: never,
  },
];

// One clock for both builds of a scenario: the install's log row carries the time, and a user may copy it anywhere.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date("2026-12-01T09:00:00Z"),
    doNotFake: [
      "nextTick",
      "setImmediate",
      "clearImmediate",
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "queueMicrotask",
      "hrtime",
      "performance",
    ],
  });
});
afterAll(() => {
  jest.useRealTimers();
  useDataset(BUILT_IN_FIGURES);
});

describe("the update promise against what users do (property)", () => {
  it("Apply writes exactly the cells, values and names the review showed, or nothing, and nothing the user owns", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { wb, review, next, atReview } = await build(s);
        fc.pre(review !== null);
        const plan = review as UpdatePlan;
        // What the review says each listed cell holds is what it held.
        const then = cellsOf(atReview);
        for (const c of plan.changes) expect([c.key, then.get(`${c.sheetName}!${c.address}`) ?? null]).toEqual([c.key, c.userValue]);
        const before = JSON.stringify(wb.snapshot({ veryHidden: false }));
        const syncs = wb.syncLog.length;
        const accept = plan.conflicts.map((c) => c.key).filter(s.accept);
        const decline = plan.nameChanges.map((n) => n.key).filter(s.decline);
        const applied = await applyUpdate({ accept, decline }, plan.fingerprint, next);
        if (!applied.ok) {
          // Nothing written: no write reached the workbook (the record included), and what a person sees is as it was.
          expect(wb.syncLog.slice(syncs).flatMap((r) => [...r.writes])).toEqual([]);
          expect(JSON.stringify(wb.snapshot({ veryHidden: false }))).toBe(before);
          // Refusing is allowed only for a reason: something changed after the review, or something stands in the way.
          expect(s.between.length > 0 || plan.blockers.length > 0).toBe(true);
          if (s.between.length === 0) {
            // The reason is one the review gave: one that stands whatever the choices, unless a new value was chosen.
            const why = applied.message;
            const sure = plan.blockers.filter((b) => !b.startsWith(IF_USE_NEW));
            const ifTaken = plan.blockers.filter((b) => b.startsWith(IF_USE_NEW)).map(unconditional);
            expect([...sure, ...(accept.length > 0 ? ifTaken : [])].some((b) => why.startsWith(b))).toBe(true);
          }
          return;
        }
        const twin = await buildTwin(s, plan);
        writeAsListed(
          twin,
          plan,
          (k) => accept.includes(k),
          (k) => decline.includes(k),
        );
        // The record on its very hidden sheet is the add-in's own bookkeeping: compared are the cells a person sees.
        const after = wb.snapshot({ veryHidden: false });
        const expected = twin.snapshot({ veryHidden: false });
        expect(cellsOf(after, logName(wb))).toEqual(cellsOf(expected, logName(twin)));
        expect(namesOf(after)).toEqual(namesOf(expected));
      }),
      { numRuns: propertyRuns(300), examples: FOUND.map((s) => [s] as [Scenario]) },
    );
  }, 3_600_000);
});
