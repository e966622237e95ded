// Draws KeyScope's toolbar and store icons (a key inside a lens on a dark tile) as PNGs, with no image library.
// Run: node scripts/make-icons.mjs  (writes icons/icon-<size>.png; the PNGs are committed)
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// Chrome: 16, 32, 48 in the manifest and 128 for the Web Store; Firefox: 48 and 96 (its add-ons manager on high-DPI screens).
const SIZES = [16, 32, 48, 96, 128];
const SAMPLES = 4;

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// Shape in unit coordinates (0..1): returns [r, g, b, a] or null.
function shade(x, y) {
  const tile =
    Math.max(Math.abs(x - 0.5), Math.abs(y - 0.5)) <= 0.46 &&
    Math.hypot(Math.max(Math.abs(x - 0.5) - 0.3, 0), Math.max(Math.abs(y - 0.5) - 0.3, 0)) <= 0.16;
  if (!tile) return null;
  const ring = Math.hypot(x - 0.42, y - 0.42);
  const white = [255, 255, 255, 255];
  if (ring >= 0.2 && ring <= 0.28) return white;
  const handle = x - 0.42 > 0.17 && y - 0.42 > 0.17 && Math.abs(x - 0.42 - (y - 0.42)) < 0.07 && x < 0.86 && y < 0.86;
  if (handle) return white;
  const keyHead = Math.hypot(x - 0.37, y - 0.42) <= 0.07;
  const keyShaft = y >= 0.4 && y <= 0.45 && x >= 0.37 && x <= 0.52;
  const keyBit = x >= 0.47 && x <= 0.51 && y >= 0.42 && y <= 0.5;
  if (keyHead || keyShaft || keyBit) return [255, 196, 0, 255];
  return [20, 48, 92, 255];
}

for (const size of SIZES) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] += colour[c] * colour[3];
          sum[3] += colour[3];
        }
      }
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      for (let c = 0; c < 3; c++) raw[offset + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      raw[offset + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), png);
}
