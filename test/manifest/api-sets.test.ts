/**
 * Every Office API the add-in calls needs a requirement set ([Api set: …] in @types/office-js and
 * @types/custom-functions-runtime). Office offers the add-in only where the manifest's
 * <Requirements> hold, so each set must be declared there at that version or later, or checked
 * at run time with Office.context.requirements.isSetSupported before use.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { descendants, localName, parseXml } from "../../scripts/xml";
import { type ApiUse, scanProgram, uncovered } from "./api-sets";
import { compareVersions } from "../../src/versions";

const ROOT = path.resolve(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** name → MinVersion of the manifest's <Requirements><Sets>. */
function declaredSets(manifest: string): Map<string, string> {
  const root = parseXml(manifest);
  const requirements = root.children.find((c) => localName(c) === "Requirements");
  const sets = [...(requirements ? descendants(requirements) : [])].filter((e) => localName(e) === "Set");
  const fallback =
    [...(requirements ? descendants(requirements) : [])].find((e) => localName(e) === "Sets")?.attributes.DefaultMinVersion ?? "1.1";
  return new Map(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion ?? fallback]));
}

function listing(uses: readonly ApiUse[]): string[] {
  return [...new Set(uses.map((u) => `${u.api} [${u.set} ${u.version}]`))].sort();
}

describe("requirement sets of the Office APIs the add-in calls", () => {
  const files = sourceFiles(path.join(ROOT, "src"));
  const program = ts.createProgram(files, compilerOptions());
  const { uses, checks } = scanProgram(program, files, ROOT);
  const declared = declaredSets(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));

  test("finds the Office APIs of the writer, the functions and the pane", () => {
    const found = listing(uses);
    // Read off @types by hand: each of these is called in src/ and documented with this set.
    expect(found).toEqual(
      expect.arrayContaining([
        "CustomFunctions.Error [CustomFunctionsRuntime 1.2]",
        "CustomFunctions.ErrorCode.invalidValue [CustomFunctionsRuntime 1.3]",
        "Excel.Worksheet.getRanges [ExcelApi 1.9]",
      ]),
    );
    expect(found.some((f) => f.endsWith("[ExcelApi 1.18]"))).toBe(true);
  });

  test("the manifest declares CustomFunctionsRuntime 1.3 and ExcelApi 1.9", () => {
    expect(declared.get("CustomFunctionsRuntime")).toBe("1.3");
    expect(declared.get("ExcelApi")).toBe("1.9");
  });

  test("finds the runtime check of the notes API (ExcelApi 1.18) through isSupported(NOTES_API)", () => {
    expect(checks.map((c) => `${c.set} ${c.version}`)).toEqual(expect.arrayContaining(["ExcelApi 1.18"]));
  });

  // One test per API, so the report lists each with its set and where it is covered.
  const byApi = [...new Map(uses.map((u) => [`${u.api} [${u.set} ${u.version}]`, uses.filter((v) => v.api === u.api)])).entries()].sort(
    ([a], [b]) => a.localeCompare(b),
  );
  test.each(byApi)("%s is covered by the manifest or a runtime check", (_, apiUses) => {
    expect(uncovered(apiUses, declared, checks).map((u) => `${u.api} needs ${u.set} ${u.version} (${u.where})`)).toEqual([]);
  });

  test("flags a call above the manifest's sets that no runtime check covers", () => {
    const file = path.join(ROOT, "src", "excel", "api-set-probe.ts");
    const text = [
      "export async function probe(): Promise<void> {",
      "  await Excel.run(async (context) => {",
      "    context.workbook.worksheets.getActiveWorksheet().getRange('A1').getSpillingToRange();",
      "  });",
      "}",
    ].join("\n");
    const host = ts.createCompilerHost(compilerOptions());
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) => (path.resolve(name) === file ? ts.createSourceFile(name, text, version) : read(name, version));
    host.fileExists = (
      (exists) => (name: string) =>
        path.resolve(name) === file || exists(name)
    )(host.fileExists.bind(host));
    const probe = scanProgram(ts.createProgram([file], compilerOptions(), host), [file], ROOT);
    expect(uncovered(probe.uses, declared, probe.checks).map((u) => `${u.api} [${u.set} ${u.version}] ${u.where}`)).toEqual([
      "Excel.Range.getSpillingToRange [ExcelApi 1.12] src/excel/api-set-probe.ts:3",
    ]);
    expect(uncovered(probe.uses, declared, [{ set: "ExcelApi", version: "1.12", where: "test" }])).toEqual([]);
  });

  test("compares versions part by part", () => {
    expect([compareVersions("1.18", "1.9"), compareVersions("1.9", "1.18"), compareVersions("1.3", "1.3.0")]).toEqual([1, -1, 0]);
  });
});
