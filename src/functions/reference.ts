/**
 * The docs' function reference, rendered from the catalog (`npm run readme` writes it between
 * the `functions` markers; a test fails when the docs and the catalog differ). Pure Markdown.
 */
import { CATALOG, HELP_PAGE, exampleResult, paramDescription, signature, type FunctionSpec } from "../calc/catalog";
import { WHEN_EACH_ERROR } from "../calc/error-guide";
import { QUALIFIER_MEANINGS } from "../figures/provenance";

function entry(spec: FunctionSpec): string {
  const params = spec.params.map((p) => `- \`${p.name}\`${p.optional ? ` (optional, default ${p.default})` : ""}: ${paramDescription(p)}`);
  const examples = spec.examples.map((e) => `- \`${e.formula}\` returns ${exampleResult(e)}.`);
  return [
    `### \`${signature(spec)}\``,
    "",
    spec.summary,
    "",
    ...(params.length ? [...params, ""] : []),
    `Result: ${spec.result}`,
    "",
    spec.examples.length > 1 ? "Examples:" : "Example:",
    "",
    ...examples,
    `- In your workbook, on the Deal sheet's names (what the pane's Insert puts in the selected cell): \`${spec.inWorkbook}\``,
  ].join("\n");
}

/** Which error appears when, as a Markdown table (src/calc/errors.ts holds the one description). */
function errorTable(): string[] {
  const rows = WHEN_EACH_ERROR.map((e) => `| \`${e.kind}\` | ${e.when.replace(/\|/g, "\\|")} | \`${e.example}\` |`);
  return ["### Which error", "", "| error | when | example |", "|---|---|---|", ...rows];
}

/** Every DEAL.* function: signature, summary, arguments with units, result, examples; then the errors and the qualifiers. */
export function renderFunctionReference(): string {
  const intro = `Excel shows the same text in its formula help; the add-in's help page (\`${HELP_PAGE}\`) has it too.`;
  const qualifiers = Object.entries(QUALIFIER_MEANINGS).map(([q, meaning]) => `- **${q}**: ${meaning}`);
  return [
    intro,
    "",
    ...CATALOG.map(entry).flatMap((text) => [text, ""]),
    ...errorTable(),
    "",
    "### What a figure's qualifier means",
    "",
    ...qualifiers,
  ].join("\n");
}
