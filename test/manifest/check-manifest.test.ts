import * as fs from "fs";
import * as path from "path";
import { checkManifest, pngSize } from "../../scripts/check-manifest";
import { REQUIRED_API } from "../../src/excel/failures";

const ROOT = path.join(__dirname, "..", "..");
const DIST_DIR = process.env.DIST_DIR ?? "dist";
const DIST = path.resolve(ROOT, DIST_DIR);
const FIXTURES = path.join(ROOT, "test", "fixtures", "manifest");

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

/** 1-based line of the first occurrence of `marker` in `text`, found independently of the checker. */
function lineOf(text: string, marker: string, occurrence = 1): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(marker, index + 1);
    if (index < 0) throw new Error(`marker ${marker} not found ${occurrence} times`);
  }
  return text.slice(0, index).split("\n").length;
}

/** 1-based column of the first occurrence of `marker` in its line. */
function columnOf(text: string, marker: string): number {
  const index = text.indexOf(marker);
  return index - text.lastIndexOf("\n", index - 1);
}

describe("the offline manifest checks", () => {
  it("pass on manifest.xml against the build", () => {
    expect(checkManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), { distDir: DIST })).toEqual([]);
  });

  it("pass on the built manifest for the base URL it was built for", () => {
    const built = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(checkManifest(built, { distDir: DIST, baseUrl: process.env.ADDIN_BASE_URL || undefined })).toEqual([]);
  });

  it("leave no fixture unexercised", () => {
    const fixtures = fs.readdirSync(FIXTURES).filter((name) => name.endsWith(".xml"));
    expect(fixtures.sort()).toEqual(Object.keys(BROKEN).sort());
  });

  const BROKEN: Record<string, (text: string) => string> = {
    "error.malformed.xml": (text) =>
      `the manifest does not parse: Expected closing tag 'Permissions' (opened in line ${lineOf(text, "<Permissions>")}, col ${columnOf(text, "<Permissions>")}) ` +
      `instead of closing tag 'Permission'. (line ${lineOf(text, "</Permission>")})`,
    "error.undefined-resid.xml": (text) =>
      `resid "ShowTaskpane.Lable" on <Label> (line ${lineOf(text, "ShowTaskpane.Lable")}) is not defined in <Resources>`,
    "error.unused-resource.xml": (text) =>
      `resource "Group.Tooltip" (line ${lineOf(text, 'id="Group.Tooltip"')}) is defined but no resid uses it`,
    "error.duplicate-resource.xml": (text) =>
      `resource "Group.Label" is defined twice (lines ${lineOf(text, '<bt:String id="Group.Label"')} and ${lineOf(text, '<bt:String id="Group.Label"', 2)})`,
    "error.http-url.xml": (text) =>
      `URL "http://localhost:3000/help.html" in <SupportUrl> (line ${lineOf(text, "<SupportUrl")}) is not https`,
    "error.outside-url.xml": (text) =>
      `URL "https://support.example.com/deal-desk" in <SupportUrl> (line ${lineOf(text, "<SupportUrl")}) ` +
      "is not under https://localhost:3000/, so the build does not produce it",
    "error.missing-file.xml": (text) =>
      `URL "https://localhost:3000/function.js" in <bt:Url> (line ${lineOf(text, "/function.js")}) ` +
      `names function.js, which is not in the build (${DIST})`,
    "error.namespace.xml": () => 'the custom functions namespace is "DEALS", expected "DEAL"',
    "error.requirement-set.xml": () => "requirement set CustomFunctionsRuntime 1.3 is not declared in <Requirements>",
    "error.requirement-version.xml": () => `requirement set ExcelApi is declared as 1.4, below ${REQUIRED_API}`,
    "error.guid.xml": (text) => `Id "deal-desk" (line ${lineOf(text, "<Id>")}) is not a GUID`,
    "error.icon-size.xml": (text) =>
      `icon https://localhost:3000/assets/icon-32.png for resource "Icon.16x16" shown at size 16 ` +
      `by <bt:Image> (line ${lineOf(text, 'resid="Icon.16x16"')}) is 32×32 px, expected 16×16`,
    "error.icon-not-png.xml": (text) =>
      `icon https://localhost:3000/help.html for resource "Icon.80x80" shown at size 80 ` +
      `by <bt:Image> (line ${lineOf(text, 'resid="Icon.80x80"')}) is not a PNG file`,
    "error.runtime-lifetime.xml": (text) =>
      `the shared runtime <Runtime> (line ${lineOf(text, "<Runtime ")}) has lifetime "short", expected "long"`,
    "error.taskpane-id.xml": (text) =>
      `<Action> (line ${lineOf(text, '<Action xsi:type="ShowTaskpane">')}) shows a task pane without a <TaskpaneId>, which the shared-runtime guide calls a different task pane`,
    "error.page-runtime.xml": (text) =>
      `<SourceLocation> (line ${lineOf(text, '<SourceLocation resid="GetStarted.LearnMoreUrl"')}) ` +
      `uses resid "GetStarted.LearnMoreUrl", not the shared runtime's "Taskpane.Url"`,
  };

  it.each(Object.entries(BROKEN))("fail on %s with exactly its problem", (name, expected) => {
    const text = fixture(name);
    expect(checkManifest(text, { distDir: DIST })).toEqual([expected(text)]);
  });

  it("reject a URL that climbs out of the build directory", () => {
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const climbing = source.replace(
      '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>',
      '<SupportUrl DefaultValue="https://localhost:3000/../package.json"/>',
    );
    expect(checkManifest(climbing, { distDir: DIST })).toEqual([
      `URL "https://localhost:3000/../package.json" in <SupportUrl> (line ${lineOf(climbing, "<SupportUrl")}) ` +
        `names ../package.json, which is not in the build (${DIST})`,
    ]);
  });

  it("refuse a second pane: two ShowTaskpane actions that name different panes", () => {
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const start = source.indexOf('<Control xsi:type="Button"');
    const end = source.indexOf("</Control>", start) + "</Control>".length;
    const second = source
      .slice(start, end)
      .replace('id="DealDesk.ShowTaskpane"', 'id="DealDesk.Other"')
      .replace("<TaskpaneId>DealDesk.Taskpane</TaskpaneId>", "<TaskpaneId>Other.Pane</TaskpaneId>");
    const twoPanes = source.slice(0, end) + second + source.slice(end);
    expect(checkManifest(twoPanes, { distDir: DIST })).toEqual([
      `<TaskpaneId> (line ${lineOf(twoPanes, "<TaskpaneId>Other.Pane")}) names the pane "Other.Pane", ` +
        `but <TaskpaneId> (line ${lineOf(twoPanes, "<TaskpaneId>DealDesk.Taskpane")}) names it "DealDesk.Taskpane": a shared runtime has one pane`,
    ]);
  });

  it("check URLs against the base URL they are given", () => {
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const hosted = source.split("https://localhost:3000").join("https://example.com/deal");
    expect(checkManifest(hosted, { distDir: DIST, baseUrl: "https://example.com/deal/" })).toEqual([]);
    expect(checkManifest(hosted, { distDir: DIST })).toHaveLength(source.split("https://localhost:3000/").length - 1);
  });
});

describe("pngSize", () => {
  it.each([16, 32, 64, 80])("reads %i×%i from the committed icon", (size) => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });

  it("returns undefined for bytes that are not a PNG", () => {
    expect(pngSize(Buffer.from("<!doctype html>"))).toBeUndefined();
    expect(pngSize(Buffer.alloc(0))).toBeUndefined();
  });
});
