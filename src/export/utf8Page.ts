import type { Utf8Text } from "./sinks";

const encoder = /* @__PURE__ */ new TextEncoder();
/** Enough for a page of 5,000 sends; the buffer grows if a page needs more. */
const INITIAL_BYTES = 1 << 20;

/**
 * A page's text as UTF-8 in one buffer, reused page after page, so a page waiting for the sink is
 * bytes outside the JavaScript heap instead of strings in it: each part string dies as soon as it
 * is encoded, young, instead of living until the page is written (by then V8 had moved a page's
 * strings to the old generation, 25–30 MB of the 1M-send export, where only a full collection
 * frees them). The bytes are what the sink would have made of the strings: TextEncoder and Blob
 * both write UTF-8 with U+FFFD for a lone surrogate.
 */
export class Utf8PageBuffer {
  private buffer = new Uint8Array(INITIAL_BYTES);
  private used = 0;
  private chars = 0;

  append(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes (a surrogate pair, two units, takes 4).
    const needed = this.used + text.length * 3;
    if (needed > this.buffer.length) this.grow(needed);
    this.used += encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
    this.chars += text.length;
  }

  /**
   * The page so far; the buffer starts a new page after. The bytes are a view of the buffer: valid
   * until the next append, so a sink must have copied them when its write resolves (they all do).
   */
  take(): Utf8Text {
    const page = { bytes: this.buffer.subarray(0, this.used), chars: this.chars };
    this.used = 0;
    this.chars = 0;
    return page;
  }

  private grow(needed: number): void {
    const bigger = new Uint8Array(Math.max(needed, this.buffer.length * 2));
    bigger.set(this.buffer.subarray(0, this.used));
    this.buffer = bigger;
  }
}
