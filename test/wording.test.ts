/**
 * What a person reads must not claim more than the sources: no qualifier called "exact" (it
 * meant "stated without a hedge word"), no "total return" for AMZN's price gain, and no
 * comparison of the OpenAI investment with one year's capex without its caveats. Read from the
 * built sheets (every block's cells, notes, names and charts), the pane (its cards, its function
 * reference and the built taskpane.html), the built help.html and functions.json.
 */
import * as fs from "fs";
import * as path from "path";
import { QUALIFIER_MEANINGS } from "../src/figures/provenance";
import { buildAllBlocks } from "../src/sheets";
import { derivedCards } from "../src/taskpane/derived";
import { functionEntries } from "../src/taskpane/reference";
import { figureCards } from "../src/taskpane/view-model";

const DIST = path.resolve(__dirname, "..", process.env.DIST_DIR ?? "dist");

function built(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run "npm run build" (npm test does) or set DIST_DIR to a build.`);
  return fs.readFileSync(full, "utf8");
}

/** Every text of the built sheets, with where it is. */
function sheetTexts(): [string, string][] {
  return buildAllBlocks({ includeStockHistory: true }).flatMap((spec) => [
    ...spec.cells.flatMap((c) => [
      ...(typeof c.value === "string" ? [[`${spec.sheetName} cell`, c.value] as [string, string]] : []),
      ...(c.note ? [[`${spec.sheetName} note`, c.note] as [string, string]] : []),
    ]),
    ...spec.names.map((n) => [`name ${n.name}`, n.comment] as [string, string]),
    ...spec.charts.map((c) => [`${spec.sheetName} chart`, c.title] as [string, string]),
  ]);
}

/** Every text of the pane: its cards, its function reference, its page. */
function paneTexts(): [string, string][] {
  return [
    ...figureCards({ today: "2026-12-01", staleDays: 90 }).flatMap((card) =>
      Object.values(card)
        .filter((v): v is string => typeof v === "string")
        .map((v) => [`pane card ${card.id}`, v] as [string, string]),
    ),
    ...derivedCards().flatMap((card) =>
      [card.label, card.value, card.basis].map((v) => [`pane derived ${card.id}`, v] as [string, string]),
    ),
    ...functionEntries().flatMap((e) =>
      [e.summary, ...e.examples, e.insert].map((v) => [`pane function ${e.name}`, v] as [string, string]),
    ),
    ["taskpane.html", built("taskpane.html").replace(/<[^>]+>/g, " ")],
  ];
}

function helpTexts(): [string, string][] {
  const metadata = JSON.parse(built("functions.json")) as {
    functions: { id: string; description: string; parameters: { description: string }[] }[];
  };
  return [
    ["help.html", built("help.html").replace(/<[^>]+>/g, " ")],
    ...metadata.functions.flatMap((f) =>
      [f.description, ...f.parameters.map((p) => p.description)].map((v) => [`functions.json ${f.id}`, v] as [string, string]),
    ),
  ];
}

const all = () => [...sheetTexts(), ...paneTexts(), ...helpTexts()];

describe("person-facing wording", () => {
  test("the texts read are many (sheets, pane, help), so the checks below are not vacuous", () => {
    expect(sheetTexts().length).toBeGreaterThan(200);
    expect(paneTexts().length).toBeGreaterThan(100);
    expect(sheetTexts().some(([, t]) => t.includes("as stated"))).toBe(true);
  });

  test('no sheet or pane text says "exact", and no qualifier anywhere is "exact"', () => {
    expect([...sheetTexts(), ...paneTexts()].filter(([, t]) => /\bexact(ly)?\b/i.test(t))).toEqual([]);
    // The build minifies help.html, so a <dt> may lose its closing tag.
    const qualifiers = [...built("help.html").matchAll(/<dt>([^<]+)</g)].map((m) => m[1]);
    expect(qualifiers).toEqual(Object.keys(QUALIFIER_MEANINGS));
  });

  test('nothing calls the AMZN gain a "total return"', () => {
    expect(all().filter(([, t]) => /total return/i.test(t))).toEqual([]);
  });

  // Issue 21: "over several years" is the announcement's claim, not the talks' whose up to $50B the
  // comparison uses, so no comparison borrows it.
  test("every text that sets the OpenAI investment against the 2026 spending says up to and 2026, never another article's several years", () => {
    const comparing = all().filter(
      ([, t]) => /capex|expects to spend|2026 spending/i.test(t) && /OpenAI investment|investment in OpenAI|\bDEAL_AMOUNT\b/i.test(t),
    );
    expect(comparing.map(([where]) => where)).toEqual(
      expect.arrayContaining(["Capex 2026 cell", "Capex 2026 note", "name DEAL_SHARE_OF_CAPEX"]),
    );
    const missing = comparing.filter(([, t]) => !(/up to/i.test(t) && /2026/.test(t)) || /several years|multi-year/i.test(t));
    expect(missing).toEqual([]);
  });
});
