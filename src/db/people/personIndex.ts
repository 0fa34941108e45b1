import { type ChunkKey, MAX_CHUNK_ROWS } from "../sendStore/chunk";
import { pause, SLICE_MS } from "../sendStore/pause";
import { cachedTexts } from "../sendStore/textCache";
import { emailsOf } from "./emails";
import type { SendAt } from "./rows";

/** One chunk as the index holds it: its key, its search text and its lines' folded emails. */
export interface IndexedChunk {
  key: ChunkKey;
  text: string;
  emails: string[];
  /** 1 where the line has a name. */
  named: Uint8Array;
}

/** One send to a person: where it lies, and whether its line has a name. */
export interface IndexedPlace extends SendAt {
  named: boolean;
}

// A place is one number, slot × LINES + line: a million sends make a million small integers in
// the people's arrays, not a million objects.
const LINES = 2 ** Math.ceil(Math.log2(MAX_CHUNK_ROWS));

export const chunkId = (key: ChunkKey) => key.join("\u0000");

/**
 * Who received what, in memory: folded email → every send to it (chunk and line), over a set of
 * chunks. `update` brings it to exactly the chunks given, reading only those it does not hold and
 * forgetting those gone: chunk keys are content keys (a chunk rewritten by a sync has a new key),
 * so a new page, a resync or a removed list shows as keys added and keys gone. It pauses between
 * slices of SLICE_MS, so building it for a million sends on the page makes no long task.
 */
export class PersonIndex {
  private readonly slots: (IndexedChunk | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly people = new Map<string, number[]>();
  /** Grows with every change: what is derived from the index (the search text) is rebuilt when it moves. */
  version = 0;

  async update(wanted: readonly ChunkKey[], signal?: AbortSignal): Promise<void> {
    const wantedIds = new Map<string, ChunkKey>();
    for (const key of wanted) wantedIds.set(chunkId(key), key);
    let sliceStart = performance.now();
    const breathe = async () => {
      if (performance.now() - sliceStart <= SLICE_MS) return;
      signal?.throwIfAborted();
      await pause();
      sliceStart = performance.now();
    };
    for (const [id, slot] of this.slotOf) {
      if (wantedIds.has(id)) continue;
      this.remove(slot);
      await breathe();
    }
    const missing = [...wantedIds].filter(([id]) => !this.slotOf.has(id)).map(([, key]) => key);
    for await (const batch of cachedTexts(missing)) {
      // A chunk rewritten since its key was read has no text: the next update sees its new key.
      for (const [key, text] of batch) {
        if (!this.slotOf.has(chunkId(key))) this.add(key, text);
        await breathe();
      }
    }
    signal?.throwIfAborted();
  }

  /** Every send to this folded email, in no particular order. */
  placesOf(email: string): IndexedPlace[] {
    return (this.people.get(email) ?? []).map((code) => {
      const chunk = this.slots[Math.floor(code / LINES)]!;
      const line = code % LINES;
      return { key: chunk.key, line, named: chunk.named[line] === 1 };
    });
  }

  /** Every folded email held. */
  emails(): IterableIterator<string> {
    return this.people.keys();
  }

  get size(): number {
    return this.people.size;
  }

  /** The chunks held. */
  chunks(): IndexedChunk[] {
    return this.slots.filter((chunk) => chunk !== undefined);
  }

  private add(key: ChunkKey, text: string): void {
    const { emails, named } = emailsOf(key, text);
    if (emails.length > LINES) throw new RangeError(`A chunk of ${emails.length} lines (at most ${LINES})`);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = { key, text, emails, named };
    this.slotOf.set(chunkId(key), slot);
    for (let line = 0; line < emails.length; line++) {
      const email = emails[line]!;
      const held = this.people.get(email);
      if (held) held.push(slot * LINES + line);
      else this.people.set(email, [slot * LINES + line]);
    }
    this.version++;
  }

  private remove(slot: number): void {
    const chunk = this.slots[slot]!;
    chunk.emails.forEach((email, line) => {
      const held = this.people.get(email);
      if (!held) return;
      const at = held.indexOf(slot * LINES + line);
      if (at !== -1) held.splice(at, 1);
      if (held.length === 0) this.people.delete(email);
    });
    this.slots[slot] = undefined;
    this.freeSlots.push(slot);
    this.slotOf.delete(chunkId(chunk.key));
    this.version++;
  }
}
