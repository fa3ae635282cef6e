/**
 * The Excel writer as the pane's host: index.ts loads this module (chunk pane-excel) once Office
 * reports Excel, so opening the pane outside Excel, or before Office is ready, never waits for
 * the writer. The self-test is loaded from here, so its chunk holds only what the writer lacks.
 */
import { applyUpdate, checkSupport, insertBlocks, insertFormula, planUpdate } from "../excel";
import { readWorkbookFigures } from "../excel/figures-version";
import type { SelfTestReport } from "../self-test/checks";
import type { PaneHost } from "./pane";

export { checkSupport };

export const excelHost: PaneHost = { insertBlocks, planUpdate, applyUpdate, insertFormula, readWorkbookFigures };

/** Runs the self-test (docs/self-test.md) in the open workbook. */
export async function runSelfTest(): Promise<SelfTestReport> {
  const selfTest = await import(/* webpackChunkName: "pane-self-test" */ "../excel/self-test");
  return selfTest.runSelfTest();
}
