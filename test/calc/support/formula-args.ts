/**
 * The arguments of a formula with literal values, as Excel passes them to a custom function:
 * numbers, text in quotes, and array constants as grids. For the catalog's examples and the
 * docs' error examples, which tests run through `evaluate`.
 */
/** One literal as Excel reads it: text in quotes, a number, or an array constant ({1;2} a column, {1,2} a row). */
export function literal(text: string): unknown {
  const a = text.trim();
  if (a.startsWith('"')) return a.slice(1, -1);
  if (!a.startsWith("{")) return Number(a);
  return a
    .slice(1, -1)
    .split(";")
    .map((row) => row.split(",").map(literal));
}

/** Splits an example formula's arguments at the commas outside braces. */
export function exampleArgs(formula: string): unknown[] {
  const inside = /\((.*)\)$/.exec(formula)![1];
  if (inside.trim() === "") return [];
  const args: string[] = [""];
  let depth = 0;
  for (const ch of inside) {
    if (ch === "{" || ch === "}") depth += ch === "{" ? 1 : -1;
    if (ch === "," && depth === 0) args.push("");
    else args[args.length - 1] += ch;
  }
  return args.map(literal);
}
