/**
 * Saving a workbook to disk without ever leaving half a file: the bytes go to a temporary file in
 * the target folder, which is then renamed over the target (a rename within one folder is
 * atomic). An existing file is replaced only when the caller says so: it may be the user's.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";

export interface SaveOptions {
  /** Replace a file that already exists at the path (default false: refuse). */
  readonly replace?: boolean;
}

export interface SavedWorkbook {
  /** Absolute path of the file written. */
  readonly path: string;
  readonly bytes: number;
}

/** A save that could not happen, with a message that says what to do. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "EBUSY":
      return "the file is in use by another program (close it in Excel and try again)";
    case "ENAMETOOLONG":
      return "the path is too long";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function statOrNull(target: string): fs.Stats | null {
  try {
    return fs.statSync(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new WorkbookFileError(`Cannot check ${target}: ${describe(err)}.`);
  }
}

/** Checks the target before any work is done, so a bad path fails fast and writes nothing. */
export function checkTarget(outPath: string, options: SaveOptions = {}): string {
  if (outPath.trim() === "") throw new WorkbookFileError("The output path is empty; give a file name such as deal-desk.xlsx.");
  const target = path.resolve(outPath);
  const existing = statOrNull(target);
  if (existing?.isDirectory()) {
    throw new WorkbookFileError(`${target} is a folder; give a file path such as ${path.join(target, "deal-desk.xlsx")}.`);
  }
  if (path.extname(target).toLowerCase() !== ".xlsx") {
    throw new WorkbookFileError(`${target} does not end in .xlsx; Excel opens a workbook only under that extension.`);
  }
  if (existing && !options.replace) {
    throw new WorkbookFileError(
      `${target} already exists and was left as it is; pass --force to replace it, or choose another --out path.`,
    );
  }
  const folder = path.dirname(target);
  const parent = statOrNull(folder);
  if (!parent) throw new WorkbookFileError(`The folder ${folder} does not exist; create it first or choose another --out path.`);
  if (!parent.isDirectory()) throw new WorkbookFileError(`${folder} is a file, not a folder; choose another --out path.`);
  return target;
}

/**
 * Writes the bytes to `outPath` through a temporary file in the same folder. On any failure the
 * temporary file is removed and the target is untouched.
 */
export async function saveWorkbook(bytes: () => Promise<Buffer>, outPath: string, options: SaveOptions = {}): Promise<SavedWorkbook> {
  const target = checkTarget(outPath, options);
  const data = await bytes();
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: "wx" });
  } catch (err) {
    removeQuietly(temp);
    throw new WorkbookFileError(`Cannot write into the folder ${path.dirname(target)}: ${describe(err)}.`);
  }
  try {
    // Checked again just before the rename: the file may have appeared while the bytes were built.
    if (!options.replace && fs.existsSync(target)) {
      throw new WorkbookFileError(
        `${target} already exists and was left as it is; pass --force to replace it, or choose another --out path.`,
      );
    }
    fs.renameSync(temp, target);
  } catch (err) {
    removeQuietly(temp);
    if (err instanceof WorkbookFileError) throw err;
    throw new WorkbookFileError(`Cannot save ${target}: ${describe(err)}.`);
  }
  return { path: target, bytes: data.length };
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Nothing to remove: the temporary file was never created.
  }
}
