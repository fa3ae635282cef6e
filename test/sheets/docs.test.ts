import { readFileSync } from "fs";
import { join } from "path";
import { buildAllBlocks } from "../../src/sheets";
import { sheetRef } from "../../src/sheets/a1";
import { renderNamesList, renderNamesTable } from "../../src/sheets/markdown";

const workbookDoc = readFileSync(join(__dirname, "../../docs/workbook.md"), "utf8");
const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
/** docs/workbook.md's section on the inserted sheets, up to the next top-level section. */
const doc = workbookDoc.slice(
  workbookDoc.indexOf("## The inserted sheets"),
  workbookDoc.indexOf("\n## ", workbookDoc.indexOf("## The inserted sheets") + 1),
);
const specs = buildAllBlocks();

describe("docs/workbook.md on the inserted sheets", () => {
  // Of the rendering: the file holds it when the layout snapshot (test/readme.test.ts) passes.
  test("the names table lists every name with the cell it points to", () => {
    const rows = [...renderNamesTable().matchAll(/^\| `([A-Z0-9_]+)` \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => [m[1], m[2].trim()]);
    const actual = specs.flatMap((s) => s.names.map((n) => [n.name, sheetRef(s.sheetName, n.row, n.col, "relative")]));
    expect(rows).toEqual(actual);
  });

  test("every formula it quotes is one the blocks write", () => {
    const quoted = [...doc.matchAll(/^\| [^|]+ \| `(=[^`]+)`/gm)].map((m) => m[1]);
    const written = new Set(specs.flatMap((s) => s.cells.map((c) => c.formula)));
    expect(quoted.length).toBeGreaterThanOrEqual(12);
    for (const f of quoted) expect([f, written.has(f)]).toEqual([f, true]);
  });
});

describe("the README's list of names", () => {
  const generated = readme.indexOf("<!-- BEGIN names-list -->");

  test("lists every name the blocks define, in order", () => {
    const list = renderNamesList();
    expect(readme.indexOf("<!-- END names-list -->")).toBeGreaterThan(generated);
    expect([...list.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])).toEqual(specs.flatMap((s) => s.names.map((n) => n.name)));
  });

  test("lists the five sheets in insertion order", () => {
    const sheets = [...readme.slice(0, generated).matchAll(/^- \*\*([^*]+)\*\*: /gm)].map((m) => m[1]);
    expect(sheets).toEqual(specs.map((s) => s.sheetName));
  });
});
