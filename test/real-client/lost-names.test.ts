/** test/excel/lost-names.test.ts through Excel's real client. */
jest.mock("../fakes/office", () => jest.requireActual("./as-fake-office"));
import { rerunSuite } from "./rerun";

rerunSuite(() => require("../excel/lost-names.test"));
