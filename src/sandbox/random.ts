// Deterministic randomness. Every generated value is a pure function of (seed, what, index), so a
// page deep in a 1M-send campaign is produced without touching the rows before it, and the page,
// the service worker and the server all see the same data for the same seed.

/** Mulberry32: a tiny, fast 32-bit PRNG; plenty for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with any number of keys (strings or integers) into one 32-bit integer. */
export function hashKeys(seed: number, ...keys: Array<string | number>): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const key of keys) {
    const text = typeof key === "number" ? `#${key}` : key;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

/** A generator dedicated to one item, e.g. `rngFor(seed, "send", campaignKey, index)`. */
export function rngFor(seed: number, ...keys: Array<string | number>): () => number {
  return mulberry32(hashKeys(seed, ...keys));
}

export function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

export function intBetween(rng: () => number, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** A version-4-shaped UUID derived from the keys: stable ids for campaigns, contacts, activities. */
export function uuidFor(seed: number, ...keys: Array<string | number>): string {
  const rng = rngFor(seed, "uuid", ...keys);
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Unpredictable token material (tokens and codes are secrets, not test data). */
export function randomToken(bytes = 24): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return base64url(buf);
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
