import { allFigures, findSource } from "../../src/figures";
import type { DiffRow, InsertReport, UpdatePlan } from "../../src/excel/types";
import {
  diffRowView,
  displayCellValue,
  failureText,
  figureCard,
  figureCards,
  insertResultLines,
  insertStatus,
  planIsEmpty,
  updatePlanSummary,
} from "../../src/taskpane/view-model";

function figure(id: string) {
  const found = allFigures().find((f) => f.id === id);
  if (!found) throw new Error(`dataset lacks ${id}`);
  return found;
}

const AGE = { today: "2026-12-01", staleDays: 90 };

describe("figure cards", () => {
  test("show the deal amount as the issue puts it: up to $50B, reported", () => {
    expect(figureCard(figure("deal.amount"), AGE)).toMatchObject({ claim: "up to $50B", status: "reported" });
  });

  test("show the AMZN price with cents, its qualifier and its market-quote status", () => {
    expect(figureCard(figure("amzn.price"), AGE)).toMatchObject({ claim: "around $241.73", status: "market quote" });
  });

  test("one card per figure, in the dataset's order, each with its as-of, source title and quote", () => {
    const cards = figureCards(AGE);
    expect(cards.map((c) => c.id)).toEqual(allFigures().map((f) => f.id));
    for (const f of allFigures()) {
      const card = cards.find((c) => c.id === f.id)!;
      expect(card.asOf.startsWith(`${f.asOf}; `)).toBe(true);
      expect(card.source).toBe(findSource(f.sourceId)!.title);
      expect(card.cites).toBe(findSource(f.sourceId)!.cites);
      expect(card.quote).toBe(f.quote);
      expect(card.status).toBe(f.status);
      if (f.qualifier !== "as stated" && f.unit !== "date") expect(card.claim.startsWith(`${f.qualifier} `)).toBe(true);
    }
  });

  test("billions in a card equal the dataset's value divided by 10^9 exactly", () => {
    for (const f of allFigures().filter((x) => x.unit === "USD")) {
      const billions = BigInt(f.value) / 10n ** 9n;
      const remainder = BigInt(f.value) % 10n ** 9n;
      expect(remainder).toBe(0n);
      expect(figureCard(f, AGE).claim).toMatch(new RegExp(`\\$${billions.toString().replace(/\B(?=(\d{3})+$)/g, ",")}B$`));
    }
  });
});

describe("a figure's age on the day the pane opens", () => {
  test("counts whole days from its as-of date and flags it past the threshold", () => {
    // 2026-02-01 to 2026-12-01: 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 days.
    expect(figureCard(figure("deal.amount"), AGE)).toMatchObject({ age: "303 days old", stale: true });
    expect(figureCard(figure("deal.amount"), { today: "2026-02-01", staleDays: 90 })).toMatchObject({ age: "dated today", stale: false });
    expect(figureCard(figure("deal.amount"), { today: "2026-05-02", staleDays: 90 })).toMatchObject({ age: "90 days old", stale: false });
    expect(figureCard(figure("deal.amount"), { today: "2026-05-03", staleDays: 90 })).toMatchObject({ age: "91 days old", stale: true });
    expect(figureCard(figure("deal.amount"), { today: "2026-12-01", staleDays: 400 }).stale).toBe(false);
  });

  test("a figure with no date has no age, and a period still running says when it ends", () => {
    expect(figureCard(figure("deal.amount_announced"), AGE)).toMatchObject({ age: "no article gives its date", stale: false });
    expect(figureCard(figure("amazon.capex_2026"), AGE)).toMatchObject({ age: "its period ends in 30 days", stale: false });
  });

  test("the as-of gives the date with its basis", () => {
    expect(figureCard(figure("amzn.price"), AGE).asOf).toBe(
      "during the talks (the source gives no date or time); dated 2026-02-01, inferred from another article",
    );
    expect(figureCard(figure("deal.amount_announced"), AGE).asOf).toBe(
      "date of the announcement (the source gives none); no article gives a date",
    );
  });
});

describe("displayCellValue", () => {
  test.each([
    [null, "(empty)"],
    ["", "(empty)"],
    [undefined, "(empty)"],
    [true, "TRUE"],
    [false, "FALSE"],
    [55000000000, "55,000,000,000"],
    [-1234.5, "-1,234.5"],
    [0.0602, "0.0602"],
    [1e21, "1e+21"],
    ["my note", "my note"],
    ["=1+1", "=1+1"],
  ])("%p is shown as %p", (value, shown) => expect(displayCellValue(value)).toBe(shown));
});

const outcome = {
  block: "deal" as const,
  sheetName: "Deal",
  alreadyPresent: false,
  figures: 11,
  cellsWritten: 120,
  namesWritten: ["DEAL_AMOUNT"],
  leftAlone: [{ what: "name DEAL_STAKE_POST", reason: "it already exists and is yours" }],
};

describe("insertResultLines", () => {
  test("lists the writer's summary, then each thing left alone with the reason", () => {
    const report: InsertReport = { blocks: [outcome], summary: ["Inserted sheet Deal with 11 figures and 1 named range."] };
    expect(insertResultLines(report)).toEqual([
      "Inserted sheet Deal with 11 figures and 1 named range.",
      "Left alone: name DEAL_STAKE_POST (it already exists and is yours)",
    ]);
  });

  test("does not repeat a left-alone line the summary already has", () => {
    const line = "Left alone: name DEAL_STAKE_POST (it already exists and is yours)";
    expect(insertResultLines({ blocks: [outcome], summary: ["Inserted sheet Deal.", line] })).toEqual(["Inserted sheet Deal.", line]);
  });
});

describe("insertStatus", () => {
  const amzn = { ...outcome, block: "amzn" as const, sheetName: "AMZN", leftAlone: [] };
  const sources = { ...outcome, block: "sources" as const, sheetName: "Sources", leftAlone: [] };

  test("names the sheets written, in order, joined as a sentence", () => {
    expect(insertStatus({ blocks: [{ ...outcome, leftAlone: [] }, amzn, sources], summary: [] })).toBe("Inserted Deal, AMZN and Sources.");
    expect(insertStatus({ blocks: [amzn], summary: [] })).toBe("Inserted AMZN.");
  });

  test("says which blocks were already there and how many of the user's things were left alone", () => {
    expect(insertStatus({ blocks: [outcome, { ...amzn, alreadyPresent: true }], summary: [] })).toBe(
      "Inserted Deal. Already in the workbook, left as they are: AMZN. 1 thing of yours was left alone; see the list under the buttons.",
    );
    expect(insertStatus({ blocks: [{ ...sources, alreadyPresent: true }], summary: [] })).toBe(
      "Nothing new was inserted. Already in the workbook, left as they are: Sources.",
    );
  });
});

const row: DiffRow = {
  key: "Capex 2026!B4",
  kind: "conflict",
  sheetName: "Capex 2026",
  address: "B4",
  figureId: "amazon.capex_2026",
  label: "Amazon 2026 capex",
  userValue: 130000000000,
  newValue: 125000000000,
  source: "Amazon's 2026 guidance",
};

describe("diff rows", () => {
  test("quote a sheet name with a space as Excel does and group the numbers", () => {
    expect(diffRowView(row)).toEqual({
      key: "Capex 2026!B4",
      cell: "'Capex 2026'!B4",
      label: "Amazon 2026 capex",
      yours: "130,000,000,000",
      next: "125,000,000,000",
      source: "Amazon's 2026 guidance",
    });
  });

  test("leave a plain sheet name unquoted and double an apostrophe inside a quoted one", () => {
    expect(diffRowView({ ...row, sheetName: "Deal" }).cell).toBe("Deal!B4");
    expect(diffRowView({ ...row, sheetName: "Bob's deal" }).cell).toBe("'Bob''s deal'!B4");
  });
});

describe("update plan summary", () => {
  const plan = (conflicts: number, refreshes: number): UpdatePlan => {
    const rows = Array.from({ length: conflicts }, (_, i) => ({ ...row, key: `Deal!B${i + 2}` }));
    const refreshed = Array.from({ length: refreshes }, (_, i) => ({ ...row, kind: "refresh" as const, key: `Deal!C${i + 2}` }));
    return {
      changes: [...rows, ...refreshed],
      conflicts: rows,
      refreshes,
      notes: 0,
      additions: [],
      nameChanges: [],
      deleted: [],
      names: [],
      notices: [],
      blockers: [],
      sheets: ["Deal"],
      fingerprint: "",
    };
  };

  test.each([
    [0, 0, "No cell you changed differs from the figures; no other cell needs refreshing."],
    [1, 0, 'One cell you changed differs from the figures: it is kept unless you choose "Use new"; no other cell needs refreshing.'],
    [2, 3, '2 cells you changed differ from the figures: each is kept unless you choose "Use new"; 3 reported cells are refreshed.'],
    [0, 1, "No cell you changed differs from the figures; 1 reported cell is refreshed."],
  ])("%d changed and %d to refresh reads: %s", (conflicts, refreshes, text) => {
    expect(updatePlanSummary(plan(conflicts, refreshes))).toBe(text);
  });

  test("an update with no change and nothing to refresh is empty", () => {
    expect(planIsEmpty(plan(0, 0))).toBe(true);
    expect(planIsEmpty(plan(1, 0))).toBe(false);
    expect(planIsEmpty(plan(0, 2))).toBe(false);
  });
});

test("a failure keeps the writer's plain-words message after naming the action", () => {
  expect(
    failureText("Inserting Deal", { ok: false, kind: "protected", message: "The sheet Deal is protected. Unprotect it and try again." }),
  ).toBe("Inserting Deal did not complete. The sheet Deal is protected. Unprotect it and try again.");
});
