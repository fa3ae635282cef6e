/**
 * DEAL.CARD's value: a figure as an Excel entity value (data types, ExcelApi 1.16), whose card
 * shows the claim with every caveat and names the source as its attribution, where the host lets
 * custom functions return data types; the plain number elsewhere. The shape is
 * Excel.EntityCellValue from @types/office-js, checked here by the compiler and by a test; see
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-entity-card and
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 */
import { figureValue } from "../calc/figure-fields";
import { formatAsOf, formatClaim } from "../figures/format";
import { datasetInUse } from "../figures/in-use";
import { findFigureIn, findSourceIn, isLookupError } from "../figures/lookup";
import { tierText } from "../figures/provenance";

/** The card's properties, in the order its one section lists them. */
export const CARD_PROPERTIES = ["Value", "Qualifier", "Status", "As of", "Source", "Quote", "Comment"] as const;

const text = (basicValue: string): Excel.StringCellValue => ({ type: "String", basicValue });

/**
 * The entity of the figure with this id, or undefined for an unknown id. Its cell shows the
 * label and the claim ("OpenAI valuation implied by the round: approximately $830B"); an entity's
 * own basic value is always #VALUE! in formulas, so the number is its Value property (=A1.Value).
 */
export function figureEntity(id: string): Excel.EntityCellValue | undefined {
  const figure = findFigureIn(datasetInUse(), id);
  if (isLookupError(figure)) return undefined;
  const source = findSourceIn(datasetInUse(), figure.sourceId);
  const value = figureValue(figure);
  const valueCell: Excel.DoubleCellValue | Excel.FormattedNumberCellValue =
    figure.unit === "date"
      ? { type: "FormattedNumber", basicValue: value, numberFormat: "yyyy-mm-dd" }
      : { type: "Double", basicValue: value };
  const sourceText = source ? `${source.title} (${tierText(source)})` : figure.sourceId;
  const properties: Record<(typeof CARD_PROPERTIES)[number], Excel.EntityPropertyType> = {
    Value: valueCell,
    Qualifier: text(figure.qualifier),
    Status: text(figure.status),
    "As of": text(formatAsOf(figure)),
    Source: text(sourceText),
    Quote: text(figure.quote),
    Comment: text(figure.comment),
  };
  return {
    type: "Entity",
    text: `${figure.label}: ${formatClaim(figure)}`,
    properties,
    layouts: {
      card: {
        title: `${figure.label}: ${formatClaim(figure)}`,
        sections: [{ layout: "List", properties: [...CARD_PROPERTIES] }],
      },
    },
    provider: { description: sourceText },
  };
}

/**
 * Custom functions return data types from CustomFunctionsRuntime 1.4 on
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets:
 * "1.4 includes custom functions integration with data types"). ExcelApi 1.16 is not the test:
 * perpetual Office (2024 LTSC among them) has it without CustomFunctionsRuntime 1.4.
 */
export const DATA_TYPES_RUNTIME = { set: "CustomFunctionsRuntime", version: "1.4" } as const;

/** Whether this host shows a custom function's entity values; false without Office (a JavaScript-only runtime may lack it). */
export function dataTypesSupported(): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported(DATA_TYPES_RUNTIME.set, DATA_TYPES_RUNTIME.version) === true
    );
  } catch {
    return false;
  }
}

/** DEAL.CARD: each id's value, replaced by the figure's entity where the host shows data types. */
export function cards(values: unknown[][], ids: unknown): unknown[][] {
  if (!dataTypesSupported()) return values;
  // One parameter, so the result has the shape of the ids.
  const grid = (Array.isArray(ids) ? ids : [[ids]]) as unknown[][];
  return values.map((row, i) => row.map((value, j) => (typeof value === "number" ? (figureEntity(String(grid[i][j])) ?? value) : value)));
}
