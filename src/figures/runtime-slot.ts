/**
 * The pane and the DEAL.* functions are two bundles in one shared runtime (manifest.xml,
 * SharedRuntime): the pane loads the figures once, with the built-in copy as fallback, and hands
 * them to the functions here, on the runtime's global object. The functions bundle therefore
 * carries no dataset of its own.
 *
 * The functions never wait long: the pane offers its built-in copy as soon as its script runs,
 * before it fetches the served file; a function waits HANDOVER_WAIT_MS for the pane's choice, then
 * answers from the offered copy, or (no pane script ran at all) says the figures have not loaded.
 * Once the pane hands its choice over, every later call answers from it.
 */
import type { Dataset } from "./types";
import type { LoadedFigures } from "./load";

// A string key rather than a symbol: Node's vm (the bundle tests) mirrors only named properties
// between a context and its global object.
const KEY = "__dealDeskLoadedFigures";

/** How long a function waits for the pane's figures before it answers without them. */
export const HANDOVER_WAIT_MS = 3000;

/** What a function answers (#N/A) when no pane script has offered or handed over any figures. */
export const NOT_HANDED_OVER = "Deal Desk's figures have not loaded: open the Deal Desk pane, then press Ctrl+Alt+F9.";

interface Slot {
  promise: Promise<LoadedFigures>;
  resolve: (loaded: LoadedFigures) => void;
  /** The pane's final choice, once handed over. */
  loaded?: LoadedFigures;
  /** The built-in copy the pane offered while it fetches the served file. */
  offered?: LoadedFigures;
}

type Host = Record<string, unknown>;

function slot(host: Host): Slot {
  let existing = host[KEY] as Slot | undefined;
  if (!existing) {
    let resolve: (loaded: LoadedFigures) => void = () => undefined;
    const promise = new Promise<LoadedFigures>((r) => (resolve = r));
    existing = { promise, resolve };
    host[KEY] = existing;
  }
  return existing;
}

/** Hands the loaded figures to every bundle of the runtime; a later call replaces them. */
export function publishFigures(loaded: LoadedFigures, host: object = globalThis): void {
  const current = slot(host as Host);
  current.loaded = loaded;
  current.resolve(loaded);
  current.promise = Promise.resolve(loaded);
}

/** The pane's built-in copy, for the functions to answer from while the served file is on its way. */
export function offerBuiltInFigures(dataset: Dataset, host: object = globalThis): void {
  slot(host as Host).offered = { dataset, origin: "built-in", reason: "the pane had not finished loading the served figures" };
}

/**
 * The figures the pane handed over; after `waitMs` without them, the built-in copy it offered,
 * or null when it offered none. Where the runtime has no timers it waits for the hand-over.
 */
export function publishedFigures(host: object = globalThis, waitMs = HANDOVER_WAIT_MS): Promise<LoadedFigures | null> {
  const current = slot(host as Host);
  if (current.loaded) return Promise.resolve(current.loaded);
  if (typeof setTimeout !== "function") return current.promise;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(current.offered ?? null), waitMs);
    void current.promise.then((loaded) => {
      clearTimeout(timer);
      resolve(loaded);
    });
  });
}
