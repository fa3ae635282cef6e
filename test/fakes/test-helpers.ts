/**
 * What the fake's own tests share: a workbook installed as the Excel globals, and the error a
 * batch fails with.
 */
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { installFakeOffice } from "./office";
import { FakeWorkbook, type FakeWorkbookOptions } from "./workbook";

/** The `Excel` and `Office` globals installFakeOffice sets, as the tests call them. */
export const host = globalThis as unknown as {
  Excel: { run: FakeWorkbook["run"]; ErrorCodes: Record<string, string> };
  Office: typeof Office;
};

/** A new workbook, installed as Office, Excel and OfficeExtension on globalThis. */
export function setup(options?: FakeWorkbookOptions): FakeWorkbook {
  return installFakeOffice(globalThis, new FakeWorkbook(options));
}

/** The error `p` rejects with; fails the test when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (err) {
    return err as FakeOfficeError;
  }
  throw new Error("expected a rejection");
}

/** The error one Excel.run of `batch` on `wb` fails with. */
export function failure(wb: FakeWorkbook, batch: (context: FakeRequestContext) => Promise<unknown>): Promise<FakeOfficeError> {
  return rejection(wb.run(batch));
}
