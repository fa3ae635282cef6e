/**
 * Which Office APIs a program calls, with the requirement set each belongs to, read the way a
 * developer reads them: the `[Api set: ExcelApi 1.9]` line of the member's documentation in
 * @types/office-js or @types/custom-functions-runtime. Also which sets the program checks at run
 * time with `Office.context.requirements.isSetSupported(name, version)`, following a version that
 * arrives through a parameter one call up (`isSupported(NOTES_API)`).
 *
 * Only expressions count (property reads, calls, `new`, enum members): a type annotation such as
 * `Excel.Worksheet` runs nothing. Properties named only inside a `load("a,b/c")` string are not
 * seen; the code reads each loaded property afterwards, and that read is seen.
 */
import * as path from "path";
import * as ts from "typescript";
import { compareVersions } from "../../src/versions";

export interface ApiUse {
  /** "Excel.Workbook.getSelectedRange", "CustomFunctions.ErrorCode". */
  readonly api: string;
  readonly set: string;
  readonly version: string;
  /** "src/excel/index.ts:123". */
  readonly where: string;
}

export interface RuntimeCheck {
  readonly set: string;
  readonly version: string;
  readonly where: string;
}

const OFFICE_TYPES = /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;
const API_SET = /\[Api set: ([A-Za-z]+) (\d+(?:\.\d+)*)/;

function apiSetOf(declaration: ts.Declaration): { set: string; version: string } | null {
  const source = declaration.getSourceFile();
  if (!OFFICE_TYPES.test(source.fileName)) return null;
  // The doc comment sits before the declaration's first token (after `export`, `readonly`...).
  const comments = ts.getLeadingCommentRanges(source.text, declaration.getFullStart()) ?? [];
  for (const range of comments.reverse()) {
    const match = API_SET.exec(source.text.slice(range.pos, range.end));
    if (match) return { set: match[1], version: match[2] };
  }
  return null;
}

function qualifiedName(checker: ts.TypeChecker, declaration: ts.Declaration): string {
  const symbol = (declaration as { symbol?: ts.Symbol }).symbol;
  return symbol ? checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "") : declaration.getText().slice(0, 40);
}

function where(root: string, node: ts.Node): string {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${path.relative(root, source.fileName).split(path.sep).join("/")}:${line + 1}`;
}

/**
 * The declarations an expression uses, most specific first: the overload a call resolves to, then
 * the symbol's own (a constructor has no [Api set] line; its class has).
 */
function declarationsOf(checker: ts.TypeChecker, node: ts.PropertyAccessExpression): ts.Declaration[] {
  const parent = node.parent;
  const found: ts.Declaration[] = [];
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) {
    const resolved = checker.getResolvedSignature(parent)?.declaration;
    if (resolved && !ts.isJSDocSignature(resolved)) found.push(resolved);
  }
  return [...found, ...(checker.getSymbolAtLocation(node.name)?.declarations ?? [])];
}

function literalText(checker: ts.TypeChecker, node: ts.Expression): string | null {
  const type = checker.getTypeAtLocation(node);
  if (type.isStringLiteral()) return type.value;
  if (type.isNumberLiteral()) return String(type.value);
  return null;
}

/** Every Office API use and every isSetSupported check in `files` of `program`. */
export function scanProgram(program: ts.Program, files: readonly string[], root: string): { uses: ApiUse[]; checks: RuntimeCheck[] } {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  const checks: RuntimeCheck[] = [];
  const calls: ts.CallExpression[] = [];
  const pending: { set: string; parameter: ts.ParameterDeclaration; at: ts.Node }[] = [];

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) calls.push(node);
    if (ts.isPropertyAccessExpression(node)) {
      for (const declaration of declarationsOf(checker, node)) {
        const apiSet = apiSetOf(declaration);
        if (!apiSet) continue;
        uses.push({ api: qualifiedName(checker, declaration), ...apiSet, where: where(root, node) });
        break;
      }
      if (node.name.text === "isSetSupported" && ts.isCallExpression(node.parent) && node.parent.arguments.length >= 1) {
        const [nameArg, versionArg] = node.parent.arguments;
        const set = literalText(checker, nameArg);
        const version = versionArg ? literalText(checker, versionArg) : "1.1";
        if (set !== null && version !== null) checks.push({ set, version, where: where(root, node) });
        else if (set !== null && versionArg && ts.isIdentifier(versionArg)) {
          const parameter = checker.getSymbolAtLocation(versionArg)?.valueDeclaration;
          if (parameter && ts.isParameter(parameter)) pending.push({ set, parameter, at: node });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not part of the program`);
    visit(source);
  }
  // A version passed through a parameter: the literal arguments at each call of that function.
  for (const p of pending) {
    const fn = p.parameter.parent as ts.SignatureDeclaration;
    const index = fn.parameters.indexOf(p.parameter);
    for (const call of calls) {
      if (checker.getResolvedSignature(call)?.declaration !== fn || call.arguments.length <= index) continue;
      const version = literalText(checker, call.arguments[index]);
      if (version !== null) checks.push({ set: p.set, version, where: where(root, call) });
    }
  }
  return { uses, checks };
}

/**
 * The uses neither the manifest (`declared`: set name → MinVersion of its <Requirements>) nor a
 * runtime check of the same set at that version or later covers.
 */
export function uncovered(uses: readonly ApiUse[], declared: ReadonlyMap<string, string>, checks: readonly RuntimeCheck[]): ApiUse[] {
  return uses.filter((use) => {
    const manifest = declared.get(use.set);
    if (manifest !== undefined && compareVersions(manifest, use.version) >= 0) return false;
    return !checks.some((c) => c.set === use.set && compareVersions(c.version, use.version) >= 0);
  });
}
