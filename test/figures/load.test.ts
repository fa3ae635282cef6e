/**
 * Loading the served figures.json: a valid file is used whole; a missing, unreachable, too large,
 * truncated or schema-breaking one leaves the built-in copy in use with the reason named.
 */
import * as fs from "fs";
import * as path from "path";
import { BUILT_IN_FIGURES } from "../../src/figures/builtin";
import { MAX_FIGURES_BYTES, loadFigures, type FetchLike } from "../../src/figures/load";
import { unbuildableReason } from "../../src/sheets";
import { figureIn } from "./json";

const text = fs.readFileSync(path.resolve(__dirname, "../../figures/figures.json"), "utf8");
const newer = JSON.stringify({ ...JSON.parse(text), version: "1.1.0", date: "2026-12-01" });

/** A fetch that answers with a status and body, recording what it was asked. */
function serving(status: number, body: string, asked: { url: string; cache: string }[] = []): FetchLike {
  return async (url, init) => {
    asked.push({ url, cache: init.cache });
    return { ok: status >= 200 && status < 300, status, text: async () => body };
  };
}

describe("loadFigures", () => {
  test("a valid file the sheets cannot be built from (a renamed id): the built-in copy, with the pane's reason", async () => {
    const json = JSON.parse(newer);
    figureIn(json, "deal.round_size").id = "deal.round";
    for (const f of json.figures) f.otherClaims = (f.otherClaims as string[]).map((o) => (o === "deal.round_size" ? "deal.round" : o));
    const loaded = await loadFigures(serving(200, JSON.stringify(json)), "figures.json", BUILT_IN_FIGURES, 1000, unbuildableReason);
    expect([loaded.origin, loaded.dataset, loaded.reason]).toEqual([
      "built-in",
      BUILT_IN_FIGURES,
      `figures.json has no figure with the id "deal.round_size", which Deal Desk's sheets are built on (renamed or removed?)`,
    ]);
    // The same file is used when nothing asks more of it than the schema.
    expect((await loadFigures(serving(200, JSON.stringify(json)), "figures.json", BUILT_IN_FIGURES)).origin).toBe("served");
  });

  test("uses a valid served file, asked for with HTTP cache revalidation", async () => {
    const asked: { url: string; cache: string }[] = [];
    const loaded = await loadFigures(serving(200, newer, asked), "figures.json", BUILT_IN_FIGURES);
    expect(asked).toEqual([{ url: "figures.json", cache: "no-cache" }]);
    expect([loaded.origin, loaded.reason, loaded.dataset.version, loaded.dataset.date]).toEqual(["served", "", "1.1.0", "2026-12-01"]);
    expect(Object.isFrozen(loaded.dataset.figures[0])).toBe(true);
  });

  test("a missing file: the built-in copy, with the HTTP status", async () => {
    const loaded = await loadFigures(serving(404, "not found"), "figures.json", BUILT_IN_FIGURES);
    expect(loaded).toEqual({ dataset: BUILT_IN_FIGURES, origin: "built-in", reason: "figures.json is missing on the server (HTTP 404)" });
  });

  test("an unreachable server: the built-in copy, with the network's error", async () => {
    const failing: FetchLike = async () => {
      throw new TypeError("Failed to fetch");
    };
    const loaded = await loadFigures(failing, "figures.json", BUILT_IN_FIGURES);
    expect(loaded).toEqual({
      dataset: BUILT_IN_FIGURES,
      origin: "built-in",
      reason: "figures.json could not be reached (Failed to fetch)",
    });
  });

  test("a server that never answers: the built-in copy once the wait is over", async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(new Error("The operation was aborted."))));
    const loaded = await loadFigures(hanging, "figures.json", BUILT_IN_FIGURES, 30);
    expect(loaded.reason).toBe("figures.json could not be reached (The operation was aborted.)");
    expect(loaded.dataset).toBe(BUILT_IN_FIGURES);
  });

  test("a truncated file: the built-in copy, never the part that arrived", async () => {
    const loaded = await loadFigures(serving(200, newer.slice(0, newer.length / 2)), "figures.json", BUILT_IN_FIGURES);
    expect(loaded).toEqual({
      dataset: BUILT_IN_FIGURES,
      origin: "built-in",
      reason: "figures.json is not complete JSON (truncated or damaged)",
    });
  });

  test("a file that breaks the schema: the built-in copy, naming the figure and the field", async () => {
    const json = JSON.parse(newer);
    figureIn(json, "amzn.price").value = "about 250";
    const loaded = await loadFigures(serving(200, JSON.stringify(json)), "figures.json", BUILT_IN_FIGURES);
    expect(loaded.origin).toBe("built-in");
    expect(loaded.reason).toMatch(/^figures\.json breaks the figures schema: amzn\.price field "value" must match /);
  });

  test("a file that repeats an id or names an unknown source is refused like the build refuses it", async () => {
    const json = JSON.parse(newer);
    figureIn(json, "deal.amount_announced").sourceId = "src.unknown";
    figureIn(json, "deal.amount_announced").alsoStatedIn = [];
    const loaded = await loadFigures(serving(200, JSON.stringify(json)), "figures.json", BUILT_IN_FIGURES);
    expect(loaded.reason).toBe(
      'figures.json breaks the figures schema: deal.amount_announced field "sourceId" names the source "src.unknown", which is not among the file\'s sources',
    );
  });

  test("a file over the size cap is not even parsed", async () => {
    const loaded = await loadFigures(serving(200, " ".repeat(MAX_FIGURES_BYTES + 1)), "figures.json", BUILT_IN_FIGURES);
    expect(loaded.reason).toBe("figures.json is larger than 512 KB, so it was not read");
  });
});
