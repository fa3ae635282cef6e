/**
 * Which figures the workbook holds: the version and date on the stamps the blocks wrote beside
 * their titles (src/sheets/stamp.ts), found through each block's marker name and then by its text
 * in the block's first row, so a renamed or moved sheet or an inserted column is still read. Two
 * syncs: the names, then the blocks' areas.
 */
import { markerName } from "../ownership/record";
import { BLOCKS } from "../sheets";
import { parseStamp } from "../sheets/stamp";
import { guarded } from "./support";
import type { ActionResult } from "./types";

export interface WorkbookFigures {
  readonly version: string;
  readonly date: string;
}

/** The stamps of the add-in's blocks in the workbook, one per block found; empty when it holds none. */
export function readWorkbookFigures(): Promise<ActionResult<readonly WorkbookFigures[]>> {
  return guarded(() =>
    Excel.run(async (context) => {
      const names = context.workbook.names.load("items/name");
      await context.sync();
      const have = new Set(names.items.map((n) => n.name.toUpperCase()));
      const areas = BLOCKS.filter((b) => have.has(markerName(b))).map((b) =>
        context.workbook.names.getItem(markerName(b)).getRangeOrNullObject().load("values"),
      );
      await context.sync();
      const stamps = areas
        .filter((area) => !area.isNullObject)
        .map((area) => (area.values[0] ?? []).map(parseStamp).find((s) => s !== null) ?? null)
        .filter((s): s is WorkbookFigures => s !== null);
      return { ok: true as const, value: stamps };
    }),
  );
}
