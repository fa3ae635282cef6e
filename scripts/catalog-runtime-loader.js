"use strict";
/**
 * webpack loader for src/calc/catalog.ts where functions.js imports it: only what the runtime
 * needs (each function's name, its parameters' names and kinds, whether it takes a series, the FIGURE fields), read from
 * the catalog itself, so the one description stays one while its prose (help text, examples)
 * stays out of the functions bundle. The pane and the build's rendered assets get the full file.
 */
module.exports = function catalogRuntime() {
  this.cacheable(true);
  require("./ts-register.js");
  delete require.cache[this.resourcePath];
  const { CATALOG, FIGURE_FIELDS, NAMESPACE } = require(this.resourcePath);
  const runtime = CATALOG.map((spec) => ({
    name: spec.name,
    params: spec.params.map((p) => ({ name: p.name, kind: p.kind })),
    ...(spec.series ? { series: true } : {}),
  }));
  return [
    `export const NAMESPACE = ${JSON.stringify(NAMESPACE)};`,
    `export const FIGURE_FIELDS = ${JSON.stringify(FIGURE_FIELDS)};`,
    `export const CATALOG = ${JSON.stringify(runtime)};`,
    "",
  ].join("\n");
};
