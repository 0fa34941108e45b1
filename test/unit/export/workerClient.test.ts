import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MailroomError } from "../../../src/core/errors";
import { exportSends } from "../../../src/export/index";
import { type FromExportWorker, type ToExportWorker, toWireError } from "../../../src/export/messages";
import { openSink } from "../../../src/export/openSink";
import { runExport } from "../../../src/export/runExport";
import { fromWireError } from "../../../src/export/workerClient";
import { freshDb, makeSends, seed, V2_DATASET } from "./seed";

/**
 * Stands in for the dedicated worker (jsdom has none): the same message vocabulary, with the work
 * done by runExport in this thread, as exportWorker.ts does in its own.
 */
class InProcessWorker extends EventTarget {
  static instances: InProcessWorker[] = [];
  static failToLoad = false;
  terminated = false;
  private controller = new AbortController();

  constructor() {
    super();
    InProcessWorker.instances.push(this);
    if (InProcessWorker.failToLoad) queueMicrotask(() => this.dispatchEvent(new ErrorEvent("error")));
  }

  private reply(message: FromExportWorker) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent("message", { data: message }));
  }

  postMessage(message: ToExportWorker) {
    if (InProcessWorker.failToLoad) return;
    if (message.type === "cancel")
      return this.controller.abort(new DOMException("Export cancelled", "AbortError"));
    void (async () => {
      try {
        const sink = await openSink(message.sink, message.file);
        const outcome = await runExport(message.job, sink, {
          signal: this.controller.signal,
          onProgress: (rows, total) => this.reply({ type: "progress", rows, total }),
        });
        this.reply({ type: "done", outcome });
      } catch (error) {
        this.reply({ type: "failed", error: toWireError(error) });
      }
    })();
  }

  terminate() {
    this.terminated = true;
  }
}

const filter = { datasets: [V2_DATASET], order: "asc" as const };

beforeEach(async () => {
  await freshDb();
  await seed(makeSends(V2_DATASET, 3_000, Date.UTC(2026, 0, 1)));
  InProcessWorker.instances = [];
  InProcessWorker.failToLoad = false;
  vi.stubGlobal("Worker", InProcessWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe("exportSends through the worker protocol", () => {
  it("forwards progress, resolves with the outcome, and ends the worker", async () => {
    const progress: number[] = [];
    const result = await exportSends(
      { filter, fileName: "x.csv", destination: "discard", pageSize: 1_000 },
      { onProgress: (rows) => progress.push(rows) },
    );
    expect(result).toMatchObject({ rows: 3_000, destination: "discard" });
    expect(progress).toEqual([0, 1_000, 2_000, 3_000]);
    expect(InProcessWorker.instances).toHaveLength(1);
    expect(InProcessWorker.instances[0]!.terminated).toBe(true);
  });

  it("asks the worker to stop on abort and rejects with an AbortError", async () => {
    const controller = new AbortController();
    const run = exportSends(
      { filter, fileName: "x.csv", destination: "discard", pageSize: 500 },
      { signal: controller.signal, onProgress: (rows) => rows >= 1_000 && controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(InProcessWorker.instances[0]!.terminated).toBe(true);
  });

  it("runs on the page when the worker script cannot load (offline before it was cached)", async () => {
    InProcessWorker.failToLoad = true;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await exportSends({ filter, fileName: "x.csv", destination: "discard" });
    expect(result.rows).toBe(3_000);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("worker could not start"), expect.any(String));
  });
});

describe("errors crossing from the worker", () => {
  it("keep a MailroomError's kind, an AbortError's name, and any other error's name and message", () => {
    const storage = fromWireError(toWireError(new MailroomError("storage", "disk full")));
    expect(storage).toBeInstanceOf(MailroomError);
    expect(storage).toMatchObject({ kind: "storage", message: "disk full" });
    const abort = fromWireError(toWireError(new DOMException("Export cancelled", "AbortError")));
    expect(abort).toBeInstanceOf(DOMException);
    expect(abort.name).toBe("AbortError");
    const quota = new Error("over quota");
    quota.name = "QuotaExceededError";
    expect(fromWireError(toWireError(quota))).toMatchObject({
      name: "QuotaExceededError",
      message: "over quota",
    });
    expect(fromWireError(toWireError("plain text"))).toMatchObject({ name: "Error", message: "plain text" });
  });
});
