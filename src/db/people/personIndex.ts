import type { ChunkKey } from "../sendStore/chunk";
import { pause, SLICE_MS } from "../sendStore/pause";
import { cachedTexts } from "../sendStore/textCache";
import { chunkId } from "./chunkKeys";
import { DistinctLines, type SearchText } from "./distinctLines";
import { hashOf, type IndexedChunk, indexedChunk, linesWithEmail } from "./indexedChunk";
import type { SendAt } from "./rows";

export { hashOf, type IndexedChunk } from "./indexedChunk";

// Distinct lines numbered for sends now gone, above which (and above those held) they are counted again.
const COMPACT_AFTER = 100_000;

/** Pauses once SLICE_MS have passed since the last pause (throwing if cancelled meanwhile). */
class Slicer {
  private sliceStart = performance.now();
  constructor(private readonly signal?: AbortSignal) {}

  async pauseIfDue(): Promise<void> {
    if (performance.now() - this.sliceStart <= SLICE_MS) return;
    this.signal?.throwIfAborted();
    await pause();
    this.sliceStart = performance.now();
  }
}

/** One send to a person: where it lies, and whether its line has a name. */
export interface IndexedPlace extends SendAt {
  named: boolean;
}

/**
 * What People asks of a set of chunks, in memory: where each chunk's lines and their emails lie,
 * their emails' hashes (indexedChunk.ts), and the distinct lines of them all (distinctLines.ts)
 * that a search scans. `update` brings it to exactly the chunks given, reading only those it does not hold and
 * then forgetting those gone: chunk keys are content keys (a chunk rewritten by a sync has a new
 * key), so a new page, a resync or a removed list shows as keys added and keys gone. Chunks are
 * added or dropped whole, their lines counted in and out of the distinct lines. It pauses between
 * slices of SLICE_MS.
 */
export class PersonIndex {
  private readonly held = new Map<string, IndexedChunk>();
  private distinct = new DistinctLines();

  /** `compactAfter`: lines gone above which (and above those held) the lines are counted again. */
  constructor(private readonly compactAfter = COMPACT_AFTER) {}

  async update(wanted: readonly ChunkKey[], signal?: AbortSignal): Promise<void> {
    const wantedIds = new Map<string, ChunkKey>();
    for (const key of wanted) wantedIds.set(chunkId(key), key);
    const missing = [...wantedIds].filter(([id]) => !this.held.has(id)).map(([, key]) => key);
    const slice = new Slicer(signal);
    for await (const batch of cachedTexts(missing)) {
      // A chunk rewritten since its key was read has no text: the next update sees its new key.
      for (const [key, text] of batch) {
        this.add(key, text);
        await slice.pauseIfDue();
      }
    }
    // Dropped after the new ones are in: a line a rewritten chunk keeps is never counted out.
    for (const id of [...this.held.keys()]) {
      if (wantedIds.has(id)) continue;
      this.held.delete(id);
      this.distinct.remove(id);
      await slice.pauseIfDue();
    }
    if (this.distinct.gone > this.compactAfter && this.distinct.gone > this.distinct.size) {
      this.distinct = await this.recounted(slice);
    }
    await this.distinct.texts(signal);
    signal?.throwIfAborted();
  }

  /** The distinct lines' text of the chunks held, the part a search scans. */
  searchTexts(signal?: AbortSignal): Promise<SearchText[]> {
    return this.distinct.texts(signal);
  }

  /**
   * Every send to each of these folded emails, in no particular order: a probe of each
   * chunk's table of hashes per email (the email itself compared where a hash matches), pausing
   * between slices.
   */
  async placesOf(emails: ReadonlySet<string>, signal?: AbortSignal): Promise<Map<string, IndexedPlace[]>> {
    const wanted = [...emails].map((email) => ({ email, hash: hashOf(email) }));
    const found = new Map<string, IndexedPlace[]>();
    const lines: number[] = [];
    let sliceStart = performance.now();
    for (const chunk of this.held.values()) {
      if (performance.now() - sliceStart > SLICE_MS) {
        signal?.throwIfAborted();
        await pause();
        sliceStart = performance.now();
      }
      for (const { email, hash } of wanted) {
        for (const line of linesWithEmail(chunk, email, hash, lines)) {
          const place = { key: chunk.key, line, named: chunk.named[line] === 1 };
          const own = found.get(email);
          if (own) own.push(place);
          else found.set(email, [place]);
        }
      }
    }
    return found;
  }

  /** Line `line` of this chunk's search text, if the chunk is held: read where it starts, not split. */
  lineOf(key: ChunkKey, line: number): string | undefined {
    const chunk = this.held.get(chunkId(key));
    if (!chunk || line < 0 || line >= chunk.starts.length) return undefined;
    const end = line + 1 < chunk.starts.length ? chunk.starts[line + 1]! - 1 : chunk.text.length;
    return chunk.text.slice(chunk.starts[line]!, end);
  }

  /** The chunks held, in no particular order. */
  chunks(): IterableIterator<IndexedChunk> {
    return this.held.values();
  }

  private add(key: ChunkKey, text: string): void {
    const id = chunkId(key);
    if (this.held.has(id)) return;
    const chunk = indexedChunk(key, text);
    this.held.set(id, chunk);
    this.distinct.add(id, chunk);
  }

  /**
   * The distinct lines counted again from the chunks held, without the numbers of lines gone
   * (a resync or a removed list leaves them behind): swapped in only once whole.
   */
  private async recounted(slice: Slicer): Promise<DistinctLines> {
    const fresh = new DistinctLines();
    for (const [id, chunk] of this.held) {
      fresh.add(id, chunk);
      await slice.pauseIfDue();
    }
    return fresh;
  }
}
