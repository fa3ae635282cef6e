/**
 * Settings of the fake Excel (ExcelApi 1.4): add-in settings stored in the workbook as JSON, by
 * key; the Setting and SettingCollection objects (workbook.settings).
 * https://learn.microsoft.com/javascript/api/excel/excel.setting
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
import { ClientCollection, ClientObject, fillable } from "./client";
import { FakeOfficeError } from "./errors";

export class FakeSettingCollection extends ClientCollection<{ key: string }, FakeSetting> {
  protected readonly typeName = "SettingCollection";
  protected list(): { key: string }[] {
    return [...this.ctx.host.settings.keys()].map((k) => ({ key: k }));
  }
  protected proxyFor(m: { key: string }): FakeSetting {
    const s = new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(m.key) ? m : null));
    fillable(s);
    return s;
  }
  add(k: string, value: unknown): FakeSetting {
    const json = JSON.stringify(value);
    this.ctx.enqueueWrite("SettingCollection.add", 4, () => {
      if (typeof k !== "string" || k.length === 0) throw new FakeOfficeError("InvalidArgument", "A setting needs a key.");
      if (json === undefined) throw new FakeOfficeError("InvalidArgument", "A setting's value must be JSON.");
      this.ctx.host.settings.set(k, json);
      return k;
    });
    return new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(k) ? { key: k } : null));
  }
  getItem(k: string): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(k) ? { key: k } : null));
  }
  getItemOrNullObject(k: string): FakeSetting {
    this.ctx.enqueue("SettingCollection.getItemOrNullObject", 4, () => undefined);
    return new FakeSetting(this.ctx, () => (this.ctx.host.settings.has(k) ? { key: k } : null), true);
  }
}

export class FakeSetting extends ClientObject<{ key: string }> {
  protected readonly typeName = "Setting";
  protected readonly scalarProps = ["key", "value"];
  protected describe(m: { key: string }): string {
    return m.key;
  }
  protected readProp(m: { key: string }, prop: string): unknown {
    if (prop === "key") return m.key;
    return JSON.parse(this.ctx.host.settings.get(m.key) as string);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    const json = JSON.stringify(v);
    this.set("value", 4, (m) => this.ctx.host.settings.set(m.key, json));
  }
  delete(): void {
    this.ctx.enqueueWrite("Setting.delete", 4, () => {
      const { key } = this.target();
      this.ctx.host.settings.delete(key);
      return key;
    });
  }
}
