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
 * After a failed or cancelled file export. The writer's abort already discarded what was written
 * (Chromium writes to a swap file until close), so the picked file holds what it held before:
 * nothing, if the picker created it — then it is removed, where the browser allows it. A file the
 * user chose to overwrite still has its old content and is left alone.
 */
export async function removePickedFile(file: FileSystemFileHandle | undefined): Promise<void> {
  const removable = file as (FileSystemFileHandle & RemovableHandle) | undefined;
  if (!removable || typeof removable.remove !== "function") return;
  try {
    if ((await removable.getFile()).size === 0) await removable.remove();
  } catch (error) {
    console.warn("export: could not remove the empty file the picker created", error);
  }
}
