/**
 * Each sheet's own (sheet-scoped) names, which Insert and the update read because Workbook.names
 * lists workbook-scope names only (OfficeDev/office-js#1011) and Excel refuses a table name any
 * name has. The documented way to read them is each sheet's Worksheet.names [ExcelApi 1.4]
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member).
 * Loading them inside the sheets' own query saves a sync, but no page says Excel fills a
 * collection inside a collection query (WorksheetLoadOptions lists no `names`), so when the query
 * comes back without them they are read sheet by sheet, in one sync more.
 */

/** Loads each sheet's own names along with the sheets (OfficeExtension.LoadOption, "items/…/items/…"). */
export const SHEET_NAMES_LOAD = "items/names/items/name,items/names/items/scope";

const OWN_NAMES = "items/name,items/scope";

/**
 * A sheet's own names from its loaded list. Excel on the web has listed the workbook's names
 * among a sheet's too (OfficeDev/office-js#1011): the scope keeps the sheet's own.
 */
function ownNames(names: Excel.NamedItemCollection): string[] {
  return names.items.filter((n) => n.scope === "Worksheet").map((n) => n.name);
}

/** The sheet's own names as the sheets' query loaded them, or null when the host left them out. */
function loadedOwnNames(sheet: Excel.Worksheet): string[] | null {
  try {
    return ownNames(sheet.names);
  } catch (err) {
    if ((err as { code?: unknown }).code === "PropertyNotLoaded") return null;
    throw err;
  }
}

/**
 * Every sheet's own names by sheet name, once `sheets` was loaded with SHEET_NAMES_LOAD and
 * synced; the sheets whose names did not come back are read through Worksheet.names in one sync.
 */
export async function sheetScopedNames(context: Excel.RequestContext, sheets: Excel.WorksheetCollection): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const missing: Excel.Worksheet[] = [];
  for (const sheet of sheets.items) {
    const own = loadedOwnNames(sheet);
    if (own) found.set(sheet.name, own);
    else missing.push(sheet);
  }
  if (missing.length === 0) return found;
  const lists = missing.map((sheet) => sheet.names.load(OWN_NAMES));
  await context.sync();
  missing.forEach((sheet, i) => found.set(sheet.name, ownNames(lists[i])));
  return found;
}
