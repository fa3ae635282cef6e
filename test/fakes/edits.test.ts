/**
 * The user's structural edits, as Excel applies them: inserted or deleted rows and columns move
 * cells, notes, names, tables and charts and every formula that refers to them (a deleted cell's
 * references become #REF!, a deleted range's table goes); inserted cells shift only the cells of
 * their columns or rows; a renamed sheet's references follow it; a deleted sheet's references and
 * names become #REF!; a copy moves relative references only; a cut moves the cells and everything
 * that referred to them, and what referred to the cells it pasted over gets #REF!; a sort moves
 * whole rows of a table. What Excel refuses (part of a table moved, cells pushed off the sheet)
 * changes nothing. (structure.test.ts checks the reference rewriting itself, case by case.)
 */
import { FakeWorkbook } from "./workbook";

function deal(): FakeWorkbook {
  const wb = new FakeWorkbook({ sheets: ["Deal", "Summary"] });
  wb.setCell("Deal", "B5", 100);
  wb.setCell("Deal", "C5", "=B5*2");
  wb.setCell("Summary", "A1", "=Deal!$B$5");
  wb.addName("DEAL_AMOUNT", "Deal", "B5");
  wb.setNote("Deal", "B5", "from the filing");
  return wb;
}

describe("rows and columns", () => {
  it("inserting rows above moves the cells, their notes, names, tables, charts and the formulas that refer to them", async () => {
    const wb = deal();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Deal");
      ws.tables.add("A7:B8", true);
      ws.charts.add("BarClustered", ws.getRange("B5")).setPosition("E9");
      await context.sync();
    });
    wb.insertRows("Deal", 2, 3);
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells.B8.value).toBe(100);
    expect(snap.sheets[0].cells.C8.formula).toBe("=B8*2");
    expect(snap.sheets[1].cells.A1.formula).toBe("=Deal!$B$8");
    expect(snap.sheets[0].notes).toEqual({ B8: "from the filing" });
    expect(snap.names.DEAL_AMOUNT.address).toBe("B8");
    expect(snap.sheets[0].tables[0].address).toBe("A10:B11");
    expect(snap.sheets[0].charts[0].anchor).toBe("E12");
  });

  it("inserting rows below leaves them where they are", () => {
    const wb = deal();
    wb.insertRows("Deal", 5, 2);
    expect([wb.cell("Deal", "B5")?.value, wb.snapshot().names.DEAL_AMOUNT.address]).toEqual([100, "B5"]);
  });

  it("deleting the row of a named cell makes the name and the references #REF!", () => {
    const wb = deal();
    wb.deleteRows("Deal", 4);
    const snap = wb.snapshot();
    expect(snap.names.DEAL_AMOUNT).toEqual({ sheet: "", address: "=#REF!", comment: "", visible: true });
    expect(snap.sheets[1].cells.A1.formula).toBe("=Deal!#REF!");
    expect(snap.sheets[0].cells).toEqual({});
    expect(snap.sheets[0].notes).toEqual({});
  });

  it("inserting and deleting columns moves cells sideways", () => {
    const wb = deal();
    wb.insertColumns("Deal", 0, 2);
    expect([wb.cell("Deal", "D5")?.value, wb.cell("Deal", "E5")?.formula, wb.cell("Summary", "A1")?.formula]).toEqual([
      100,
      "=D5*2",
      "=Deal!$D$5",
    ]);
    wb.deleteColumns("Deal", 0, 1);
    expect([wb.cell("Deal", "C5")?.value, wb.cell("Deal", "D5")?.formula, wb.snapshot().names.DEAL_AMOUNT.address]).toEqual([
      100,
      "=C5*2",
      "C5",
    ]);
  });

  it("a table whose rows are all deleted goes", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A2:B3", true);
      await context.sync();
    });
    wb.deleteRows("Sheet1", 1, 2);
    expect(wb.snapshot().sheets[0].tables).toEqual([]);
  });
});

describe("sheets", () => {
  it("renaming a sheet rewrites the references to it", () => {
    const wb = deal();
    wb.renameSheet("Deal", "Deal 2026");
    expect([wb.cell("Summary", "A1")?.formula, wb.snapshot().names.DEAL_AMOUNT.sheet]).toEqual(["='Deal 2026'!$B$5", "Deal 2026"]);
    expect(() => wb.renameSheet("Summary", "deal 2026")).toThrow(expect.objectContaining({ code: "ItemAlreadyExists" }));
  });

  it("deleting a sheet makes its references and names #REF! and activates a visible sheet", () => {
    const wb = deal();
    wb.select("Deal", "B5");
    wb.deleteSheet("Deal");
    const snap = wb.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Summary"]);
    expect(snap.sheets[0].cells.A1.formula).toBe("=#REF!");
    expect(snap.names.DEAL_AMOUNT.address).toBe("=#REF!");
    expect([snap.activeSheet, snap.selection]).toEqual(["Summary", { sheet: "Summary", address: "A1" }]);
  });
});

describe("copying a sheet (Move or Copy › Create a copy)", () => {
  it("the copy has the cells, notes and a sheet-scoped copy of each workbook name on the sheet; references to itself point at the copy; the original is unchanged", () => {
    const wb = deal();
    wb.setCell("Deal", "D5", "=Deal!$B$5+Summary!$A$1");
    wb.addName("OTHER", "Summary", "A1");
    const before = JSON.stringify(wb.snapshot());
    expect(wb.copySheet("Deal")).toBe("Deal (2)");
    const snap = wb.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Deal", "Deal (2)", "Summary"]);
    const copy = snap.sheets[1];
    expect(copy.cells.C5.formula).toBe("=B5*2");
    expect(copy.cells.D5.formula).toBe("='Deal (2)'!$B$5+Summary!$A$1");
    expect(copy.notes).toEqual({ B5: "from the filing" });
    // Workbook.names is unchanged: the copy's names are its own (sheet-scoped).
    expect(JSON.stringify({ ...snap, sheets: snap.sheets.filter((s) => s.name !== "Deal (2)") })).toBe(before);
    expect([...wb.sheetByName("Deal (2)").names.values()].map((n) => [n.name, wb.sheetById(n.sheetId as string).name, n.rect])).toEqual([
      ["DEAL_AMOUNT", "Deal (2)", { top: 4, left: 1, bottom: 4, right: 1 }],
    ]);
  });

  it("the copy's own names move with rows inserted on it, and turn #REF! when it is deleted", () => {
    const wb = deal();
    wb.copySheet("Deal");
    wb.insertRows("Deal (2)", 0, 2);
    const own = () =>
      wb.sheets
        .flatMap((s) => [...s.names.values()])
        .map((n) => [n.name, n.sheetId === null ? n.formula : wb.sheetById(n.sheetId).name, n.rect.top]);
    expect(own()).toEqual([["DEAL_AMOUNT", "Deal (2)", 6]]);
    expect(wb.snapshot().names.DEAL_AMOUNT.address).toBe("B5");
    wb.addSheet("Scratch");
    wb.sheetByName("Scratch").names.set("ON_COPY", {
      name: "ON_COPY",
      sheetId: wb.sheetByName("Deal (2)").id,
      rect: { top: 0, left: 0, bottom: 0, right: 0 },
      formula: null,
      comment: "",
      visible: true,
    });
    wb.deleteSheet("Deal (2)");
    expect(own()).toEqual([["ON_COPY", "=#REF!", 0]]);
  });

  it("a table on the copy takes its name and the next free number; a second copy is (3); `before` places it", () => {
    const wb = deal();
    wb.tables.push({ id: "{t}", name: "DealFigures", sheetId: wb.sheetByName("Deal").id, rect: { top: 3, left: 0, bottom: 6, right: 2 } });
    wb.addName("DealFigures2", "Summary", "A1");
    wb.copySheet("Deal");
    expect(wb.copySheet("Deal", "Deal")).toBe("Deal (3)");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Deal (3)", "Deal", "Deal (2)", "Summary"]);
    expect(wb.tables.map((t) => [t.name, wb.sheetById(t.sheetId).name])).toEqual([
      ["DealFigures", "Deal"],
      ["DealFigures3", "Deal (2)"],
      ["DealFigures4", "Deal (3)"],
    ]);
  });
});

describe("copy, cut and sort", () => {
  it("a copied cell keeps its format and note, and its relative references move", () => {
    const wb = deal();
    wb.setNumberFormat("Deal", "C5", "0.0");
    wb.setNote("Deal", "C5", "twice");
    wb.copyCell("Deal", "C5", "Deal", "D7");
    expect(wb.cell("Deal", "D7")).toEqual({ value: null, formula: "=C7*2", numberFormat: "0.0" });
    expect(wb.snapshot().sheets[0].notes.D7).toBe("twice");
    wb.copyCell("Summary", "A1", "Summary", "B2");
    expect(wb.cell("Summary", "B2")?.formula).toBe("=Deal!$B$5");
  });

  it("cut cells take their note and name along, and the formulas that referred to them follow", () => {
    const wb = deal();
    wb.moveCells("Deal", "B5:C5", "Deal", "E10");
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells).toEqual({
      E10: { value: 100, formula: null, numberFormat: "General" },
      F10: { value: 0, formula: "=E10*2", numberFormat: "General" },
    });
    expect(snap.sheets[1].cells.A1.formula).toBe("=Deal!$E$10");
    expect(snap.names.DEAL_AMOUNT.address).toBe("E10");
    expect(snap.sheets[0].notes).toEqual({ E10: "from the filing" });
  });

  it("a paste replaces the rectangle it lands on, its empty cells included; a name the cut took only in part stays", () => {
    const wb = deal();
    wb.setCell("Deal", "F10", "mine");
    wb.setCell("Deal", "E11", "under the empty cell");
    wb.addName("TWO", "Deal", "B5");
    wb.names.get("TWO")!.rect = { top: 4, left: 1, bottom: 5, right: 1 }; // B5:B6
    wb.moveCells("Deal", "B5:C6", "Deal", "E10");
    const cells = wb.snapshot().sheets[0].cells;
    expect(Object.keys(cells).sort()).toEqual(["E10", "F10"]);
    expect(cells.F10.formula).toBe("=E10*2");
    expect(wb.snapshot().names.TWO.address).toBe("E10:E11");
    wb.moveCells("Deal", "E10", "Deal", "A1");
    expect(wb.snapshot().names.TWO.address).toBe("E10:E11");
  });

  it("what referred to the pasted-over cells gets #REF!: formulas on any sheet, names, and a table pasted over whole", () => {
    const wb = deal();
    const id = (sheet: string) => wb.sheetByName(sheet).id;
    wb.setCell("Deal", "E10", "old");
    wb.setCell("Deal", "H1", "=E10*2");
    wb.setCell("Deal", "H2", "=SUM(E10:F11)+SUM(E10:E12)+E12");
    wb.setCell("Summary", "B1", "=Deal!F10+Deal!E12+F10");
    wb.addName("ON_E10", "Deal", "E10");
    wb.addName("ON_BLOCK", "Deal", "E10:F11");
    wb.addName("PART", "Deal", "E11:E12");
    wb.sheetByName("Summary").names.set("LOCAL", {
      name: "LOCAL",
      sheetId: id("Deal"),
      rect: { top: 10, left: 5, bottom: 10, right: 5 },
      formula: null,
      comment: "",
      visible: true,
    }); // Deal!F11
    wb.tables.push({ id: "{gone}", name: "Gone", sheetId: id("Deal"), rect: { top: 9, left: 4, bottom: 10, right: 5 } }); // E10:F11
    wb.moveCells("Deal", "B5:C6", "Deal", "E10");
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells.H1.formula).toBe("=#REF!*2");
    expect(snap.sheets[0].cells.H2.formula).toBe("=SUM(#REF!)+SUM(E10:E12)+E12");
    expect(snap.sheets[0].cells.F10.formula).toBe("=E10*2");
    expect(snap.sheets[1].cells.A1.formula).toBe("=Deal!$E$10");
    expect(snap.sheets[1].cells.B1.formula).toBe("=Deal!#REF!+Deal!E12+F10");
    expect(snap.names.DEAL_AMOUNT).toEqual({ sheet: "Deal", address: "E10", comment: "", visible: true });
    expect(snap.names.ON_E10).toEqual({ sheet: "", address: "=#REF!", comment: "", visible: true });
    expect(snap.names.ON_BLOCK).toEqual({ sheet: "", address: "=#REF!", comment: "", visible: true });
    expect(snap.names.PART).toEqual({ sheet: "Deal", address: "E11:E12", comment: "", visible: true });
    expect(wb.sheetByName("Summary").names.get("LOCAL")).toMatchObject({ sheetId: null, formula: "=#REF!" });
    expect(wb.tables).toEqual([]);
  });

  it("where the cut and the paste overlap, what referred to the cut cells follows them; only the rest of the destination is pasted over", () => {
    const wb = deal();
    wb.setCell("Deal", "B6", "=B5+B7+A7+C7");
    wb.setCell("Deal", "A7", "under the paste");
    wb.setCell("Summary", "B1", "=Deal!B6+Deal!C7+Deal!A7");
    wb.addName("IN_SOURCE", "Deal", "B6");
    wb.addName("PASTED_OVER", "Deal", "C7");
    wb.addName("ABOVE", "Deal", "A7");
    wb.tables.push({ id: "{t}", name: "Moves", sheetId: wb.sheetByName("Deal").id, rect: { top: 4, left: 1, bottom: 5, right: 2 } }); // B5:C6
    // B5:C6 cut and pasted at B6: B5:C6 go to B6:C7, so B7:C7 are pasted over and B5:C5 are left empty.
    wb.moveCells("Deal", "B5:C6", "Deal", "B6");
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells).toEqual({
      A7: { value: "under the paste", formula: null, numberFormat: "General" },
      B6: { value: 100, formula: null, numberFormat: "General" },
      C6: { value: 0, formula: "=B6*2", numberFormat: "General" },
      B7: { value: 0, formula: "=B6+#REF!+A7+#REF!", numberFormat: "General" },
    });
    expect(snap.sheets[1].cells.A1.formula).toBe("=Deal!$B$6");
    expect(snap.sheets[1].cells.B1.formula).toBe("=Deal!B7+Deal!#REF!+Deal!A7");
    expect(snap.names.IN_SOURCE.address).toBe("B7");
    expect(snap.names.PASTED_OVER).toEqual({ sheet: "", address: "=#REF!", comment: "", visible: true });
    expect(snap.names.ABOVE.address).toBe("A7");
    expect(snap.sheets[0].tables.map((t) => t.address)).toEqual(["B6:C7"]);
  });

  it("a paste onto another sheet pastes over the cells there, not those of the same address on the cut sheet", () => {
    const wb = deal();
    wb.setCell("Summary", "C3", "=Deal!E10+Summary!E10+E10");
    wb.setCell("Deal", "H1", "=E10+Summary!E10");
    wb.addName("THERE", "Summary", "E10");
    wb.addName("HERE", "Deal", "E10");
    wb.moveCells("Deal", "B5", "Summary", "E10");
    const snap = wb.snapshot();
    expect(snap.sheets[1].cells.C3.formula).toBe("=Deal!E10+Summary!#REF!+#REF!");
    expect(snap.sheets[0].cells.H1.formula).toBe("=E10+Summary!#REF!");
    expect(snap.sheets[0].cells.C5.formula).toBe("=Summary!E10*2");
    expect(snap.sheets[1].cells.A1.formula).toBe("=Summary!$E$10");
    expect(snap.names.THERE).toEqual({ sheet: "", address: "=#REF!", comment: "", visible: true });
    expect(snap.names.HERE.address).toBe("E10");
    expect(snap.names.DEAL_AMOUNT).toEqual({ sheet: "Summary", address: "E10", comment: "", visible: true });
  });

  it("sorting orders by the values cells show: numbers, text ignoring case, FALSE, TRUE, errors; blanks last either way; ties keep their order", () => {
    for (const descending of [false, true]) {
      const wb = new FakeWorkbook({ evaluate: (formula) => (formula === "=1+2" ? 3 : 0) });
      wb.setCell("Sheet1", "A1", "Key");
      [5, null, "b", 2, "a", true, "B", false, "#N/A", "=1+2"].forEach((v, i) => wb.setCell("Sheet1", `A${i + 2}`, v));
      wb.tables.push({ id: "{t}", name: "T", sheetId: wb.sheetByName("Sheet1").id, rect: { top: 0, left: 0, bottom: 10, right: 0 } });
      wb.sortTable("T", 0, descending);
      const col = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((r) => {
        const c = wb.cell("Sheet1", `A${r}`);
        return c?.formula ?? c?.value ?? null;
      });
      expect(col).toEqual(
        descending ? ["#N/A", true, false, "b", "B", "a", 5, "=1+2", 2, null] : [2, "=1+2", 5, "a", "b", "B", false, true, "#N/A", null],
      );
    }
  });

  it("sorting by a column the user added to the table works; a column the table does not have is refused", () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", "Figure");
    [2, 3].forEach((r, i) => wb.setCell("Sheet1", `A${r}`, ["amount", "stake"][i]));
    wb.tables.push({ id: "{t}", name: "T", sheetId: wb.sheetByName("Sheet1").id, rect: { top: 0, left: 0, bottom: 2, right: 0 } });
    wb.addTableColumn("T", "Reviewed by");
    wb.setCell("Sheet1", "B2", "Zoe");
    wb.setCell("Sheet1", "B3", "Ann");
    wb.sortTable("T", 1);
    expect([2, 3].map((r) => [wb.cell("Sheet1", `A${r}`)?.value, wb.cell("Sheet1", `B${r}`)?.value])).toEqual([
      ["stake", "Ann"],
      ["amount", "Zoe"],
    ]);
    expect(() => wb.sortTable("T", 2)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
  });

  it("sorting a table moves its body rows whole, with their notes; the header stays", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "A1", "Year");
    wb.setCell("Sheet1", "B1", "Capex");
    for (const [row, year, capex] of [
      [2, 2027, 30],
      [3, 2025, 10],
      [4, 2026, 20],
    ]) {
      wb.setCell("Sheet1", `A${row}`, year);
      wb.setCell("Sheet1", `B${row}`, capex);
    }
    wb.setNote("Sheet1", "B3", "estimate");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B4", true).name = "Capex";
      await context.sync();
    });
    wb.sortTable("capex", 0);
    const cells = wb.snapshot().sheets[0].cells;
    expect([1, 2, 3, 4].map((r) => [cells[`A${r}`].value, cells[`B${r}`].value])).toEqual([
      ["Year", "Capex"],
      [2025, 10],
      [2026, 20],
      [2027, 30],
    ]);
    expect(wb.snapshot().sheets[0].notes).toEqual({ B2: "estimate" });
    wb.sortTable("Capex", 1, true);
    expect([2, 3, 4].map((r) => wb.cell("Sheet1", `B${r}`)?.value)).toEqual([30, 20, 10]);
  });
});

/** A cell as snapshot() shows it. */
const at = (value: unknown, formula: string | null = null) => ({ value, formula, numberFormat: "General" });

describe("cells inserted (Home › Insert › Insert Cells)", () => {
  /** Deal: B5 100, C5 =B5*2, D5 beside them, the name DEAL_AMOUNT and a note on B5, a table Capex at B8:C9, charts at C12 and E12. */
  async function dealWithTable(): Promise<FakeWorkbook> {
    const wb = deal();
    wb.setCell("Deal", "D5", "beside");
    wb.setCell("Deal", "E1", "=SUM(B5:C6)");
    wb.setCell("Deal", "E2", "=SUM(B5:D5)");
    wb.setCell("Deal", "E3", "=D5+B1");
    for (const [a, v] of [
      ["B8", "Year"],
      ["C8", "Capex"],
      ["B9", 2026],
      ["C9", 5],
    ] as const)
      wb.setCell("Deal", a, v);
    wb.sheetByName("Summary").names.set("LOCAL", {
      name: "LOCAL",
      sheetId: wb.sheetByName("Deal").id,
      rect: { top: 4, left: 2, bottom: 4, right: 2 },
      formula: null,
      comment: "",
      visible: true,
    }); // Deal!C5
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Deal");
      ws.tables.add("B8:C9", true).name = "Capex";
      ws.charts.add("BarClustered", ws.getRange("C9")).setPosition("C12");
      ws.charts.add("BarClustered", ws.getRange("C9")).setPosition("E12");
      await context.sync();
    });
    return wb;
  }

  it("shifting down moves only the cells of those columns, with the formulas, names, notes, tables and charts there", async () => {
    const wb = await dealWithTable();
    wb.insertCells("Deal", "B3:C4", "down");
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells).toEqual({
      E1: at(0, "=SUM(B7:C8)"),
      E2: at(0, "=SUM(B5:D5)"),
      E3: at(0, "=D5+B1"),
      D5: at("beside"),
      B7: at(100),
      C7: at(0, "=B7*2"),
      B10: at("Year"),
      C10: at("Capex"),
      B11: at(2026),
      C11: at(5),
    });
    expect(snap.sheets[1].cells.A1.formula).toBe("=Deal!$B$7");
    expect(snap.names.DEAL_AMOUNT.address).toBe("B7");
    expect(wb.sheetByName("Summary").names.get("LOCAL")?.rect).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
    expect(snap.sheets[0].notes).toEqual({ B7: "from the filing" });
    expect(snap.sheets[0].tables).toEqual([{ name: "Capex", address: "B10:C11" }]);
    expect(snap.sheets[0].charts.map((c) => [c.anchor, c.values])).toEqual([
      ["C14", "Deal!C11"],
      ["E12", "Deal!C11"],
    ]);
  });

  it("shifting right moves only the cells of those rows", async () => {
    const wb = await dealWithTable();
    wb.insertCells("Deal", "A5:B5", "right");
    const cells = wb.snapshot().sheets[0].cells;
    expect([cells.D5, cells.E5, cells.F5, cells.B9]).toEqual([at(100), at(0, "=D5*2"), at("beside"), at(2026)]);
    expect([cells.E1.formula, cells.E2.formula, cells.E3.formula]).toEqual(["=SUM(B5:C6)", "=SUM(D5:F5)", "=F5+B1"]);
    expect([wb.snapshot().names.DEAL_AMOUNT.address, wb.snapshot().sheets[1].cells.A1.formula]).toEqual(["D5", "=Deal!$D$5"]);
  });

  it("a table inside the shifted columns moves whole; one the shift would move in part is refused with InsertDeleteConflict and nothing moves", async () => {
    const wb = await dealWithTable();
    const before = wb.snapshot();
    for (const [address, shift] of [
      ["C3", "down"], // column C of Capex, not B
      ["C9", "down"], // inside it
      ["A9", "right"], // row 9 of Capex, not its header
    ] as const) {
      expect(() => wb.insertCells("Deal", address, shift)).toThrow(
        expect.objectContaining({
          code: "InsertDeleteConflict",
          message: "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet (Capex).",
        }),
      );
      expect(wb.snapshot()).toEqual(before);
    }
    wb.insertCells("Deal", "C10", "down"); // below the table
    wb.insertCells("Deal", "A3:D3", "down");
    expect(wb.snapshot().sheets[0].tables).toEqual([{ name: "Capex", address: "B9:C10" }]);
  });

  it("a shift that would push a cell with content, a format or a note off the sheet is refused with NonBlankCellOffSheet", () => {
    const wb = new FakeWorkbook();
    wb.setNumberFormat("Sheet1", "B1048576", "0.0");
    wb.setNote("Sheet1", "XFD3", "edge");
    for (const edit of [
      () => wb.insertCells("Sheet1", "B2", "down"),
      () => wb.insertRows("Sheet1", 0),
      () => wb.insertCells("Sheet1", "A3", "right"),
    ])
      expect(edit).toThrow(expect.objectContaining({ code: "NonBlankCellOffSheet" }));
    wb.setCell("Sheet1", "C1048576", null); // an empty cell goes quietly
    wb.insertCells("Sheet1", "C2", "down");
    expect(wb.snapshot().sheets[0].cells).toEqual({ B1048576: { value: null, formula: null, numberFormat: "0.0" } });
  });
});

describe("cut and paste with tables (Ctrl+X, Ctrl+V)", () => {
  /** Deal: the table Capex at B8:C10 (Year, Capex; 2026 5; 2027 7), a note on C9, CAPEX_2026 on C9, formulas on both sheets. */
  async function capex(): Promise<FakeWorkbook> {
    const wb = new FakeWorkbook({ sheets: ["Deal", "Summary"] });
    for (const [a, v] of [
      ["B8", "Year"],
      ["C8", "Capex"],
      ["B9", 2026],
      ["C9", 5],
      ["B10", 2027],
      ["C10", 7],
      ["E1", "=SUM(C9:C10)"],
      ["A9", "outside"],
    ] as const)
      wb.setCell("Deal", a, v);
    wb.setCell("Summary", "B1", "=Deal!C9*2");
    wb.setNote("Deal", "C9", "guidance");
    wb.addName("CAPEX_2026", "Deal", "C9", "the 2026 capex");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").tables.add("B8:C10", true).name = "Capex";
      await context.sync();
    });
    return wb;
  }

  it("a whole table cut to another sheet takes its cells, note, name and table along, and the formulas follow it", async () => {
    const wb = await capex();
    wb.moveCells("Deal", "B8:C10", "Summary", "D4");
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells).toEqual({ E1: at(0, "=SUM(Summary!E5:E6)"), A9: at("outside") });
    expect(snap.sheets[1].cells).toEqual({
      B1: at(0, "=Summary!E5*2"),
      D4: at("Year"),
      E4: at("Capex"),
      D5: at(2026),
      E5: at(5),
      D6: at(2027),
      E6: at(7),
    });
    expect([snap.sheets[0].tables, snap.sheets[1].tables]).toEqual([[], [{ name: "Capex", address: "D4:E6" }]]);
    expect([snap.sheets[0].notes, snap.sheets[1].notes]).toEqual([{}, { E5: "guidance" }]);
    expect(snap.names.CAPEX_2026).toEqual({ sheet: "Summary", address: "E5", comment: "the 2026 capex", visible: true });
  });

  it("a block holding the table, cut lower on the same sheet, moves it whole", async () => {
    const wb = await capex();
    wb.moveCells("Deal", "A1:E10", "Deal", "A21");
    const snap = wb.snapshot();
    expect([snap.sheets[0].tables, snap.names.CAPEX_2026.address, snap.sheets[0].cells.E21.formula]).toEqual([
      [{ name: "Capex", address: "B28:C30" }],
      "C29",
      "=SUM(C29:C30)",
    ]);
  });

  it("cutting part of a table (a column, its header, cells across its edge) is refused and nothing moves", async () => {
    const wb = await capex();
    const before = wb.snapshot();
    for (const [from, to] of [
      ["B8:B10", "G1"],
      ["B8", "G1"],
      ["A9:B9", "G1"],
      ["B9:C11", "G1"],
    ]) {
      expect(() => wb.moveCells("Deal", from, "Deal", to)).toThrow(
        expect.objectContaining({
          code: "InvalidOperation",
          message:
            "Cannot complete operation: You are attempting to change a portion of a table row or column in a way that is not allowed (Capex).",
        }),
      );
      expect(wb.snapshot()).toEqual(before);
    }
  });

  it("a paste over part of a table (its header, across its edge) is refused; a table carried onto another is refused with MergedRangeConflict", async () => {
    const wb = await capex();
    wb.setCell("Deal", "G1", "x");
    wb.setCell("Deal", "G2", "y");
    const before = wb.snapshot();
    for (const to of ["C7", "C10", "B8"]) {
      expect(() => wb.moveCells("Deal", "G1:G2", "Deal", to)).toThrow(expect.objectContaining({ code: "InvalidOperation" }));
      expect(wb.snapshot()).toEqual(before);
    }
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Deal").tables.add("G1:G2", true).name = "Other";
      await context.sync();
    });
    expect(() => wb.moveCells("Deal", "G1:G2", "Deal", "C10")).toThrow(
      expect.objectContaining({
        code: "MergedRangeConflict",
        message: "Cannot complete the operation. A table can't overlap with another table (Capex).",
      }),
    );
    expect(wb.snapshot().sheets[0].tables.map((t) => t.address)).toEqual(["B8:C10", "G1:G2"]);
  });

  it("cells inside a table's body are cut out of it and pasted into it; the table keeps its range", async () => {
    const wb = await capex();
    wb.moveCells("Deal", "C9", "Deal", "G1");
    wb.moveCells("Deal", "B10", "Deal", "B9");
    const snap = wb.snapshot();
    expect(snap.sheets[0].cells).toEqual({
      G1: at(5),
      E1: at(0, "=SUM(C9:C10)"),
      B8: at("Year"),
      C8: at("Capex"),
      A9: at("outside"),
      B9: at(2027),
      C10: at(7),
    });
    expect([snap.sheets[0].tables, snap.names.CAPEX_2026.address, snap.sheets[1].cells.B1.formula]).toEqual([
      [{ name: "Capex", address: "B8:C10" }],
      "G1",
      "=Deal!G1*2",
    ]);
  });
});
