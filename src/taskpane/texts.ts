/**
 * Every text the pane shows a person, in one place: labels, messages and the sentences built from
 * data. The components and view-models take their words from here; the figures' own words (labels,
 * quotes, sources) come from the dataset and are always rendered as text.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const TEXTS = {
  // Connection and the host line (index.ts).
  connected: "Connected to Excel.",
  officeMissing: "Office.js did not load, so this is a read-only preview. Check the connection, or open Deal Desk from Excel.",
  previewOutside: "A read-only preview outside Excel.",
  connectFailed: (detail: string) => `Deal Desk could not connect to Excel: ${detail}. Close and reopen the pane.`,
  connecting: "Deal Desk is still connecting to Excel; try again in a moment.",
  outsideExcel: "Works in Excel only: open Deal Desk from the Home tab.",

  // Actions in general.
  busy: "Another action is still running; this one was not started.",
  unexpected: (detail: string) =>
    `Something went wrong that the add-in did not expect: ${detail}. Nothing more was written; try again, and if it repeats, reload the pane.`,
  failed: (action: string, message: string) => `${action} did not complete. ${message}`,

  // The figures: which version, from where, how old.
  figuresVersion: (version: string, date: string) => `Figures ${version} · ${date}`,
  servedOrigin: "loaded from this add-in's server (figures.json).",
  builtInOrigin: (reason: string) => `the copy built into the add-in, because ${reason}.`,
  asOf: (words: string) => `As of: ${words}`,
  period: (words: string) => `Period: ${words}`,
  source: (title: string) => `Source: ${title}`,
  quoted: (quote: string) => `“${quote}”`,
  ageDays: (days: number) => (days === 0 ? "dated today" : `${plural(days, "day", "days")} old`),
  noDate: "undated: no article gives its date, so its age cannot be told",
  staleBadge: (days: number) => `older than ${days} days`,
  staleSummary: (count: number, total: number, days: number) => `${count} of ${total} figures are more than ${days} days old.`,
  undatedSummary: (labels: readonly string[]) =>
    `${labels.length === 1 ? "1 figure is" : `${labels.length} figures are`} undated, so ${labels.length === 1 ? "its" : "their"} age cannot be told: ${listInWords(labels)}.`,
  standingBadge: (standing: string) => ` · ${standing}`,
  staleOptionInvalid: (min: number, max: number) =>
    `Enter a whole number of days from ${min} to ${max}; the flags use the last valid number.`,

  derivedFailed: (detail: string) =>
    `The numbers computed from the figures could not be shown: ${detail}. The figures above are unaffected.`,

  // The workbook's figures against the ones in use.
  updateAvailable: (next: string, held: string, changed: number | null) =>
    `Figures ${next} are available; this workbook has ${held}${changed === null ? "" : `: ${plural(changed, "figure", "figures")} changed`} — `,
  workbookNewer: (held: string, inUse: string) =>
    `This workbook has figures ${held}, newer than the ${inUse} in use here: Review update would write the older figures.`,
  workbookUnreadable: (message: string) => `Deal Desk could not tell which figures this workbook holds: ${message}`,

  // Insert.
  insertBlock: (title: string) => `Insert ${title}`,
  insertAll: "Insert all",
  allBlocks: "all blocks",
  inserting: (label: string) => `Inserting ${label}…`,
  insertingAction: (label: string) => `Inserting ${label}`,
  leftAlone: (what: string, reason: string) => `Left alone: ${what} (${reason})`,
  inserted: (sheets: string) => `Inserted ${sheets}.`,
  nothingInserted: "Nothing new was inserted.",
  alreadyPresent: (sheets: string) => `Already in the workbook, left as they are: ${sheets}.`,
  leftAloneCount: (n: number) =>
    `${n} ${n === 1 ? "thing of yours was" : "things of yours were"} left alone; see the list under the buttons.`,

  // Update.
  reviewUpdate: "Review update",
  comparing: "Comparing the sheets with the figures…",
  checkingAction: "Checking for updates",
  upToDate: (sheets: string) => `Everything is up to date on ${sheets}: nothing to write.`,
  conflictsLabel: "Cells you changed since the add-in wrote them",
  refreshesLabel: "Cells the update refreshes",
  yourValue: "Your value",
  newValue: "New value",
  sourceTerm: "Source",
  choiceLegend: (cell: string) => `${cell}: keep your value or use the new one`,
  keepMine: " Keep mine",
  useNew: " Use new",
  applyUpdate: "Apply update",
  cancel: "Cancel",
  cannotCancel: "The update is already being applied; it cannot be cancelled now.",
  cancelled: "Update cancelled: nothing was written.",
  updating: "Updating the figures…",
  updateAction: "The update",
  refreshLine: (label: string, from: string, to: string) => ` ${label}: ${from} → ${to}`,
  noConflicts: "No cell you changed differs from the figures",
  oneConflict: 'One cell you changed differs from the figures: it is kept unless you choose "Use new"',
  conflicts: (n: number) => `${n} cells you changed differ from the figures: each is kept unless you choose "Use new"`,
  noRefresh: "no other cell needs refreshing",
  refreshes: (n: number) => `${n} reported ${n === 1 ? "cell is" : "cells are"} refreshed`,
  planSummary: (edits: string, refresh: string) => `${edits}; ${refresh}.`,
  additionsLabel: "Rows the update adds (new in the figures file)",
  additionLine: (label: string, address: string) => ` ${label}, at ${address}`,
  namesLabel: "Names the update changes",
  nameChoice: (name: string) => ` Change ${name}`,
  nameChoiceLegend: (name: string) => `${name}: apply the change, or leave the name as it is (it is then yours)`,
  blockedLabel: "Apply cannot write yet",
  empty: "(empty)",

  // The function reference.
  loadingFunctions: "Loading the functions…",
  functionsFailed: (detail: string) => `The list of functions could not be loaded: ${detail}. Close the list and open it again to retry.`,
  insert: "Insert",
  inserts: "Insert puts ",
  insertsWhere: " in the selected cell.",
  insertFormulaLabel: (formula: string) => `Insert ${formula} in the selected cell`,
  putting: (name: string) => `Putting ${name} in the selected cell…`,
  insertingFunction: (name: string) => `Inserting ${name}`,
  put: (formula: string, address: string) =>
    `Put ${formula} in ${address}. It uses the Deal sheet's names: insert the blocks first, or the cell shows #NAME?. Replace any argument with your own cells.`,

  // The preview outside Excel.
  previewSummary: (title: string, sheet: string) => `${title} — sheet "${sheet}"`,
  previewRegion: (title: string) => `Preview of ${title}`,
  chart: (title: string) => `Chart: ${title}`,
  loadingPreview: "Computing the preview…",
  previewFailed: (detail: string) => `The preview of the sheets could not be computed: ${detail}. The figures above are unaffected.`,
} as const;

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
