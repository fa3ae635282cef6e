/**
 * The pane's write controls: every button that writes goes through here, so at most one action
 * runs at a time, a blocked pane (outside Excel, an Excel too old) disables them and says why
 * beside them, and an unexpected rejection is shown rather than swallowed. Knows the DOM, not Office.
 */
import type { ActionFailure } from "../excel/types";
import { byId, h, replaceChildren } from "./dom";
import { TEXTS } from "./texts";
import { failureText } from "./view-model";

/** Why writing is impossible (outside Excel, or an Excel too old), shown on every write button. */
export type WriteBlock = { readonly reason: string } | null;

export type Kind = "info" | "error" | "success";

export interface Controls {
  /** Shows a message in the status region (read out by screen readers). */
  announce(message: string, kind?: Kind): void;
  /** A button that runs `onPress` unless the pane is blocked or busy. */
  writeButton(label: string, onPress: () => Promise<void>, attrs?: Record<string, string>, primary?: boolean): HTMLButtonElement;
  /** Shows the progress bar next to `near`, where the user is looking, and says what runs. */
  showProgress(text: string, near: HTMLElement, place?: "before" | "after"): void;
  showFailure(target: HTMLElement, action: string, failure: ActionFailure): void;
  setBlocked(blocked: WriteBlock): void;
  blocked(): WriteBlock;
  isBusy(): boolean;
  /** Brings every write button in line with the blocked and busy state. */
  refresh(): void;
}

class WriteControls implements Controls {
  private current: WriteBlock = { reason: TEXTS.connecting };
  private busy = false;
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly status: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly progressText: HTMLElement;

  constructor(private readonly doc: Document) {
    this.status = byId(doc, "status");
    this.progress = byId(doc, "progress");
    this.progressText = byId(doc, "progress-text");
  }

  announce = (message: string, kind: Kind = "info"): void => {
    this.status.className = `status status-${kind}`;
    replaceChildren(this.status, [message]);
  };

  refresh(): void {
    // Buttons of a review that was replaced are gone from the page: forget them.
    for (let i = this.buttons.length - 1; i >= 0; i--) if (!this.buttons[i].isConnected) this.buttons.splice(i, 1);
    const blocked = this.current !== null;
    for (const button of this.buttons) {
      // Blocked (outside Excel, an Excel too old): really disabled, with the reason beside it.
      // Busy: still focusable, so focus stays put, and a press says another action runs.
      button.disabled = blocked;
      if (!blocked && this.busy) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
      const note = blocked ? this.noteFor(button) : null;
      if (note) button.setAttribute("aria-describedby", note.id);
      else button.removeAttribute("aria-describedby");
    }
    for (const note of this.doc.querySelectorAll<HTMLElement>("[data-write-blocked]")) {
      replaceChildren(note, [this.current ? this.current.reason : ""]);
      note.hidden = !blocked;
    }
    for (const option of this.doc.querySelectorAll<HTMLInputElement | HTMLFieldSetElement>("[data-insert-option]"))
      option.disabled = blocked;
  }

  /** The note that says why a button is blocked: its section's, or the one under Insert all. */
  private noteFor(button: HTMLElement): HTMLElement | null {
    return button.closest("section")?.querySelector<HTMLElement>("[data-write-blocked]") ?? this.doc.getElementById("write-blocked");
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    for (const button of this.buttons) button.setAttribute("aria-disabled", "true");
    try {
      await action();
    } catch (error) {
      this.announce(TEXTS.unexpected(error instanceof Error ? error.message : String(error)), "error");
    } finally {
      this.busy = false;
      this.progress.hidden = true;
      this.refresh();
    }
  }

  writeButton(label: string, onPress: () => Promise<void>, attrs: Record<string, string> = {}, primary = false): HTMLButtonElement {
    const onClick = () => {
      if (this.current) this.announce(this.current.reason, "info");
      else if (this.busy) this.announce(TEXTS.busy, "info");
      else void this.run(onPress);
    };
    const button = h(
      this.doc,
      "button",
      { className: primary ? "button primary" : "button", attrs: { type: "button", ...attrs }, onClick },
      label,
    );
    this.buttons.push(button);
    return button;
  }

  showProgress(text: string, near: HTMLElement, place: "before" | "after" = "before"): void {
    if (place === "before") near.before(this.progress);
    else near.after(this.progress);
    replaceChildren(this.progressText, [text]);
    this.progress.hidden = false;
    this.announce(text);
  }

  showFailure(target: HTMLElement, action: string, failure: ActionFailure): void {
    const text = failureText(action, failure);
    replaceChildren(target, [h(this.doc, "p", { className: "message message-error", attrs: { "data-kind": failure.kind } }, text)]);
    this.announce(text, "error");
  }

  setBlocked(next: WriteBlock): void {
    this.current = next;
    this.refresh();
  }

  blocked(): WriteBlock {
    return this.current;
  }

  isBusy(): boolean {
    return this.busy;
  }
}

export function createControls(doc: Document): Controls {
  return new WriteControls(doc);
}
