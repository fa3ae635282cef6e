import * as fs from "fs";
import * as path from "path";

/**
 * A folder this process cannot create files in. Root ignores file modes, but /sys refuses new
 * files even to root; anyone else gets a folder under `scratch` without write permission.
 */
export function unwritableFolder(scratch: string): string {
  if (process.getuid?.() === 0) return "/sys";
  const folder = path.join(scratch, "read-only");
  fs.mkdirSync(folder, { mode: 0o500 });
  return folder;
}

/** The reason a write into `unwritableFolder` fails: a read-only /sys (as in containers) or no permission. */
export function refusalReason(folder: string): RegExp {
  const escaped = folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`Cannot write into the folder ${escaped}: (permission denied|the file system is read-only)\\.`);
}
