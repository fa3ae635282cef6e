/** Shared by the build tests: where the build is, and how to run webpack as `npm run build` does. */
import { spawnSync, SpawnSyncReturns } from "child_process";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");

/** The build the tests read: npm test builds into dist/ first; DIST_DIR points elsewhere. */
export const DIST_DIR = path.resolve(ROOT, process.env.DIST_DIR ?? "dist");

export function distFile(...parts: string[]): string {
  return path.join(DIST_DIR, ...parts);
}

/**
 * Runs `webpack --mode production` with the given environment on top of this process's, without
 * the minifier and source maps: the tests that build again read what the build writes (URLs,
 * files, refusals), not its size, and this takes a quarter of the time.
 */
export function runWebpack(env: Record<string, string>): SpawnSyncReturns<string> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return spawnSync(process.execPath, [cli, "--mode", "production", "--no-optimization-minimize", "--no-devtool"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}
