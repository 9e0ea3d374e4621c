/**
 * Writes the app icons in public/icons/ (the home-screen icons the web app manifest names).
 * They are drawn here, pixel by pixel, so the repository holds no artwork from elsewhere:
 * the four answer shapes of the game (triangle, diamond, circle, square) on the brand indigo.
 * Run `node --import tsx scripts/make-icons.ts` after changing the drawing; the output is committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgb = [number, number, number];
const BG: Rgb = [0x43, 0x38, 0xca];
const SHAPES: { colour: Rgb; inside: (x: number, y: number) => boolean }[] = [
  // Coordinates are in a unit cell [-1, 1]²; each shape sits in one quarter of the safe zone.
  { colour: [0xf8, 0x71, 0x71], inside: (x, y) => y <= 0.8 && y >= -0.9 + 1.7 * Math.abs(x) / 0.98 - 0.0 && Math.abs(x) <= 0.98 },
  { colour: [0x60, 0xa5, 0xfa], inside: (x, y) => Math.abs(x) + Math.abs(y) <= 0.95 },
  { colour: [0xfb, 0xbf, 0x24], inside: (x, y) => x * x + y * y <= 0.85 * 0.85 },
  { colour: [0x4a, 0xde, 0x80], inside: (x, y) => Math.abs(x) <= 0.78 && Math.abs(y) <= 0.78 },
];

/** Colour at a point of the unit square [0, 1]²: `safe` is the fraction of it the shapes may use. */
function colourAt(u: number, v: number, safe: number): Rgb {
  const margin = (1 - safe) / 2;
  const su = (u - margin) / safe;
  const sv = (v - margin) / safe;
  if (su >= 0 && su < 1 && sv >= 0 && sv < 1) {
    const col = su < 0.5 ? 0 : 1;
    const row = sv < 0.5 ? 0 : 1;
    // Local cell coordinates with a gap between the four cells.
    const x = ((su - col * 0.5) / 0.5) * 2 - 1;
    const y = ((sv - row * 0.5) / 0.5) * 2 - 1;
    const shape = SHAPES[row * 2 + col]!;
    if (shape.inside(x / 0.82, y / 0.82)) return shape.colour;
  }
  return BG;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG of `size`², 4×4 supersampled so the edges are smooth. */
function png(size: number, safe: number): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  const n = 4;
  for (let py = 0; py < size; py++) {
    const row = py * (size * 3 + 1);
    raw[row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb] = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, safe);
          r += cr; g += cg; b += cb;
        }
      }
      const o = row + 1 + px * 3;
      raw[o] = Math.round(r / (n * n));
      raw[o + 1] = Math.round(g / (n * n));
      raw[o + 2] = Math.round(b / (n * n));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(process.cwd(), 'public', 'icons');
fs.mkdirSync(out, { recursive: true });
// why: "any" icons may use most of the square; maskable ones keep the shapes inside the 80 % safe circle.
const files: [string, number, number][] = [
  ['icon-192.png', 192, 0.84],
  ['icon-512.png', 512, 0.84],
  ['maskable-512.png', 512, 0.62],
  ['apple-touch-icon.png', 180, 0.76],
];
for (const [name, size, safe] of files) {
  fs.writeFileSync(path.join(out, name), png(size, safe));
  console.log(`public/icons/${name}`);
}
