/** Hands a file to the browser's download manager under `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The click has queued the download; the URL can go once it started reading.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
