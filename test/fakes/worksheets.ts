/**
 * Worksheets of the fake Excel: the sheet model, Excel's rules for sheet names (at most 31
 * characters, none of : \ / ? * [ ], not blank, not beginning or ending with an apostrophe, not
 * "History", unique ignoring case), visibility (a workbook keeps one visible sheet), protection,
 * and the Worksheet, WorksheetCollection and WorksheetProtection objects.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/ebf12ea5-2bb4-4af5-ab26-563f22d3f895
 */
import { MAX_COL, MAX_ROW, type Rect } from "./a1";
import type { FakeCell } from "./cells";
import { FakeChartCollection, type ChartModel } from "./charts";
import { ClientCollection, ClientObject, fillable } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeSheetNamedItemCollection, type NameModel } from "./names";
import { FakeNoteCollection } from "./notes";
import { FakePageLayout, type PageLayoutModel } from "./page-layout";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./range-format";
import { FakeTableCollection } from "./tables";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** A sheet as the fake stores it; cells, notes and column widths by 0-based index. */
export interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  cells: Map<string, FakeCell>;
  notes: Map<string, string>;
  charts: ChartModel[];
  columnWidths: Map<number, number>;
  /** The sheet's own (sheet-scoped) names, by upper-case name; Workbook.names does not list them. */
  names: Map<string, NameModel>;
  /** Print settings (page-layout.ts); absent: Excel's defaults. */
  pageLayout?: PageLayoutModel;
  /** Row heights in points by 0-based row, for rows whose height was set. */
  rowHeights?: Map<number, number>;
  /** The 0-based rows a filter hides (a table's filter, Data › Filter): writes across them are refused (range.ts). */
  filtered?: Set<number>;
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** Throws as Excel refuses a sheet name: InvalidArgument for a bad name, ItemAlreadyExists for a taken one. */
export function checkSheetName(name: unknown, taken: readonly string[]): void {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    SHEET_NAME_FORBIDDEN.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  ) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name "${String(name)}" is not valid.`);
  }
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }
}

/** Throws AccessDenied, as Excel does, for a change to a protected sheet (its cells, notes, tables, charts). */
export function checkWritable(sheet: SheetModel): void {
  if (sheet.protected) {
    throw new FakeOfficeError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}"). To make a change, unprotect the sheet.`,
    );
  }
}

/**
 * Throws AccessDenied, as Excel does, when the workbook's structure is protected: sheets cannot be
 * added, moved, deleted, hidden, unhidden or renamed.
 * https://support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517
 */
/**
 * Moves a sheet's tab to `position` (0-based, hidden and very hidden sheets counted), as dragging
 * the tab or Worksheet.position [ExcelApi 1.1] does: "The zero-based position of the worksheet
 * within the workbook" (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-position-member).
 * Cells, names, tables and references stay as they are; refused while the structure is protected.
 */
export function moveSheet(wb: { sheets: SheetModel[]; structureProtected: boolean }, m: SheetModel, position: number): void {
  if (!Number.isInteger(position) || position < 0 || position >= wb.sheets.length)
    throw new FakeOfficeError("InvalidArgument", `${position} is not a sheet position (0 to ${wb.sheets.length - 1}).`);
  checkStructureUnprotected(wb, "moved");
  wb.sheets.splice(wb.sheets.indexOf(m), 1);
  wb.sheets.splice(position, 0, m);
}

export function checkStructureUnprotected(wb: { structureProtected: boolean }, done: string): void {
  if (wb.structureProtected) throw new FakeOfficeError("AccessDenied", `The workbook's structure is protected: sheets cannot be ${done}.`);
}

export class FakeWorksheetCollection extends ClientCollection<SheetModel, FakeWorksheet> {
  protected readonly typeName = "WorksheetCollection";
  protected list(): SheetModel[] {
    return this.ctx.host.sheets;
  }
  protected proxyFor(m: SheetModel): FakeWorksheet {
    const id = m.id;
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.sheetById(id));
    fillable(ws);
    return ws;
  }

  add(name?: string): FakeWorksheet {
    let id = "";
    const host = this.ctx.host;
    this.ctx.enqueueWrite("WorksheetCollection.add", 1, () => {
      checkStructureUnprotected(host, "added");
      let sheetName = name;
      if (sheetName === undefined) {
        let n = host.sheets.length + 1;
        while (host.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      host.addSheet(sheetName);
      id = host.sheets[host.sheets.length - 1].id;
      return sheetName;
    });
    return new FakeWorksheet(this.ctx, () => (id ? host.sheetById(id) : null));
  }

  getItem(name: string): FakeWorksheet {
    const host = this.ctx.host;
    return new FakeWorksheet(this.ctx, () => host.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name) ?? null);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const host = this.ctx.host;
    const ws = new FakeWorksheet(
      this.ctx,
      () => host.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name) ?? null,
      true,
    );
    this.ctx.enqueue("WorksheetCollection.getItemOrNullObject", 4, () => undefined);
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    const host = this.ctx.host;
    return new FakeWorksheet(this.ctx, () => host.sheetById(host.activeSheetId));
  }
}

export class FakeWorksheet extends ClientObject<SheetModel> {
  protected readonly typeName = "Worksheet";
  protected readonly scalarProps = ["id", "name", "position", "visibility"];
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly notes: FakeNoteCollection;
  readonly names: FakeSheetNamedItemCollection;
  readonly pageLayout: FakePageLayout;

  constructor(ctx: FakeRequestContext, locate: () => SheetModel | null, nullable = false) {
    super(ctx, locate, nullable);
    this.pageLayout = new FakePageLayout(ctx, () => this.target());
    this.names = new FakeSheetNamedItemCollection(ctx, () => this.target());
    this.protection = new FakeWorksheetProtection(ctx, () => this.locate());
    this.tables = new FakeTableCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    this.notes = new FakeNoteCollection(ctx, this);
  }

  protected override child(name: string): ClientObject<unknown> | null {
    return name === "protection" ? (this.protection as ClientObject<unknown>) : null;
  }

  protected override childCollection(name: string): ClientCollection<unknown, ClientObject<unknown>> | null {
    return name === "names" ? (this.names as unknown as ClientCollection<unknown, ClientObject<unknown>>) : null;
  }

  protected describe(m: SheetModel): string {
    return m.name;
  }

  protected readProp(m: SheetModel, prop: string): unknown {
    switch (prop) {
      case "id":
        return m.id;
      case "name":
        return m.name;
      case "position":
        return this.ctx.host.sheets.indexOf(m);
      case "visibility":
        return m.visibility;
    }
    return undefined;
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set("name", 1, (m) => {
      checkStructureUnprotected(this.ctx.host, "renamed");
      checkSheetName(
        value,
        this.ctx.host.sheets.filter((s) => s !== m).map((s) => s.name),
      );
      this.ctx.host.applyEdit({ kind: "rename", from: m.name, to: value });
      m.name = value;
    });
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.set("position", 1, (m) => moveSheet(this.ctx.host, m, value));
  }
  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(value: Visibility) {
    this.set("visibility", 7, (m) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value))
        throw new FakeOfficeError("InvalidArgument", `"${value}" is not a sheet visibility.`);
      if (value !== m.visibility) checkStructureUnprotected(this.ctx.host, value === "Visible" ? "unhidden" : "hidden");
      if (value !== "Visible" && this.ctx.host.sheets.filter((s) => s !== m && s.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      m.visibility = value;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } };
      const r = this.ctx.host.resolveAddress(address, sheet);
      if (r.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", `"${address}" is on another sheet.`);
      return r;
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): FakeRange {
    this.ctx.enqueue("Worksheet.getRangeByIndexes", 7, () => undefined);
    return new FakeRange(this.ctx, () => {
      if (rowCount < 1 || columnCount < 1 || row < 0 || col < 0)
        throw new FakeOfficeError("InvalidArgument", "The range size is not valid.");
      return { sheet: this.target(), rect: { top: row, left: col, bottom: row + rowCount - 1, right: col + columnCount - 1 } };
    });
  }

  getRanges(addresses: string): FakeRangeAreas {
    this.ctx.enqueue("Worksheet.getRanges", 9, () => undefined);
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const sheet = this.target();
        return addresses.split(",").map((a) => {
          const r = this.ctx.host.resolveAddress(a.trim(), sheet);
          return r.rect;
        });
      },
      () => this.target(),
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      return { sheet, rect: usedRect(sheet, null, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.enqueue("Worksheet.getUsedRangeOrNullObject", 4, () => undefined);
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = usedRect(sheet, null, valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this.ctx.enqueueWrite("Worksheet.activate", 1, () => {
      const m = this.target();
      if (m.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.ctx.host.activeSheetId = m.id;
      this.ctx.host.selection = { sheetId: m.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      return m.name;
    });
  }

  delete(): void {
    this.ctx.enqueueWrite("Worksheet.delete", 1, () => {
      const host = this.ctx.host;
      const m = this.target();
      checkStructureUnprotected(host, "deleted");
      if (host.sheets.filter((s) => s !== m && s.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      host.removeSheet(m);
      return m.name;
    });
  }
}

class FakeWorksheetProtection extends ClientObject<SheetModel> {
  protected readonly typeName = "WorksheetProtection";
  protected readonly scalarProps = ["protected"];
  protected describe(m: SheetModel): string {
    return m.name;
  }
  protected readProp(m: SheetModel): unknown {
    return m.protected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(): void {
    this.ctx.enqueueWrite("WorksheetProtection.protect", 2, () => {
      const m = this.target();
      m.protected = true;
      return m.name;
    });
  }
  unprotect(): void {
    this.ctx.enqueueWrite("WorksheetProtection.unprotect", 2, () => {
      const m = this.target();
      m.protected = false;
      return m.name;
    });
  }
}

/** The smallest rectangle holding content (or, unless valuesOnly, a number format), within `within`. */
export function usedRect(sheet: SheetModel, within: Rect | null, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, c] of sheet.cells) {
    const hasContent = c.value !== null || c.formula !== null;
    if (!hasContent && (valuesOnly || c.numberFormat === "General")) continue;
    const [row, col] = k.split(",").map(Number);
    if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
    r = r
      ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }
  return r;
}
