/**
 * The dataset every lookup reads. Holds no figures of its own, so the functions bundle, which
 * imports it, carries none: the pane's bundle starts it on the built-in copy (src/figures/index.ts)
 * and the functions set it from the figures the pane loaded (runtime-slot.ts).
 */
import type { Dataset } from "./types";

let current: Dataset | undefined;

/** Makes `dataset` (validated by checkDataset) the one every lookup reads. */
export function useDataset(dataset: Dataset): void {
  current = dataset;
}

/** The dataset in use; throws only if nothing has set one, which is a wiring error. */
export function datasetInUse(): Dataset {
  if (current === undefined) throw new Error("No figures are loaded yet: the pane loads them when the add-in starts.");
  return current;
}

/** True once a dataset is in use. */
export function hasDataset(): boolean {
  return current !== undefined;
}
