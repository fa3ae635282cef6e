/**
 * The pane's sources never build HTML from strings and never touch Office outside the entry:
 * static checks over src/taskpane, so a later edit cannot slip either in unnoticed.
 */
import * as fs from "fs";
import * as path from "path";

const folder = path.resolve(__dirname, "..", "..", "src", "taskpane");
const sources = fs.readdirSync(folder).filter((f) => f.endsWith(".ts"));

function code(file: string): string {
  // Comments may name what the code avoids; only the code itself is checked.
  return fs
    .readFileSync(path.join(folder, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

describe("src/taskpane", () => {
  test("has the pane's modules", () => {
    expect(sources).toEqual(expect.arrayContaining(["index.ts", "pane.ts", "dom.ts", "render.ts", "view-model.ts", "theme.ts"]));
  });

  test.each(sources)("%s parses no HTML from strings (no innerHTML, outerHTML, insertAdjacentHTML, document.write)", (file) => {
    expect(code(file)).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
  });

  test.each(sources)("%s never evaluates strings as code", (file) => {
    expect(code(file)).not.toMatch(/\beval\(|new Function\(|setTimeout\(\s*["'`]/);
  });

  test.each(sources.filter((f) => f !== "index.ts"))("%s does not mention Office or Excel's API (only index.ts does)", (file) => {
    // Messages say "Excel" to the user; string literals are not API use.
    const withoutStrings = code(file).replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
    expect(withoutStrings).not.toMatch(/\b(Office|Excel|CustomFunctions|OfficeExtension)\./);
  });

  test("taskpane.html has no inline script, no inline style and no event-handler attribute", () => {
    const html = fs.readFileSync(path.join(folder, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[2].trim())).toEqual(scripts.map(() => ""));
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });
});
