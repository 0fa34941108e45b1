import type { ExportResult } from "../../export/index";

/** Where an ExportButton is: closed, choosing options, running, or how the last export ended. */
export type ExportPhase =
  | { name: "idle" }
  | { name: "choosing" }
  | { name: "running"; rows: number; total?: number; controller: AbortController }
  | { name: "done"; result: ExportResult }
  | { name: "cancelled" }
  | { name: "failed"; error: unknown };

export const cancelExport = (controller: AbortController) =>
  controller.abort(new DOMException("Export cancelled", "AbortError"));
