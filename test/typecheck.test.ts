/**
 * The whole tree type-checks (src/, test/, scripts/, bench/). ts-jest and webpack only transpile
 * (tsconfig's isolatedModules), so this suite is where a type error fails `npm test`; it runs
 * beside the other suites instead of before them. `npm run typecheck` runs the same check.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

test("tsc --noEmit finds no type error", () => {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  const result = spawnSync(process.execPath, [tsc, "--noEmit", "-p", ROOT], { cwd: ROOT, encoding: "utf8" });
  expect({ status: result.status, errors: `${result.stdout}${result.stderr}`.trim() }).toEqual({ status: 0, errors: "" });
});
