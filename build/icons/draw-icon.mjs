// Draws build/icons/icon.png (512×512): a teal shield with a white check mark, the app icon that
// electron-builder turns into .icns / .ico / the Linux icon set. Run: node build/icons/draw-icon.mjs
// Plain Node (no image library): shapes are tested per sample, 4×4 samples per pixel.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const TOP = [18, 184, 134]; // Mantine teal.6
const BOTTOM = [8, 127, 91]; // teal.9

/** The shield outline in unit coordinates: flat shoulders, straight sides, curved to a point. */
function shieldPolygon() {
  const pts = [];
  const quad = (p0, c, p1, n) => {
    for (let i = 1; i <= n; i++) {
      const t = i / n;
      const a = (1 - t) * (1 - t);
      const b = 2 * (1 - t) * t;
      const d = t * t;
      pts.push([a * p0[0] + b * c[0] + d * p1[0], a * p0[1] + b * c[1] + d * p1[1]]);
    }
  };
  pts.push([0.5, 0.07]);
  quad([0.5, 0.07], [0.66, 0.16], [0.84, 0.16], 24);
  pts.push([0.84, 0.47]);
  quad([0.84, 0.47], [0.82, 0.78], [0.5, 0.94], 48);
  quad([0.5, 0.94], [0.18, 0.78], [0.16, 0.47], 48);
  pts.push([0.16, 0.16]);
  quad([0.16, 0.16], [0.34, 0.16], [0.5, 0.07], 24);
  return pts;
}

function inside(poly, x, y) {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const shield = shieldPolygon();
const check = [
  [0.33, 0.5],
  [0.45, 0.62],
  [0.68, 0.38],
];
const STROKE = 0.04; // half the check mark's width

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let cover = 0;
    let white = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = (px + (sx + 0.5) / SAMPLES) / SIZE;
        const y = (py + (sy + 0.5) / SAMPLES) / SIZE;
        if (!inside(shield, x, y)) continue;
        cover++;
        const d = Math.min(
          distanceToSegment(x, y, check[0], check[1]),
          distanceToSegment(x, y, check[1], check[2]),
        );
        if (d <= STROKE) white++;
      }
    }
    const n = SAMPLES * SAMPLES;
    const t = py / SIZE;
    const teal = TOP.map((c, i) => c + (BOTTOM[i] - c) * t);
    const w = cover === 0 ? 0 : white / cover;
    const o = (py * SIZE + px) * 4;
    for (let i = 0; i < 3; i++) rgba[o + i] = Math.round(teal[i] * (1 - w) + 255 * w);
    rgba[o + 3] = Math.round((cover / n) * 255);
  }
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++)
  rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`Wrote ${out.pathname} (${png.length} bytes)`);
