import * as fs from "fs";
import { GENERATED_SECTIONS, README_PATH, readSection, regenerate } from "../scripts/readme";

const readme = fs.readFileSync(README_PATH, "utf8");

describe("README.md", () => {
  test.each(Object.keys(GENERATED_SECTIONS))("its %s section matches what the code renders (npm run readme)", (name) => {
    expect(readSection(readme, name)).toBe(GENERATED_SECTIONS[name]());
  });

  test("a stale section is detected and regenerated", () => {
    const stale = readme.replace(/`amzn\.price` \| AMZN share price \| around \$241\.73/, "`amzn.price` | AMZN share price | around $199.99");
    expect(stale).not.toBe(readme);
    expect(readSection(stale, "figures")).not.toBe(GENERATED_SECTIONS.figures());
    expect(regenerate(stale)).toBe(readme);
  });

  test("missing markers are an error that names the section", () => {
    expect(() => regenerate("# no markers\n")).toThrow("README.md has no <!-- BEGIN figures --> … <!-- END figures --> markers.");
  });

  test("names the two commands a newcomer needs", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test");
  });
});
