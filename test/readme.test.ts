import * as fs from "fs";
import * as path from "path";
import { FIGURES_DOC_PATH, GENERATED_SECTIONS, README_PATH, readSection, regenerate } from "../scripts/readme";

const readme = fs.readFileSync(README_PATH, "utf8");
const figuresDoc = fs.readFileSync(FIGURES_DOC_PATH, "utf8");

describe("the generated sections of README.md and docs/", () => {
  test("a stale section is detected and regenerated", () => {
    // From the file as the code renders it now (the layout snapshot checks the file itself).
    const fresh = regenerate(figuresDoc, FIGURES_DOC_PATH);
    const stale = fresh.replace(
      /`amzn\.price` \| Amazon stock price \| around \$241\.73/,
      "`amzn.price` | Amazon stock price | around $199.99",
    );
    expect(stale).not.toBe(fresh);
    expect(readSection(stale, "figures")).not.toBe(GENERATED_SECTIONS.figures.render());
    expect(regenerate(stale, FIGURES_DOC_PATH)).toBe(fresh);
  });

  test("missing markers are an error that names the file and the section", () => {
    expect(() => regenerate("# no markers\n", FIGURES_DOC_PATH)).toThrow(
      "docs/figures.md has no <!-- BEGIN figures --> … <!-- END figures --> markers.",
    );
  });
});

describe("README.md", () => {
  const [forEveryone, forDevelopers = ""] = readme.split("\n## For developers\n");

  test("opens with what it is and how to get it into Excel, IT's way first, then trying it yourself", () => {
    const headings = [...forEveryone.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings[0]).toBe("Get it into Excel");
    const getIt = forEveryone.slice(forEveryone.indexOf("## Get it into Excel"));
    expect(getIt.indexOf("admin center")).toBeLessThan(getIt.indexOf("sideload"));
    expect(getIt).toContain("(docs/install.md)");
  });

  test("speaks a portfolio manager's words until the developers' section", () => {
    expect(forEveryone).not.toMatch(/\bulps?\b|units in the last place|oracle|fake (Excel )?host|jest|webpack|property test/i);
  });

  test("gives developers exactly the two commands", () => {
    const commands = /```sh\n([\s\S]*?)```/
      .exec(forDevelopers)?.[1]
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("#")[0].trim());
    expect(commands).toEqual(["npm ci && npm start", "npm test"]);
  });

  test("is at most about 10 KB, with the details in docs/", () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(10_500);
    for (const doc of ["install", "user-guide", "workbook", "functions", "figures", "architecture", "testing"]) {
      expect([doc, readme.includes(`(docs/${doc}.md)`)]).toEqual([doc, true]);
    }
  });

  test("every relative link points to a file in the repository", () => {
    const links = [...readme.matchAll(/\]\((?!https?:)([^)#]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(8);
    for (const link of links) expect([link, fs.existsSync(path.join(path.dirname(README_PATH), link))]).toEqual([link, true]);
  });
});
