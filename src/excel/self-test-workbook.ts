/**
 * The self-test's own reads and writes of the workbook, each one Excel.run: what a user would
 * see (a name's value, a range's values) and what a user would do (type a value, insert a row).
 * The add-in's actions themselves go through the public API of src/excel, as the pane calls them.
 */

/** What is in the workbook, in words, or null when it is empty (no content, names or tables). */
export async function workbookContents(): Promise<string | null> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load("address"));
    await context.sync();
    const parts = [
      ...used.filter((u) => !u.isNullObject).map((u) => `cells ${u.address}`),
      ...names.items.map((n) => `the name ${n.name}`),
      ...tables.items.map((t) => `the table ${t.name}`),
    ];
    return parts.length === 0 ? null : parts.join(", ");
  });
}

/** Each name's top-left value, as Excel computed it. */
export async function nameValues(names: readonly string[]): Promise<Record<string, unknown>> {
  return Excel.run(async (context) => {
    const ranges = names.map((n) => context.workbook.names.getItem(n).getRange().load("values"));
    await context.sync();
    return Object.fromEntries(names.map((n, i) => [n, ranges[i].values[0][0]]));
  });
}

/** The values of a range, e.g. ("Sensitivity", "B12:F16"). */
export async function rangeValues(sheet: string, address: string): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return range.values;
  });
}

/** Where a name's cell is, moved by `rowOffset` and `columnOffset`: "Deal!C5". */
export async function addressBeside(name: string, rowOffset: number, columnOffset: number): Promise<{ sheet: string; address: string }> {
  return Excel.run(async (context) => {
    const range = context.workbook.names.getItem(name).getRange().getOffsetRange(rowOffset, columnOffset).load("address");
    await context.sync();
    const bang = range.address.lastIndexOf("!");
    const sheet = range.address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    return { sheet, address: range.address.slice(bang + 1).replace(/\$/g, "") };
  });
}

/** Types values (or formulas, text starting with "=") into a range, as the user would. */
export async function typeInto(sheet: string, address: string, values: (string | number)[][]): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).formulas = values;
    await context.sync();
  });
}

/** Inserts a whole sheet row above the 1-based `row`, as Home › Insert › Insert Sheet Rows does. */
export async function insertSheetRow(sheet: string, row: number): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(`${row}:${row}`).insert("Down");
    await context.sync();
  });
}

/** Adds an empty worksheet and writes formulas down its column A; returns nothing until synced. */
export async function addScratchSheet(name: string, formulas: readonly string[]): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(name);
    sheet.getRange(`A1:A${formulas.length}`).formulas = formulas.map((f) => [f]);
    await context.sync();
  });
}

/** How the self-test waits for Excel's calculation: read every `waitMs`, at most `tries` times. */
export interface Settle {
  readonly tries: number;
  readonly waitMs: number;
  /** Reads in a row that must agree before the values count as settled. */
  readonly stableReads: number;
}

export const SETTLE: Settle = Object.freeze({ tries: 60, waitMs: 250, stableReads: 3 });

/**
 * A range's values once Excel's calculation has settled. A custom function shows #BUSY! while it
 * first runs, but one Excel recalculates keeps its old value until it returns, so no #BUSY! is
 * not enough: the values must also read the same `stableReads` times in a row.
 */
export async function settledValues(sheet: string, address: string, settle: Settle = SETTLE): Promise<unknown[][]> {
  let values: unknown[][] = [];
  let same = 0;
  let previous = "";
  for (let attempt = 0; attempt < settle.tries; attempt++) {
    values = await rangeValues(sheet, address);
    const text = JSON.stringify(values);
    same = text === previous ? same + 1 : 1;
    previous = text;
    if (!values.some((row) => row.includes("#BUSY!")) && same >= settle.stableReads) return values;
    await new Promise((resolve) => setTimeout(resolve, settle.waitMs));
  }
  return values;
}

/** A cell's value as Excel's JSON for data types ({ type: "Entity", text, … }); ExcelApi 1.16. */
export async function cellValueAsJson(sheet: string, address: string): Promise<unknown> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("valuesAsJson");
    await context.sync();
    return range.valuesAsJson[0][0];
  });
}
