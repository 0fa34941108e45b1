import type { ErrorKind } from "../core/errors";
import { MailroomError } from "../core/errors";
import type { FromExportWorker, ToExportWorker, WireError } from "./messages";
import type { SinkKind } from "./openSink";
import type { ExportHooks, ExportJob, ExportOutcome } from "./runExport";

/**
 * The worker's script could not be loaded (offline before the service worker cached it, or a
 * browser that refuses module workers): the caller runs the export on the page instead.
 */
export class ExportWorkerUnavailable extends Error {
  override name = "ExportWorkerUnavailable";
}

/** Rebuilds the worker's error on this side: cancel stays an AbortError, kinds stay MailroomErrors. */
export function fromWireError(error: WireError): Error {
  if (error.name === "AbortError") return new DOMException(error.message, "AbortError");
  if (error.kind) return new MailroomError(error.kind as ErrorKind, error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/**
 * Runs one export in a dedicated worker and settles when it is done. Aborting the signal asks the
 * worker to stop at its next page; it discards the partial output and answers with an AbortError.
 */
export function runInWorker(
  job: ExportJob,
  sink: SinkKind,
  file: FileSystemFileHandle | undefined,
  hooks: ExportHooks,
): Promise<ExportOutcome> {
  const worker = new Worker(new URL("./exportWorker.ts", import.meta.url), {
    type: "module",
    name: "export",
  });
  const send = (message: ToExportWorker) => worker.postMessage(message);
  return new Promise<ExportOutcome>((resolve, reject) => {
    let heard = false;
    const onAbort = () => send({ type: "cancel" });
    const settle = () => {
      hooks.signal?.removeEventListener("abort", onAbort);
      worker.terminate();
    };
    worker.addEventListener("message", (event: MessageEvent<FromExportWorker>) => {
      heard = true;
      const message = event.data;
      if (message.type === "progress") hooks.onProgress?.(message.rows, message.total);
      else {
        settle();
        if (message.type === "done") resolve(message.outcome);
        else reject(fromWireError(message.error));
      }
    });
    worker.addEventListener("error", (event) => {
      settle();
      // Before its first message, an error means the script never ran: nothing was read or written.
      if (!heard)
        reject(new ExportWorkerUnavailable(event.message || "The export worker could not be loaded"));
      else reject(new Error(`The export worker stopped: ${event.message || "unknown error"}`));
    });
    worker.addEventListener("messageerror", () => {
      settle();
      reject(new Error("The export worker sent a message this page could not read"));
    });
    if (hooks.signal?.aborted) {
      settle();
      reject(new DOMException("Export cancelled", "AbortError"));
      return;
    }
    hooks.signal?.addEventListener("abort", onAbort, { once: true });
    send({ type: "start", job, sink, file });
  });
}
