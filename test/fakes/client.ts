/**
 * The client side of the fake's object model, as Office.js has it: proxy objects whose scalar
 * properties are read only after `load()` and `context.sync()`, whose writes are queued until the
 * next sync, and *OrNullObject proxies whose `isNullObject` is known only after a sync.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * https://learn.microsoft.com/javascript/api/office/officeextension.clientobject
 */
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";

export function parseLoadArg(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoadArg(a));
  if (typeof arg === "object" && arg !== null) {
    const select = (arg as { select?: unknown }).select;
    if (select !== undefined) return parseLoadArg(select);
    return Object.keys(arg as object);
  }
  return [];
}

/**
 * A client object: properties are read from `loaded` (filled at sync by a queued load) and
 * written through queued operations.
 */
export abstract class ClientObject<M> {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  protected abstract readonly typeName: string;
  /** Scalar properties `load()` with no argument reads. */
  protected abstract readonly scalarProps: readonly string[];

  constructor(
    readonly ctx: FakeRequestContext,
    /** Finds the model object at execution time; null for a missing *OrNullObject target. */
    protected readonly locate: () => M | null,
    protected readonly nullable = false,
  ) {}

  /** @internal the model object, or an ItemNotFound error */
  target(): M {
    const m = this.locate();
    if (m === null) throw new FakeOfficeError("ItemNotFound", `The requested ${this.typeName} does not exist.`);
    return m;
  }

  protected abstract readProp(model: M, prop: string): unknown;

  /** @internal for the Rich API host (test/real-client): false for a null object; a missing one throws ItemNotFound. */
  exists(): boolean {
    return (this.nullable ? this.locate() : this.target()) !== null;
  }

  /** @internal for the Rich API host: a scalar of the object as it is now, without a load (its id); undefined if it has none. */
  peek(prop: string): unknown {
    return this.scalarProps.includes(prop) ? this.readProp(this.target(), prop) : undefined;
  }

  /** What a write to this object names as its target in the sync's log: a name, a key, "Deal!B5". */
  protected abstract describe(model: M): string;

  load(props?: unknown): this {
    const list = parseLoadArg(props);
    const wanted = list.length > 0 ? list : this.scalarProps;
    this.ctx.enqueue(`${this.typeName}.load`, 1, () => {
      const m = this.nullable ? this.locate() : this.target();
      this.nullState = m === null;
      if (m === null) return;
      this.captureAll(m, wanted);
    });
    return this;
  }

  /** @internal stores the loaded properties; a child collection's ("names/items/name", "names/items/comment") in one load. */
  captureAll(m: M, props: readonly string[]): void {
    const nested = new Map<ClientCollection<unknown, ClientObject<unknown>>, string[]>();
    for (const prop of props) {
      const slash = prop.indexOf("/");
      const collection = slash > 0 ? this.childCollection(prop.slice(0, slash)) : null;
      if (collection) nested.set(collection, [...(nested.get(collection) ?? []), prop.slice(slash + 1).replace(/^items\//, "")]);
      else this.capture(m, prop);
    }
    // A collection's items, loaded in the same sync through the navigation path (OfficeExtension.LoadOption).
    for (const [collection, wanted] of nested) collection.fillNow(wanted);
  }

  /** @internal stores one loaded property, "a" or a navigation path "protection/protected" */
  capture(m: M, prop: string): void {
    const slash = prop.indexOf("/");
    if (slash > 0) {
      const child = this.child(prop.slice(0, slash));
      if (!child) throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no property "${prop}" to load.`);
      child.nullState = false;
      child.capture(child.target(), prop.slice(slash + 1));
      return;
    }
    if (!this.scalarProps.includes(prop)) {
      throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no property "${prop}" to load.`);
    }
    this.loaded.set(prop, cloneValue(this.readProp(m, prop)));
  }

  /** Collections whose items can be loaded through this object ("names/items/name"). */
  protected childCollection(name: string): ClientCollection<unknown, ClientObject<unknown>> | null {
    void name;
    return null;
  }

  /** Navigation properties whose scalars can be loaded through this object ("protection"). */
  protected child(name: string): ClientObject<unknown> | null {
    void name;
    return null;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property 'isNullObject' is not available. Call load() and context.sync() first.`);
    }
    return this.nullState;
  }

  protected get<T>(prop: string): T {
    if (this.nullState === true) {
      throw new FakeOfficeError("PropertyNotLoaded", `The ${this.typeName} is a null object; '${prop}' has no value.`);
    }
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  protected set(prop: string, minVersion: number, apply: (m: M) => void): void {
    this.ctx.enqueueWrite(`${this.typeName}.${prop}`, minVersion, () => {
      const m = this.target();
      const target = this.describe(m);
      apply(m);
      return target;
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A scalar JSON carries unchanged: text, a boolean, null, or a finite number other than -0. */
function plainScalar(x: unknown): boolean {
  return (
    x === null || typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x) && !Object.is(x, -0))
  );
}

/** A loaded value as JSON would carry it to the add-in; a grid of plain scalars is copied row by row, as fast and the same. */
export function cloneValue(v: unknown): unknown {
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every(plainScalar))) return v.map((row) => (row as unknown[]).slice());
  return JSON.parse(JSON.stringify(v));
}

export abstract class ClientCollection<M, P extends ClientObject<M>> {
  protected loadedItems: P[] | null = null;
  protected abstract readonly typeName: string;
  constructor(readonly ctx: FakeRequestContext) {}
  protected abstract list(): M[];
  protected abstract proxyFor(m: M): P;

  load(props?: unknown): this {
    const wanted = parseLoadArg(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(`${this.typeName}.load`, 1, () => this.fillNow(wanted));
    return this;
  }

  /** @internal loads the items' properties now, during a sync. */
  fillNow(wanted: string[]): void {
    const items = this.list().map((m) => this.proxyFor(m));
    for (const item of items) (item as unknown as { fill(p: string[]): void }).fill(wanted);
    this.loadedItems = items;
  }

  get items(): P[] {
    if (this.loadedItems === null) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property 'items' is not available. Call load() on the ${this.typeName} and context.sync() first.`,
      );
    }
    return this.loadedItems;
  }

  /** @internal for the Rich API host: the item at `index` (the client's GetItemAt path for a loaded item). */
  itemAt(index: number): P {
    const m = this.list()[index];
    if (m === undefined) throw new FakeOfficeError("ItemNotFound", `The ${this.typeName} has no item ${index}.`);
    return this.proxyFor(m);
  }

  getCount(): { value: number } {
    const result = new ClientResult<number>(this.ctx);
    this.ctx.enqueue(`${this.typeName}.getCount`, 1, () => result.resolve(this.list().length));
    return result;
  }
}

/** A value returned by a method (getCount): readable after the sync. */
export class ClientResult<T> {
  private done = false;
  private v: T | undefined;
  constructor(readonly ctx: FakeRequestContext) {}
  resolve(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new FakeOfficeError("PropertyNotLoaded", "The value is not available before context.sync().");
    return this.v as T;
  }
}

/** Lets a collection fill an item's loaded properties during the sync that loads the collection. */
export function fillable<M>(proxy: ClientObject<M>): void {
  (proxy as unknown as { fill(p: string[]): void }).fill = (props: string[]): void => {
    const self = proxy as unknown as { nullState: boolean; scalarProps: readonly string[] };
    const m = proxy.target();
    self.nullState = false;
    proxy.captureAll(m, props.length > 0 ? props : self.scalarProps);
  };
}
