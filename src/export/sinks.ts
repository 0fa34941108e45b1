/**
 * Where the serialised pages go. Each sink takes one page at a time and never holds more than the
 * page it is writing: the file sink hands it to the browser's file writer, the Blob sink wraps it
 * in a Blob at once (Chromium keeps large Blob data outside the JS heap, on disk if need be).
 * A page may come as a few strings in order: joined, they would make one string large enough for
 * V8's large-object space, which only a full garbage collection frees (a page of 5,000 sends is
 * about 1 MB of text), so they are handed over as they are; one send list's pages come as UTF-8
 * bytes already (utf8Page.ts).
 */
export type CsvText = string | readonly string[] | Utf8Text;

/**
 * A page already encoded (utf8Page.ts), with the UTF-16 code units of its text. The bytes may be a
 * view of a buffer the writer reuses once write() has resolved: a sink copies them, never keeps them.
 */
export interface Utf8Text {
  bytes: Uint8Array;
  chars: number;
}

export interface CsvSink {
  write(text: CsvText): Promise<void>;
  /** Finishes the output; the Blob sink returns the whole file as one Blob. */
  close(): Promise<{ chars: number; blob?: Blob }>;
  /** Drops what was written, as far as the target allows. */
  abort(reason: unknown): Promise<void>;
}

export const CSV_MIME = "text/csv;charset=utf-8";

/** UTF-16 code units of a page. */
export function lengthOf(text: CsvText): number {
  if (typeof text === "string") return text.length;
  if (isUtf8(text)) return text.chars;
  let length = 0;
  for (const part of text) length += part.length;
  return length;
}

const isUtf8 = (text: CsvText): text is Utf8Text => typeof text === "object" && "bytes" in text;

/** A page as Blob parts; a Blob copies them when it is made. */
const partsOf = (text: CsvText): BlobPart[] => {
  if (typeof text === "string") return [text];
  if (isUtf8(text)) return [text.bytes as Uint8Array<ArrayBuffer>];
  return [...text];
};

/** Serialise and drop: what the bench measures, and a dry run. Counts UTF-16 code units. */
export function discardSink(): CsvSink {
  let chars = 0;
  return {
    write: async (text) => {
      chars += lengthOf(text);
    },
    close: async () => ({ chars }),
    abort: async () => {},
  };
}

/** One Blob per page, joined into one Blob at the end: the download fallback. */
export function blobSink(): CsvSink {
  let parts: Blob[] = [];
  let chars = 0;
  return {
    write: async (text) => {
      chars += lengthOf(text);
      parts.push(new Blob(partsOf(text), { type: CSV_MIME }));
    },
    close: async () => {
      const blob = new Blob(parts, { type: CSV_MIME });
      parts = [];
      return { chars, blob };
    },
    abort: async () => {
      parts = [];
    },
  };
}

/**
 * A file the user picked (File System Access API). Chromium writes to a swap file and moves it
 * into place on close, so an aborted export leaves the picked file as it was before (empty).
 */
export function fileSink(writable: FileSystemWritableFileStream): CsvSink {
  let chars = 0;
  return {
    write: async (text) => {
      chars += lengthOf(text);
      await writable.write(typeof text === "string" ? text : new Blob(partsOf(text), { type: CSV_MIME }));
    },
    close: async () => {
      await writable.close();
      return { chars };
    },
    abort: (reason) => writable.abort(reason),
  };
}
