/**
 * What the pane says about the figures as a whole: which version is in use and where it came
 * from, the flags (passed events, figures older than the threshold), and how the workbook's
 * figures compare with the ones in use. Pure: no DOM, no Office.
 */
import { passedEventText, passedEvents, staleFigures, undatedFigures } from "../figures/age";
import type { LoadedFigures } from "../figures/load";
import type { UpdatePlan } from "../excel/types";
import { TEXTS } from "./texts";
import { compareVersions } from "../versions";

/** The figures' version line and where they came from (with why, for the built-in copy). */
export function versionLine(loaded: LoadedFigures): string {
  const origin = loaded.origin === "served" ? TEXTS.servedOrigin : TEXTS.builtInOrigin(loaded.reason);
  return `${TEXTS.figuresVersion(loaded.dataset.version, loaded.dataset.date)}: ${origin}`;
}

/** The flags of the figures in use on `today`: events that have passed, figures older than `staleDays`, then undated ones. */
export function figureFlags(loaded: LoadedFigures, today: string, staleDays: number): string[] {
  const { dataset } = loaded;
  const flags = passedEvents(dataset, today).map(passedEventText);
  const stale = staleFigures(dataset, today, staleDays).length;
  if (stale > 0) flags.push(TEXTS.staleSummary(stale, dataset.figures.length, staleDays));
  const undated = undatedFigures(dataset);
  if (undated.length > 0) flags.push(TEXTS.undatedSummary(undated.map((f) => f.label)));
  return flags;
}

/** The oldest version among the workbook's stamps, or null when it holds no block. */
export function workbookVersion(stamps: readonly { readonly version: string }[]): string | null {
  return stamps.reduce<string | null>(
    (oldest, s) => (oldest === null || compareVersions(s.version, oldest) < 0 ? s.version : oldest),
    null,
  );
}

/**
 * How many figures changed: the distinct figures whose add-in cells the update refreshes. A cell
 * the user changed is listed as a conflict whether or not its figure changed, so conflicts are
 * not counted.
 */
export function changedFigures(plan: UpdatePlan, figureIds: readonly string[]): number {
  const known = new Set(figureIds);
  return new Set(
    plan.changes
      .filter((c) => c.kind === "refresh")
      .map((c) => c.figureId)
      .filter((id) => known.has(id)),
  ).size;
}
