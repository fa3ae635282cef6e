import { readFileSync } from "fs";
import { join } from "path";
import { buildAllBlocks } from "../../src/sheets";
import { sheetRef } from "../../src/sheets/a1";

const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
/** The README's section on the inserted sheets, up to the next top-level section. */
const doc = readme.slice(readme.indexOf("## The inserted sheets"), readme.indexOf("\n## ", readme.indexOf("## The inserted sheets") + 1));
const specs = buildAllBlocks();

describe("the README's section on the inserted sheets", () => {
  test("the names table lists every name with the cell it points to", () => {
    const rows = [...doc.matchAll(/^\| `([A-Z0-9_]+)` \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => [m[1], m[2].trim()]);
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
