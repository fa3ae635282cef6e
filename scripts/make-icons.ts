/**
 * Draws the add-in's ribbon and store icons (assets/icon-16.png … icon-80.png): a teal rounded
 * square with three rising white bars. Pixels are computed from the shapes with 4×4 supersampling,
 * so every size is drawn for itself rather than scaled, and the PNGs are written with zlib only.
 * The output is deterministic: running it again reproduces the committed pixels.
 *
 * Usage: node -r ./scripts/ts-register.js scripts/make-icons.ts [output-dir]
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgb = readonly [number, number, number];

const BACKGROUND: Rgb = [0x0e, 0x6b, 0x5c];
const BARS: Rgb = [0xff, 0xff, 0xff];
const SUPERSAMPLING = 4;

/** Shapes in unit coordinates (0..1 across the icon), so every size shares one drawing. */
const CORNER_RADIUS = 0.2;
const BAR_BOTTOM = 0.78;
const BARS_UNIT: ReadonlyArray<{ left: number; right: number; top: number }> = [
  { left: 0.2, right: 0.34, top: 0.56 },
  { left: 0.43, right: 0.57, top: 0.4 },
  { left: 0.66, right: 0.8, top: 0.22 },
];

function insideRoundedSquare(x: number, y: number): boolean {
  if (x < 0 || x > 1 || y < 0 || y > 1) return false;
  const cx = Math.min(Math.max(x, CORNER_RADIUS), 1 - CORNER_RADIUS);
  const cy = Math.min(Math.max(y, CORNER_RADIUS), 1 - CORNER_RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER_RADIUS ** 2;
}

function insideBar(x: number, y: number): boolean {
  return BARS_UNIT.some((bar) => x >= bar.left && x <= bar.right && y >= bar.top && y <= BAR_BOTTOM);
}

/** RGBA pixels, row by row, premultiplied coverage turned back into straight alpha. */
export function drawIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let barCovered = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          if (!insideRoundedSquare(x, y)) continue;
          covered++;
          if (insideBar(x, y)) barCovered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      const barShare = barCovered / covered;
      for (let channel = 0; channel < 3; channel++) {
        const value = BACKGROUND[channel] * (1 - barShare) + BARS[channel] * barShare;
        pixels[offset + channel] = Math.round(value);
      }
      pixels[offset + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes straight-alpha RGBA pixels as an 8-bit RGBA PNG (filter type 0 on every row). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`encodePng: expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function iconFileName(size: number): string {
  return `icon-${size}.png`;
}

export function writeIcons(outputDir: string): string[] {
  fs.mkdirSync(outputDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(outputDir, iconFileName(size));
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const outputDir = process.argv[2] ?? path.join(__dirname, "..", "assets");
  for (const file of writeIcons(outputDir)) console.log(`wrote ${file}`);
}
