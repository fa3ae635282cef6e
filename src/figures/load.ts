/**
 * Loading the served figures.json at run time. The file is replaced on the static host by a desk
 * administrator, so it is fetched revalidating the HTTP cache (a replaced file is seen on the
 * next open), and it is used whole or not at all: missing, unreachable, too large, truncated or
 * invalid, the add-in keeps the built-in copy and says why. Pure apart from the fetch it is given.
 */
import type { Dataset } from "./types";
import { checkDataset } from "./validate";

/** A figures file larger than this is refused before it is parsed: the real one is about 20 KB. */
export const MAX_FIGURES_BYTES = 512 * 1024;

/** How long the pane waits for the served file before it shows the built-in copy. */
export const FIGURES_TIMEOUT_MS = 10000;

/** The figures in use, where they came from, and (for the built-in copy) why. */
export interface LoadedFigures {
  readonly dataset: Dataset;
  readonly origin: "served" | "built-in";
  /** Why the built-in copy is in use; empty when the served file is. */
  readonly reason: string;
}

export type FetchLike = (
  url: string,
  init: { cache: "no-cache"; signal?: AbortSignal },
) => Promise<{
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}>;

type Attempt = { ok: true; dataset: Dataset } | { ok: false; reason: string };

/** A further check of a valid file by what uses it: why it cannot be used, or null. */
export type UsableCheck = (dataset: Dataset) => string | null;

async function readServed(fetchFn: FetchLike, url: string, timeoutMs: number, usable: UsableCheck): Promise<Attempt> {
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  let text: string;
  try {
    const response = await fetchFn(url, { cache: "no-cache", signal: controller?.signal });
    if (!response.ok) return { ok: false, reason: `${url} is missing on the server (HTTP ${response.status})` };
    text = await response.text();
  } catch (error) {
    return { ok: false, reason: `${url} could not be reached (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  if (text.length > MAX_FIGURES_BYTES)
    return { ok: false, reason: `${url} is larger than ${MAX_FIGURES_BYTES / 1024} KB, so it was not read` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${url} is not complete JSON (truncated or damaged)` };
  }
  const check = checkDataset(json);
  if (!check.ok) {
    const first = check.problems[0];
    const more = check.problems.length > 1 ? ` (and ${check.problems.length - 1} more problems)` : "";
    return {
      ok: false,
      reason: `${url} breaks the figures schema: ${first.id ? `${first.id} ` : ""}field "${first.field}" ${first.message}${more}`,
    };
  }
  const unusable = usable(check.dataset);
  if (unusable !== null) return { ok: false, reason: `${url} ${unusable}` };
  return { ok: true, dataset: check.dataset };
}

/**
 * The served figures when `url` gives a valid file that `usable` accepts, otherwise `builtIn` with
 * the reason. Never rejects.
 */
export async function loadFigures(
  fetchFn: FetchLike,
  url: string,
  builtIn: Dataset,
  timeoutMs = FIGURES_TIMEOUT_MS,
  usable: UsableCheck = () => null,
): Promise<LoadedFigures> {
  const attempt = await readServed(fetchFn, url, timeoutMs, usable);
  if (attempt.ok) return { dataset: attempt.dataset, origin: "served", reason: "" };
  return { dataset: builtIn, origin: "built-in", reason: attempt.reason };
}
