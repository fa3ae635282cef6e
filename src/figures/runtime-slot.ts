/**
 * The pane and the DEAL.* functions are two bundles in one shared runtime (manifest.xml,
 * SharedRuntime): the pane loads the figures once, with the built-in copy as fallback, and hands
 * them to the functions here, on the runtime's global object. The functions bundle therefore
 * carries no dataset of its own.
 */
import type { LoadedFigures } from "./load";

// A string key rather than a symbol: Node's vm (the bundle tests) mirrors only named properties
// between a context and its global object.
const KEY = "__dealDeskLoadedFigures";

interface Slot {
  promise: Promise<LoadedFigures>;
  resolve: (loaded: LoadedFigures) => void;
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
  current.resolve(loaded);
  current.promise = Promise.resolve(loaded);
}

/** The figures the pane loaded, once it has. */
export function publishedFigures(host: object = globalThis): Promise<LoadedFigures> {
  return slot(host as Host).promise;
}
