/**
 * The only code that calls Excel.run. Each action resolves to an ActionResult and never rejects.
 * An action reads (one sync), plans in pure code (src/ownership), queues the writes and syncs
 * once more; the report's sentences come from one table (report.ts).
 *
 * Ownership: what the add-in wrote is recorded in the workbook itself (src/ownership/record.ts),
 * so any build of the add-in, on any machine, finds its cells again after the user edited the
 * sheet's structure; cells are found by identity, never by a remembered address alone.
 */
import { MESSAGES, failure, protectedSheet } from "./failures";
import { guarded } from "./support";
import type { ActionResult } from "./types";

export type * from "./types";
export { NOTES_API, REQUIRED_API } from "./failures";
export { checkSupport, type Support } from "./support";
export { insertBlocks } from "./insert";
export { planUpdate, type SpecSource } from "./update";
export { applyUpdate } from "./apply";

/** Writes a formula (from the pane's function reference) into the selected cell if it is empty. */
export async function insertFormula(text: string): Promise<ActionResult<{ address: string }>> {
  const formula = String(text ?? "").trim();
  if (!formula.startsWith("=") || formula.length < 2) return failure("excel", MESSAGES.notAFormula);
  return guarded(() =>
    Excel.run(async (context): Promise<ActionResult<{ address: string }>> => {
      const cell = context.workbook.getActiveCell().load("address,formulas");
      const sheet = cell.worksheet.load("name,protection/protected");
      await context.sync();
      const address = String(cell.address);
      if (sheet.protection.protected) return protectedSheet(sheet.name);
      if (cell.formulas[0][0] !== "") {
        return failure("not-empty", `The selected cell ${address} is not empty. Select an empty cell and try again; nothing was changed.`);
      }
      cell.formulas = [[formula]];
      await context.sync();
      return { ok: true, value: { address } };
    }),
  );
}
