/**
 * Custom document properties of the fake Excel (ExcelApi 1.7): keys case-insensitive, values
 * text, numbers or booleans with their type; the CustomProperty and CustomPropertyCollection
 * objects (workbook.properties.custom).
 * https://learn.microsoft.com/javascript/api/excel/excel.customproperty
 * https://learn.microsoft.com/javascript/api/excel/excel.custompropertycollection
 */
import type { Scalar } from "./cells";
import { ClientCollection, ClientObject, fillable } from "./client";
import { FakeOfficeError } from "./errors";

export class FakeCustomPropertyCollection extends ClientCollection<{ key: string; value: Scalar }, FakeCustomProperty> {
  protected readonly typeName = "CustomPropertyCollection";
  protected list(): { key: string; value: Scalar }[] {
    return [...this.ctx.host.customProperties.values()];
  }
  protected proxyFor(m: { key: string; value: Scalar }): FakeCustomProperty {
    const k = m.key.toLowerCase();
    const p = new FakeCustomProperty(this.ctx, () => this.ctx.host.customProperties.get(k) ?? null);
    fillable(p);
    return p;
  }
  override load(props?: unknown): this {
    this.ctx.enqueue("CustomPropertyCollection.load", 7, () => undefined);
    return super.load(props);
  }
  add(k: string, value: Scalar): FakeCustomProperty {
    this.ctx.enqueueWrite("CustomPropertyCollection.add", 7, () => {
      if (typeof k !== "string" || k.length === 0 || k.length > 255)
        throw new FakeOfficeError("InvalidArgument", "A custom property key is 1 to 255 characters.");
      if (typeof value === "string" && value.length > 255)
        throw new FakeOfficeError("InvalidArgument", "A custom property value is at most 255 characters.");
      this.ctx.host.customProperties.set(k.toLowerCase(), { key: k, value });
      return k;
    });
    return new FakeCustomProperty(this.ctx, () => this.ctx.host.customProperties.get(k.toLowerCase()) ?? null);
  }
  getItemOrNullObject(k: string): FakeCustomProperty {
    this.ctx.enqueue("CustomPropertyCollection.getItemOrNullObject", 7, () => undefined);
    return new FakeCustomProperty(this.ctx, () => this.ctx.host.customProperties.get(k.toLowerCase()) ?? null, true);
  }
}

export class FakeCustomProperty extends ClientObject<{ key: string; value: Scalar }> {
  protected readonly typeName = "CustomProperty";
  protected readonly scalarProps = ["key", "value", "type"];
  protected describe(m: { key: string }): string {
    return m.key;
  }
  protected readProp(m: { key: string; value: Scalar }, prop: string): unknown {
    if (prop === "key") return m.key;
    if (prop === "value") return m.value;
    return typeof m.value === "number" ? "Number" : typeof m.value === "boolean" ? "Boolean" : "String";
  }
  get key(): string {
    return this.get("key");
  }
  get value(): Scalar {
    return this.get("value");
  }
  set value(v: Scalar) {
    this.set("value", 7, (m) => (m.value = v));
  }
  get type(): string {
    return this.get("type");
  }
  delete(): void {
    this.ctx.enqueueWrite("CustomProperty.delete", 7, () => {
      const { key } = this.target();
      this.ctx.host.customProperties.delete(key.toLowerCase());
      return key;
    });
  }
}
