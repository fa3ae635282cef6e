/**
 * Worksheets: Excel's rules for sheet names (fewer than 32 characters, none of : \ / ? * [ ],
 * not blank, not starting or ending with an apostrophe, not "History", unique ignoring case),
 * default names for added sheets, lookups by name ignoring case, visibility (a workbook keeps a
 * visible sheet; ExcelApi 1.7), activation, deletion, protection (ExcelApi 1.2), renaming with
 * the formulas that refer to the sheet, the used range, and ranges by indexes.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/ebf12ea5-2bb4-4af5-ab26-563f22d3f895
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
import { failure, rejection, setup } from "./test-helpers";
import { FakeWorkbook } from "./workbook";
import { checkSheetName, type FakeWorksheet } from "./worksheets";

declare const globalThis: { Excel: { run: FakeWorkbook["run"] }; Office: typeof Office };

describe("sheet names", () => {
  it("rejects sheet names Excel refuses", async () => {
    setup();
    for (const [name, code] of [
      ["sheet1", "ItemAlreadyExists"],
      ["a/b", "InvalidArgument"],
      ["x".repeat(32), "InvalidArgument"],
    ]) {
      const err = await rejection(
        globalThis.Excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      );
      expect(err.code).toBe(code);
    }
  });

  it.each(["", "  ", "a:b", "a\\b", "a?b", "a*b", "[a]", "'quoted", "quoted'", "History", "HISTORY", "x".repeat(32)])(
    "refuses %j with InvalidArgument",
    (name) => {
      expect(() => checkSheetName(name, [])).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    },
  );

  it.each(["Deal", "Capex 2026", "Deal (2)", "It's", "x".repeat(31), "Histories"])("accepts %j", (name) => {
    expect(() => checkSheetName(name, ["Other"])).not.toThrow();
  });

  it("refuses a name another sheet has, ignoring case, with ItemAlreadyExists", () => {
    expect(() => checkSheetName("DEAL", ["Deal"])).toThrow(expect.objectContaining({ code: "ItemAlreadyExists" }));
  });
});

describe("the worksheet collection", () => {
  it("adds sheets at the end; one added without a name is SheetN, N one more than the sheets, skipping names in use", async () => {
    const wb = new FakeWorkbook({ sheets: ["Sheet1", "Sheet3"] });
    const names = await wb.run(async (context) => {
      const added = [context.workbook.worksheets.add(), context.workbook.worksheets.add("Deal"), context.workbook.worksheets.add()];
      for (const ws of added) ws.load("name,position");
      await context.sync();
      return added.map((ws) => [ws.name, ws.position]);
    });
    expect(names).toEqual([
      ["Sheet4", 2],
      ["Deal", 3],
      ["Sheet5", 4],
    ]);
  });

  it("refuses to add a sheet to a workbook whose structure is protected", async () => {
    const wb = new FakeWorkbook();
    wb.protectStructure();
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.add("Deal");
      await context.sync();
    });
    expect(err.code).toBe("AccessDenied");
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("refuses to rename, hide or unhide a sheet of a workbook whose structure is protected (AccessDenied)", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Capex"] });
    wb.sheetByName("Capex").visibility = "Hidden";
    wb.protectStructure();
    for (const change of [
      (ws: FakeWorksheet) => (ws.name = "Deal 2026"),
      (ws: FakeWorksheet) => (ws.visibility = "Hidden"),
      (ws: FakeWorksheet) => (ws.visibility = "VeryHidden"),
    ]) {
      const err = await failure(wb, async (context) => {
        change(context.workbook.worksheets.getItem("Deal"));
        await context.sync();
      });
      expect(err.code).toBe("AccessDenied");
    }
    const unhide = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Capex").visibility = "Visible";
      await context.sync();
    });
    expect(unhide.code).toBe("AccessDenied");
    expect(wb.snapshot().sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Deal", "Visible"],
      ["Capex", "Hidden"],
    ]);
  });

  it("finds a sheet by its name ignoring case, or by its id; the active sheet; items in tab order", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Capex"] });
    const id = wb.snapshot().sheets[1].id;
    const found = await wb.run(async (context) => {
      const byName = context.workbook.worksheets.getItem("deal").load("name");
      const byId = context.workbook.worksheets.getItem(id).load("name");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      const all = context.workbook.worksheets.load("items/name,items/position");
      await context.sync();
      return [byName.name, byId.name, active.name, all.items.map((s) => `${s.position}:${s.name}`)];
    });
    expect(found).toEqual(["Deal", "Capex", "Deal", ["0:Deal", "1:Capex"]]);
  });
});

describe("a worksheet", () => {
  it("is hidden or very hidden (ExcelApi 1.7) while another sheet stays visible", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Record"] });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Record").visibility = "VeryHidden";
      await context.sync();
    });
    expect(wb.snapshot().sheets.map((s) => s.visibility)).toEqual(["Visible", "VeryHidden"]);
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Deal").visibility = "Hidden";
      await context.sync();
    });
    expect(err.code).toBe("InvalidOperation");
    const old = await failure(new FakeWorkbook({ apiVersion: 6 }), async (context) => {
      context.workbook.worksheets.getItem("Sheet1").visibility = "Visible";
      await context.sync();
    });
    expect(old.code).toBe("ApiNotFound");
  });

  it("activates a visible sheet, selecting its A1; a hidden one cannot be activated", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Hidden"] });
    wb.addSheet("Capex");
    wb.select("Deal", "C3");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Capex").activate();
      await context.sync();
    });
    expect([wb.snapshot().activeSheet, wb.snapshot().selection]).toEqual(["Capex", { sheet: "Capex", address: "A1" }]);
    wb.addSheet("Secret", { visibility: "Hidden" });
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Secret").activate();
      await context.sync();
    });
    expect(err.code).toBe("InvalidOperation");
  });

  it("is deleted unless it is the last visible sheet or the structure is protected; the next visible sheet becomes active", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Capex"] });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").delete();
      await context.sync();
    });
    expect([wb.snapshot().sheets.map((s) => s.name), wb.snapshot().activeSheet]).toEqual([["Capex"], "Capex"]);
    const last = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Capex").delete();
      await context.sync();
    });
    expect(last.code).toBe("InvalidOperation");
    wb.addSheet("Other");
    wb.protectStructure();
    const locked = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Other").delete();
      await context.sync();
    });
    expect(locked.code).toBe("AccessDenied");
  });

  it("is renamed, and formulas on other sheets follow the new name, quoted when it needs quotes", async () => {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Summary"] });
    wb.setCell("Summary", "A1", "=Deal!$B$5*2");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").name = "Deal 2026";
      await context.sync();
    });
    expect(wb.cell("Summary", "A1")?.formula).toBe("='Deal 2026'!$B$5*2");
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Summary").name = "deal 2026";
      await context.sync();
    });
    expect(err.code).toBe("ItemAlreadyExists");
  });

  it("is protected and unprotected (ExcelApi 1.2); a write to it fails with AccessDenied meanwhile", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.protect();
      await context.sync();
    });
    expect(wb.snapshot().sheets[0].protected).toBe(true);
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(err.code).toBe("AccessDenied");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.unprotect();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect([wb.snapshot().sheets[0].protected, wb.cell("Sheet1", "A1")?.value]).toEqual([false, 1]);
  });
});

describe("ranges of a worksheet", () => {
  async function usedRanges(wb: FakeWorkbook): Promise<unknown[]> {
    return wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const used = ws.getUsedRange().load("address");
      const valuesOnly = ws.getUsedRange(true).load("address");
      const orNull = ws.getUsedRangeOrNullObject().load("address");
      await context.sync();
      return [used.address, valuesOnly.address, orNull.isNullObject];
    });
  }

  it("the used range spans cells with a value or a format; on a blank sheet it is A1, or a null object", async () => {
    const wb = new FakeWorkbook();
    expect(await usedRanges(wb)).toEqual(["Sheet1!A1", "Sheet1!A1", true]);
    wb.setCell("Sheet1", "C3", 1);
    wb.setCell("Sheet1", "B5", "x");
    wb.setNumberFormat("Sheet1", "E2", "0.0");
    expect(await usedRanges(wb)).toEqual(["Sheet1!B2:E5", "Sheet1!B3:C5", false]);
  });

  it("gets a range by indexes (ExcelApi 1.7), the whole sheet, and no range on another sheet", async () => {
    const wb = new FakeWorkbook({ sheets: ["Sheet1", "Other"] });
    const got = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const byIndexes = ws.getRangeByIndexes(1, 2, 3, 4).load("address");
      const all = ws.getRange().load("rowCount,columnCount");
      await context.sync();
      return [byIndexes.address, all.rowCount, all.columnCount];
    });
    expect(got).toEqual(["Sheet1!C2:F4", 1048576, 16384]);
    const err = await failure(wb, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("Other!A1").load("address");
      await context.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });
});

describe("a sheet's tab moved (Worksheet.position)", () => {
  it("moves the sheet to the position, by the user or by the API, and keeps its cells; refused while the structure is protected", async () => {
    const wb = new FakeWorkbook({ sheets: ["A", "B", "C"] });
    wb.setCell("C", "A1", 1);
    wb.moveSheet("C", 0);
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["C", "A", "B"]);
    expect(wb.cell("C", "A1")?.value).toBe(1);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("C").position = 2;
      await context.sync();
    });
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["A", "B", "C"]);
    wb.protectStructure();
    expect(() => wb.moveSheet("A", 2)).toThrow(expect.objectContaining({ code: "AccessDenied" }));
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["A", "B", "C"]);
  });
});
