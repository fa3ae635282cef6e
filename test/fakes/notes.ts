/**
 * Notes of the fake Excel (ExcelApi 1.18): one note a cell, added on a single cell, read by its
 * cell's address, its content rewritten, deleted; the Note and NoteCollection objects of the
 * workbook and of each sheet. Writing a note on a protected sheet fails with AccessDenied.
 * https://learn.microsoft.com/javascript/api/excel/excel.note
 * https://learn.microsoft.com/javascript/api/excel/excel.notecollection
 */
import { key } from "./a1";
import { ClientCollection, ClientObject, fillable } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { assertWritable, rangeLabel, type FakeRange, type RangeTarget } from "./range";
import type { FakeWorksheet, SheetModel } from "./worksheets";

/** A note by its sheet and cell key. */
export interface NoteRef {
  sheet: SheetModel;
  k: string;
}

/** A note's cell as the sync log names it: "Deal!B5". */
function noteLabel({ sheet, k }: NoteRef): string {
  const [row, col] = k.split(",").map(Number);
  return rangeLabel({ sheet, rect: { top: row, left: col, bottom: row, right: col } });
}

export class FakeNoteCollection extends ClientCollection<NoteRef, FakeNote> {
  protected readonly typeName = "NoteCollection";
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(ctx);
  }
  protected list(): NoteRef[] {
    const sheets = this.sheet ? [this.sheet.target()] : this.ctx.host.sheets;
    return sheets.flatMap((sheet) => [...sheet.notes.keys()].map((k) => ({ sheet, k })));
  }
  protected proxyFor(m: NoteRef): FakeNote {
    const n = new FakeNote(this.ctx, () => (m.sheet.notes.has(m.k) ? m : null));
    fillable(n);
    return n;
  }
  private cellOf(cellAddress: FakeRange | string): RangeTarget {
    const t =
      typeof cellAddress === "string"
        ? this.ctx.host.resolveAddress(cellAddress, this.sheet ? this.sheet.target() : null)
        : cellAddress.target();
    if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right)
      throw new FakeOfficeError("InvalidArgument", "A note goes on a single cell.");
    return t;
  }
  add(cellAddress: FakeRange | string, content: string): FakeNote {
    let ref: NoteRef | null = null;
    this.ctx.enqueueWrite("NoteCollection.add", 18, () => {
      const t = this.cellOf(cellAddress);
      assertWritable(this.ctx, t.sheet);
      const k = key(t.rect.top, t.rect.left);
      if (t.sheet.notes.has(k)) throw new FakeOfficeError("InvalidOperation", "The cell already has a note.");
      t.sheet.notes.set(k, String(content));
      ref = { sheet: t.sheet, k };
      return noteLabel(ref);
    });
    return new FakeNote(this.ctx, () => ref);
  }
  getItem(cellAddress: FakeRange | string): FakeNote {
    this.ctx.enqueue("NoteCollection.getItem", 18, () => undefined);
    return new FakeNote(this.ctx, () => {
      const t = this.cellOf(cellAddress);
      const k = key(t.rect.top, t.rect.left);
      if (!t.sheet.notes.has(k)) throw new FakeOfficeError("ItemNotFound", "There is no note on that cell.");
      return { sheet: t.sheet, k };
    });
  }
  getItemOrNullObject(cellAddress: FakeRange | string): FakeNote {
    this.ctx.enqueue("NoteCollection.getItemOrNullObject", 18, () => undefined);
    return new FakeNote(
      this.ctx,
      () => {
        const t = this.cellOf(cellAddress);
        const k = key(t.rect.top, t.rect.left);
        return t.sheet.notes.has(k) ? { sheet: t.sheet, k } : null;
      },
      true,
    );
  }
}

export class FakeNote extends ClientObject<NoteRef> {
  protected readonly typeName = "Note";
  protected readonly scalarProps = ["content"];
  protected describe(m: NoteRef): string {
    return noteLabel(m);
  }
  protected readProp(m: NoteRef): unknown {
    return m.sheet.notes.get(m.k);
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.set("content", 18, (m) => {
      assertWritable(this.ctx, m.sheet);
      m.sheet.notes.set(m.k, String(v));
    });
  }
  delete(): void {
    this.ctx.enqueueWrite("Note.delete", 18, () => {
      const m = this.target();
      assertWritable(this.ctx, m.sheet);
      m.sheet.notes.delete(m.k);
      return noteLabel(m);
    });
  }
}
