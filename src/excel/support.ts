/**
 * The requirement-set checks every action makes before touching the workbook, and the wrapper
 * that turns anything thrown into a failure in plain words (actions never reject).
 */
import { MESSAGES, NOTES_API, REQUIRED_API, failure, failureFromError } from "./failures";
import type { ActionResult } from "./types";

export interface Support {
  /** The ExcelApi version every action needs. */
  readonly required: string;
  /** Whether this Excel can add notes (ExcelApi 1.18); without it, figures carry no notes. */
  readonly notes: boolean;
}

export function isSupported(version: string): boolean {
  return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", version));
}

/** Checks the requirement sets before any Excel call, with a message that says what to do. */
export async function checkSupport(): Promise<ActionResult<Support>> {
  if (typeof Office === "undefined" || typeof Excel === "undefined" || !Office.context?.requirements) {
    return failure("unsupported", MESSAGES.noOffice);
  }
  if (!isSupported(REQUIRED_API)) return failure("unsupported", MESSAGES.oldExcel);
  return { ok: true, value: { required: REQUIRED_API, notes: isSupported(NOTES_API) } };
}

export async function guarded<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    const support = await checkSupport();
    if (!support.ok) return support;
    return await action();
  } catch (err) {
    return failureFromError(err);
  }
}
