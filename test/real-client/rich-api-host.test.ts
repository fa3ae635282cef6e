/**
 * The real-client layer itself: what the client sends arrives on the workbook in one sync, and
 * what the host answers is what the client then enforces — errors with Excel's code, message and
 * location (the actions before a failure applied), null objects, objects kept across syncs,
 * properties read before a sync, requirement sets from the host's profile.
 */
import { FakeWorkbook } from "../fakes/workbook";
import { installRealClient } from "./install";

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; debugInfo: { errorLocation?: string } }> {
  try {
    await p;
  } catch (err) {
    return err as { code: string; message: string; debugInfo: { errorLocation?: string } };
  }
  throw new Error("expected a rejection");
}

describe("the real client on the fake workbook", () => {
  test("a failed write rejects with Excel's code, message and location; the writes queued before it stay, the ones after it do not", async () => {
    const wb = installRealClient(globalThis, new FakeWorkbook({ sheets: ["Open", "Locked"] }));
    wb.protectSheet("Locked");
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Open").getRange("A1").values = [[1]];
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
        context.workbook.worksheets.getItem("Open").getRange("A2").values = [[3]];
        await context.sync();
      }),
    );
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["AccessDenied", "Range.values"]);
    expect(err.message).toBe(
      'The cell or chart you\'re trying to change is on a protected sheet ("Locked"). To make a change, unprotect the sheet.',
    );
    expect([wb.cell("Open", "A1")?.value, wb.cell("Locked", "A1"), wb.cell("Open", "A2")]).toEqual([1, undefined, undefined]);
    expect(wb.syncCount).toBe(1);
  });

  test("a property read before its sync throws PropertyNotLoaded, the client's own error, and reads after it", async () => {
    const wb = installRealClient(globalThis, new FakeWorkbook());
    wb.setCell("Sheet1", "B2", 42);
    const seen = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2").load("values");
      let before = "";
      try {
        void range.values;
      } catch (err) {
        before = (err as { code: string }).code;
      }
      await context.sync();
      return [before, range.values];
    });
    expect(seen).toEqual(["PropertyNotLoaded", [[42]]]);
  });

  test("a null object is known after the sync, from the instantiation alone; a missing item of getItem fails the sync", async () => {
    installRealClient(globalThis, new FakeWorkbook());
    const isNull = await Excel.run(async (context) => {
      const missing = context.workbook.names.getItemOrNullObject("NOPE");
      await context.sync();
      return missing.isNullObject;
    });
    expect(isNull).toBe(true);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").load("address");
        await context.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("a range kept across the syncs of one Excel.run keeps its cells; after the run it is refused, and releasing it is no sync", async () => {
    const wb = installRealClient(globalThis, new FakeWorkbook());
    wb.select("Sheet1", "C3");
    let cell: Excel.Range | undefined;
    await Excel.run(async (context) => {
      cell = context.workbook.getActiveCell().load("address");
      await context.sync();
      wb.select("Sheet1", "A1");
      cell.values = [["kept"]];
      await context.sync();
    });
    expect(wb.cell("Sheet1", "C3")?.value).toBe("kept");
    expect(wb.syncCount).toBe(2);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.names.add("AFTER", cell as Excel.Range);
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidRequestContext");
  });

  test("isSetSupported answers from the host profile: ExcelApi up to the workbook's version, at most 1.15, and the sets declared", () => {
    const wb = installRealClient(globalThis, new FakeWorkbook({ apiVersion: 18 }), { sets: { CustomFunctionsRuntime: 3 } });
    const supports = (set: string, version: string) => Office.context.requirements.isSetSupported(set, version);
    expect([supports("ExcelApi", "1.15"), supports("ExcelApi", "1.16"), supports("CustomFunctionsRuntime", "1.3")]).toEqual([
      true,
      false,
      true,
    ]);
    expect(supports("CustomFunctionsRuntime", "1.4")).toBe(false);
    wb.apiVersion = 9;
    expect([supports("ExcelApi", "1.9"), supports("ExcelApi", "1.10")]).toEqual([true, false]);
  });

  // This client checks requirement sets at call time only where its own flag allows, and its
  // flag is set where the check does not read it (CommonUtility._doApiNotSupportedCheck stays
  // false): a call above the host's sets goes out, and Excel refuses it in the sync.
  test("an API above the profile is refused by Excel in the sync (ApiNotFound), after the writes queued before it", async () => {
    const wb = installRealClient(globalThis, new FakeWorkbook({ apiVersion: 12 }));
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").getMergedAreasOrNullObject();
        await context.sync();
      }),
    );
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["ApiNotFound", "Range.getMergedAreasOrNullObject"]);
    expect([wb.syncCount, wb.cell("Sheet1", "A1")?.value]).toEqual([1, 1]);
  });

  test("what JSON cannot carry does not arrive: NaN reaches Excel as null, which leaves the cell as it was", async () => {
    const wb = installRealClient(globalThis, new FakeWorkbook());
    wb.setCell("Sheet1", "A1", 7);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[NaN, 8]];
      await context.sync();
    });
    expect([wb.cell("Sheet1", "A1")?.value, wb.cell("Sheet1", "B1")?.value]).toEqual([7, 8]);
  });
});
