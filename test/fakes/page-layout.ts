/**
 * A worksheet's page layout in the fake Excel (ExcelApi 1.9), as Microsoft documents it:
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheet-display#set-print-layout-options
 *
 * - orientation "Portrait" (the default) or "Landscape"; zoom { scale } (10 to 400) and/or
 *   { horizontalFitToPages, verticalFitToPages } (whole pages; one not given stays unset);
 * - setPrintArea(Range | address) on the sheet; setPrintTitleRows(Range | "$4:$4"): the range
 *   must span entire rows.
 * Row heights (RangeFormat.rowHeight, in points) live on the sheet beside it.
 */
import { MAX_COL, quoteSheet, rectAddress, type Rect } from "./a1";
import { ClientObject } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FakeRange } from "./range";
import type { FakeWorkbook } from "./workbook";
import type { SheetModel } from "./worksheets";

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: Rect | null;
  printTitleRows: { top: number; bottom: number } | null;
}

export function defaultPageLayout(): PageLayoutModel {
  return { orientation: "Portrait", zoom: { scale: 100 }, printArea: null, printTitleRows: null };
}

function layoutOf(sheet: SheetModel): PageLayoutModel {
  sheet.pageLayout ??= defaultPageLayout();
  return sheet.pageLayout;
}

function checkZoom(zoom: unknown): PageLayoutModel["zoom"] {
  const z = (zoom ?? {}) as Record<string, unknown>;
  const pages = ["horizontalFitToPages", "verticalFitToPages"].filter((k) => z[k] !== undefined && z[k] !== null);
  const out: PageLayoutModel["zoom"] = {};
  if (z.scale !== undefined && z.scale !== null) {
    const scale = Number(z.scale);
    if (!Number.isInteger(scale) || scale < 10 || scale > 400)
      throw new FakeOfficeError("InvalidArgument", "A print scale is between 10 and 400.");
    out.scale = scale;
  }
  for (const k of pages as ("horizontalFitToPages" | "verticalFitToPages")[]) {
    const n = Number(z[k]);
    if (!Number.isInteger(n) || n < 0) throw new FakeOfficeError("InvalidArgument", `${k} is a whole number of pages.`);
    out[k] = n;
  }
  return out;
}

export class FakePageLayout extends ClientObject<SheetModel> {
  protected readonly typeName = "PageLayout";
  protected readonly scalarProps = ["orientation", "zoom"];

  constructor(ctx: FakeRequestContext, locate: () => SheetModel | null) {
    super(ctx, locate);
  }

  protected describe(m: SheetModel): string {
    return m.name;
  }

  protected readProp(m: SheetModel, prop: string): unknown {
    return prop === "orientation" ? layoutOf(m).orientation : { ...layoutOf(m).zoom };
  }

  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(value: string) {
    this.set("orientation", 9, (m) => {
      if (value !== "Portrait" && value !== "Landscape")
        throw new FakeOfficeError("InvalidArgument", `"${value}" is not a page orientation.`);
      layoutOf(m).orientation = value;
    });
  }
  get zoom(): PageLayoutModel["zoom"] {
    return this.get("zoom");
  }
  set zoom(value: PageLayoutModel["zoom"]) {
    this.set("zoom", 9, (m) => {
      layoutOf(m).zoom = checkZoom(value);
    });
  }

  /** The rectangle of a Range or an address on this sheet. */
  private rectOf(m: SheetModel, target: FakeRange | string): Rect {
    if (typeof target !== "string") {
      const t = target.target();
      if (t.sheet !== m) throw new FakeOfficeError("InvalidArgument", "The range is on another sheet.");
      return t.rect;
    }
    const r = this.ctx.host.resolveAddress(target, m);
    if (r.sheet !== m) throw new FakeOfficeError("InvalidArgument", `"${target}" is on another sheet.`);
    return r.rect;
  }

  setPrintArea(area: FakeRange | string): void {
    this.ctx.enqueueWrite("PageLayout.setPrintArea", 9, () => {
      const m = this.target();
      layoutOf(m).printArea = this.rectOf(m, area);
      return m.name;
    });
  }

  setPrintTitleRows(rows: FakeRange | string): void {
    this.ctx.enqueueWrite("PageLayout.setPrintTitleRows", 9, () => {
      const m = this.target();
      const rect = this.rectOf(m, rows);
      if (rect.left !== 0 || rect.right !== MAX_COL)
        throw new FakeOfficeError("InvalidArgument", "The print title rows must span entire rows.");
      layoutOf(m).printTitleRows = { top: rect.top, bottom: rect.bottom };
      return m.name;
    });
  }
}

/** A sheet's page layout and row heights as plain data: what a test compares. */
export function pageSetupOf(
  wb: FakeWorkbook,
  sheet: string,
): {
  orientation: string;
  zoom: PageLayoutModel["zoom"];
  printArea: string | null;
  printTitleRows: string | null;
  rowHeights: Record<number, number>;
} {
  const model = wb.sheets.find((s) => s.name === sheet);
  if (!model) throw new Error(`No sheet ${sheet}.`);
  const layout = model.pageLayout ?? defaultPageLayout();
  return {
    orientation: layout.orientation,
    zoom: { ...layout.zoom },
    printArea: layout.printArea ? `${quoteSheet(model.name)}!${rectAddress(layout.printArea)}` : null,
    printTitleRows: layout.printTitleRows ? `$${layout.printTitleRows.top + 1}:$${layout.printTitleRows.bottom + 1}` : null,
    rowHeights: Object.fromEntries(
      [...(model.rowHeights ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h]),
    ),
  };
}
