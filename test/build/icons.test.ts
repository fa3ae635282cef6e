import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { drawIcon, encodePng, ICON_SIZES } from "../../scripts/make-icons";

const ASSETS = path.join(__dirname, "..", "..", "assets");

/** Decodes an 8-bit RGBA, non-interlaced PNG whose rows use filter 0, as make-icons writes them. */
function decodePng(bytes: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    types.push(type);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  expect(raw.length).toBe(height * stride);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0);
    raw.copy(rgba, y * width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width, height, rgba };
}

describe("the icons in assets/", () => {
  // Pixels, not bytes: another zlib may compress the same pixels differently.
  it.each(ICON_SIZES.map((size) => [size]))("icon-%i.png holds the pixels scripts/make-icons.ts draws", (size) => {
    const committed = decodePng(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)));
    expect(committed.rgba.equals(drawIcon(size))).toBe(true);
    expect(decodePng(encodePng(size, size, drawIcon(size))).rgba.equals(drawIcon(size))).toBe(true);
  });

  it.each(ICON_SIZES.map((size) => [size]))(
    "icon-%i.png is a square RGBA PNG with transparent corners, a teal edge and a white bar",
    (size) => {
      const { width, height, rgba } = decodePng(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)));
      expect([width, height]).toEqual([size, size]);
      const pixel = (x: number, y: number): number[] => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
      for (const [x, y] of [
        [0, 0],
        [size - 1, 0],
        [0, size - 1],
        [size - 1, size - 1],
      ])
        expect(pixel(x, y)[3]).toBe(0);
      // Middle of the left edge: background only.
      expect(pixel(0, Math.floor(size / 2))).toEqual([0x0e, 0x6b, 0x5c, 255]);
      // Inside the tallest bar (x 0.66–0.8, y 0.22–0.78 of the icon), away from its edges.
      expect(pixel(Math.floor(size * 0.73), Math.floor(size * 0.5))).toEqual([255, 255, 255, 255]);
    },
  );

  it("rejects pixel data of the wrong length", () => {
    expect(() => encodePng(2, 2, Buffer.alloc(15))).toThrow("encodePng: expected 16 bytes of RGBA, got 15");
  });
});
