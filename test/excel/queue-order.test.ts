/**
 * Issue 12: "The chart, the names and the formulas are queued so that names exist before the
 * formulas that use them." Insert all runs against the fake Excel, whose sync log lists the
 * writes of each sync in the order they were queued (SyncRecord.writes, test/fakes/context.ts).
 * From that log and the formulas the workbook ends with, this test checks that every name the
 * add-in adds is queued before any formula written in that sync that refers to it, and that the
 * chart and its series are set after the cells they read are written. The names a formula uses
 * are read from its text here, not taken from the add-in's specs.
 */
import { insertBlocks } from "../../src/excel";
import { BLOCKS, buildAllBlocks } from "../../src/sheets";
import { columnIndex, toA1 } from "../../src/sheets/a1";
import { FakeWorkbook, installFakeOffice, type SyncWrite } from "../fakes/fake-excel";

const NEW_SHEET = { target: "new-sheet", includeStockHistory: false } as const;
const CELL_WRITES = new Set(["Range.values", "Range.formulas"]);
const CHART_READS = new Set(["ChartCollection.add", "ChartSeries.setValues", "ChartSeries.setXAxisValues"]);

/** "Capex 2026!B20:C23" → "Capex 2026!B20", … one sheet-qualified cell address each. */
function cellsOf(target: string): string[] {
  const bang = target.lastIndexOf("!");
  const sheet = target.slice(0, bang);
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(target.slice(bang + 1));
  if (!m) throw new Error(`not a range: ${target}`);
  const [left, top] = [columnIndex(m[1]), Number(m[2]) - 1];
  const [right, bottom] = m[3] ? [columnIndex(m[3]), Number(m[4]) - 1] : [left, top];
  const cells: string[] = [];
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) cells.push(`${sheet}!${toA1(r, c)}`);
  return cells;
}

/**
 * The identifiers in a formula's text that are not functions or sheet names: string literals and
 * quoted sheet names are removed, then every run of name characters not followed by "(" or "!".
 */
function identifiersIn(formula: string): string[] {
  const text = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "!");
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z_\\][A-Za-z0-9_.\\]*/g)) {
    const next = text[m.index + m[0].length];
    const before = m.index > 0 ? text[m.index - 1] : "";
    if (next === "(" || next === "!" || /[A-Za-z0-9_.\\$]/.test(before)) continue;
    out.push(m[0]);
  }
  return out;
}

interface InsertLog {
  readonly writes: readonly SyncWrite[];
  /** Every formula cell of the workbook after the insert, "Deal!B14" → "=DEAL_AMOUNT/…". */
  readonly formulas: ReadonlyMap<string, string>;
}

async function insertAll(): Promise<InsertLog> {
  const wb = installFakeOffice(globalThis, new FakeWorkbook());
  const result = await insertBlocks([...BLOCKS], NEW_SHEET);
  if (!result.ok) throw new Error(`Insert all failed: ${result.kind}: ${result.message}`);
  // Insert all reads in one sync and writes in the next: the last sync holds every write.
  const syncsWithWrites = wb.syncLog.filter((s) => s.writes.length > 0);
  expect(syncsWithWrites.map((s) => s.index)).toEqual([wb.syncLog.length - 1]);
  const formulas = new Map<string, string>();
  for (const sheet of wb.snapshot().sheets) {
    for (const [address, cell] of Object.entries(sheet.cells))
      if (cell.formula !== null) formulas.set(`${sheet.name}!${address}`, cell.formula);
  }
  return { writes: syncsWithWrites[0].writes, formulas };
}

/** The position in the log of each cell's first and last content write. */
function cellWrites(writes: readonly SyncWrite[]): { first: Map<string, number>; last: Map<string, number> } {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  writes.forEach((w, i) => {
    if (!CELL_WRITES.has(w.op)) return;
    for (const cell of cellsOf(w.target)) {
      if (!first.has(cell)) first.set(cell, i);
      last.set(cell, i);
    }
  });
  return { first, last };
}

describe("Insert all queues names before the formulas that use them (issue 12)", () => {
  let log: InsertLog;
  beforeAll(async () => {
    log = await insertAll();
  });

  it("reads the names a formula uses from its text", () => {
    expect(identifiersIn('=IF(C5="",B5,C5)')).toEqual(["C5", "B5", "C5"]);
    expect(identifiersIn("=DEAL_AMOUNT/(OPENAI_VALUATION_ROUND+DEAL_ROUND_SIZE)")).toEqual([
      "DEAL_AMOUNT",
      "OPENAI_VALUATION_ROUND",
      "DEAL_ROUND_SIZE",
    ]);
    expect(identifiersIn("=DEAL.CAGR(A1,'Capex 2026'!B5,Deal!$B$5)&\"DEAL_AMOUNT\"")).toEqual(["A1", "B5"]);
  });

  it("adds every name of every block in the write sync", () => {
    const added = log.writes.filter((w) => w.op === "NamedItemCollection.add").map((w) => w.target);
    const specNames = buildAllBlocks().flatMap((s) => s.names.map((n) => n.name));
    expect(specNames.length).toBeGreaterThan(0);
    expect(added).toEqual(expect.arrayContaining(specNames));
  });

  it("queues each name before every cell whose formula refers to it", () => {
    const addedAt = new Map<string, number>();
    log.writes.forEach((w, i) => {
      if (w.op === "NamedItemCollection.add" && !addedAt.has(w.target.toUpperCase())) addedAt.set(w.target.toUpperCase(), i);
    });
    const { first } = cellWrites(log.writes);
    const uses: { cell: string; name: string; nameAt: number; formulaAt: number }[] = [];
    for (const [cell, formula] of log.formulas) {
      for (const id of identifiersIn(formula)) {
        const nameAt = addedAt.get(id.toUpperCase());
        if (nameAt === undefined) continue;
        const formulaAt = first.get(cell);
        if (formulaAt === undefined) throw new Error(`${cell} holds ${formula} but no write of this sync set it`);
        uses.push({ cell, name: id, nameAt, formulaAt });
      }
    }
    // Not a vacuous check: formulas on four sheets use names, DEAL_AMOUNT among them.
    expect(new Set(uses.map((u) => u.cell.split("!")[0]))).toEqual(new Set(["Deal", "AMZN", "Capex 2026", "Sensitivity"]));
    expect(uses.map((u) => u.name)).toContain("DEAL_AMOUNT");
    expect(uses.filter((u) => u.nameAt > u.formulaAt)).toEqual([]);
  });

  it("adds the chart and sets its series after the cells they read are written", () => {
    const { last } = cellWrites(log.writes);
    const reads = log.writes.map((w, i) => ({ ...w, at: i })).filter((w) => CHART_READS.has(w.op));
    const charts = buildAllBlocks().flatMap((s) => s.charts).length;
    expect(charts).toBeGreaterThan(0);
    expect(reads.map((r) => r.op)).toEqual(Array.from({ length: charts }, () => [...CHART_READS]).flat());
    for (const r of reads) {
      const written = cellsOf(r.target).filter((cell) => last.has(cell));
      expect([r.op, r.target, written.length > 0]).toEqual([r.op, r.target, true]);
      expect([r.op, r.target, written.filter((cell) => (last.get(cell) as number) > r.at)]).toEqual([r.op, r.target, []]);
    }
  });
});
