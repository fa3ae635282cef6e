/**
 * A parser for the subset of Excel formulas the blocks use: numbers, strings, booleans, error
 * literals, cell references (same sheet or sheet-qualified, with or without "$"), workbook
 * names, function calls, unary minus and plus, the postfix %, and the binary operators
 * ^ * / + - & = <> < > <= >= with Excel's precedence (unary minus binds tighter than ^, so
 * -2^2 is 4; every binary operator is left-associative, so 2^3^2 is 64).
 *
 * Anything else (ranges, arrays, structured references) is a builder bug: it throws an Error
 * that names the formula.
 */
import { parseA1 } from "./a1";

export const ERROR_CODES = Object.freeze(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"] as const);
export type ErrorCode = (typeof ERROR_CODES)[number];

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type FormulaNode =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly code: ErrorCode }
  | { readonly kind: "ref"; readonly sheet?: string; readonly row: number; readonly col: number }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly FormulaNode[] }
  | { readonly kind: "unary"; readonly op: "-" | "+"; readonly operand: FormulaNode }
  | { readonly kind: "percent"; readonly operand: FormulaNode }
  | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode };

type Token =
  | { readonly t: "number"; readonly value: number }
  | { readonly t: "string"; readonly value: string }
  | { readonly t: "error"; readonly code: ErrorCode }
  | { readonly t: "ref"; readonly sheet?: string; readonly address: string }
  | { readonly t: "ident"; readonly name: string }
  | { readonly t: "function"; readonly name: string }
  | { readonly t: "op"; readonly op: string };

const CELL = /^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?![A-Za-z0-9_.(!])/;
const IDENT = /^[A-Za-z_\\][A-Za-z0-9_.]*/;
const NUMBER = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;

function fail(formula: string, why: string): never {
  throw new Error(`Formula ${formula} is outside the supported subset: ${why}.`);
}

/**
 * The text between `quote` at src[start] and its closing quote, a doubled quote standing for one,
 * and the index after the closing quote.
 */
function readQuoted(formula: string, src: string, start: number, quote: string, what: string): [string, number] {
  let j = start + 1;
  let text = "";
  for (;;) {
    if (j >= src.length) fail(formula, `${what} is not closed`);
    if (src[j] === quote) {
      if (src[j + 1] !== quote) return [text, j + 1];
      text += quote;
      j += 2;
      continue;
    }
    text += src[j++];
  }
}

/** A cell reference at src[i] ('Sheet'!A1, Sheet!A1 or A1) and the index after it, or null. */
function readReference(formula: string, src: string, i: number): [Token, number] | null {
  const rest = src.slice(i);
  let sheet: string | undefined;
  let afterSheet = i;
  if (src[i] === "'") {
    const [name, end] = readQuoted(formula, src, i, "'", "a quoted sheet name");
    if (src[end] !== "!") fail(formula, `the quoted sheet name '${name}' is not followed by "!"`);
    sheet = name;
    afterSheet = end + 1;
  } else {
    const qualified = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(rest);
    if (qualified) {
      sheet = qualified[1];
      afterSheet = i + qualified[0].length;
    }
  }
  const cell = CELL.exec(src.slice(afterSheet));
  if (cell) {
    if (src[afterSheet + cell[0].length] === ":") fail(formula, "ranges (A1:B2) are not supported");
    return [{ t: "ref", sheet, address: cell[0] }, afterSheet + cell[0].length];
  }
  if (sheet !== undefined) fail(formula, `"${sheet}!" is not followed by a cell address`);
  return null;
}

/** The token at src[i] and the index after it. */
function readToken(formula: string, src: string, i: number): [Token, number] {
  const rest = src.slice(i);
  const ch = src[i];
  const number = NUMBER.exec(rest);
  if (number) return [{ t: "number", value: Number(number[0]) }, i + number[0].length];
  if (ch === '"') {
    const [text, end] = readQuoted(formula, src, i, '"', "a string");
    return [{ t: "string", value: text }, end];
  }
  if (ch === "#") {
    const code = ERROR_CODES.find((c) => rest.toUpperCase().startsWith(c));
    if (!code) fail(formula, `unknown error literal at "${rest}"`);
    return [{ t: "error", code }, i + code.length];
  }
  const reference = readReference(formula, src, i);
  if (reference) return reference;
  const ident = IDENT.exec(rest);
  if (ident) {
    const after = src.slice(i + ident[0].length).trimStart();
    return [after.startsWith("(") ? { t: "function", name: ident[0].toUpperCase() } : { t: "ident", name: ident[0] }, i + ident[0].length];
  }
  const op = ["<=", ">=", "<>"].find((o) => rest.startsWith(o)) ?? ("+-*/^&=<>%(),".includes(ch) ? ch : undefined);
  if (!op) fail(formula, `unexpected "${ch}"`);
  return [{ t: "op", op }, i + op.length];
}

function tokenize(formula: string): Token[] {
  if (!formula.startsWith("=")) fail(formula, 'a formula starts with "="');
  const src = formula.slice(1);
  const tokens: Token[] = [];
  for (let i = 0; i < src.length;) {
    if (/\s/.test(src[i])) {
      i++;
      continue;
    }
    const [token, next] = readToken(formula, src, i);
    tokens.push(token);
    i = next;
  }
  return tokens;
}

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

/** A recursive-descent parser over one formula's tokens, by precedence climbing. */
class Parser {
  private pos = 0;

  constructor(
    private readonly formula: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(tok: Token | undefined, op: string): boolean {
    return tok?.t === "op" && tok.op === op;
  }

  private expect(op: string): void {
    if (!this.isOp(this.peek(), op)) fail(this.formula, `expected "${op}"`);
    this.pos++;
  }

  whole(): FormulaNode {
    const tree = this.expression(0);
    if (this.pos !== this.tokens.length) fail(this.formula, "it has extra text after the expression");
    return tree;
  }

  private call(fn: string): FormulaNode {
    this.expect("(");
    const args: FormulaNode[] = [];
    if (this.isOp(this.peek(), ")")) {
      this.pos++;
      return { kind: "call", fn, args };
    }
    for (;;) {
      args.push(this.expression(0));
      if (!this.isOp(this.peek(), ",")) break;
      this.pos++;
    }
    this.expect(")");
    return { kind: "call", fn, args };
  }

  private primary(): FormulaNode {
    const tok = this.tokens[this.pos++];
    if (!tok) fail(this.formula, "it ends too early");
    switch (tok.t) {
      case "number":
        return { kind: "number", value: tok.value };
      case "string":
        return { kind: "string", value: tok.value };
      case "error":
        return { kind: "error", code: tok.code };
      case "ref": {
        const { row, col } = parseA1(tok.address);
        return tok.sheet === undefined ? { kind: "ref", row, col } : { kind: "ref", sheet: tok.sheet, row, col };
      }
      case "ident": {
        const upper = tok.name.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };
        return { kind: "name", name: tok.name };
      }
      case "function":
        return this.call(tok.name);
      case "op":
        if (tok.op !== "(") return fail(this.formula, `unexpected "${tok.op}"`);
        {
          const inner = this.expression(0);
          this.expect(")");
          return inner;
        }
    }
  }

  private unary(): FormulaNode {
    const tok = this.peek();
    if (this.isOp(tok, "-") || this.isOp(tok, "+")) {
      this.pos++;
      return { kind: "unary", op: (tok as { op: "-" | "+" }).op, operand: this.unary() };
    }
    let node = this.primary();
    while (this.isOp(this.peek(), "%")) {
      this.pos++;
      node = { kind: "percent", operand: node };
    }
    return node;
  }

  private expression(minPrecedence: number): FormulaNode {
    let left = this.unary();
    for (;;) {
      const tok = this.peek();
      if (tok?.t !== "op") return left;
      const precedence = BINARY_PRECEDENCE[tok.op];
      if (precedence === undefined || precedence <= minPrecedence) return left;
      this.pos++;
      const right = this.expression(precedence);
      left = { kind: "binary", op: tok.op as BinaryOperator, left, right };
    }
  }
}

/** Parses a formula (with its leading "=") into a tree. */
export function parseFormula(formula: string): FormulaNode {
  return new Parser(formula, tokenize(formula)).whole();
}

/** Every node of a tree, depth first. */
export function walk(node: FormulaNode, visit: (node: FormulaNode) => void): void {
  visit(node);
  if (node.kind === "call") node.args.forEach((a) => walk(a, visit));
  else if (node.kind === "unary" || node.kind === "percent") walk(node.operand, visit);
  else if (node.kind === "binary") {
    walk(node.left, visit);
    walk(node.right, visit);
  }
}

/** The functions a formula calls, upper case, each once, in order of appearance. */
export function functionsIn(formula: string): string[] {
  const found: string[] = [];
  walk(parseFormula(formula), (n) => {
    if (n.kind === "call" && !found.includes(n.fn)) found.push(n.fn);
  });
  return found;
}

/** The workbook names a formula reads, each once, in order of appearance. */
export function namesIn(formula: string): string[] {
  const found: string[] = [];
  walk(parseFormula(formula), (n) => {
    if (n.kind === "name" && !found.includes(n.name)) found.push(n.name);
  });
  return found;
}
