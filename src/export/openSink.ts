import { blobSink, type CsvSink, discardSink, fileSink } from "./sinks";

/** file: a file the user picked; blob: the download fallback; discard: serialise only (bench). */
export type SinkKind = "file" | "blob" | "discard";

export async function openSink(kind: SinkKind, file?: FileSystemFileHandle): Promise<CsvSink> {
  if (kind === "blob") return blobSink();
  if (kind === "discard") return discardSink();
  if (!file) throw new Error("A file export needs the picked file");
  return fileSink(await file.createWritable());
}

/** `remove()` on a picked file exists in Chromium only: elsewhere the empty file stays. */
interface RemovableHandle {
  remove?(): Promise<void>;
}

/**
 * After a failed or cancelled file export: the writer's abort already discarded what was written;
 * this also removes the (empty) file the picker created, where the browser allows it.
 */
export async function removePickedFile(file: FileSystemFileHandle | undefined): Promise<void> {
  const removable = file as (FileSystemFileHandle & RemovableHandle) | undefined;
  if (typeof removable?.remove !== "function") return;
  await removable.remove().then(undefined, (error: unknown) => {
    console.warn("export: could not remove the partial file", error);
  });
}
