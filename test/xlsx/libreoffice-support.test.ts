import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createRecalcProfile, findSoffice, onCi, recalculate } from "../support/libreoffice";

describe("the LibreOffice harness", () => {
  const saved = process.env.SOFFICE;
  let scratch: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-harness-"));
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.SOFFICE;
    else process.env.SOFFICE = saved;
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("uses $SOFFICE when it names a file, and reports none when it names nothing", () => {
    const fake = path.join(scratch, "soffice");
    fs.writeFileSync(fake, "");
    process.env.SOFFICE = fake;
    expect(findSoffice()).toBe(fake);
    process.env.SOFFICE = path.join(scratch, "missing");
    expect(findSoffice()).toBeNull();
  });

  test("writes a profile whose registry recalculates OOXML files on every load", () => {
    const url = createRecalcProfile(scratch);
    expect(url).toBe(`file://${path.join(scratch, "profile")}`);
    const xcu = fs.readFileSync(path.join(scratch, "profile", "user", "registrymodifications.xcu"), "utf8");
    expect(xcu).toContain(
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
    );
  });

  test("refuses two files with one name, since LibreOffice names each output after its input", async () => {
    await expect(recalculate(["a/x.xlsx", "b/x.xlsx"], "soffice")).rejects.toThrow(
      "recalculate needs distinct file names, got x.xlsx, x.xlsx",
    );
  });

  test.each([
    [{ CI: "true" }, true],
    [{ CI: "1" }, true],
    [{ CI: "false" }, true],
    [{ CI: "0" }, true],
    [{ CI: "" }, true],
    [{}, false],
  ])("treats %j as CI: %s", (env, expected) => {
    expect(onCi(env)).toBe(expected);
  });
});
