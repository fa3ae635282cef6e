/**
 * Defined names of the fake Excel: Excel's rules for a name (at most 255 characters; a letter,
 * underscore or backslash first, then letters, digits, periods, underscores, backslashes; not a
 * cell reference, not R or C or an R1C1 reference; unique ignoring case, in one namespace with
 * table names), workbook-scope names on a range or a constant, and the NamedItem and
 * NamedItemCollection objects. A name whose cells or sheet were deleted refers to #REF!.
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditem
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/9456f961-5069-4e5f-989d-44bdc56d031e
 */
import { absolute, parseCellRef, quoteSheet, type Rect } from "./a1";
import { ClientCollection, ClientObject, fillable } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeRange } from "./range";
import type { SheetModel } from "./worksheets";

/** A workbook-scope name as the fake stores it. */
export interface NameModel {
  name: string;
  /** null: the name refers to a constant (`formula`) or to a deleted sheet (#REF!) */
  sheetId: string | null;
  rect: Rect;
  /** what a non-range name refers to, "=FALSE"; "=#REF!" once its sheet was deleted */
  formula: string | null;
  comment: string;
  visible: boolean;
}

/** Excel's rules for defined names and table names. */
export function isValidExcelName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) && parseCellRef(name)) return false;
  if (/^[rRcC]$/.test(name)) return false;
  if (/^[rR][0-9]*([cC][0-9]*)?$/.test(name) || /^[cC][0-9]+$/.test(name)) return false;
  return true;
}

export class FakeNamedItemCollection extends ClientCollection<NameModel, FakeNamedItem> {
  protected readonly typeName = "NamedItemCollection";
  protected list(): NameModel[] {
    return [...this.ctx.host.names.values()];
  }
  protected proxyFor(m: NameModel): FakeNamedItem {
    const k = m.name.toUpperCase();
    const item = new FakeNamedItem(this.ctx, () => this.ctx.host.names.get(k) ?? null);
    fillable(item);
    return item;
  }

  /** @internal a workbook name's proxy, for a sheet's list that shows it (office-js#1011) */
  proxyOf(m: NameModel): FakeNamedItem {
    return this.proxyFor(m);
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const host = this.ctx.host;
    this.ctx.enqueueWrite("NamedItemCollection.add", comment === undefined ? 1 : 4, () => {
      if (typeof name !== "string" || !isValidExcelName(name)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The name "${String(name)}" is not valid. A name starts with a letter or underscore and has no spaces.`,
        );
      }
      if (host.nameTaken(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (typeof reference === "string" && /^=(TRUE|FALSE|-?[0-9.]+|"[^"]*")$/i.test(reference)) {
        host.names.set(name.toUpperCase(), {
          name,
          sheetId: null,
          rect: { top: 0, left: 0, bottom: 0, right: 0 },
          formula: reference.toUpperCase(),
          comment: comment ?? "",
          visible: true,
        });
        return name;
      }
      const target = typeof reference === "string" ? host.resolveAddress(reference.replace(/^=/, ""), null) : reference.target();
      host.names.set(name.toUpperCase(), {
        name,
        sheetId: target.sheet.id,
        rect: { ...target.rect },
        formula: null,
        comment: comment ?? "",
        visible: true,
      });
      return name;
    });
    return new FakeNamedItem(this.ctx, () => host.names.get(name.toUpperCase()) ?? null);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ctx.host.names.get(name.toUpperCase()) ?? null);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.ctx.enqueue("NamedItemCollection.getItemOrNullObject", 4, () => undefined);
    return new FakeNamedItem(this.ctx, () => this.ctx.host.names.get(name.toUpperCase()) ?? null, true);
  }
}

/**
 * A worksheet's own names (Worksheet.names, ExcelApi 1.4): names scoped to that sheet, which
 * Workbook.names does not list (OfficeDev/office-js#1011). A sheet-scoped name may share its text
 * with a workbook name (on its sheet it wins), never with a table. Structural edits move them as
 * they move workbook names (edits.ts).
 */
export class FakeSheetNamedItemCollection extends ClientCollection<NameModel, FakeNamedItem> {
  protected readonly typeName = "NamedItemCollection";
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx);
  }
  protected list(): NameModel[] {
    const own = [...this.sheet().names.values()];
    return this.ctx.host.sheetNamesListWorkbookNames ? [...own, ...this.ctx.host.names.values()] : own;
  }
  protected proxyFor(m: NameModel): FakeNamedItem {
    const sheet = this.sheet();
    const k = m.name.toUpperCase();
    if (sheet.names.get(k) !== m) return new FakeNamedItemCollection(this.ctx).proxyOf(m);
    const item = new FakeNamedItem(this.ctx, () => sheet.names.get(k) ?? null, false, sheet.name);
    fillable(item);
    return item;
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const host = this.ctx.host;
    const sheet = this.sheet();
    this.ctx.enqueueWrite("NamedItemCollection.add", 4, () => {
      if (typeof name !== "string" || !isValidExcelName(name))
        throw new FakeOfficeError("InvalidArgument", `The name "${String(name)}" is not valid.`);
      if (sheet.names.has(name.toUpperCase()) || host.tables.some((t) => t.name.toUpperCase() === name.toUpperCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      }
      const target = typeof reference === "string" ? host.resolveAddress(reference.replace(/^=/, ""), sheet) : reference.target();
      sheet.names.set(name.toUpperCase(), {
        name,
        sheetId: target.sheet.id,
        rect: { ...target.rect },
        formula: null,
        comment: comment ?? "",
        visible: true,
      });
      return `${sheet.name}!${name}`;
    });
    return new FakeNamedItem(this.ctx, () => sheet.names.get(name.toUpperCase()) ?? null, false, sheet.name);
  }
}

export class FakeNamedItem extends ClientObject<NameModel> {
  protected readonly typeName = "NamedItem";
  constructor(
    ctx: FakeRequestContext,
    locate: () => NameModel | null,
    nullable = false,
    /** The sheet a sheet-scoped name belongs to; null for a workbook-scope name. */
    private readonly scopeSheet: string | null = null,
  ) {
    super(ctx, locate, nullable);
  }
  protected readonly scalarProps = ["name", "type", "value", "formula", "comment", "visible", "scope"];
  protected describe(m: NameModel): string {
    return m.name;
  }
  protected readProp(m: NameModel, prop: string): unknown {
    const ref =
      m.sheetId === null ? (m.formula ?? "=#REF!").slice(1) : `${quoteSheet(this.ctx.host.sheetById(m.sheetId).name)}!${absolute(m.rect)}`;
    switch (prop) {
      case "name":
        return m.name;
      case "type":
        return m.sheetId !== null
          ? "Range"
          : ref === "#REF!"
            ? "Error"
            : /^(TRUE|FALSE)$/.test(ref)
              ? "Boolean"
              : /^"/.test(ref)
                ? "String"
                : "Double";
      case "value":
        return ref;
      case "formula":
        return `=${ref}`;
      case "comment":
        return m.comment;
      case "visible":
        return m.visible;
      case "scope":
        return this.scopeSheet === null ? "Workbook" : "Worksheet";
    }
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): string {
    return this.get("value");
  }
  get formula(): string {
    return this.get("formula");
  }
  get comment(): string {
    return this.get("comment");
  }
  set comment(v: string) {
    this.set("comment", 4, (m) => (m.comment = v));
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.set("visible", 1, (m) => (m.visible = v));
  }
  get scope(): string {
    return this.get("scope");
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.target();
      if (m.sheetId === null) throw new FakeOfficeError("InvalidReference", `The name "${m.name}" does not refer to a range.`);
      return { sheet: this.ctx.host.sheetById(m.sheetId), rect: { ...m.rect } };
    });
  }
  /** A null object when the name does not refer to a range (a constant, #REF!). */
  getRangeOrNullObject(): FakeRange {
    this.ctx.enqueue("NamedItem.getRangeOrNullObject", 4, () => undefined);
    return new FakeRange(
      this.ctx,
      () => {
        const m = this.target();
        return m.sheetId === null ? null : { sheet: this.ctx.host.sheetById(m.sheetId), rect: { ...m.rect } };
      },
      true,
    );
  }
  delete(): void {
    this.ctx.enqueueWrite("NamedItem.delete", 4, () => {
      const m = this.target();
      this.ctx.host.names.delete(m.name.toUpperCase());
      return m.name;
    });
  }
}
