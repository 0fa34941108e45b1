/**
 * Saves a Blob through a temporary `<a download>`: the fallback where the File System Access API
 * is missing or not wanted. Works offline: the object URL points into the browser's own memory.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download that has not started reading the Blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface SaveFilePickerWindow {
  showSaveFilePicker?(options: {
    suggestedName?: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }): Promise<FileSystemFileHandle>;
}

/** True where the browser can write straight to a file the user picks (Chromium on desktop). */
export function canPickFile(): boolean {
  return typeof (globalThis as SaveFilePickerWindow).showSaveFilePicker === "function";
}

/** Asks where to save. Must run within the click's user activation: call it before other awaits. */
export function pickCsvFile(suggestedName: string): Promise<FileSystemFileHandle> {
  const picker = (globalThis as SaveFilePickerWindow).showSaveFilePicker;
  if (!picker) throw new Error("This browser cannot save to a chosen file");
  return picker.call(globalThis, {
    suggestedName,
    types: [{ description: "CSV file", accept: { "text/csv": [".csv"] } }],
  });
}
