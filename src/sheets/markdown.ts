/**
 * The docs' table of workbook names and the README's list of them, rendered from the blocks
 * themselves (npm run readme writes them between their markers; a test fails when the docs and
 * the blocks differ).
 */
import { sheetRef } from "./a1";
import { buildAllBlocks } from "./index";

/** Every name the blocks define, in order: what it holds (its Name Manager comment) and its cell. */
export function renderNamesTable(): string {
  const rows = buildAllBlocks().flatMap((spec) =>
    spec.names.map((n) => `| \`${n.name}\` | ${n.comment.replace(/\|/g, "\\|")} | ${sheetRef(spec.sheetName, n.row, n.col, "relative")} |`),
  );
  return ["| Name | What it holds | Cell |", "|---|---|---|", ...rows].join("\n");
}

/** The README's list: each sheet with the names its block defines, in insertion order. */
export function renderNamesList(): string {
  return buildAllBlocks()
    .filter((spec) => spec.names.length > 0)
    .map((spec) => `- **${spec.sheetName}**: ${spec.names.map((n) => `\`${n.name}\``).join(", ")}`)
    .join("\n");
}
