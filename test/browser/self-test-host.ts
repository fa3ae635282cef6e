/**
 * Stands in for office.js when the self-test runs in Chromium (test/browser/self-test.test.ts):
 * the fake Excel of test/fakes with a calculation (fake-calc.ts), a CustomFunctions runtime that
 * keeps what functions.js registers, and a read-write document. Configured before the page loads:
 *   window.dealDeskFake = { cells?: [{ sheet, address, value }] }   content already in the workbook
 */
import { FakeWorkbook, installFakeOffice, type Scalar } from "../fakes/fake-excel";
import { fakeCalculation, type CustomFunction } from "./fake-calc";

interface SelfTestFakeConfig {
  readonly cells?: readonly { sheet: string; address: string; value: Scalar }[];
}

class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const page = globalThis as unknown as {
  dealDeskFake?: SelfTestFakeConfig;
  fakeWorkbook?: FakeWorkbook;
  Office: { context: Record<string, unknown>; DocumentMode?: Record<string, string> };
  CustomFunctions?: unknown;
};
const registered = new Map<string, CustomFunction>();
const workbook: FakeWorkbook = new FakeWorkbook({
  apiVersion: 18,
  sheets: ["Sheet1"],
  evaluate: fakeCalculation(() => workbook, registered),
});
for (const c of page.dealDeskFake?.cells ?? []) workbook.setCell(c.sheet, c.address, c.value);
installFakeOffice(globalThis, workbook);
page.Office.DocumentMode = { ReadOnly: "readOnly", ReadWrite: "readWrite" };
page.Office.context.document = { mode: "readWrite" };
page.CustomFunctions = {
  associate: (id: string, fn: CustomFunction) => registered.set(id.toUpperCase(), fn),
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
page.fakeWorkbook = workbook;
