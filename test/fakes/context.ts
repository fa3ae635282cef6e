/**
 * The request context of the fake Excel (what `Excel.run` hands its batch) and the sync that
 * executes its queue: operations run in the order they were queued; the first that fails rejects
 * the sync with its error (code and `debugInfo.errorLocation`), the ones before it stay applied
 * and the ones after it are dropped; an API above the host's requirement set fails with
 * "ApiNotFound". Each sync appends a SyncRecord to the workbook's `syncLog`, with the writes it
 * applied in order (SyncWrite, see fake-excel.ts).
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * https://learn.microsoft.com/javascript/api/excel/excel.requestcontext
 */
import { FakeOfficeError } from "./errors";
import { FakeWorkbookProxy, type FakeWorkbook } from "./workbook";

/**
 * One write a sync applied: the operation, as Office.js names it in debugInfo.errorLocation
 * ("NamedItemCollection.add", "Range.formulas", "ChartSeries.setValues"), and its target: the
 * name, key, sheet, table or chart it wrote, or the cells ("Deal!C5:C9", the sheet unquoted).
 * The targets of each operation are listed in fake-excel.ts.
 */
export interface SyncWrite {
  readonly op: string;
  readonly target: string;
}

export interface SyncRecord {
  readonly index: number;
  readonly operations: number;
  readonly cellsWritten: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
  /** The writes the sync applied, in the order they were queued; a failed sync's stop before the failure. */
  readonly writes: readonly SyncWrite[];
}

interface Operation {
  what: string;
  minVersion: number;
  /** Runs the operation; a write returns its target. */
  run: () => string | void;
  write: boolean;
}

export class FakeRequestContext {
  queue: Operation[] = [];
  closed = false;
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  /** @internal cells written during the running sync */
  written: Set<string> = new Set();
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(readonly host: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  /** @internal queues an operation that reads or changes nothing in the workbook (a load, a lookup) */
  enqueue(what: string, minVersion: number, run: () => void): void {
    this.push({ what, minVersion, run, write: false });
  }

  /** @internal queues a write; `run` applies it and returns its target for the sync's log */
  enqueueWrite(what: string, minVersion: number, run: () => string): void {
    this.push({ what, minVersion, run, write: true });
  }

  private push(op: Operation): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", `${op.what} was called after its Excel.run ended.`);
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "context.sync() was called after its Excel.run ended.");
    // Real syncs are asynchronous round trips; yield so callers cannot rely on synchronous results.
    await Promise.resolve();
    executeSync(this.host, this);
  }

  /** Office.js lets add-ins keep objects across runs; nothing to do in the fake. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

/** context.application: calculation and screen updating suspended until the next sync. */
class FakeApplication {
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("Application.suspendApiCalculationUntilNextSync", 6, () => undefined);
    this.ctx.calculationSuspended = true;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue("Application.suspendScreenUpdatingUntilNextSync", 9, () => undefined);
    this.ctx.screenUpdatingSuspended = true;
  }
}

/** Executes one sync's queue against the host and records the sync in its log. */
function executeSync(host: FakeWorkbook, context: FakeRequestContext): void {
  const ops = context.queue;
  context.queue = [];
  const writes: SyncWrite[] = [];
  const record = {
    index: host.syncCount,
    operations: ops.length,
    cellsWritten: 0,
    calculationSuspended: context.calculationSuspended,
    screenUpdatingSuspended: context.screenUpdatingSuspended,
    writes,
  };
  context.calculationSuspended = false;
  context.screenUpdatingSuspended = false;
  host.syncCount++;
  const written = new Set<string>();
  context.written = written;
  try {
    const failure = host.takeFailure();
    if (failure) throw failure;
    for (const op of ops) {
      if (op.minVersion > host.apiVersion) {
        throw new FakeOfficeError(
          "ApiNotFound",
          `${op.what} needs ExcelApi 1.${op.minVersion}; this Excel supports 1.${host.apiVersion}.`,
          op.what,
        );
      }
      try {
        const target = op.run();
        if (op.write) writes.push({ op: op.what, target: String(target) });
      } catch (err) {
        if (err instanceof FakeOfficeError) {
          err.debugInfo.errorLocation = err.debugInfo.errorLocation ?? op.what;
          throw err;
        }
        throw new FakeOfficeError("GeneralException", err instanceof Error ? err.message : String(err), op.what);
      }
    }
  } finally {
    record.cellsWritten = written.size;
    host.syncLog.push(record);
  }
}
