/**
 * Tests edit a copy of figures/figures.json by id, never by position: a figure added to the file
 * must not turn a deliberately broken fixture into a valid one.
 */
import * as fs from "fs";
import * as path from "path";

type Item = Record<string, unknown> & { id: string };
export type FiguresJson = { figures: Item[]; sources: Item[]; facts: Item[] } & Record<string, unknown>;

/** A fresh copy of the repository's figures file. */
export function figuresJson(): FiguresJson {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../figures/figures.json"), "utf8"));
}

function byId(list: Item[], id: string, what: string): Item {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`The figures file has no ${what} with the id ${id}.`);
  return found;
}

/** The figure of that id in `json`, to edit in place (any field may be set, to test bad files). */
export function figureIn(json: FiguresJson, id: string): Record<string, any> {
  return byId(json.figures, id, "figure");
}

export function sourceIn(json: FiguresJson, id: string): Record<string, any> {
  return byId(json.sources, id, "source");
}

export function factIn(json: FiguresJson, id: string): Record<string, any> {
  return byId(json.facts, id, "fact");
}

/** How many figures the repository's figures file holds, in one block or in all: counted from the raw file, apart from the loader. */
export function figureCount(block?: string): number {
  return figuresJson().figures.filter((f) => block === undefined || f.block === block).length;
}

export interface RawFigure {
  readonly id: string;
  readonly block: string;
  readonly name: string;
  readonly label: string;
  /** When it was stated (yyyy-mm-dd), or null when undated. */
  readonly asOfDate: string | null;
}

/** Each figure of the repository's figures file as the file spells it: id, block, name, label and when it was stated. */
export function rawFigures(): RawFigure[] {
  return figuresJson().figures.map((f) => ({
    id: f.id,
    block: String(f.block),
    name: String(f.name),
    label: String(f.label),
    asOfDate: f.asOfDate === null ? null : String(f.asOfDate),
  }));
}

/** The ids of the figures the file's figures stated more than `days` days before `today` (yyyy-mm-dd), counted by calendar days apart from src/figures/age.ts. */
export function staleIds(today: string, days: number): string[] {
  const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
  return rawFigures()
    .filter((f) => f.asOfDate !== null && day(today) - day(f.asOfDate) > days)
    .map((f) => f.id);
}
