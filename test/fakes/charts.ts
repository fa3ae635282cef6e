/**
 * Charts of the fake Excel: ChartCollection.add on a sheet (named "Chart 1", "Chart 2"… in
 * order), the title, the position by its top-left cell, and one series whose values, category
 * (x-axis) values and name are set explicitly. Adding a chart to a protected sheet fails.
 * https://learn.microsoft.com/javascript/api/excel/excel.chart
 * https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 */
import type { Rect } from "./a1";
import { ClientCollection, ClientObject, fillable } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { assertWritable, rangeLabel, type FakeRange } from "./range";
import type { FakeWorksheet } from "./worksheets";

/** A chart as the fake stores it: one series, by the cells it reads. */
export interface ChartModel {
  id: string;
  name: string;
  type: string;
  title: string;
  values: { sheetId: string; rect: Rect };
  categories: { sheetId: string; rect: Rect } | null;
  seriesName: string | null;
  anchor: { row: number; col: number };
}

export class FakeChartCollection extends ClientCollection<ChartModel, FakeChart> {
  protected readonly typeName = "ChartCollection";
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected list(): ChartModel[] {
    return this.sheet.target().charts;
  }
  protected proxyFor(m: ChartModel): FakeChart {
    const id = m.id;
    const c = new FakeChart(this.ctx, () => this.sheet.target().charts.find((x) => x.id === id) ?? null);
    fillable(c);
    return c;
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let id = "";
    void seriesBy;
    this.ctx.enqueueWrite("ChartCollection.add", 1, () => {
      const sheet = this.sheet.target();
      assertWritable(this.ctx, sheet);
      const src = sourceData.target();
      id = this.ctx.host.newId("chart");
      sheet.charts.push({
        id,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        values: { sheetId: src.sheet.id, rect: { ...src.rect } },
        categories: null,
        seriesName: null,
        anchor: { row: 0, col: 0 },
      });
      return rangeLabel(src);
    });
    return new FakeChart(this.ctx, () => this.sheet.target().charts.find((c) => c.id === id) ?? null);
  }
}

export class FakeChart extends ClientObject<ChartModel> {
  protected readonly typeName = "Chart";
  protected readonly scalarProps = ["name", "chartType"];
  readonly title: { text: string };
  readonly series: { getItemAt(i: number): FakeChartSeries };
  constructor(ctx: FakeRequestContext, locate: () => ChartModel | null, nullable = false) {
    super(ctx, locate, nullable);
    const chart = this;
    this.title = {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The fake does not load chart titles; read them from snapshot().");
      },
      set text(v: string) {
        chart.set("title", 1, (m) => (m.title = v));
      },
    };
    this.series = { getItemAt: (i: number) => new FakeChartSeries(ctx, this, i) };
  }
  protected describe(m: ChartModel): string {
    return m.name;
  }
  protected readProp(m: ChartModel, prop: string): unknown {
    return prop === "name" ? m.name : m.type;
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", 1, (m) => (m.name = v));
  }
  get chartType(): string {
    return this.get("chartType");
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    void endCell;
    this.ctx.enqueueWrite("Chart.setPosition", 1, () => {
      const m = this.target();
      const home = this.ctx.host.sheets.find((sh) => sh.charts.includes(m)) ?? null;
      const at = typeof startCell === "string" ? this.ctx.host.resolveAddress(startCell, home).rect : startCell.target().rect;
      m.anchor = { row: at.top, col: at.left };
      return m.name;
    });
  }
}

class FakeChartSeries {
  constructor(
    readonly ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly index: number,
  ) {}
  private model(): ChartModel {
    if (this.index !== 0) throw new FakeOfficeError("ItemNotFound", "The fake's charts have one series.");
    return this.chart.target();
  }
  set name(v: string) {
    this.ctx.enqueueWrite("ChartSeries.name", 1, () => {
      const m = this.model();
      m.seriesName = v;
      return m.name;
    });
  }
  setXAxisValues(source: FakeRange): void {
    this.ctx.enqueueWrite("ChartSeries.setXAxisValues", 7, () => {
      const t = source.target();
      this.model().categories = { sheetId: t.sheet.id, rect: { ...t.rect } };
      return rangeLabel(t);
    });
  }
  setValues(source: FakeRange): void {
    this.ctx.enqueueWrite("ChartSeries.setValues", 7, () => {
      const t = source.target();
      this.model().values = { sheetId: t.sheet.id, rect: { ...t.rect } };
      return rangeLabel(t);
    });
  }
}
