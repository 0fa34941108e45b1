/**
 * Where the serialised pages go. Each sink takes one string per page and never holds more than
 * the page it is writing: the file sink hands it to the browser's file writer, the Blob sink wraps
 * it in a Blob at once (Chromium keeps large Blob data outside the JS heap, on disk if need be).
 */
export interface CsvSink {
  write(text: string): Promise<void>;
  /** Finishes the output; the Blob sink returns the whole file as one Blob. */
  close(): Promise<{ chars: number; blob?: Blob }>;
  /** Drops what was written, as far as the target allows. */
  abort(reason: unknown): Promise<void>;
}

export const CSV_MIME = "text/csv;charset=utf-8";

/** Serialise and drop: what the bench measures, and a dry run. Counts UTF-16 code units. */
export function discardSink(): CsvSink {
  let chars = 0;
  return {
    write: async (text) => {
      chars += text.length;
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
      chars += text.length;
      parts.push(new Blob([text], { type: CSV_MIME }));
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
      chars += text.length;
      await writable.write(text);
    },
    close: async () => {
      await writable.close();
      return { chars };
    },
    abort: (reason) => writable.abort(reason),
  };
}
