/** test/excel/inputs-and-print.test.ts (data validation and page setup at Insert) through Excel's real client. */
jest.mock("../fakes/office", () => jest.requireActual("./as-fake-office"));
import { rerunSuite } from "./rerun";

rerunSuite(() => require("../excel/inputs-and-print.test"));
