/**
 * Third round of attacks on the update promise (after attack.test.ts and attack-more.test.ts),
 * aimed at what changed last: names that move with a figure the figures file moves to another
 * block (names.ts handOver), the review's two kinds of blockers (update.ts reviewOf), tables found
 * by their header row (locate.ts tablePlace), refreshes written row by row under filters
 * (queue-update.ts queueCellChanges), and figures files that lack a figure the sheets are built on
 * (sheets missingFigures, MissingFigureError). Each test asserts the promise exactly, computed from
 * the workbook as the user left it and the figures file, not from the code under test.
 */
import { applyUpdate, insertBlocks, planUpdate } from "../../src/excel";
import { BUILT_IN_FIGURES, useDataset } from "../../src/figures";
import type { Dataset } from "../../src/figures/types";
import type { FakeWorkbook, WorkbookSnapshot } from "../fakes/fake-excel";
import { figureIn, type FiguresJson } from "../figures/json";
import { ok, previousSource } from "./actions";
import { NEW_SHEET, addCommitment, applyChecked, cellOf, contentAt, namesOf, revision, setup, sheetCells, sourceOf } from "./scenario";

const CHANGED_SINCE_REVIEW =
  "The workbook changed since you reviewed the update, so nothing was written. Review the update again to see what it would do now.";

afterEach(() => useDataset(BUILT_IN_FIGURES));

/** The dataset in use and the sheets built from it, as the pane has them once it loaded the file. */
function load(dataset: Dataset) {
  useDataset(dataset);
  return sourceOf(dataset);
}

/** "Sheet!A1" of a figure's cell in `column`, on the sheet holding the table with that id. */
function at(snap: WorkbookSnapshot, sheet: string, id: string, column: string): string {
  return `${sheet}!${cellOf(snap, sheet, "Id", id, column)}`;
}

/** Every table of the workbook, "name@address". */
function tablesOf(snap: WorkbookSnapshot): string[] {
  return snap.sheets.flatMap((s) => s.tables.map((t) => `${t.name}@${s.name}!${t.address}`));
}

/** A fresh review has nothing left to do. */
async function settled(source: ReturnType<typeof sourceOf>) {
  const again = ok(await planUpdate(source));
  expect([again.changes, again.additions, again.nameChanges]).toEqual([[], [], []]);
  return again;
}

function moveTo(id: string, block: string) {
  return (json: FiguresJson) => (figureIn(json, id).block = block);
}

async function inserted(blocks: Parameters<typeof insertBlocks>[0]): Promise<FakeWorkbook> {
  const wb = setup();
  ok(await insertBlocks(blocks, NEW_SHEET));
  return wb;
}

describe("attacks: a figure moved between blocks, and its name", () => {
  const id = "openai.valuation_prior";
  const NAME = "OPENAI_VALUATION_PRIOR";

  // Found by this attack: when the figure moved back, the name stayed on the Capex row (marked
  // "moved", no longer refreshed): review.ts namesHandedOver handed a name over only to a row Apply
  // adds, and the Deal row was never deleted. Now a row the block has, whose name another block's
  // record gave up, is a candidate too (names.ts unclaimedNames).
  it("moved Deal → Capex, then back Capex → Deal in the next revision: the name follows it back to its Deal row", async () => {
    const wb = await inserted(["deal", "capex"]);
    const there = load(revision(moveTo(id, "capex")));
    const r1 = ok(await planUpdate(there));
    await applyChecked(wb, r1, { source: there });
    const mid = wb.snapshot();
    expect(namesOf(mid).get(NAME)).toBe(at(mid, "Capex 2026", id, "Used"));
    // The desk moves it back, with a new value.
    const back = load(
      revision((json) => {
        figureIn(json, id).value = "600000000000";
      }, "1.2.0"),
    );
    const r2 = ok(await planUpdate(back));
    const from = at(wb.snapshot(), "Capex 2026", id, "Used");
    const to = at(wb.snapshot(), "Deal", id, "Used");
    expect(r2.nameChanges.map((n) => [n.name, n.kind, n.from, n.to, n.sentence])).toEqual([
      [
        NAME,
        "move",
        from,
        to,
        `The figures file now shows the figure named ${NAME} on the Deal sheet: Apply moves the name from ${from} to ${to}, its row there, so that models using the name read it, unless you keep the name where it is.`,
      ],
    ]);
    const { result, after } = await applyChecked(wb, r2, { source: back });
    expect(result.ok).toBe(true);
    // The Deal row shows the figure again, with its new value, and the name reads it there.
    expect(contentAt(after, at(after, "Deal", id, "Reported"))).toBe(6e11);
    expect(namesOf(after).get(NAME)).toBe(at(after, "Deal", id, "Used"));
    await settled(back);
  });

  it("moved Deal → AMZN: the name moves to the new AMZN row, the Deal row says where it went", async () => {
    const wb = await inserted(["deal", "amzn"]);
    const src = load(revision(moveTo(id, "amzn")));
    const review = ok(await planUpdate(src));
    expect(review.nameChanges.map((n) => [n.name, n.kind])).toEqual([[NAME, "move"]]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(at(after, "AMZN", id, "Used"));
    expect(contentAt(after, at(after, "Deal", id, "Status"))).toBe("moved: the figures file now shows it on the AMZN sheet");
    await settled(src);
  });

  it("two figures moved Deal → Capex at once: both names move, each to its own new row", async () => {
    const wb = await inserted(["deal", "capex"]);
    const src = load(
      revision((json) => {
        moveTo(id, "capex")(json);
        moveTo("deal.expected_close", "capex")(json);
      }),
    );
    const review = ok(await planUpdate(src));
    expect(review.nameChanges.map((n) => [n.name, n.kind]).sort()).toEqual([
      ["DEAL_EXPECTED_CLOSE", "move"],
      [NAME, "move"],
    ]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(at(after, "Capex 2026", id, "Used"));
    expect(namesOf(after).get("DEAL_EXPECTED_CLOSE")).toBe(at(after, "Capex 2026", "deal.expected_close", "Used"));
    await settled(src);
  });

  it("two figures moved at once, one move declined: that name stays on its Deal row, the other moves", async () => {
    const wb = await inserted(["deal", "capex"]);
    const old = at(wb.snapshot(), "Deal", "deal.expected_close", "Used");
    const src = load(
      revision((json) => {
        moveTo(id, "capex")(json);
        moveTo("deal.expected_close", "capex")(json);
      }),
    );
    const review = ok(await planUpdate(src));
    const declined = review.nameChanges.find((n) => n.name === "DEAL_EXPECTED_CLOSE")!;
    const { after } = await applyChecked(wb, review, { source: src, decline: [declined.key] });
    expect(namesOf(after).get("DEAL_EXPECTED_CLOSE")).toBe(old);
    expect(namesOf(after).get(NAME)).toBe(at(after, "Capex 2026", id, "Used"));
    await settled(src);
  });

  it("the name deleted by the user before the move: the new row's name is offered (an add), as for any new row", async () => {
    const wb = await inserted(["deal", "capex"]);
    wb.deleteName(NAME);
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    const listed = review.nameChanges.filter((n) => n.name === NAME);
    const { after } = await applyChecked(wb, review, { source: src });
    // Whatever the review listed is what happened; a deleted name is never made again unlisted.
    expect(namesOf(after).get(NAME)).toBe(listed.length > 0 ? listed[0].to : undefined);
  });

  it("the name defined again by the user as their own (same cell, their comment): theirs, left alone and said", async () => {
    const wb = await inserted(["deal", "capex"]);
    const old = namesOf(wb.snapshot()).get(NAME) as string;
    wb.deleteName(NAME);
    wb.addName(NAME, "Deal", old.split("!")[1], "my prior valuation");
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    expect(review.nameChanges).toEqual([]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(old);
    expect(after.names[NAME].comment).toBe("my prior valuation");
  });

  it("the move declined, then the next revision moves the figure on to AMZN: the name, the user's since, is left where it is", async () => {
    const wb = await inserted(["deal", "capex", "amzn"]);
    const old = namesOf(wb.snapshot()).get(NAME) as string;
    const src = load(revision(moveTo(id, "capex")));
    const r1 = ok(await planUpdate(src));
    await applyChecked(wb, r1, { source: src, decline: r1.nameChanges.map((n) => n.key) });
    const next = load(revision(moveTo(id, "amzn"), "1.2.0"));
    const r2 = ok(await planUpdate(next));
    expect(r2.nameChanges.filter((n) => n.name === NAME)).toEqual([]);
    const { after } = await applyChecked(wb, r2, { source: next });
    expect(namesOf(after).get(NAME)).toBe(old);
  });

  it("the move taken, then the next revision moves it on Capex → AMZN: the name moves again, to the AMZN row", async () => {
    const wb = await inserted(["deal", "capex", "amzn"]);
    const src = load(revision(moveTo(id, "capex")));
    await applyChecked(wb, ok(await planUpdate(src)), { source: src });
    const next = load(revision(moveTo(id, "amzn"), "1.2.0"));
    const r2 = ok(await planUpdate(next));
    const { after } = await applyChecked(wb, r2, { source: next });
    expect(namesOf(after).get(NAME)).toBe(at(after, "AMZN", id, "Used"));
    await settled(next);
  });

  it("the destination table renamed by the user (CapexFigures → MyCapex): the row is added there and the name moves to it", async () => {
    const wb = await inserted(["deal", "capex"]);
    wb.tables.find((t) => t.name === "CapexFigures")!.name = "MyCapex";
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    expect(review.nameChanges.map((n) => [n.name, n.kind])).toEqual([[NAME, "move"]]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(at(after, "Capex 2026", id, "Used"));
    expect(tablesOf(after).some((t) => t.startsWith("MyCapex@"))).toBe(true);
    await settled(src);
  });

  it("the destination table filtered to one row: the row is added and the name moves to it, the filter kept", async () => {
    const wb = await inserted(["deal", "capex"]);
    wb.filterTable("CapexFigures", "Id", (v) => v === "amazon.capex_2026");
    const hidden = [...(wb.sheetByName("Capex 2026").filtered ?? [])].sort();
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(at(after, "Capex 2026", id, "Used"));
    expect([...(wb.sheetByName("Capex 2026").filtered ?? [])].sort()).toEqual(hidden);
  });

  it("the destination table with a Total row: the new row lands above it, the name on it, the Total row whole", async () => {
    const wb = await inserted(["deal", "capex"]);
    wb.setTableTotals("CapexFigures");
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    const { after } = await applyChecked(wb, review, { source: src });
    const used = at(after, "Capex 2026", id, "Used");
    expect(namesOf(after).get(NAME)).toBe(used);
    expect(used).toBe("Capex 2026!D9");
    expect(sheetCells(after, "Capex 2026").A10.value).toBe("Total");
  });

  it("the destination table converted to a range: the row is not added, the name stays on the Deal row, and the review says why", async () => {
    const wb = await inserted(["deal", "capex"]);
    const old = namesOf(wb.snapshot()).get(NAME);
    wb.tables = wb.tables.filter((t) => t.name !== "CapexFigures");
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    expect(review.additions).toEqual([]);
    expect(review.nameChanges).toEqual([]);
    expect(review.notices.join(" ")).toMatch(/CapexFigures table on the Capex 2026 sheet is no longer an Excel table/);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(old);
  });

  it("the Deal table sorted (the name left on another figure's row) before the move: the name moves to the new row", async () => {
    const wb = await inserted(["deal", "capex"]);
    wb.sortTable("DealFigures", 0, true); // by Figure, Z to A
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(at(after, "Capex 2026", id, "Used"));
    await settled(src);
  });

  it("moved to Capex while the Capex block is not inserted (only Deal is): no name change, the name stays on the Deal row, nothing claims a Capex row", async () => {
    const wb = await inserted(["deal"]);
    const old = namesOf(wb.snapshot()).get(NAME);
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    expect(review.nameChanges).toEqual([]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(old);
    expect(after.sheets.map((s) => s.name)).not.toContain("Capex 2026");
  });

  // Found by this attack: Insert of Capex left the name on the Deal row (it existed), and no
  // review afterwards offered to move it, as the row was not one Apply adds (names.ts
  // unclaimedNames now makes it a candidate for handOver). Insert's own report still calls the
  // name "your definition" (src/ownership/insert.ts planNames): not fixed here, Insert is not the
  // update's promise.
  it("moved to Capex while only Deal is inserted, then the user inserts Capex: the next review offers to move the name to the Capex row, and Apply moves it", async () => {
    const wb = await inserted(["deal"]);
    const src = load(revision(moveTo(id, "capex")));
    await applyChecked(wb, ok(await planUpdate(src)), { source: src });
    ok(await insertBlocks(["capex"], NEW_SHEET, src));
    const snap = wb.snapshot();
    const capexUsed = at(snap, "Capex 2026", id, "Used");
    const review = ok(await planUpdate(src));
    expect(review.nameChanges.map((n) => [n.name, n.kind, n.to])).toEqual([[NAME, "move", capexUsed]]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get(NAME)).toBe(capexUsed);
    await settled(src);
  });

  it("a sheet-scoped name of the user's with the same text on the Capex sheet: the workbook name moves, the user's sheet name is untouched", async () => {
    const wb = await inserted(["deal", "capex"]);
    wb.setCell("Capex 2026", "P2", 4.2e11);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Capex 2026");
      sheet.names.add(NAME, sheet.getRange("P2"), "my own");
      await context.sync();
    });
    const scoped = () => JSON.stringify([...wb.sheetByName("Capex 2026").names.values()]);
    const before = scoped();
    const src = load(revision(moveTo(id, "capex")));
    const review = ok(await planUpdate(src));
    const { after } = await applyChecked(wb, review, { source: src });
    expect(scoped()).toBe(before);
    const moved = review.nameChanges.find((n) => n.name === NAME);
    expect(namesOf(after).get(NAME)).toBe(moved ? at(after, "Capex 2026", id, "Used") : namesOf(review as never).get(NAME));
  });
});

/**
 * Whether the review's blockers tell the truth, tried in the workbook: no blocker, and Apply goes
 * ahead whatever the user chooses; "whatever you choose", and it is refused with every choice; "only
 * if you choose Use new", and it is refused when a conflict's new value is chosen, and goes ahead
 * when every conflict is kept. Refusals are tried first (they change nothing), then the Apply that
 * must go ahead.
 */
async function blockersTrue(
  wb: FakeWorkbook,
  review: Awaited<ReturnType<typeof planUpdate>> & { ok: true },
  source: ReturnType<typeof sourceOf>,
) {
  const r = review.value;
  const conflicts = r.conflicts.map((c) => c.key);
  const names = r.nameChanges.map((n) => n.key);
  const onlyIf = r.blockers.length > 0 && r.blockers.every((b) => b.startsWith('Only if you choose "Use new" for a conflict: '));
  const refusedWith = async (accept: string[], decline: string[]) => {
    const { result } = await applyChecked(wb, r, { accept, decline, source });
    return !result.ok;
  };
  if (r.blockers.length === 0) {
    expect(await refusedWith(conflicts, [])).toBe(false);
    return "none";
  }
  if (onlyIf) {
    expect(conflicts.length).toBeGreaterThan(0);
    expect(await refusedWith(conflicts, names)).toBe(true);
    expect(await refusedWith(conflicts, [])).toBe(true);
    expect(await refusedWith([], names)).toBe(false);
    return "only if";
  }
  expect(await refusedWith([], names)).toBe(true);
  expect(await refusedWith([], [])).toBe(true);
  expect(await refusedWith(conflicts, names)).toBe(true);
  return "whatever";
}

describe("attacks: the review's blockers, 'whatever you choose' or 'only if you choose Use new'", () => {
  const sameVersion = (edit: (json: FiguresJson) => void) => revision(edit, "1.0.0");
  const relabel = (id: string, label: string) => (json: FiguresJson) => (figureIn(json, id).label = label);

  async function logged(): Promise<FakeWorkbook> {
    const wb = setup();
    ok(await insertBlocks(["deal", "capex"], NEW_SHEET, previousSource));
    ok(await applyUpdate([]));
    return wb;
  }

  // Found by this attack: the review said the protected Changes sheet stopped Apply whatever the
  // user chose, yet with the conflict kept Apply logs nothing and goes ahead (update.ts reviewOf
  // checked "whatever you choose" on the plan with the log's rows for every listed change).
  it("the Changes sheet protected, the only change a conflict: Apply logs only once the new value is chosen, and says so", async () => {
    const wb = await logged();
    wb.setCell("Deal", cellOf(wb.snapshot(), "Deal", "Id", "deal.round_size", "Figure"), "'My round");
    wb.protectSheet("Changes");
    const src = load(sameVersion(relabel("deal.round_size", "OpenAI funding round, total")));
    const review = await planUpdate(src);
    expect(ok(review).blockers).toEqual([
      'Only if you choose "Use new" for a conflict: the sheet "Changes" is protected, and Apply writes there. Unprotect it (Review › Unprotect Sheet), then apply; until then Apply writes nothing.',
    ]);
    expect(await blockersTrue(wb, review as never, src)).toBe("only if");
  });

  it("the Changes sheet protected, the only change a name a sort left behind: stopped whatever the user chooses (a kept name is logged too)", async () => {
    const wb = await logged();
    wb.sortTable("DealFigures", 0, true);
    wb.protectSheet("Changes");
    const src = load(sameVersion(() => undefined));
    const review = await planUpdate(src);
    expect(ok(review).nameChanges.length).toBeGreaterThan(0);
    expect(ok(review).changes).toEqual([]);
    expect(await blockersTrue(wb, review as never, src)).toBe("whatever");
  });

  it("the Deal sheet protected, the only change a name the user deleted (made again): names are not cells, nothing stops Apply", async () => {
    const wb = await logged();
    wb.deleteName("DEAL_AMOUNT");
    wb.protectSheet("Deal");
    const src = load(sameVersion(() => undefined));
    const review = await planUpdate(src);
    expect(ok(review).nameChanges.map((n) => [n.name, n.kind])).toEqual([["DEAL_AMOUNT", "restore"]]);
    expect(await blockersTrue(wb, review as never, src)).toBe("none");
    expect(namesOf(wb.snapshot()).get("DEAL_AMOUNT")).toBe(at(wb.snapshot(), "Deal", "deal.amount", "Used"));
  });

  it("the Deal sheet protected, the only change a new figure's row: stopped whatever the user chooses", async () => {
    const wb = await logged();
    wb.protectSheet("Deal");
    const src = load(
      sameVersion((json) => {
        json.figures.splice(json.figures.findIndex((f) => f.id === "deal.expected_close") + 1, 0, {
          ...figureIn(json, "deal.amount_announced"),
          id: "deal.commitment",
          name: "DEAL_COMMITMENT",
          label: "Amazon commitment to OpenAI",
          otherClaims: [],
        });
      }),
    );
    const review = await planUpdate(src);
    expect(ok(review).additions.length).toBe(1);
    expect(ok(review).blockers).toEqual([
      'The sheet "Deal" is protected, and Apply writes there. Unprotect it (Review › Unprotect Sheet), then apply; until then Apply writes nothing.',
    ]);
    expect(await blockersTrue(wb, review as never, src)).toBe("whatever");
  });

  it("a conflict on the protected Deal sheet and a refresh on Capex: only a chosen new value is stopped", async () => {
    const wb = await logged();
    wb.setCell("Deal", cellOf(wb.snapshot(), "Deal", "Id", "deal.round_size", "Figure"), "'My round");
    wb.protectSheet("Deal");
    const src = load(
      sameVersion((json) => {
        relabel("deal.round_size", "OpenAI funding round, total")(json);
        relabel("anthropic.indiana_campus", "Indiana data center campus for Anthropic")(json);
      }),
    );
    const review = await planUpdate(src);
    expect(ok(review).refreshes).toBeGreaterThan(0);
    expect(await blockersTrue(wb, review as never, src)).toBe("only if");
  });

  it("the workbook's structure protected before any log exists, the only change a conflict: the Changes sheet is needed only for a chosen new value", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET));
    wb.setCell("Deal", cellOf(wb.snapshot(), "Deal", "Id", "deal.round_size", "Figure"), "'My round");
    wb.protectStructure();
    const src = load(sameVersion(relabel("deal.round_size", "OpenAI funding round, total")));
    const review = await planUpdate(src);
    expect(ok(review).blockers.length).toBe(1);
    expect(await blockersTrue(wb, review as never, src)).toBe("only if");
  });

  it("the Capex sheet protected and a name moved onto it with a new row: stopped whatever the user chooses, the name not moved", async () => {
    const wb = await logged();
    wb.protectSheet("Capex 2026");
    const before = namesOf(wb.snapshot()).get("OPENAI_VALUATION_PRIOR");
    const src = load(sameVersion(moveTo("openai.valuation_prior", "capex")));
    const review = await planUpdate(src);
    expect(await blockersTrue(wb, review as never, src)).toBe("whatever");
    expect(namesOf(wb.snapshot()).get("OPENAI_VALUATION_PRIOR")).toBe(before);
  });
});

/** Insert › Table over `address` on `sheet`, as the user does it (TableCollection.add). */
async function makeTable(sheet: string, address: string): Promise<string> {
  return Excel.run(async (context) => {
    const t = context.workbook.worksheets.getItem(sheet).tables.add(address, true);
    t.load("name");
    await context.sync();
    return t.name;
  });
}

describe("attacks: a figures table found by its header row", () => {
  // Found by this attack: the review showed the new row as Deal!A11:M11 and Apply wrote only
  // A11:D11, the width of the user's four-column table, which locate.ts tablePlace took for the
  // figures table because it spanned one header's column; it must span them all.
  it("the figures table converted to a range, then the user makes only its first four columns a table (Figure to Used): a new figure is added whole, or not at all and said", async () => {
    const wb = await inserted(["deal"]);
    ok(await applyUpdate([]));
    wb.setCell("Deal", "H11", "user note right of the new row");
    wb.tables = wb.tables.filter((t) => t.name !== "DealFigures");
    const mine = await makeTable("Deal", "A4:D10");
    const src = load(revision((json) => addCommitment(json)));
    const review = ok(await planUpdate(src));
    const { result, after } = await applyChecked(wb, review, { source: src });
    expect(result.ok).toBe(true);
    // The user's cell beside the narrow table is theirs: neither overwritten nor named.
    expect(sheetCells(after, "Deal").H11?.value).toBe("user note right of the new row");
    if (review.additions.length > 0) {
      // Added: the row is whole (its Id, Used formula and name on the same row).
      const used = at(after, "Deal", "deal.commitment", "Used");
      expect(namesOf(after).get("DEAL_COMMITMENT")).toBe(used);
      expect(contentAt(after, used)).toMatch(/^=IF\(C\d+="",B\d+,C\d+\)$/);
    } else {
      expect(review.notices.join(" ")).toMatch(/Commitment|commitment/);
    }
    expect(tablesOf(after).some((t) => t.startsWith(`${mine}@`))).toBe(true);
  });

  it("the figures table converted to a range and a different range made a table (the user's own, lower on the sheet): no row is added to it", async () => {
    const wb = await inserted(["deal"]);
    ok(await applyUpdate([]));
    wb.tables = wb.tables.filter((t) => t.name !== "DealFigures");
    wb.setCell("Deal", "P4", "Scenario");
    wb.setCell("Deal", "Q4", "Amount");
    wb.setCell("Deal", "P5", "base");
    wb.setCell("Deal", "Q5", 4e10);
    const mine = await makeTable("Deal", "P4:Q5");
    const src = load(revision((json) => addCommitment(json)));
    const review = ok(await planUpdate(src));
    expect(review.additions).toEqual([]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(tablesOf(after)).toContain(`${mine}@Deal!P4:Q5`);
    expect(namesOf(after).get("DEAL_COMMITMENT")).toBeUndefined();
  });

  it("the Deal sheet copied (its table DealFigures2) and the original table renamed: the new figure goes to the renamed original, the copy untouched", async () => {
    const wb = await inserted(["deal"]);
    ok(await applyUpdate([]));
    const copy = wb.copySheet("Deal");
    wb.tables.find((t) => t.name === "DealFigures")!.name = "MyDeal";
    const copyBefore = JSON.stringify(sheetCells(wb.snapshot(), copy));
    const src = load(revision((json) => addCommitment(json)));
    const review = ok(await planUpdate(src));
    expect(review.additions.map((a) => [a.id, a.table, a.address])).toEqual([["deal.commitment", "MyDeal", "Deal!A11:M11"]]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(JSON.stringify(sheetCells(after, copy))).toBe(copyBefore);
    expect(namesOf(after).get("DEAL_COMMITMENT")).toBe(at(after, "Deal", "deal.commitment", "Used"));
  });

  it("the change log renamed by the user (Table Design › Table Name: Audit): Apply appends to it, no second log", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    ok(await applyUpdate([]));
    const log = wb.tables.find((t) => t.name === "DealChanges")!;
    log.name = "Audit";
    const src = load(revision((json) => (figureIn(json, "deal.round_size").value = "110000000000")));
    const review = ok(await planUpdate(src));
    expect(review.notices).toEqual([]);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(tablesOf(after).filter((t) => /^(DealChanges|Audit)/.test(t))).toHaveLength(1);
    expect(tablesOf(after).some((t) => t.startsWith("Audit@Changes!"))).toBe(true);
    expect(Object.values(sheetCells(after, "Changes")).some((c) => c.value === "deal.round_size")).toBe(true);
  });

  it("the log renamed to a user name, and a table of the user's named DealChanges made elsewhere: Apply appends to the real log, leaves the user's table", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    ok(await applyUpdate([]));
    wb.tables.find((t) => t.name === "DealChanges")!.name = "Audit";
    wb.setCell("Sheet1", "A1", "Item");
    wb.setCell("Sheet1", "B1", "Cost");
    wb.setCell("Sheet1", "A2", "lunch");
    await Excel.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true);
      t.name = "DealChanges";
      await context.sync();
    });
    const mineBefore = JSON.stringify(sheetCells(wb.snapshot(), "Sheet1"));
    const src = load(revision((json) => (figureIn(json, "deal.round_size").value = "110000000000")));
    const review = ok(await planUpdate(src));
    const { after } = await applyChecked(wb, review, { source: src });
    expect(JSON.stringify(sheetCells(after, "Sheet1"))).toBe(mineBefore);
    expect(Object.values(sheetCells(after, "Changes")).some((c) => c.value === "deal.round_size")).toBe(true);
  });
});

describe("attacks: filters on the add-in's tables", () => {
  it("the Sources table filtered to primary sources, then a source's tier and title revised: written in that source's row, the filter kept", async () => {
    const wb = await inserted(["sources"]);
    wb.filterTable("DealSources", "Tier", (v) => v === "primary");
    const hidden = [...(wb.sheetByName("Sources").filtered ?? [])].sort();
    expect(hidden.length).toBeGreaterThan(0);
    const src = load(
      revision((json) => {
        for (const s of json.sources) {
          s.title = `${String(s.title)} (revised)`;
        }
      }),
    );
    const review = ok(await planUpdate(src));
    expect(review.refreshes).toBeGreaterThan(2);
    await applyChecked(wb, review, { source: src });
    expect([...(wb.sheetByName("Sources").filtered ?? [])].sort()).toEqual(hidden);
  });

  it("the figures table filtered, then a figure added and every figure revised: the new row and the refreshes land on their rows", async () => {
    const wb = await inserted(["deal"]);
    ok(await applyUpdate([]));
    wb.filterTable("DealFigures", "Status", (v) => v === "reported");
    const src = load(
      revision((json) => {
        addCommitment(json);
        for (const f of json.figures) if (f.block === "deal" && f.unit === "USD") f.value = String(Number(f.value) * 2);
      }),
    );
    const review = ok(await planUpdate(src));
    const { result, after } = await applyChecked(wb, review, { source: src });
    expect(result.ok).toBe(true);
    for (const f of ["deal.amount", "deal.round_size", "openai.valuation_round"])
      expect([f, contentAt(after, at(after, "Deal", f, "Reported"))]).toEqual([
        f,
        2 * Number(BUILT_IN_FIGURES.figures.find((x) => x.id === f)!.value),
      ]);
    expect(namesOf(after).get("DEAL_COMMITMENT")).toBe(at(after, "Deal", "deal.commitment", "Used"));
  });

  it("the figures table filtered between Review and Apply: Apply writes exactly what was listed, or nothing and says why", async () => {
    const wb = await inserted(["deal"]);
    const src = load(
      revision((json) => {
        for (const f of json.figures) if (f.block === "deal" && f.unit === "USD") f.value = String(Number(f.value) * 2);
      }),
    );
    const review = ok(await planUpdate(src));
    wb.filterTable("DealFigures", "Id", (v) => v === "deal.amount" || v === "deal.expected_close");
    const { result } = await applyChecked(wb, review, { source: src });
    if (!result.ok) expect(result.message).toBe(CHANGED_SINCE_REVIEW);
  });

  it("the figures table filtered, then sorted: each refresh lands on its figure's row", async () => {
    const wb = await inserted(["deal"]);
    wb.filterTable("DealFigures", "Unit", (v) => v === "USD");
    wb.sortTable("DealFigures", 1, true); // by Reported, largest first
    const src = load(
      revision((json) => {
        for (const f of json.figures) if (f.block === "deal" && f.unit === "USD") f.value = String(Number(f.value) * 3);
      }),
    );
    const review = ok(await planUpdate(src));
    const { after } = await applyChecked(wb, review, { source: src });
    for (const f of ["deal.amount", "deal.round_size", "openai.valuation_round", "openai.valuation_prior"])
      expect([f, contentAt(after, at(after, "Deal", f, "Reported"))]).toEqual([
        f,
        3 * Number(BUILT_IN_FIGURES.figures.find((x) => x.id === f)!.value),
      ]);
  });
});

describe("attacks: a figures file that lacks a figure the sheets are built on", () => {
  const lacking = (id: string) =>
    revision((json) => {
      json.figures = json.figures.filter((f) => f.id !== id);
      for (const f of json.figures) f.otherClaims = (f.otherClaims as string[]).filter((o) => o !== id);
    });

  it("Insert of the Deal block from a file without deal.round_size: nothing written, and the message names the figure", async () => {
    const wb = setup();
    const before = JSON.stringify(wb.snapshot({ veryHidden: true }));
    const result = await insertBlocks(["deal"], NEW_SHEET, sourceOf(lacking("deal.round_size")));
    expect(JSON.stringify(wb.snapshot({ veryHidden: true }))).toBe(before);
    expect(result).toEqual({
      ok: false,
      kind: "figures-file",
      message:
        'The figures file has no figure with the id "deal.round_size", which Deal Desk\'s sheets are built on. Nothing was written. ' +
        "Use a figures file that keeps it (npm run figures:check names what a file lacks), or reload the add-in to use its built-in figures.",
    });
  });

  it("Insert of Deal and Capex from a file that lacks a figure only Capex needs: nothing written, not even Deal, and the figure named", async () => {
    const wb = setup();
    const before = JSON.stringify(wb.snapshot({ veryHidden: true }));
    const result = await insertBlocks(["deal", "capex"], NEW_SHEET, sourceOf(lacking("amazon.capex_2026")));
    expect(JSON.stringify(wb.snapshot({ veryHidden: true }))).toBe(before);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.kind).toBe("figures-file");
    expect(!result.ok && result.message).toContain('"amazon.capex_2026"');
  });

  it("a file that lacks a figure only the Capex sheet needs, only Deal inserted: the pane refuses to load it, naming the figure", async () => {
    const { missingFigures } = await import("../../src/sheets");
    expect(missingFigures(lacking("amazon.capex_2026"))).toEqual(["amazon.capex_2026"]);
  });

  it("Deal inserted, then an Update with a file that lacks a figure only Capex needs: Deal's review and Apply are exact, nothing on a Capex sheet is claimed", async () => {
    const wb = setup();
    ok(await insertBlocks(["deal"], NEW_SHEET, previousSource));
    const src = sourceOf(lacking("amazon.capex_2026"));
    const review = await planUpdate(src);
    if (!review.ok) {
      expect(review.kind).toBe("figures-file");
      return;
    }
    const { result } = await applyChecked(wb, review.value, { source: src });
    expect(result.ok).toBe(true);
  });
});

describe("attacks: a name change below a table that grows", () => {
  // Found by this attack: the row said Capex 2026!B13, the sentence B12 (report.ts
  // nameChangeSentence gave the cell before the new rows for all but a new row's name).
  it("DEAL_SHARE_OF_CAPEX deleted by the user, and a figure added to the Capex table above it: the review's row and sentence name the same cell, the one Apply names", async () => {
    const wb = await inserted(["deal", "capex"]);
    wb.deleteName("DEAL_SHARE_OF_CAPEX");
    const src = load(
      revision((json) =>
        json.figures.push({
          ...figureIn(json, "anthropic.indiana_campus"),
          id: "anthropic.ohio_campus",
          name: "ANTHROPIC_OHIO_CAMPUS",
          label: "Ohio campus",
          otherClaims: [],
        }),
      ),
    );
    const review = ok(await planUpdate(src));
    const restore = review.nameChanges.find((n) => n.name === "DEAL_SHARE_OF_CAPEX")!;
    expect(restore.kind).toBe("restore");
    expect(restore.sentence).toContain(restore.to);
    const { after } = await applyChecked(wb, review, { source: src });
    expect(namesOf(after).get("DEAL_SHARE_OF_CAPEX")).toBe(restore.to);
  });
});
