/**
 * The generated sections of README.md and docs/, each between `<!-- BEGIN name -->` and
 * `<!-- END name -->`. `npm run readme` rewrites them from the code; test/readme.test.ts fails when
 * they differ, so the documentation cannot drift from the dataset or the function catalog.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOG, signature } from "../src/calc/catalog";
import { renderFactsTable, renderFiguresTable, renderQualifiers, renderSourcesList } from "../src/figures/markdown";
import { renderFunctionReference } from "../src/functions/reference";
import { renderNamesList, renderNamesTable } from "../src/sheets/markdown";

const ROOT = path.resolve(__dirname, "..");
export const README_PATH = path.join(ROOT, "README.md");
export const FUNCTIONS_DOC_PATH = path.join(ROOT, "docs", "functions.md");
export const FIGURES_DOC_PATH = path.join(ROOT, "docs", "figures.md");
export const WORKBOOK_DOC_PATH = path.join(ROOT, "docs", "workbook.md");

/** One line per DEAL.* function for the README: its signature and summary. */
export function renderFunctionList(): string {
  return CATALOG.map((spec) => `- \`${signature(spec)}\`: ${spec.summary}`).join("\n");
}

/** Section name → the file it lives in and its Markdown, rendered from the code. */
export const GENERATED_SECTIONS: Record<string, { file: string; render: () => string }> = {
  "function-list": { file: README_PATH, render: renderFunctionList },
  "names-list": { file: README_PATH, render: renderNamesList },
  functions: { file: FUNCTIONS_DOC_PATH, render: renderFunctionReference },
  names: { file: WORKBOOK_DOC_PATH, render: renderNamesTable },
  figures: { file: FIGURES_DOC_PATH, render: renderFiguresTable },
  qualifiers: { file: FIGURES_DOC_PATH, render: renderQualifiers },
  facts: { file: FIGURES_DOC_PATH, render: renderFactsTable },
  sources: { file: FIGURES_DOC_PATH, render: renderSourcesList },
};

const sectionPattern = (name: string) => new RegExp(`<!-- BEGIN ${name} -->\\n([\\s\\S]*?)\\n?<!-- END ${name} -->`);

/** The text between a section's markers in `text`, or null when the markers are missing. */
export function readSection(text: string, name: string): string | null {
  const match = sectionPattern(name).exec(text);
  return match ? match[1] : null;
}

/** `text` of `file` with each of its generated sections replaced by its current rendering. */
export function regenerate(text: string, file: string): string {
  let result = text;
  for (const [name, section] of Object.entries(GENERATED_SECTIONS)) {
    if (section.file !== file) continue;
    if (readSection(result, name) === null) {
      throw new Error(`${path.relative(ROOT, file)} has no <!-- BEGIN ${name} --> … <!-- END ${name} --> markers.`);
    }
    result = result.replace(sectionPattern(name), () => `<!-- BEGIN ${name} -->\n${section.render()}\n<!-- END ${name} -->`);
  }
  return result;
}

if (require.main === module) {
  try {
    for (const file of new Set(Object.values(GENERATED_SECTIONS).map((s) => s.file))) {
      const before = fs.readFileSync(file, "utf8");
      const after = regenerate(before, file);
      fs.writeFileSync(file, after);
      const name = path.relative(ROOT, file);
      console.log(before === after ? `${name} is up to date.` : `${name}: generated sections rewritten.`);
    }
    console.log("The screenshots' texts are part of the same layout snapshot: npm run screenshots writes them again.");
  } catch (err) {
    console.error(`readme: ${(err as Error).message}`);
    process.exit(1);
  }
}
