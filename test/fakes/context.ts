/**
 * The request context of the fake Excel (what `Excel.run` hands its batch) and the sync that
 * executes its queue: operations run in the order they were queued; the first that fails rejects
 * the sync with its error (code and `debugInfo.errorLocation`), the ones before it stay applied
 * and the ones after it are dropped; an API above the host's requirement set fails with
 * "ApiNotFound". Each sync appends a SyncRecord to the workbook's `syncLog`.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * https://learn.microsoft.com/javascript/api/excel/excel.requestcontext
 */
import { FakeOfficeError } from "./errors";
import { FakeWorkbookProxy, type FakeWorkbook } from "./workbook";

export interface SyncRecord {
  readonly index: number;
  readonly operations: number;
  readonly cellsWritten: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
}

interface Operation {
  what: string;
  minVersion: number;
  run: () => void;
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

  /** @internal */
  enqueue(what: string, minVersion: number, run: () => void): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", `${what} was called after its Excel.run ended.`);
    this.queue.push({ what, minVersion, run });
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
  const record = {
    index: host.syncCount,
    operations: ops.length,
    cellsWritten: 0,
    calculationSuspended: context.calculationSuspended,
    screenUpdatingSuspended: context.screenUpdatingSuspended,
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
        throw new FakeOfficeError("ApiNotFound", `${op.what} needs ExcelApi 1.${op.minVersion}; this Excel supports 1.${host.apiVersion}.`, op.what);
      }
      try {
        op.run();
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
