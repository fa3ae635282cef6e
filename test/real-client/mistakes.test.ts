/**
 * Mistakes the JS-level fake's client accepts and Excel's real client refuses, each a tiny
 * action run through both layers: the fake does what was asked, the real client rejects it with
 * Excel's error and the workbook keeps nothing of it. These are why Insert, Review and Apply also
 * run through the real client (the other files of this folder).
 */
import { FakeWorkbook } from "../fakes/workbook";
import { installFakeOffice } from "../fakes/office";
import { installRealClient } from "./install";

type Install = (target: object, wb: FakeWorkbook) => FakeWorkbook;
const LAYERS: [string, Install][] = [
  ["the JS-level fake", installFakeOffice],
  ["the real client", installRealClient],
];

/** The error code an action rejects with, or "ok". */
async function outcome(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return "ok";
  } catch (err) {
    return String((err as { code?: unknown }).code);
  }
}

/** A range made in one Excel.run, named in the next (it should be looked up again, or tracked). */
async function rangeFromAnEarlierRun(): Promise<void> {
  let kept: Excel.Range | undefined;
  await Excel.run(async (context) => {
    kept = context.workbook.worksheets.getItem("Sheet1").getRange("B2").load("address");
    await context.sync();
  });
  await Excel.run(async (context) => {
    context.workbook.names.add("KEPT", kept as Excel.Range);
    await context.sync();
  });
}

/** A batch that queues a write and returns nothing (a missing `async`, or a missing `return context.sync()`). */
async function batchWithoutPromise(): Promise<void> {
  const batch = (context: Excel.RequestContext) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
  };
  await Excel.run(batch as unknown as (context: Excel.RequestContext) => Promise<void>);
}

/** The NamedItem that names.add() returned, changed after the sync that added it. */
async function addedNameAfterItsSync(): Promise<void> {
  await Excel.run(async (context) => {
    const added = context.workbook.names.add("ADDED", "=Sheet1!$C$3");
    await context.sync();
    added.visible = false;
    await context.sync();
  });
}

describe.each(LAYERS)("through %s", (layer, install) => {
  const real = layer === "the real client";

  test(
    real
      ? "a range from an earlier Excel.run is refused (InvalidRequestContext) and nothing is named"
      : "a range from an earlier Excel.run is named",
    async () => {
      const wb = install(globalThis, new FakeWorkbook());
      expect(await outcome(rangeFromAnEarlierRun)).toBe(real ? "InvalidRequestContext" : "ok");
      expect(wb.snapshot().names).toEqual(real ? {} : { KEPT: { sheet: "Sheet1", address: "B2", comment: "", visible: true } });
    },
  );

  test(
    real
      ? "a batch that returns no promise is refused (RunMustReturnPromise) and writes nothing"
      : "a batch that returns no promise writes",
    async () => {
      const wb = install(globalThis, new FakeWorkbook());
      expect(await outcome(batchWithoutPromise)).toBe(real ? "RunMustReturnPromise" : "ok");
      expect(wb.cell("Sheet1", "A1")?.value ?? null).toBe(real ? null : 1);
    },
  );

  test(
    real
      ? "an added name changed after its sync is refused (InvalidObjectPath): the name stays visible"
      : "an added name changed after its sync is hidden",
    async () => {
      const wb = install(globalThis, new FakeWorkbook());
      expect(await outcome(addedNameAfterItsSync)).toBe(real ? "InvalidObjectPath" : "ok");
      expect(wb.snapshot().names.ADDED).toEqual({ sheet: "Sheet1", address: "C3", comment: "", visible: real });
    },
  );
});
