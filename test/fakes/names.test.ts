/**
 * Defined names: Excel's rules for a name (at most 255 characters; begins with a letter, an
 * underscore or a backslash; not a cell reference, not R or C or an R1C1 reference; unique
 * ignoring case, sharing one namespace with tables), what a NamedItem reports
 * for a name on a range (type Range, value the address, formula "=" and the address) or on a
 * constant, and what becomes of a name whose sheet is deleted (#REF!, type Error).
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/9456f961-5069-4e5f-989d-44bdc56d031e
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditem
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemtype
 */
import type { FakeRequestContext } from "./context";
import { isValidExcelName } from "./names";
import { failure, rejection, setup } from "./test-helpers";
import { FakeWorkbook } from "./workbook";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

describe("name rules", () => {
  it("rejects invalid and duplicate names", async () => {
    const wb = setup();
    wb.addName("TAKEN", "Sheet1", "A1");
    for (const [name, code] of [
      ["A1", "InvalidArgument"],
      ["two words", "InvalidArgument"],
      ["taken", "ItemAlreadyExists"],
    ]) {
      const err = await rejection(
        globalThis.Excel.run(async (context) => {
          context.workbook.names.add(name, "=Sheet1!$B$2", "c");
          await context.sync();
        }),
      );
      expect(err.code).toBe(code);
    }
  });

  it.each(["DEAL_AMOUNT", "_x", "\\x", "a.b", "Sales2026", "AAAA1", "XFE1", "x".repeat(255)])("%j is a valid name", (name) => {
    expect(isValidExcelName(name)).toBe(true);
  });

  it.each(["", "A1", "$A$1", "xfd1048576", "r", "C", "R1C1", "R1", "C5", "rc", "1abc", "two words", "a-b", "x".repeat(256)])(
    "%j is not",
    (name) => {
      expect(isValidExcelName(name)).toBe(false);
    },
  );

  it("shares its namespace with table names", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true).name = "Deals";
      await context.sync();
    });
    const err = await failure(wb, async (context) => {
      context.workbook.names.add("DEALS", "=Sheet1!$D$1");
      await context.sync();
    });
    expect(err.code).toBe("ItemAlreadyExists");
  });
});

async function describeName(wb: FakeWorkbook, name: string): Promise<unknown[]> {
  return wb.run(async (context: FakeRequestContext) => {
    const item = context.workbook.names.getItem(name).load("name,type,value,formula,comment,visible,scope");
    await context.sync();
    return [item.name, item.type, item.value, item.formula, item.comment, item.visible, item.scope];
  });
}

describe("a named item", () => {
  it("on a range: type Range, its value the absolute address, its formula that address after =", async () => {
    const wb = new FakeWorkbook({ sheets: ["Capex 2026"] });
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Capex 2026");
      context.workbook.names.add("Capex", ws.getRange("B2:C3"), "by year");
      context.workbook.names.add("Single", "='Capex 2026'!B9");
      await context.sync();
    });
    expect(await describeName(wb, "capex")).toEqual([
      "Capex",
      "Range",
      "'Capex 2026'!$B$2:$C$3",
      "='Capex 2026'!$B$2:$C$3",
      "by year",
      true,
      "Workbook",
    ]);
    expect(await describeName(wb, "Single")).toEqual(["Single", "Range", "'Capex 2026'!$B$9", "='Capex 2026'!$B$9", "", true, "Workbook"]);
  });

  it("on a constant: its type, and no range (getRange throws, getRangeOrNullObject is a null object)", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.names.add("FLAG", "=false");
      context.workbook.names.add("RATE", "=0.05");
      await context.sync();
    });
    expect(await describeName(wb, "FLAG")).toEqual(["FLAG", "Boolean", "FALSE", "=FALSE", "", true, "Workbook"]);
    expect((await describeName(wb, "RATE")).slice(1, 4)).toEqual(["Double", "0.05", "=0.05"]);
    const isNull = await wb.run(async (context) => {
      const r = context.workbook.names.getItem("FLAG").getRangeOrNullObject().load("address");
      await context.sync();
      return r.isNullObject;
    });
    expect(isNull).toBe(true);
    const err = await failure(wb, async (context) => {
      context.workbook.names.getItem("FLAG").getRange().load("address");
      await context.sync();
    });
    expect(err.code).toBe("InvalidReference");
  });

  it("on a deleted sheet: #REF!, type Error", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Other"] });
    wb.addName("DEAL_AMOUNT", "Deal", "D5");
    wb.deleteSheet("Deal");
    expect((await describeName(wb, "DEAL_AMOUNT")).slice(1, 4)).toEqual(["Error", "#REF!", "=#REF!"]);
    expect(wb.snapshot().names.DEAL_AMOUNT).toEqual({ sheet: "", address: "=#REF!", comment: "", visible: true });
  });

  it("changes its comment and visibility, and is deleted", async () => {
    const wb = new FakeWorkbook();
    wb.addName("A_NAME", "Sheet1", "B2");
    wb.addName("GONE", "Sheet1", "B3");
    await wb.run(async (context) => {
      const item = context.workbook.names.getItem("a_name");
      item.comment = "now commented";
      item.visible = false;
      context.workbook.names.getItem("GONE").delete();
      await context.sync();
    });
    expect(wb.snapshot().names).toEqual({ A_NAME: { sheet: "Sheet1", address: "B2", comment: "now commented", visible: false } });
    const gone = await wb.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject("GONE").load("name");
      const names = context.workbook.names.load("items/name");
      await context.sync();
      return [item.isNullObject, names.items.map((n) => n.name)];
    });
    expect(gone).toEqual([true, ["A_NAME"]]);
  });

  it("with a comment needs ExcelApi 1.4", async () => {
    const err = await failure(new FakeWorkbook({ apiVersion: 3 }), async (context) => {
      context.workbook.names.add("X", "=Sheet1!$A$1", "a comment");
      await context.sync();
    });
    expect(err.code).toBe("ApiNotFound");
  });
});

/**
 * Sheet-scoped names: Worksheet.names (ExcelApi 1.4) lists them and Workbook.names does not
 * (OfficeDev/office-js#1011); a workbook name may share the text, a table may not.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member
 */
describe("sheet-scoped names", () => {
  async function withSheetName(wb: FakeWorkbook): Promise<void> {
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").names.add("Local", "=Sheet1!$C$3", "mine");
      await context.sync();
    });
  }

  it("are listed by their sheet's names, in the same load as the sheets, and not by the workbook's", async () => {
    const wb = setup({ sheets: ["Sheet1", "Other"] });
    await withSheetName(wb);
    const seen = await wb.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/names/items/name,items/names/items/scope");
      const names = context.workbook.names.load("items/name");
      await context.sync();
      return {
        sheets: sheets.items.map((s) => [s.name, s.names.items.map((n) => `${n.name}:${n.scope}`)]),
        workbook: names.items.map((n) => n.name),
      };
    });
    expect(seen).toEqual({
      sheets: [
        ["Sheet1", ["Local:Worksheet"]],
        ["Other", []],
      ],
      workbook: [],
    });
  });

  it("leave the text free for a workbook name, but not for a table", async () => {
    const wb = setup();
    wb.setCell("Sheet1", "A1", "h");
    wb.setCell("Sheet1", "A2", 1);
    await withSheetName(wb);
    const err = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").tables.add("Sheet1!A1:A2", true).name = "local";
        await context.sync();
      }),
    );
    expect(err.code).toBe("ItemAlreadyExists");
    // The batch is not a transaction: the table was added under Excel's default name, the rename refused.
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Table1", address: "A1:A2" }]);
    await wb.run(async (context) => {
      context.workbook.names.add("LOCAL", "=Sheet1!$A$2", "a workbook name");
      await context.sync();
    });
    expect(Object.keys(wb.snapshot().names)).toEqual(["LOCAL"]);
  });

  it("are listed with the workbook's names by a host that has office-js#1011 (the scope tells them apart)", async () => {
    const wb = setup({ sheetNamesListWorkbookNames: true });
    wb.addName("WIDE", "Sheet1", "A1");
    await withSheetName(wb);
    const seen = await wb.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/names/items/name,items/names/items/scope");
      await context.sync();
      return sheets.items[0].names.items.map((n) => `${n.name}:${n.scope}`);
    });
    expect(seen).toEqual(["Local:Worksheet", "WIDE:Workbook"]);
  });
});
