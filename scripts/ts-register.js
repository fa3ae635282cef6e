"use strict";
/**
 * Lets Node scripts (bench, workbook) require the TypeScript sources directly: each .ts file is
 * transpiled on load with the project's compiler, without type checking (npm test and the build
 * do that). Faster to start than a full `tsc` run, and nothing is written to disk.
 */
const fs = require("fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
