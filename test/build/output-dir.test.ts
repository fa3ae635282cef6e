import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./build-helpers";

// The config module is plain CommonJS; its folder guard is tested directly.
const { outputDir } = require("../../webpack.config.js") as { outputDir: (value?: string) => string };

describe("DIST_DIR, the folder the build clears and writes", () => {
  let scratch: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-out-"));
  });

  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("defaults to dist/ in the project", () => {
    expect(outputDir(undefined)).toBe(path.join(ROOT, "dist"));
  });

  it("accepts a folder that does not exist yet, an empty one and a previous build", () => {
    expect(outputDir(path.join(scratch, "new"))).toBe(path.join(scratch, "new"));
    expect(outputDir(scratch)).toBe(scratch);
    fs.writeFileSync(path.join(scratch, "manifest.xml"), "<OfficeApp/>");
    fs.writeFileSync(path.join(scratch, "taskpane.js"), "");
    expect(outputDir(scratch)).toBe(scratch);
  });

  it("refuses a folder holding anything but a previous build, and leaves it untouched", () => {
    fs.writeFileSync(path.join(scratch, "notes.txt"), "mine");
    expect(() => outputDir(scratch)).toThrow(
      `DIST_DIR ${scratch} is not empty and holds no previous build; the build clears its output folder, so choose a new or empty folder.`,
    );
    expect(fs.readFileSync(path.join(scratch, "notes.txt"), "utf8")).toBe("mine");
  });

  it.each([".", "..", "/"])("refuses %s, which contains the project", (value) => {
    expect(() => outputDir(value)).toThrow(`DIST_DIR ${path.resolve(ROOT, value)} contains the project;`);
  });
});
