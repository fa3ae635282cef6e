/**
 * A fake Excel host for tests: the part of the Office.js object model the add-in uses, with the
 * rules that make real add-ins fail (load before read, writes queued until `context.sync()`,
 * errors at sync time). Plain TypeScript, no Node imports: it is bundled into the pane's browser
 * tests too.
 *
 * ## Setting up
 *   const wb = new FakeWorkbook({ apiVersion: 18, sheets: ["Sheet1"] });
 *   installFakeOffice(globalThis, wb);      // sets Office, Excel, OfficeExtension on the target
 *   installFakeOffice(globalThis, wb, { CustomFunctionsRuntime: 4 })   // other requirement sets it reports
 *   await Excel.run(async (context) => { ... });   // what the batch leaves queued is synced at its end
 *   (test/real-client/install.ts: installRealClient(globalThis, wb) runs Excel's real client on the same workbook)
 *   wb.syncCount                            // context.sync() calls so far (all runs)
 *   wb.syncLog                              // one SyncRecord per sync (see below)
 *   wb.snapshot()                           // plain data: see WorkbookSnapshot
 *
 * ## Acting as the user (applied at once, no sync, no protection check; refused, with nothing
 * ## changed, where Excel refuses it: a FakeOfficeError with the code named below)
 *   wb.addSheet(name, { visibility?, protected? })    wb.protectSheet(name, on = true)
 *   wb.setCell(sheet, "B3", input)   input is what the user types: a number, boolean, text
 *                                    ("=A1*2" becomes a formula, "'=x" the text "=x", "12" a number)
 *                                    or { formula: "=A1" }; null clears the cell
 *   wb.setNumberFormat(sheet, "B3" | "B3:C4", "0.00%")   wb.setFill(sheet, "B5", "#FFFF00" | null)
 *   wb.setBold(sheet, "B5", on = true)
 *   wb.addName(name, sheet, "B3", comment?)          Name Manager › New (ItemAlreadyExists for a name in use)
 *   wb.repointName(name, sheet, "B3")                Name Manager › Refers to: comment and visibility kept
 *   wb.deleteName(name)                              Name Manager › Delete (formulas keep the name's text)
 *   wb.select(sheet, "B3" | "B3:C4")                 wb.cell(sheet, "B3") → FakeCell | undefined
 *   wb.protectStructure(on = true)
 *   wb.failNextSync(code, message, skip = 0)         the next sync (after `skip` more) rejects with that error
 *   wb.apiVersion = 4                                the host supports ExcelApi 1.1 … 1.4 only
 *   wb.insertRows / deleteRows / insertColumns / deleteColumns(sheet, at, count = 1)
 *   wb.insertCells(sheet, "A5:J5", "down" | "right") Insert Cells: only those columns' (rows') cells shift
 *   wb.insertTableRows(table, index, count = 1)      Insert Table Rows Above body row `index` (the row count: at the end)
 *   wb.addTableColumn(table, header) → header        a column at the table's right ("Units" → "Units2" if taken)
 *   wb.renameSheet(from, to)   wb.deleteSheet(name)   wb.copySheet(name, before?) → "Name (2)"
 *   wb.moveSheet(name, position)                     a tab dragged to another place (Worksheet.position)
 *   wb.copyCell(sheet, "B3", sheet, "D7")   wb.moveCells(sheet, "A1:B4", sheet, "D7")   (cut and paste)
 *   wb.sortTable(table, column, descending = false)  wb.setNote(sheet, "B3", text | null)
 *   wb.setTableTotals(table, on = true)              Table Design › Total Row (the table's last row; new rows go above it)
 *   typeAsUser(wb, sheet, "B3", input)   typing checked by the cell's data validation (a Stop alert refuses it)
 * Refusals (edits.ts): a shift (inserted cells, rows or columns, table rows and columns) that
 * would move part of a table: InsertDeleteConflict; or push a non-empty cell off the sheet:
 * NonBlankCellOffSheet. A cut and paste may take a table whole or cells inside its body, and land
 * on a table whole (which goes) or inside its body; anything else that changes part of a table:
 * InvalidOperation; a table it carries onto another: MergedRangeConflict.
 *
 * ## The object model (requirement set in brackets; a call above `apiVersion` fails at sync
 * with code "ApiNotFound")
 *   context.sync(), context.workbook, context.application
 *   application.suspendApiCalculationUntilNextSync() [1.6], suspendScreenUpdatingUntilNextSync() [1.9]
 *   workbook.worksheets: add(name) [1.1], getItem(name), getItemOrNullObject(name) [1.4],
 *     getActiveWorksheet(), load("items/name,…")
 *   worksheet: id, name (rw), position, visibility (rw "Visible" | "Hidden" | "VeryHidden") [1.7],
 *     protection.protected / protect() / unprotect() [1.2], getRange(address?), getRanges("A1,B2:C3") [1.9],
 *     getRangeByIndexes(r, c, rows, cols) [1.7], getUsedRange(valuesOnly?), getUsedRangeOrNullObject() [1.4],
 *     activate(), delete(), tables, charts, notes [1.18],
 *     pageLayout.{orientation, zoom, setPrintArea(), setPrintTitleRows()} [1.9]
 *   range: address, rowIndex, columnIndex, rowCount, columnCount, values, valuesAsJson [1.16], formulas, numberFormat
 *     (2-D arrays; null in an input array leaves that cell unchanged; "" clears), insert("Down" |
 *     "Right") [1.1] (the cells of its columns or rows shift), delete("Up" | "Left") (whole lines), getCell(r, c),
 *     getResizedRange(dr, dc), getOffsetRange(dr, dc), getUsedRange(valuesOnly?),
 *     getUsedRangeOrNullObject(), worksheet, format.{font.{bold, italic, color}, fill.color,
 *     columnWidth (points, rw) [1.2], rowHeight (points) [1.2], wrapText, horizontalAlignment}, format.autofitColumns(),
 *     dataValidation.{rule, prompt, errorAlert, ignoreBlanks, type, valid, clear()} [1.8]
 *   rangeAreas (from getRanges): address, format.{font, fill} as on a range
 *   workbook.getSelectedRange(), workbook.protection.protected [1.7]
 *   workbook.names: add(name, Range | "=Sheet!$A$1", comment?) [1.4 with comment],
 *     getItem(name), getItemOrNullObject(name) [1.4], load("items/name,…");
 *     namedItem: name, type, value, formula, comment (rw), visible, getRange(), delete()
 *   workbook.tables / worksheet.tables: add(Range | "Sheet!A1:C4", hasHeaders), getItemOrNullObject(name);
 *     table: name (rw), id, getRange(), columns (items/name), rows.add(index?, values?, alwaysInsert?)
 *     [1.1; several rows 1.4; alwaysInsert 1.15] (rows inserted at body row `index`, null or -1 at
 *     the end; the cells below shift down in the table's columns), columns.add(index?, values?, name?)
 *     [1.1; name 1.4] (the cells right of it shift right in the table's rows)
 *   worksheet.charts: add(type, Range, seriesBy?); chart: name (rw), chartType, title.text (rw),
 *     setPosition(start, end?), series.getItemAt(i).{name (rw), setXAxisValues(Range) [1.7]}
 *   workbook.notes / worksheet.notes [1.18]: add(Range | "Sheet!A1", content), getItemOrNullObject(address);
 *     note: content (rw)
 *   workbook.properties.custom [1.7]: add(key, value), getItemOrNullObject(key), load("items/key,items/value")
 *   workbook.settings [1.4]: add(key, value), getItemOrNullObject(key); setting: key, value (rw), delete()
 *   Office.context.requirements.isSetSupported("ExcelApi", "1.9")
 *
 * ## Rules it enforces
 * - Reading a property that was not loaded and synced throws an Error with code
 *   "PropertyNotLoaded" (as Office.js does); so does reading `items` of an unloaded collection and
 *   `isNullObject` before a sync.
 * - Property sets and method calls are queued and applied in order at the next sync; a failing
 *   operation rejects the sync with an Error carrying `code` ("AccessDenied", "InvalidArgument",
 *   "ItemNotFound", "ItemAlreadyExists", "InvalidOperation", "InsertDeleteConflict",
 *   "MergedRangeConflict", "NonBlankCellOffSheet", "ApiNotFound") and `debugInfo`;
 *   the operations before it stay applied, the ones after it are dropped.
 * - Writing to a protected sheet fails with "AccessDenied" (cells, formats, notes, tables, table
 *   rows and columns, charts); adding, deleting, renaming, hiding or unhiding a sheet of a workbook
 *   whose structure is protected too. A shift refused as above fails with its code. Sheet names follow Excel's rules (31 characters, none of
 *   : \ / ? * [ ], unique ignoring case); defined names and table names share one namespace and
 *   follow Excel's name rules (no spaces, not a cell reference).
 * - Values are parsed as Excel parses typed input: "=…" is a formula, "'…" is text (the
 *   apostrophe is not part of the value), numeric text becomes a number, "TRUE" a boolean,
 *   "2026-01-28" a date serial (formatted yyyy-mm-dd), unless the cell's number format is "@".
 *   Formula cells read back 0 from `values` unless the workbook has an `evaluate` function; a data
 *   type it returns (an entity) reads "#VALUE!" from `values` and itself from `valuesAsJson`.
 *
 * ## snapshot() → WorkbookSnapshot (plain JSON-safe data)
 *   { sheets: [{ id, name, visibility, protected,
 *                cells: { "B3": { value, formula, numberFormat } },   // content or a non-General format
 *                formats: { "B3": { bold?, italic?, fontColor?, fill? } },
 *                tables: [{ name, address: "A4:I10" }], notes: { "B5": "text" },
 *                charts: [{ name, type, title, values: "Capex 2026!B20:B23", categories, seriesName, anchor: "D18" }],
 *                columnWidths: { "A": 56.25 } }],                     // points, columns that were set
 *     names: { "DEAL_AMOUNT": { sheet: "Deal", address: "D5", comment, visible } },
 *                // a name on a constant or a deleted sheet: { sheet: "", address: "=FALSE" | "=#REF!" }
 *                // (the writer's hidden DEALDESK_BLOCK_* markers have visible: false)
 *     customProperties: { key: value }, settings: { key: JSON value }, activeSheet, selection: { sheet, address } }
 *   A formula cell's value is what `evaluate` returns (0 unless told).
 *
 * ## SyncRecord
 *   { index, operations, cellsWritten, calculationSuspended, screenUpdatingSuspended, writes }
 *   cellsWritten counts cells whose value, formula or number format a sync set (one per cell).
 *   writes: the writes the sync applied, in queue order (a failed sync's stop before the
 *   failure), each { op, target }: op as Office.js names it in debugInfo.errorLocation, target
 *   a name, a key or cells written "Sheet!A1:B2" (the sheet unquoted, as in snapshot()):
 *     Range.values | formulas | numberFormat, Range.insert | delete | select,
 *     RangeFormat.* , RangeFont.* , RangeFill.*       the cells ("Deal!A4:I4,Deal!A9" for areas)
 *     NamedItemCollection.add, NamedItem.*             the name
 *     WorksheetCollection.add, Worksheet.*, WorksheetProtection.*   the sheet's name (before a rename)
 *     TableCollection.add, Table.name, TableRowCollection.add, TableColumnCollection.add   the table's name
 *     ChartCollection.add, ChartSeries.setValues | setXAxisValues   the cells the chart reads
 *     Chart.name | title | setPosition, ChartSeries.name            the chart's name (before a rename)
 *     NoteCollection.add, Note.content | delete        the note's cell ("Deal!B5")
 *     CustomPropertyCollection.add, CustomProperty.*, SettingCollection.add, Setting.*   the key
 *   Loads, lookups and Application.suspend… are not writes.
 *
 * ## Files (one per Excel object; each has a <file>.test.ts of the Excel behaviour it models)
 *   fake-excel.ts         this guide and the public API, re-exported
 *   workbook.ts           FakeWorkbook (state, the user's actions, Excel.run) and context.workbook
 *   context.ts            the request context, context.application, sync execution, SyncRecord
 *   client.ts             proxy objects: load before read, queued writes, *OrNullObject, getCount
 *   worksheets.ts         Worksheet, WorksheetCollection, WorksheetProtection; sheet-name rules
 *   range.ts              Range
 *   range-format.ts       RangeFormat, RangeFont, RangeFill, RangeAreas
 *   names.ts              NamedItem, NamedItemCollection; Excel's rules for names
 *   tables.ts             Table, TableCollection
 *   charts.ts             Chart, ChartCollection, ChartSeries
 *   notes.ts              Note, NoteCollection
 *   custom-properties.ts  CustomProperty, CustomPropertyCollection
 *   settings.ts           Setting, SettingCollection
 *   cells.ts              a cell, and Excel's parsing of typed input
 *   data-validation.ts    DataValidation, and typing checked by it (typeAsUser); validationsOf(wb, sheet)
 *   page-layout.ts        PageLayout; pageSetupOf(wb, sheet)
 *   a1.ts                 A1 addresses
 *   edits.ts              the user's structural edits on the model, and Excel's refusals of them
 *   structure.ts          how Excel rewrites references for those edits (plain functions)
 *   snapshot.ts           snapshot()
 *   errors.ts             FakeOfficeError, Excel.ErrorCodes
 *   office.ts             installFakeOffice
 *   test-helpers.ts       what these tests share (no test of its own; fake-excel.ts has none either)
 */
export { columnLetter } from "./a1";
export type { FakeCell, Scalar } from "./cells";
export { FakeRequestContext, type SyncRecord, type SyncWrite } from "./context";
export { typeAsUser, validationsOf, type ValidationModel } from "./data-validation";
export { ERROR_CODES, FakeOfficeError } from "./errors";
export { isValidExcelName } from "./names";
export { installFakeOffice } from "./office";
export { pageSetupOf } from "./page-layout";
export type { CellSnapshot, ChartSnapshot, SheetSnapshot, StyleSnapshot, WorkbookSnapshot } from "./snapshot";
export { FakeWorkbook, type FakeWorkbookOptions } from "./workbook";
export type { Visibility } from "./worksheets";
