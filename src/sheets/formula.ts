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

function tokenize(formula: string): Token[] {
  if (!formula.startsWith("=")) fail(formula, 'a formula starts with "="');
  const src = formula.slice(1);
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ t: "number", value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= src.length) fail(formula, "a string is not closed");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += src[j++];
      }
      tokens.push({ t: "string", value: text });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const code = ERROR_CODES.find((c) => rest.toUpperCase().startsWith(c));
      if (!code) fail(formula, `unknown error literal at "${rest}"`);
      tokens.push({ t: "error", code });
      i += code.length;
      continue;
    }
    let sheet: string | undefined;
    let afterSheet = i;
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= src.length) fail(formula, "a quoted sheet name is not closed");
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += src[j++];
      }
      if (src[j + 1] !== "!") fail(formula, `the quoted sheet name '${name}' is not followed by "!"`);
      sheet = name;
      afterSheet = j + 2;
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
      tokens.push({ t: "ref", sheet, address: cell[0] });
      i = afterSheet + cell[0].length;
      continue;
    }
    if (sheet !== undefined) fail(formula, `"${sheet}!" is not followed by a cell address`);
    const ident = IDENT.exec(rest);
    if (ident) {
      const after = src.slice(i + ident[0].length).trimStart();
      tokens.push(after.startsWith("(") ? { t: "function", name: ident[0].toUpperCase() } : { t: "ident", name: ident[0] });
      i += ident[0].length;
      continue;
    }
    const op = ["<=", ">=", "<>"].find((o) => rest.startsWith(o)) ?? ("+-*/^&=<>%(),".includes(ch) ? ch : undefined);
    if (!op) fail(formula, `unexpected "${ch}"`);
    tokens.push({ t: "op", op });
    i += op.length;
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

/** Parses a formula (with its leading "=") into a tree. */
export function parseFormula(formula: string): FormulaNode {
  const tokens = tokenize(formula);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (tok: Token | undefined, op: string) => tok?.t === "op" && tok.op === op;
  const expect = (op: string) => {
    if (!isOp(peek(), op)) fail(formula, `expected "${op}"`);
    pos++;
  };

  function primary(): FormulaNode {
    const tok = tokens[pos++];
    if (!tok) fail(formula, "it ends too early");
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
      case "function": {
        expect("(");
        const args: FormulaNode[] = [];
        if (isOp(peek(), ")")) {
          pos++;
          return { kind: "call", fn: tok.name, args };
        }
        for (;;) {
          args.push(expression(0));
          if (isOp(peek(), ",")) {
            pos++;
            continue;
          }
          expect(")");
          return { kind: "call", fn: tok.name, args };
        }
      }
      case "op":
        if (tok.op === "(") {
          const inner = expression(0);
          expect(")");
          return inner;
        }
        return fail(formula, `unexpected "${tok.op}"`);
    }
  }

  function unary(): FormulaNode {
    const tok = peek();
    if (isOp(tok, "-") || isOp(tok, "+")) {
      pos++;
      return { kind: "unary", op: (tok as { op: "-" | "+" }).op, operand: unary() };
    }
    let node = primary();
    while (isOp(peek(), "%")) {
      pos++;
      node = { kind: "percent", operand: node };
    }
    return node;
  }

  function expression(minPrecedence: number): FormulaNode {
    let left = unary();
    for (;;) {
      const tok = peek();
      if (tok?.t !== "op") return left;
      const precedence = BINARY_PRECEDENCE[tok.op];
      if (precedence === undefined || precedence <= minPrecedence) return left;
      pos++;
      const right = expression(precedence);
      left = { kind: "binary", op: tok.op as BinaryOperator, left, right };
    }
  }

  const tree = expression(0);
  if (pos !== tokens.length) fail(formula, "it has extra text after the expression");
  return tree;
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
