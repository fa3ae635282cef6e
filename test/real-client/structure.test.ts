/** test/excel/structure.test.ts through Excel's real client. */
jest.mock("../fakes/office", () => jest.requireActual("./as-fake-office"));
import { NEEDS_NOTES, rerunSuite } from "./rerun";

rerunSuite(() => require("../excel/structure.test"), {
  "leaves a figure's note copied to the user's own sheet alone when the figures change": NEEDS_NOTES,
});
