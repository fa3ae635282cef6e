/**
 * help.html: the reference page Excel's formula help links to (help.html#STAKE and so on),
 * rendered from the catalog at build time. Pure: a complete HTML page as a string, no script.
 */
import { CATALOG, NAMESPACE, exampleResult, paramDescription, signature, type FunctionSpec } from "../calc/catalog";
import { WHEN_EACH_ERROR } from "../calc/error-guide";
import { QUALIFIER_MEANINGS } from "../figures/provenance";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

function section(spec: FunctionSpec): string {
  const rows = spec.params
    .map(
      (p) =>
        `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${p.optional ? `optional; default ${escapeHtml(p.default ?? "")}` : "required"}</td><td>${escapeHtml(paramDescription(p))}</td></tr>`,
    )
    .join("\n");
  const table = spec.params.length
    ? `<table>\n<thead><tr><th scope="col">Argument</th><th scope="col">Use</th><th scope="col">Meaning</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`
    : "<p>No arguments.</p>";
  return `<section id="${spec.name}" aria-labelledby="${spec.name}-title">
<h2 id="${spec.name}-title"><code>${escapeHtml(signature(spec))}</code></h2>
<p>${escapeHtml(spec.summary)}</p>
${table}
<p><strong>Result:</strong> ${escapeHtml(spec.result)}</p>
<p><strong>${spec.examples.length > 1 ? "Examples" : "Example"}:</strong></p>
<ul>
${spec.examples.map((e) => `<li><code>${escapeHtml(e.formula)}</code> returns ${escapeHtml(exampleResult(e))}.</li>`).join("\n")}
<li>In your workbook, on the Deal sheet's names (what the pane's Insert puts in the selected cell): <code>${escapeHtml(spec.inWorkbook)}</code></li>
</ul>
</section>`;
}

const RULES = [
  "Every numeric argument takes a value or a range. A blank cell counts as 0, TRUE as 1, FALSE as 0, numeric text as its number; other text gives #VALUE!.",
  "A single value applies to every element; a column against a row makes a grid. Cells past the end of a smaller range give #N/A. The result spills.",
  `${CATALOG.filter((spec) => spec.series)
    .map((spec) => `${NAMESPACE}.${spec.name}`)
    .join(", ")} instead reads each argument as a series of rounds, one value per round or one for every round, and returns one cell.`,
  "Excel shows an error's message (point at the cell's error flag) with #VALUE! and #N/A only, so every mistake you can fix is one of those, and its message names the argument and the fix. #DIV/0! and #NUM! appear only where Excel's own arithmetic gives them.",
  ...WHEN_EACH_ERROR.map((e) => `${e.kind}: ${e.when}. For example ${e.example}.`),
  "Results are exact: the inputs are read as the decimals you typed, and the result is the exact result of those decimals rounded once to the nearest number Excel holds (CAGR within 2 units in the last place). So DEAL.POSTMONEY(0.1, 0.2) is exactly 0.3.",
];

/** The help page, complete and self-contained (inline CSS, no script). */
export function renderHelpPage(): string {
  const index = CATALOG.map((spec) => `<li><a href="#${spec.name}">${NAMESPACE}.${spec.name}</a></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deal Desk — ${NAMESPACE}.* function reference</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0 auto; max-width: 52rem; padding: 1rem; line-height: 1.5; color: #201f1e; background: #ffffff; }
code { font-family: Consolas, "Courier New", monospace; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8c6c4; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
section { border-top: 1px solid #c8c6c4; margin-top: 1.5rem; }
a { color: #005a9e; }
</style>
</head>
<body>
<header>
<h1>Deal Desk: ${NAMESPACE}.* functions</h1>
<p>Deal math for your own models, as cell formulas that work on single cells and whole ranges.</p>
</header>
<main>
<nav aria-label="Functions"><ul>
${index}
</ul></nav>
<section id="rules" aria-labelledby="rules-title">
<h2 id="rules-title">How arguments, results and errors work</h2>
<ul>
${RULES.map((rule) => `<li>${escapeHtml(rule)}</li>`).join("\n")}
</ul>
</section>
<section id="qualifiers" aria-labelledby="qualifiers-title">
<h2 id="qualifiers-title">What a figure's qualifier means</h2>
<p>DEAL.FIGURE(id, "qualifier"), DEAL.FIGURES() and DEAL.CARD say how the source states each figure:</p>
<dl>
${Object.entries(QUALIFIER_MEANINGS)
  .map(([q, meaning]) => `<dt>${escapeHtml(q)}</dt><dd>${escapeHtml(meaning)}</dd>`)
  .join("\n")}
</dl>
</section>
${CATALOG.map(section).join("\n")}
</main>
</body>
</html>
`;
}
