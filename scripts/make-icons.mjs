// Draws Mailroom's icon (an envelope on a rounded tile) from one description, at every size the
// manifest and index.html need, as PNG and SVG. No image library: a tiny rasteriser and Node's zlib.
// Run: npm run icons (writes public/icons/).
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const TILE = [0x1f, 0x4e, 0x79];
const PAPER = [0xff, 0xff, 0xff];
const FLAP = [0xc9, 0xdc, 0xee];

/** The design in a 0..1 square. `safe` shrinks the envelope into the maskable safe zone. */
function shapeAt(x, y, { maskable }) {
  const radius = maskable ? 0 : 0.18;
  const inTile = roundedRect(x, y, 0, 0, 1, 1, radius);
  if (!inTile) return null;
  const scale = maskable ? 0.62 : 0.78;
  const ex0 = (1 - scale) / 2;
  const ey0 = 0.5 - scale * 0.33;
  const ew = scale;
  const eh = scale * 0.66;
  if (x >= ex0 && x <= ex0 + ew && y >= ey0 && y <= ey0 + eh) {
    const u = (x - ex0) / ew;
    const v = (y - ey0) / eh;
    // The flap: a V from the top corners to the middle.
    const flapEdge = 0.55 * (1 - Math.abs(u - 0.5) * 2);
    if (Math.abs(v - flapEdge) < 0.045) return TILE;
    return v < flapEdge ? FLAP : PAPER;
  }
  return TILE;
}

function roundedRect(x, y, x0, y0, w, h, r) {
  if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
  const cx = Math.min(Math.max(x, x0 + r), x0 + w - r);
  const cy = Math.min(Math.max(y, y0 + r), y0 + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function render(size, options) {
  const samples = 4; // 4×4 supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shapeAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            options,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
      const n = samples * samples;
      const covered = a / 255 || 1;
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(r / covered);
      rgba[i + 1] = Math.round(g / covered);
      rgba[i + 2] = Math.round(b / covered);
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return png(size, size, rgba);
}

function png(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="${hex(TILE)}"/><rect x="11" y="24.3" width="78" height="51.5" fill="${hex(PAPER)}"/><path d="M11 24.3 L50 52.6 L89 24.3 Z" fill="${hex(FLAP)}"/><path d="M11 24.3 L50 52.6 L89 24.3" fill="none" stroke="${hex(TILE)}" stroke-width="3"/></svg>\n`;

const out = new URL("../public/icons/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("icon-192.png", out), render(192, { maskable: false }));
writeFileSync(new URL("icon-512.png", out), render(512, { maskable: false }));
writeFileSync(new URL("maskable-512.png", out), render(512, { maskable: true }));
writeFileSync(new URL("apple-touch-icon-180.png", out), render(180, { maskable: true }));
writeFileSync(new URL("favicon.svg", out), svg);
console.log(`icons written to ${out.pathname}`);
