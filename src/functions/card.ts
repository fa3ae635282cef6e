/**
 * DEAL.CARD's value: a figure as an Excel entity value (data types, ExcelApi 1.16), whose card
 * shows the claim with every caveat and names the source as its attribution. The shape is
 * Excel.EntityCellValue from @types/office-js, checked here by the compiler and by a test; see
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-entity-card and
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 * Pure: only types come from Office.
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
