/**
 * Checks a value against figures/figures.schema.json, so the schema stays the one description of
 * the file's shape. Only the keywords that schema uses are understood, and an unknown keyword is
 * an error rather than silently ignored. Hand-written because the pane's Content-Security-Policy
 * forbids the eval a schema compiler needs.
 */

export interface SchemaNode {
  readonly [keyword: string]: unknown;
}

/** A place in the checked value ("figures[3].value") and what is wrong there. */
export interface SchemaViolation {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const ANNOTATIONS = new Set(["$schema", "$id", "title", "description"]);
const KNOWN = new Set([
  ...ANNOTATIONS,
  "$defs",
  "$ref",
  "type",
  "enum",
  "pattern",
  "minLength",
  "maxLength",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const match = /^#\/\$defs\/([A-Za-z]+)$/.exec(ref);
  const defs = root.$defs as Record<string, SchemaNode> | undefined;
  const target = match && defs ? defs[match[1]] : undefined;
  if (!target) throw new Error(`The figures schema refers to ${ref}, which it does not define.`);
  return target;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function checkScalar(node: SchemaNode, value: unknown): string | undefined {
  const types = node.type === undefined ? undefined : ([] as unknown[]).concat(node.type);
  if (types && !types.includes(typeOf(value))) return `must be ${types.join(" or ")}, not ${typeOf(value)}`;
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return `must be one of ${node.enum.map(show).join(", ")}; got ${show(value)}`;
  if (typeof value !== "string") return undefined;
  const length = [...value].length;
  if (typeof node.minLength === "number" && length < node.minLength) return `must not be shorter than ${node.minLength} characters`;
  if (typeof node.maxLength === "number" && length > node.maxLength)
    return `must not be longer than ${node.maxLength} characters (it has ${length})`;
  if (typeof node.pattern === "string" && !new RegExp(node.pattern, "u").test(value))
    return `must match ${node.pattern}; got ${show(value.slice(0, 60))}`;
  return undefined;
}

function walk(root: SchemaNode, raw: SchemaNode, value: unknown, path: (string | number)[], out: SchemaViolation[]): void {
  const node = resolve(root, raw);
  for (const keyword of Object.keys(node)) {
    if (!KNOWN.has(keyword)) throw new Error(`The figures schema uses the keyword "${keyword}", which its checker does not understand.`);
  }
  const problem = checkScalar(node, value);
  if (problem) {
    out.push({ path, message: problem });
    return;
  }
  if (Array.isArray(value)) {
    if (typeof node.minItems === "number" && value.length < node.minItems)
      out.push({ path, message: `must hold at least ${node.minItems} items` });
    if (typeof node.maxItems === "number" && value.length > node.maxItems) {
      out.push({ path, message: `must hold at most ${node.maxItems} items (it has ${value.length})` });
      return;
    }
    if (node.items) value.forEach((item, i) => walk(root, node.items as SchemaNode, item, [...path, i], out));
    return;
  }
  if (typeOf(value) !== "object") return;
  const record = value as Record<string, unknown>;
  const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
  for (const key of (node.required ?? []) as string[]) {
    if (!(key in record)) out.push({ path: [...path, key], message: "is missing" });
  }
  for (const [key, inner] of Object.entries(record)) {
    if (key in properties) walk(root, properties[key], inner, [...path, key], out);
    else if (node.additionalProperties === false) out.push({ path: [...path, key], message: "is not a field of the figures file" });
  }
}

/** Every place where `value` breaks `schema`, in document order; empty when it conforms. */
export function schemaViolations(schema: SchemaNode, value: unknown): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  walk(schema, schema, value, [], out);
  return out;
}
