import type { SinkKind } from "./openSink";
import type { ExportJob, ExportOutcome } from "./runExport";

/** The page ↔ export worker vocabulary, imported by both sides. */
export type ToExportWorker =
  | { type: "start"; job: ExportJob; sink: SinkKind; file?: FileSystemFileHandle }
  | { type: "cancel" };

export type FromExportWorker =
  | { type: "progress"; rows: number; total?: number }
  | { type: "done"; outcome: ExportOutcome }
  | { type: "failed"; error: WireError };

/** An error as plain data: class identity does not survive postMessage, so name and kind travel. */
export interface WireError {
  name: string;
  message: string;
  /** A MailroomError's kind, when it was one. */
  kind?: string;
}

export function toWireError(error: unknown): WireError {
  if (error instanceof Error || error instanceof DOMException) {
    const kind = (error as { kind?: unknown }).kind;
    return { name: error.name, message: error.message, kind: typeof kind === "string" ? kind : undefined };
  }
  return { name: "Error", message: String(error) };
}
