// The export's own thread: reads IndexedDB and serialises there, so the page stays responsive.
// A thin wrapper: all the work is in runExport, which the unit tests run directly.
import type { FromExportWorker, ToExportWorker } from "./messages";
import { toWireError } from "./messages";
import { openSink, removePickedFile } from "./openSink";
import { runExport } from "./runExport";

interface ExportWorkerScope {
  postMessage(message: FromExportWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToExportWorker>) => void): void;
}

const scope = self as unknown as ExportWorkerScope;
let running: AbortController | undefined;

async function start(message: Extract<ToExportWorker, { type: "start" }>): Promise<void> {
  const controller = new AbortController();
  running = controller;
  try {
    const sink = await openSink(message.sink, message.file);
    const outcome = await runExport(message.job, sink, {
      signal: controller.signal,
      onProgress: (rows, total) => scope.postMessage({ type: "progress", rows, total }),
    });
    scope.postMessage({ type: "done", outcome });
  } catch (error) {
    if (message.sink === "file") await removePickedFile(message.file);
    scope.postMessage({ type: "failed", error: toWireError(error) });
  }
}

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "cancel") running?.abort(new DOMException("Export cancelled", "AbortError"));
  else void start(message);
});
