/**
 * The docs' figures table, rendered from the dataset so the two cannot drift apart
 * (test/readme.test.ts compares them), with what each qualifier means.
 */
import { formatAsOf, formatClaim } from "./format";
import { QUALIFIER_MEANINGS, outletText } from "./provenance";
import { standingOf } from "./standing";
import { allFacts, allFigures, allSources, findSource } from "./index";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function sourceName(sourceId: string): string {
  const source = findSource(sourceId);
  if (!source) return sourceId;
  return source.date ? `${source.title} (${source.date})` : source.title;
}

/**
 * A Markdown table of every figure: id, what it is, the claim, its qualifier, status, standing,
 * when it was stated with how that date is known, the period it is about, the source with its
 * tier, and the comment.
 */
export function renderFiguresTable(): string {
  const rows = allFigures().map((f) => {
    const source = findSource(f.sourceId);
    return [
      `\`${f.id}\``,
      f.label,
      formatClaim(f),
      f.qualifier,
      f.status,
      standingOf(f).text,
      formatAsOf(f),
      f.period,
      `${sourceName(f.sourceId)}${source ? ` (${source.tier})` : ""}`,
      f.comment,
    ]
      .map(cell)
      .join(" | ");
  });
  return [
    "| Id | Figure | Claim | Qualifier | Status | Standing | As of | Period | Source | Comment |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

/** What each qualifier means, as a Markdown list. */
export function renderQualifiers(): string {
  return Object.entries(QUALIFIER_MEANINGS)
    .map(([q, meaning]) => `- **${q}**: ${meaning}`)
    .join("\n");
}

/** A Markdown table of the facts cited beside the numbers. */
export function renderFactsTable(): string {
  const rows = allFacts().map((f) => [f.label, f.text, f.status, sourceName(f.sourceId)].map(cell).join(" | "));
  return ["| Fact | What the sources say | Status | Source |", "|---|---|---|---|", ...rows.map((r) => `| ${r} |`)].join("\n");
}

/** A Markdown list of the five articles: id, title, who published it, its date and what it cites. */
export function renderSourcesList(): string {
  return allSources()
    .map((s) => `- \`${s.id}\`: **${s.title}** — ${outletText(s)}; ${s.dateNote}; cites ${s.cites} (\`sources/${s.file}\`).`)
    .join("\n");
}
