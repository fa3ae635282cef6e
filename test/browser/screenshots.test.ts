/**
 * The pictures in docs/screenshots are exactly those `npm run screenshots` writes, each with its
 * texts beside it; whether each still shows what the pane shows now is the layout snapshot's
 * check (test/layout-snapshot.test.ts), with the generated sections of the docs.
 */
import * as fs from "fs";
import { SCREENSHOTS_DIR, SHOTS } from "../../scripts/screenshots";

test("the screenshots in docs/screenshots are exactly the images npm run screenshots writes, each with its texts beside it", () => {
  const files = fs.readdirSync(SCREENSHOTS_DIR).sort();
  expect(files).toEqual(SHOTS.flatMap((shot) => [`${shot.name}.png`, `${shot.name}.txt`]).sort());
});
