/**
 * functions.json, the custom functions' metadata, generated from the catalog (the build emits it;
 * see webpack.config.js). The shape is Microsoft's, as its JSDoc generator writes it: every
 * parameter `any` of dimensionality `matrix`, so Excel passes cells and ranges as they are.
 * allowCustomDataForDataTypeAny lets DEAL.CARD return an entity value; see
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json and
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 * Pure: the base URL comes in as an argument.
 */
import { CATALOG, HELP_PAGE, paramDescription, type FunctionSpec } from "../calc/catalog";

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly helpUrl: string;
  readonly parameters: readonly { name: string; description: string; type: "any"; dimensionality: "matrix"; optional?: true }[];
  readonly result: { readonly dimensionality: "matrix" };
}

function functionMetadata(spec: FunctionSpec, baseUrl: string): FunctionMetadata {
  return {
    id: spec.name,
    name: spec.name,
    description: spec.summary,
    helpUrl: `${baseUrl}/${HELP_PAGE}#${spec.name}`,
    parameters: spec.params.map((p) => ({
      name: p.name,
      description: paramDescription(p),
      type: "any",
      dimensionality: "matrix",
      ...(p.optional ? { optional: true as const } : {}),
    })),
    result: { dimensionality: "matrix" },
  };
}

/** functions.json for an add-in served from `baseUrl` (https, no trailing slash). */
export function functionsMetadata(baseUrl: string): { allowCustomDataForDataTypeAny: true; functions: FunctionMetadata[] } {
  return { allowCustomDataForDataTypeAny: true, functions: CATALOG.map((spec) => functionMetadata(spec, baseUrl)) };
}
