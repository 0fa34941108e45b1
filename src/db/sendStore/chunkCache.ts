import { db } from "../db";
import type { ChunkKey } from "./chunk";

/** A chunk's name in memory: the database's name too, as tests (and a second profile) open other databases with the same list numbers. */
export const chunkName = (key: ChunkKey) => `${db().name}\u0000${key.join("\u0000")}`;

/**
 * Values of chunks held in memory by name, evicted oldest first once their sizes pass `limit`. A
 * value is never replaced: a chunk's content does not change under its key (the exception, a send
 * fetched again with the same time and contact but another email or name, keeps its old value
 * until the page reloads). Reads under way are shared: a second caller waits for them instead of
 * reading again, since IndexedDB would serve the two reads one after the other.
 */
export class ChunkCache<V> {
  private readonly held = new Map<string, V>();
  private readonly reading = new Map<string, Promise<void>>();
  private total = 0;

  constructor(private readonly options: { limit: number; size: (value: V) => number }) {}

  get(key: ChunkKey): V | undefined {
    return this.held.get(chunkName(key));
  }

  set(key: ChunkKey, value: V): void {
    this.remember(chunkName(key), value);
  }

  /** The values of `keys`, in their order: held ones at once, the others by one call of `read`. */
  async getMany(
    keys: readonly ChunkKey[],
    read: (keys: ChunkKey[]) => Promise<(V | undefined)[]>,
  ): Promise<(V | undefined)[]> {
    const names = keys.map(chunkName);
    const missing = keys.filter((_, i) => !this.held.has(names[i]!));
    const pending = new Set(
      missing.map((key) => this.reading.get(chunkName(key))).filter((p) => p !== undefined),
    );
    const unread = missing.filter((key) => !this.reading.has(chunkName(key)));
    if (unread.length > 0) pending.add(this.readInto(unread, read));
    await Promise.all(pending);
    return names.map((name) => this.held.get(name));
  }

  /** Reads those of `keys` neither held nor being read (a warm-up: it waits for no one else's read). */
  async readUnheld(
    keys: readonly ChunkKey[],
    read: (keys: ChunkKey[]) => Promise<(V | undefined)[]>,
  ): Promise<void> {
    const unread = keys.filter((key) => !this.held.has(chunkName(key)) && !this.reading.has(chunkName(key)));
    if (unread.length > 0) await this.readInto(unread, read);
  }

  /** For tests: forget everything. */
  clear(): void {
    this.reading.clear();
    this.held.clear();
    this.total = 0;
  }

  private readInto(keys: ChunkKey[], read: (keys: ChunkKey[]) => Promise<(V | undefined)[]>): Promise<void> {
    const names = keys.map(chunkName);
    const done = (async () => {
      try {
        const values = await read(keys);
        values.forEach((value, i) => {
          if (value !== undefined) this.remember(names[i]!, value);
        });
      } finally {
        for (const name of names) this.reading.delete(name);
      }
    })();
    for (const name of names) this.reading.set(name, done);
    return done;
  }

  private remember(name: string, value: V): void {
    if (this.held.has(name)) return;
    this.held.set(name, value);
    this.total += this.options.size(value);
    for (const [oldest, old] of this.held) {
      if (this.total <= this.options.limit) break;
      this.held.delete(oldest);
      this.total -= this.options.size(old);
    }
  }
}
