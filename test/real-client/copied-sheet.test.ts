/** test/excel/copied-sheet.test.ts through Excel's real client. */
jest.mock("../fakes/office", () => jest.requireActual("./as-fake-office"));
import { NEEDS_NOTES, rerunSuite } from "./rerun";

rerunSuite(() => require("../excel/copied-sheet.test"), {
  "Insert at the selection on the copy is refused in plain words (the copy has the block's notes), and nothing is written": NEEDS_NOTES,
});
