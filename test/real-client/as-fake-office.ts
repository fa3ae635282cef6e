/**
 * Stands in for test/fakes/office.ts in the suites this folder reruns (jest.mock): the suite's
 * installFakeOffice(globalThis, workbook) installs Excel's real client answered by the workbook
 * instead of the fake's own client, so the same tests run through both.
 */
import type { FakeWorkbook } from "../fakes/workbook";
import { installRealClient } from "./install";

export function installFakeOffice(target: object, workbook?: FakeWorkbook): FakeWorkbook {
  return installRealClient(target, workbook);
}
