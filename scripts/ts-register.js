"use strict";
/**
 * Lets Node scripts (bench, workbook, figures:check) require the TypeScript sources directly: each
 * .ts file is transpiled on load with the project's compiler, without type checking (npm test and
 * the build do that). Faster to start than a full `tsc` run.
 *
 * Each transpiled file is kept in node_modules/.cache/deal-desk-ts, under a hash of the compiler's
 * version, its options, the file's path and its text, so a script started again loads plain
 * JavaScript and the compiler is not even loaded (1.4 s to about 0.3 s a start; the tests start
 * these scripts some twenty times). A changed file has a new hash; a cache that cannot be written
 * is skipped.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const compilerOptions = {
  module: "CommonJS",
  target: "ES2020",
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

const CACHE_DIR = path.join(__dirname, "..", "node_modules", ".cache", "deal-desk-ts");
const KEY = JSON.stringify([require("typescript/package.json").version, compilerOptions]);

let ts = null;

function transpile(source, filename) {
  ts = ts ?? require("typescript");
  const options = {
    ...compilerOptions,
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
  };
  return ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
}

function cached(source, filename) {
  const hash = crypto.createHash("sha256").update(KEY).update("\0").update(filename).update("\0").update(source).digest("hex");
  const file = path.join(CACHE_DIR, `${hash}.js`);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    const output = transpile(source, filename);
    try {
      // Written whole, then renamed: another process reading it at the same moment never sees half a file.
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, output);
      fs.renameSync(temporary, file);
    } catch {
      // A read-only node_modules: transpile every time.
    }
    return output;
  }
}

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  module._compile(cached(fs.readFileSync(filename, "utf8"), filename), filename);
};
