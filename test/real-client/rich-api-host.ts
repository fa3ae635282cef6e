/**
 * The host side of Excel's Rich API for the real client (client-library.ts): it decodes a request
 * the client sends (object paths, then actions: instantiate, query, method, property set), runs
 * it on the fake workbook through the fake's object model (test/fakes), in one fake sync, and
 * answers in the shape the client parses: `{ Results: [{ ActionId, Value }] }`, with
 * `Error: { Code, Message, Location, ActionIndex }` when an action fails (the actions before it
 * stay applied, as in Excel). Query values use Excel's wire names (PascalCase, a collection's
 * items under "_Items"); an instantiated object answers null when it is a null object and its
 * Id when it has one, so the client turns an added sheet into worksheets[id] for later syncs.
 * What the client then enforces (load before read, PropertyNotLoaded, null objects, requirement
 * sets, argument checks) is the client's own. The protocol as the client reads it:
 * node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js (ClientRequestBase,
 * ClientRequestContext.processRequestExecutorResponseMessage, ObjectPath.updateUsingObjectData).
 */
import { ClientCollection, ClientObject } from "../fakes/client";
import { FakeRequestContext } from "../fakes/context";
import { FakeOfficeError } from "../fakes/errors";
import { FakeRange } from "../fakes/range";
import type { FakeWorkbook } from "../fakes/workbook";

interface ArgumentInfo {
  readonly Arguments?: unknown[];
  readonly ReferencedObjectPathIds?: number[];
}

interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: { readonly Select?: string[]; readonly Expand?: string[]; readonly Top?: number; readonly Skip?: number };
}

/** A request body as the client builds it (ClientRequestBase.buildRequestMessageBodyAndRequestFlags). */
export interface RichApiRequest {
  readonly Actions: readonly ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, ObjectPathInfo>>;
}

export interface RichApiError {
  readonly Code: string;
  readonly Message: string;
  readonly Location: string;
  readonly ActionIndex: number;
  readonly HttpStatusCode: number;
}

export interface RichApiResponse {
  readonly Results: { ActionId: number; Value: unknown }[];
  readonly Error?: RichApiError;
}

/** What the host does where the docs leave it open. */
export interface HostBehaviour {
  /**
   * An item's child collections the host leaves out of a collection query ("Worksheet.names":
   * worksheets.load("items/names/items/name") comes back without the sheets' names); the
   * LoadOptions of @types/office-js list the ones a collection query documents (a table's
   * columns, not a sheet's names).
   */
  readonly leftOutOfCollectionQueries: readonly string[];
}

const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;
const PATH = { global: 1, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;

/** A null object's path (ObjectPathType 7) and a method that returns nothing resolve to these. */
const NULL_OBJECT = Symbol("null object");
const NO_OBJECT = Symbol("no object");

type Target = object | typeof NULL_OBJECT | typeof NO_OBJECT;

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function notModelled(what: string): FakeOfficeError {
  return new FakeOfficeError("GeneralException", `The fake Excel host does not model ${what}.`, what);
}

function typeOf(target: object): string {
  return (target as { typeName?: string }).typeName ?? target.constructor.name.replace(/^Fake/, "");
}

/** Runs requests on one workbook: one fake request context for the host's life, one fake sync per request. */
export class RichApiHost {
  private readonly ctx: FakeRequestContext;
  /** Objects the client keeps across syncs (_KeepReference), by the _ReferenceId answered. */
  private readonly references = new References();
  constructor(
    readonly workbook: FakeWorkbook,
    readonly behaviour: HostBehaviour = { leftOutOfCollectionQueries: [] },
  ) {
    this.ctx = new FakeRequestContext(workbook);
  }

  async execute(request: RichApiRequest): Promise<RichApiResponse> {
    if (isCleanup(request)) return this.cleanup(request);
    return new Batch(this.ctx, request, this.behaviour, this.references).run();
  }

  /**
   * The request Excel.run sends after the batch to release the references it kept: the client's
   * housekeeping, not a context.sync() of the add-in, so it is no sync of the workbook either.
   */
  private cleanup(request: RichApiRequest): RichApiResponse {
    for (const action of request.Actions)
      if (action.Name === "_RemoveReference") this.references.remove(String(action.ArgumentInfo?.Arguments?.[0]));
    return { Results: [] };
  }
}

/** One request: its object paths resolved once each, its actions queued in order, then one sync. */
class Batch {
  private readonly targets = new Map<number, Target>();
  /** Paths the client asked to keep (_KeepReference): their next instantiation answers a _ReferenceId. */
  private readonly kept = new Set<number>();
  private readonly results: { ActionId: number; Value: unknown }[] = [];
  /** The index of the action each queued operation belongs to. */
  private readonly owners: number[] = [];

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly request: RichApiRequest,
    private readonly behaviour: HostBehaviour,
    private readonly references: References,
  ) {}

  async run(): Promise<RichApiResponse> {
    this.request.Actions.forEach((action, index) => {
      try {
        this.queue(action);
      } catch (err) {
        // Refused before it could run: it fails in its turn, after the actions before it.
        this.ctx.enqueue(`${action.Name || "Action"}`, 1, () => {
          throw err;
        });
      }
      while (this.owners.length < this.ctx.queue.length) this.owners.push(index);
    });
    let running = -1;
    this.ctx.queue.forEach((op, i) => {
      const run = op.run;
      op.run = () => {
        running = i;
        return run();
      };
    });
    try {
      await this.ctx.sync();
      return { Results: this.results };
    } catch (err) {
      const index = running >= 0 ? this.owners[running] : 0;
      return { Results: this.results, Error: errorOf(err, index) };
    }
  }

  private queue(action: ActionInfo): void {
    switch (action.ActionType) {
      case ACTION.instantiate:
        return this.instantiate(action);
      case ACTION.query:
        return this.query(action);
      case ACTION.method:
        return this.method(action);
      case ACTION.setProperty:
        return this.setProperty(action);
      case ACTION.trace:
        return;
    }
    throw notModelled(`the Rich API action type ${action.ActionType}`);
  }

  /** The object exists (or is a null object): its id result, null for a null object, its reference once kept. */
  private instantiate(action: ActionInfo): void {
    const target = this.resolve(action.ObjectPathId);
    const kept = this.kept.has(action.ObjectPathId);
    this.ctx.enqueue("Instantiate", 1, () => {
      const value = idResult(target);
      if (kept && value !== null && typeof target === "object")
        (value as Record<string, unknown>)._ReferenceId = this.references.keep(target);
      this.answer(action, value);
    });
  }

  private query(action: ActionInfo): void {
    const target = this.resolve(action.ObjectPathId);
    const info = action.QueryInfo ?? {};
    if (info.Expand?.length || info.Top !== undefined || info.Skip !== undefined) throw notModelled("load's expand, top and skip");
    const select = info.Select ?? [];
    if (target === NULL_OBJECT) return this.ctx.enqueue("Query", 1, () => this.answer(action, null));
    if (target === NO_OBJECT || !("load" in target)) throw notModelled(`loading ${target === NO_OBJECT ? "this object" : typeOf(target)}`);
    (target as { load(select: string[]): void }).load(select);
    this.ctx.enqueue("Query", 1, () => this.answer(action, this.queried(target, select)));
  }

  private method(action: ActionInfo): void {
    if (action.Name === "_KeepReference") {
      this.kept.add(action.ObjectPathId);
      return;
    }
    if (action.Name === "_RemoveReference") return this.references.remove(String(action.ArgumentInfo?.Arguments?.[0]));
    const target = this.object(action.ObjectPathId, action.Name);
    const name = camel(action.Name);
    const fn = (target as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw notModelled(`${typeOf(target)}.${name}()`);
    const result = (fn as (...args: unknown[]) => unknown).apply(target, this.args(action.ArgumentInfo));
    if (result !== undefined) this.ctx.enqueue("Result", 1, () => this.answer(action, (result as { value: unknown }).value));
  }

  private setProperty(action: ActionInfo): void {
    const target = this.object(action.ObjectPathId, action.Name);
    const [value] = action.ArgumentInfo?.Arguments ?? [];
    const name = camel(action.Name);
    if (!hasSetter(target, name)) throw notModelled(`setting ${typeOf(target)}.${name}`);
    (target as Record<string, unknown>)[name] = value;
  }

  private answer(action: ActionInfo, value: unknown): void {
    this.results.push({ ActionId: action.Id, Value: value });
  }

  /** The path's target for a method call or a property set. */
  private object(pathId: number, what: string): object {
    const target = this.resolve(pathId);
    if (target === NULL_OBJECT) throw new FakeOfficeError("InvalidObjectPath", `${what} was called on a null object.`, what);
    if (target === NO_OBJECT) throw notModelled(`${what} on what a method returned`);
    return target;
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const refs = info?.ReferencedObjectPathIds ?? [];
    // A null argument is an omitted one, as Excel reads optional parameters.
    return (info?.Arguments ?? []).map((arg, i) => (refs[i] ? this.resolve(refs[i]) : arg === null ? undefined : arg));
  }

  private resolve(pathId: number): Target {
    const known = this.targets.get(pathId);
    if (known !== undefined) return known;
    const info = this.request.ObjectPaths[String(pathId)];
    if (!info) throw new FakeOfficeError("InvalidObjectPath", `The request names no object path ${pathId}.`);
    const target = this.follow(info);
    this.targets.set(pathId, target);
    return target;
  }

  private follow(info: ObjectPathInfo): Target {
    if (info.ObjectPathType === PATH.global) return this.ctx.workbook;
    if (info.ObjectPathType === PATH.nullObject) return NULL_OBJECT;
    if (info.ObjectPathType === PATH.referenceId) return this.references.get(info.Name);
    const parent = this.object(info.ParentObjectPathId ?? 0, info.Name || "an indexer");
    const [first] = this.args(info.ArgumentInfo);
    switch (info.ObjectPathType) {
      case PATH.property: {
        const name = camel(info.Name);
        // context.application lives on the request context in the fake, on the workbook in Excel.
        const value =
          parent === this.ctx.workbook && name === "application" ? this.ctx.application : (parent as Record<string, unknown>)[name];
        if (typeof value !== "object" || value === null) throw notModelled(`${typeOf(parent)}.${name}`);
        return value;
      }
      case PATH.indexer:
        return this.call(parent, "getItem", [first]);
      case PATH.method:
        if (info.Name === "GetItemAt" && parent instanceof ClientCollection) return parent.itemAt(Number(first));
        return this.call(parent, camel(info.Name), this.args(info.ArgumentInfo));
    }
    throw notModelled(`the object path type ${info.ObjectPathType}`);
  }

  private call(target: object, name: string, args: unknown[]): Target {
    const fn = (target as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw notModelled(`${typeOf(target)}.${name}()`);
    const result = (fn as (...a: unknown[]) => unknown).apply(target, args);
    return typeof result === "object" && result !== null ? result : NO_OBJECT;
  }

  /** A loaded object or collection as Excel answers the query: PascalCase names, items under "_Items". */
  private queried(target: object, select: readonly string[]): unknown {
    if (target instanceof ClientCollection) return { _Items: target.items.map((item) => this.objectValue(item, select, true)) };
    return this.objectValue(target as ClientObject<unknown>, select, false);
  }

  private objectValue(obj: ClientObject<unknown>, select: readonly string[], inCollection: boolean): unknown {
    if (obj.isNullObject) return null;
    const loaded = obj.toJSON();
    const value: Record<string, unknown> = {};
    const paths = select.length > 0 ? select : Object.keys(loaded);
    for (const path of paths) this.put(value, obj, path.split("/"), inCollection);
    return value;
  }

  private put(into: Record<string, unknown>, obj: object, [first, ...rest]: string[], inCollection: boolean): void {
    if (rest.length === 0) {
      into[pascal(first)] = (obj as ClientObject<unknown>).toJSON()[first];
      return;
    }
    const child = (obj as Record<string, unknown>)[first];
    if (child instanceof ClientCollection) {
      if (inCollection && this.behaviour.leftOutOfCollectionQueries.includes(`${typeOf(obj)}.${first}`)) return;
      const items = child.items;
      const list = ((into[pascal(first)] as { _Items?: Record<string, unknown>[] }) ?? { _Items: items.map(() => ({})) })._Items ?? [];
      into[pascal(first)] = { _Items: list };
      items.forEach((item, i) => this.put(list[i], item, rest, true));
      return;
    }
    const nested = (into[pascal(first)] ?? {}) as Record<string, unknown>;
    into[pascal(first)] = nested;
    this.put(nested, child as object, rest, inCollection);
  }
}

/** A request of nothing but reference releases (on the workbook, the root object). */
function isCleanup(request: RichApiRequest): boolean {
  const root = (id: number) => request.ObjectPaths[String(id)]?.ObjectPathType === PATH.global;
  return (
    request.Actions.some((a) => a.Name === "_RemoveReference") &&
    request.Actions.every((a) => root(a.ObjectPathId) && (a.Name === "_RemoveReference" || a.ActionType === ACTION.instantiate))
  );
}

function hasSetter(target: object, name: string): boolean {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d.set !== undefined || d.writable === true;
  }
  return false;
}

/**
 * The objects kept across syncs. A kept range keeps the cells it had when kept (its sheet by
 * identity, so a rename does not lose it), as Excel keeps a tracked range rather than
 * re-evaluating getActiveCell() or getSelectedRange(); it does not follow rows inserted later.
 */
class References {
  private readonly kept = new Map<string, object>();
  private next = 1;
  keep(target: object): string {
    const id = `fake-ref-${this.next++}`;
    this.kept.set(id, target instanceof FakeRange ? pinned(target) : target);
    return id;
  }
  get(id: string): object {
    const target = this.kept.get(id);
    if (!target) throw new FakeOfficeError("InvalidObjectPath", `The reference ${id} was released or never made.`);
    return target;
  }
  remove(id: string): void {
    this.kept.delete(id);
  }
}

function pinned(range: FakeRange): FakeRange {
  const at = range.target();
  return new FakeRange(range.ctx, () => ({ sheet: at.sheet, rect: { ...at.rect } }));
}

/** What an instantiated object answers: null for a null object, its Id when it has one. */
function idResult(target: Target): unknown {
  if (target === NULL_OBJECT) return null;
  if (!(target instanceof ClientObject)) return {};
  if (!target.exists()) return null;
  const id = target.peek("id");
  return id === undefined ? {} : { Id: id };
}

function errorOf(err: unknown, actionIndex: number): RichApiError {
  if (err instanceof FakeOfficeError) {
    return {
      Code: err.code,
      Message: err.message,
      Location: err.debugInfo.errorLocation ?? "",
      ActionIndex: actionIndex,
      HttpStatusCode: 400,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { Code: "GeneralException", Message: message, Location: "", ActionIndex: actionIndex, HttpStatusCode: 500 };
}
