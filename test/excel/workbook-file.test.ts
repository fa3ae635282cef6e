/**
 * The file `npm run workbook` writes, opened as a workbook the pane works on: its record and
 * markers are recognised, so a review lists nothing and Apply writes nothing; a cell the user
 * then changes is kept by an update. The file is read back with ExcelJS into the fake host.
 */
import ExcelJS from "exceljs";
import { applyUpdate, planUpdate } from "../../src/excel";
import { buildAllBlocks } from "../../src/sheets";
import { workbookBuffer } from "../../src/xlsx";
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";

/** The .xlsx file as the fake host's workbook: sheets, cells (text stays text), tables and names. */
async function openInFake(buffer: Buffer): Promise<FakeWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const wb = new FakeWorkbook({ sheets: [] });
  for (const ws of book.worksheets) {
    wb.addSheet(ws.name, { visibility: ws.state === "veryHidden" ? "VeryHidden" : "Visible" });
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const raw = cell.value as ExcelJS.CellValue;
        // ExcelJS reads a date-formatted number back as a Date; Excel stores the serial.
        const v = raw instanceof Date ? (raw.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : raw;
        if (v !== null && typeof v === "object" && "formula" in v) wb.setCell(ws.name, cell.address, { formula: `=${v.formula}` });
        else if (typeof v === "string") {
          wb.setNumberFormat(ws.name, cell.address, "@");
          wb.setCell(ws.name, cell.address, v);
        } else if (typeof v === "number" || typeof v === "boolean") wb.setCell(ws.name, cell.address, v);
        if (typeof cell.numFmt === "string" && typeof v !== "string") wb.setNumberFormat(ws.name, cell.address, cell.numFmt);
      }),
    );
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables)) {
      const [a, b] = t.table.tableRef.split(":");
      const sheet = wb.sheetByName(ws.name);
      const from = wb.cellRef(a);
      const to = wb.cellRef(b);
      wb.tables.push({
        id: wb.newId("table"),
        name: t.table.name,
        sheetId: sheet.id,
        rect: { top: from.row, left: from.col, bottom: to.row, right: to.col },
      });
    }
  }
  for (const n of book.definedNames.model) {
    const ref = n.ranges[0];
    const bang = ref.lastIndexOf("!");
    const sheet = ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
    wb.addName(n.name, sheet, ref.slice(bang + 1).replace(/\$/g, ""));
  }
  return wb;
}

describe("the workbook file in the pane", () => {
  it("is recognised: a review lists nothing and Apply writes nothing; a later user edit is kept", async () => {
    const wb = installFakeOffice(globalThis, await openInFake(await workbookBuffer(buildAllBlocks(), { cacheResults: false })));
    const review = await planUpdate();
    if (!review.ok) throw new Error(review.message);
    expect([review.value.changes, review.value.deleted, review.value.notices]).toEqual([[], [], []]);
    expect(review.value.sheets).toEqual(["Deal", "AMZN", "Capex 2026", "Sensitivity", "Sources"]);
    const before = JSON.stringify(wb.snapshot());
    const applied = await applyUpdate([], review.value.fingerprint);
    expect(applied.ok && applied.value.cellsWritten).toBe(0);
    expect(JSON.stringify(wb.snapshot())).toBe(before);

    wb.setCell("Deal", "B5", 45e9);
    const edited = await planUpdate();
    if (!edited.ok) throw new Error(edited.message);
    expect(edited.value.changes.map((c) => [c.kind, c.address, c.userValue])).toEqual([["conflict", "B5", 45e9]]);
    const kept = await applyUpdate([], edited.value.fingerprint);
    expect(kept.ok && kept.value.kept).toBe(1);
    expect(wb.cell("Deal", "B5")?.value).toBe(45e9);
  });
});
