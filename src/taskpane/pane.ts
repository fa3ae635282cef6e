/**
 * The pane, assembled from its sections: the figures (with their version, age and flags), the
 * insert buttons, the reviewed update, the function reference and the preview. It drives the
 * workbook only through `PaneHost`, plain functions that index.ts builds from the Excel writer, so
 * this file knows the DOM but not Office. Outside Excel the host is null and the pane is a
 * read-only preview.
 */
import type { WorkbookFigures } from "../excel/figures-version";
import type { ActionResult, ApplyChoices, InsertOptions, InsertReport, UpdatePlan, UpdateReport } from "../excel/types";
import type { BlockId } from "../sheets/spec";
import { createControls } from "./controls";
import type { Kind, WriteBlock } from "./controls";
import { byId } from "./dom";
import { mountFigures } from "./figures-section";
import type { FiguresContent } from "./figures-section";
import { mountFunctions } from "./functions-section";
import { mountInsert } from "./insert-section";
import { showPreview } from "./preview-section";
import { TEXTS } from "./texts";
import { mountUpdate } from "./update-section";
import type { BlockEntry, FunctionEntry, PreviewTable } from "./view-model";

export type { WriteBlock } from "./controls";

/** What the pane needs from the workbook; every call resolves to a typed result. */
export interface PaneHost {
  insertBlocks(blocks: readonly BlockId[], options: InsertOptions): Promise<ActionResult<InsertReport>>;
  planUpdate(): Promise<ActionResult<UpdatePlan>>;
  applyUpdate(choices: ApplyChoices, reviewed: string): Promise<ActionResult<UpdateReport>>;
  /** Puts a formula in the selected cell when it is empty; resolves to the cell's address. */
  insertFormula(formula: string): Promise<ActionResult<{ address: string }>>;
  /** The figures' version and date on each block's stamp in the workbook. */
  readWorkbookFigures(): Promise<ActionResult<readonly WorkbookFigures[]>>;
}

export interface PaneContent extends FiguresContent {
  readonly blocks: readonly BlockEntry[];
  /** Loaded the first time the function list is opened. */
  readonly functions: () => Promise<readonly FunctionEntry[]>;
  /** Loaded and computed only outside Excel, where the preview is shown. */
  readonly previews: () => Promise<readonly PreviewTable[]>;
}

/** The performance mark set once the figures are in the page. */
export const FIGURES_MARK = "deal-desk:figures";

export const OUTSIDE_EXCEL = TEXTS.outsideExcel;

export interface Pane {
  /** Switches the pane from preview to live once Office reports Excel (or says why it cannot write). */
  connect(host: PaneHost | null, blocked: WriteBlock): void;
  /** Shows a message in the status region (read out by screen readers). */
  announce(message: string, kind?: Kind): void;
}

/** Renders the sections and wires the controls. */
export function mountPane(doc: Document, content: PaneContent): Pane {
  let host: PaneHost | null = null;
  const controls = createControls(doc);
  const figures = mountFigures(doc, controls, content);
  mountInsert(doc, controls, content.blocks, () => host);
  const update = mountUpdate(doc, controls, () => host);
  mountFunctions(doc, controls, content.functions, () => host);

  controls.refresh();
  byId(doc, "app").setAttribute("aria-busy", "false");
  doc.body.setAttribute("data-ready", "figures");
  // The benchmark reads this mark: time from navigation to the figures in the page.
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(FIGURES_MARK);

  return {
    announce: controls.announce,
    connect(nextHost, nextBlocked) {
      host = nextHost;
      const blocked = nextHost ? nextBlocked : (nextBlocked ?? { reason: OUTSIDE_EXCEL });
      controls.setBlocked(blocked);
      if (!nextHost) {
        void showPreview(doc, content.previews);
        doc.body.setAttribute("data-mode", "preview");
      } else {
        doc.body.setAttribute("data-mode", blocked ? "unsupported" : "excel");
      }
      // Outside Excel the host line and the notes beside the buttons say why; an Excel that cannot
      // run the add-in is news, so it is announced too.
      if (blocked && nextHost) controls.announce(blocked.reason);
      if (nextHost && !blocked) {
        void figures.checkWorkbook(nextHost, update.review).then(() => doc.body.setAttribute("data-workbook-checked", "true"));
      }
    },
  };
}
