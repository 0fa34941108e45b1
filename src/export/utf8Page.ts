import type { PieceOut } from "./pieces";
import type { Utf8Text } from "./sinks";

/** Enough for a page of 5,000 sends; the buffer grows if a page needs more. */
const INITIAL_BYTES = 1 << 20;

/**
 * A page of CSV as UTF-8 in one buffer, reused page after page, its cells written into it one by
 * one: no string is made per row or per page, and a page waiting for the sink is bytes, not
 * strings in the heap. Before, parts of 250 rows were joined into strings and then encoded: the
 * joins were 345 of the 640 MB the 1M-send export allocated (Chromium's sampling heap profiler;
 * two-byte strings as soon as one name in the part had a letter beyond Latin-1), and what the
 * heap grew by followed. The bytes are what TextEncoder or a Blob would make of the same pieces
 * joined: UTF-8, U+FFFD for a lone surrogate. (A pair split across two pieces would differ; a
 * cell is one piece, and the separators between cells are ASCII.)
 */
export class Utf8PageBuffer implements PieceOut {
  private buffer = new Uint8Array(INITIAL_BYTES);
  private used = 0;
  /** Characters in buffer[0, used). */
  private chars = 0;
  /** Ends of pages cut but not yet handed out, each at a byte and its character count. */
  private cuts: { to: number; chars: number }[] = [];
  /** buffer[0, handed) was handed out: dropped at the next write. */
  private handed = 0;
  private handedChars = 0;

  push(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes (a surrogate pair, two units, takes 4).
    this.reserve(text.length * 3);
    const bytes = this.buffer;
    let at = this.used;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        bytes[at++] = unit;
      } else if (unit < 0x800) {
        bytes[at++] = 0xc0 | (unit >> 6);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else if (unit < 0xd800 || unit > 0xdfff) {
        bytes[at++] = 0xe0 | (unit >> 12);
        bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (unit < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
          const point = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
          bytes[at++] = 0xf0 | (point >> 18);
          bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
          bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
          bytes[at++] = 0x80 | (point & 0x3f);
          i++;
        } else {
          // A lone surrogate: U+FFFD, as TextEncoder writes it.
          bytes[at++] = 0xef;
          bytes[at++] = 0xbf;
          bytes[at++] = 0xbd;
        }
      }
    }
    this.used = at;
    this.chars += text.length;
  }

  /** Appends the ASCII character codes codes[from] to codes[to - 1] (each below 0x80). */
  pushAscii(codes: Uint8Array, from: number, to: number): void {
    this.reserve(to - from);
    const bytes = this.buffer;
    let at = this.used;
    for (let i = from; i < to; i++) bytes[at++] = codes[i]!;
    this.used = at;
    this.chars += to - from;
  }

  /**
   * Ends a page here without handing it out: an export that writes several pages' rows inside one
   * IndexedDB event (src/db/sendStore/chunkCursor.ts) cuts them there and takes them after.
   */
  cut(): void {
    this.cuts.push({ to: this.used, chars: this.chars });
  }

  /**
   * The pages cut since the last take, in order. The bytes are views of the buffer: valid until
   * the next push, so a sink must have copied them when its write resolves (they all do).
   */
  takeCut(): Utf8Text[] {
    const pages = this.cuts.map(({ to, chars }) => {
      const page = { bytes: this.buffer.subarray(this.handed, to), chars: chars - this.handedChars };
      this.handed = to;
      this.handedChars = chars;
      return page;
    });
    this.cuts = [];
    return pages;
  }

  /** Everything written since the last take, as one page (cuts included); a view, as takeCut's. */
  take(): Utf8Text {
    const page = {
      bytes: this.buffer.subarray(this.handed, this.used),
      chars: this.chars - this.handedChars,
    };
    this.cuts = [];
    this.handed = this.used;
    this.handedChars = this.chars;
    return page;
  }

  /** Moves what was not handed out to the buffer's start: the pages handed out are done with. */
  private dropHanded(): void {
    const { handed, handedChars } = this;
    if (handed === 0) return;
    if (handed < this.used) this.buffer.copyWithin(0, handed, this.used);
    this.used -= handed;
    this.chars -= handedChars;
    for (const cut of this.cuts) {
      cut.to -= handed;
      cut.chars -= handedChars;
    }
    this.handed = 0;
    this.handedChars = 0;
  }

  private reserve(bytes: number): void {
    this.dropHanded();
    const needed = this.used + bytes;
    if (needed <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(needed, this.buffer.length * 2));
    bigger.set(this.buffer.subarray(0, this.used));
    this.buffer = bigger;
  }
}
