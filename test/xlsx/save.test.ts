import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { saveWorkbook, WorkbookFileError } from "../../src/xlsx";
import { refusalReason, unwritableFolder } from "./unwritable-folder";

const BYTES = Buffer.from("PK\u0003\u0004 stand-in bytes");
const bytes = () => Promise.resolve(BYTES);

describe("saving a workbook file", () => {
  let scratch: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deal-desk-save-"));
  });

  afterEach(() => {
    fs.chmodSync(scratch, 0o700);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const listing = () => fs.readdirSync(scratch).sort();

  test("writes the bytes at the path and leaves no temporary file", async () => {
    const saved = await saveWorkbook(bytes, path.join(scratch, "deal-desk.xlsx"));
    expect(saved).toEqual({ path: path.join(scratch, "deal-desk.xlsx"), bytes: BYTES.length });
    expect(fs.readFileSync(saved.path)).toEqual(BYTES);
    expect(listing()).toEqual(["deal-desk.xlsx"]);
  });

  test("resolves a relative path against the working directory", async () => {
    const cwd = process.cwd();
    process.chdir(scratch);
    try {
      const saved = await saveWorkbook(bytes, "relative.xlsx");
      expect(saved.path).toBe(path.join(fs.realpathSync(scratch), "relative.xlsx"));
    } finally {
      process.chdir(cwd);
    }
  });

  test("leaves an existing file as it is unless told to replace it", async () => {
    const target = path.join(scratch, "mine.xlsx");
    fs.writeFileSync(target, "the user's model");
    await expect(saveWorkbook(bytes, target)).rejects.toThrow(`${target} already exists and was left as it is; pass --force to replace it`);
    expect(fs.readFileSync(target, "utf8")).toBe("the user's model");
    await saveWorkbook(bytes, target, { replace: true });
    expect(fs.readFileSync(target)).toEqual(BYTES);
    expect(listing()).toEqual(["mine.xlsx"]);
  });

  test.each([
    [
      "a folder that does not exist",
      (s: string) => path.join(s, "missing", "x.xlsx"),
      (s: string) => `The folder ${path.join(s, "missing")} does not exist; create it first`,
    ],
    [
      "a path that is a folder",
      (s: string) => s,
      (s: string) => `${s} is a folder; give a file path such as ${path.join(s, "deal-desk.xlsx")}`,
    ],
    [
      "a folder path ending in .xlsx",
      (s: string) => (fs.mkdirSync(path.join(s, "d.xlsx")), path.join(s, "d.xlsx")),
      (s: string) => `${path.join(s, "d.xlsx")} is a folder; give a file path such as ${path.join(s, "d.xlsx", "deal-desk.xlsx")}`,
    ],
    [
      "a folder that is a file",
      (s: string) => (fs.writeFileSync(path.join(s, "f"), ""), path.join(s, "f", "x.xlsx")),
      (s: string) => `${path.join(s, "f")} is a file, not a folder`,
    ],
    [
      "another extension",
      (s: string) => path.join(s, "deal.csv"),
      (s: string) => `${path.join(s, "deal.csv")} does not end in .xlsx; Excel opens a workbook only under that extension`,
    ],
    ["an empty path", () => " ", () => "The output path is empty"],
  ])("refuses %s with a clear message and writes nothing", async (_what, target, message) => {
    const out = target(scratch);
    const before = listing();
    const error = await saveWorkbook(bytes, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toContain(message(scratch));
    expect(listing()).toEqual(before);
  });

  test("reports a folder it cannot write into and leaves no temporary file there", async () => {
    const folder = unwritableFolder(scratch);
    const before = fs.readdirSync(folder);
    await expect(saveWorkbook(bytes, path.join(folder, "x.xlsx"))).rejects.toThrow(refusalReason(folder));
    expect(fs.readdirSync(folder)).toEqual(before);
  });

  test("does not create the file when building the bytes fails", async () => {
    const failing = () => Promise.reject(new Error("builder bug"));
    await expect(saveWorkbook(failing, path.join(scratch, "x.xlsx"))).rejects.toThrow("builder bug");
    expect(listing()).toEqual([]);
  });
});
