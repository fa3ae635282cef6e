/** test/excel/writer.test.ts (Insert all, Review and Apply, failures) through Excel's real client. */
jest.mock("../fakes/office", () => jest.requireActual("./as-fake-office"));
import { NEEDS_NOTES, rerunSuite } from "./rerun";

rerunSuite(() => require("../excel/writer.test"), {
  "inserts all five blocks in two syncs and writes each block's cells as the spec says": NEEDS_NOTES,
  "says in one sentence per block what it inserted": NEEDS_NOTES,
  "rewrites a note whose source text changed, unless the user edited it": NEEDS_NOTES,
});
