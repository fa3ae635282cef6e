/**
 * The README's function reference, rendered from the catalog (`npm run readme` writes it between
 * the `functions` markers; a test fails when README, catalog and JSDoc differ). Pure Markdown.
 */
import { CATALOG, HELP_URL, type FunctionSpec } from "../calc/catalog";
import { signature } from "./help-page";

function entry(spec: FunctionSpec): string {
  const params = spec.params.map((p) => `- \`${p.name}\`${p.optional ? ` (optional, default ${p.default})` : ""}: ${p.description}`);
  return [
    `### \`${signature(spec)}\``,
    "",
    spec.summary,
    "",
    ...(params.length ? [...params, ""] : []),
    `Result: ${spec.result}`,
    "",
    `Example: \`${spec.example.formula}\` returns ${spec.example.value}.`,
  ].join("\n");
}

/** Every DEAL.* function: signature, summary, arguments with units, result and an example. */
export function renderFunctionReference(): string {
  const intro = `Excel shows the same text in its formula help; the add-in's help page (\`${HELP_URL.replace(/^https:\/\/localhost:3000\//, "")}\`) has it too.`;
  return [intro, "", ...CATALOG.map(entry).flatMap((text, i) => (i === 0 ? [text] : ["", text]))].join("\n");
}
