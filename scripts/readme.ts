/**
 * The README's generated sections, each between `<!-- BEGIN name -->` and `<!-- END name -->`.
 * `npm run readme` rewrites them from the code; test/readme.test.ts fails when they differ, so
 * the README cannot drift from the dataset or the function catalog.
 */
import * as fs from "fs";
import * as path from "path";
import { renderFactsTable, renderFiguresTable, renderSourcesList } from "../src/figures/markdown";
import { renderFunctionReference } from "../src/functions/reference";
import { renderNamesTable } from "../src/sheets/markdown";

export const README_PATH = path.resolve(__dirname, "..", "README.md");

/** Section name → its Markdown, rendered from the code. */
export const GENERATED_SECTIONS: Record<string, () => string> = {
  figures: renderFiguresTable,
  facts: renderFactsTable,
  sources: renderSourcesList,
  functions: renderFunctionReference,
  names: renderNamesTable,
};

const sectionPattern = (name: string) => new RegExp(`<!-- BEGIN ${name} -->\\n([\\s\\S]*?)\\n?<!-- END ${name} -->`);

/** The text between a section's markers in `readme`, or null when the markers are missing. */
export function readSection(readme: string, name: string): string | null {
  const match = sectionPattern(name).exec(readme);
  return match ? match[1] : null;
}

/** `readme` with every generated section replaced by its current rendering. */
export function regenerate(readme: string): string {
  let text = readme;
  for (const [name, render] of Object.entries(GENERATED_SECTIONS)) {
    if (readSection(text, name) === null) throw new Error(`README.md has no <!-- BEGIN ${name} --> … <!-- END ${name} --> markers.`);
    text = text.replace(sectionPattern(name), () => `<!-- BEGIN ${name} -->\n${render()}\n<!-- END ${name} -->`);
  }
  return text;
}

if (require.main === module) {
  try {
    const before = fs.readFileSync(README_PATH, "utf8");
    const after = regenerate(before);
    fs.writeFileSync(README_PATH, after);
    console.log(before === after ? "README.md is up to date." : "README.md: generated sections rewritten.");
  } catch (err) {
    console.error(`readme: ${(err as Error).message}`);
    process.exit(1);
  }
}
