/**
 * Strings gathered to be joined once (isoTime.ts's formatter: a time's three pieces; the export's
 * CSV cells go straight into bytes, utf8Page.ts), in one array whose storage is kept from one join
 * to the next. An array emptied with `length = 0` gives its storage
 * back in V8 and grows it again piece by piece, copying as it grows: in the export of 1M sends that
 * regrowth was 390 of the 1,019 MB the page allocated (Chromium's sampling heap profiler), garbage
 * that piles up in the heap between collections. Places past the pieces of a round hold "", which
 * the join reads as nothing, so a shorter round needs no shorter array.
 */
export class PieceBuffer {
  private readonly pieces: string[] = [];
  private count = 0;

  push(piece: string): void {
    this.pieces[this.count++] = piece;
  }

  /** The pieces pushed since the last take, as one string; the buffer holds none of them after. */
  take(): string {
    const text = this.pieces.join("");
    // Nothing of this round is kept alive by the buffer (a piece may be a slice of a whole chunk).
    this.pieces.fill("", 0, this.count);
    this.count = 0;
    return text;
  }
}

/** Where a writer appends its pieces: a PieceBuffer, or a plain array. */
export interface PieceOut {
  push(piece: string): void;
}
