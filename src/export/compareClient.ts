import { type CompareHooks, type CompareQuery, compareLists } from "../db/people/compare";
import type { ComparedRow } from "../db/people/comparedRows";
import { comparedPage } from "../db/people/comparedRows";
import type { FromCompareWorker, ToCompareWorker } from "./compareMessages";
import { ExportWorkerUnavailable, fromWireError } from "./workerClient";

/** An answered comparison: its exact count, and its people a page at a time. */
export interface ComparisonAnswer {
  count: number;
  page(offset: number, limit: number): Promise<ComparedRow[]>;
  /** Frees the worker and the answer it holds. */
  close(): void;
}

const cancelled = () => new DOMException("Comparison cancelled", "AbortError");

/** The same comparison on the calling thread: tests, and browsers where the worker cannot start. */
export async function compareOnPage(
  query: CompareQuery,
  hooks: CompareHooks = {},
): Promise<ComparisonAnswer> {
  const answer = await compareLists(query, hooks);
  return {
    count: answer.count,
    page: (offset, limit) => comparedPage(answer.people.slice(offset, offset + limit)),
    close: () => {},
  };
}

function compareInWorker(query: CompareQuery, hooks: CompareHooks): Promise<ComparisonAnswer> {
  const worker = new Worker(new URL("./compareWorker.ts", import.meta.url), {
    type: "module",
    name: "compare",
  });
  const send = (message: ToCompareWorker) => worker.postMessage(message);
  const pages = new Map<number, { resolve(rows: ComparedRow[]): void; reject(error: Error): void }>();
  let nextId = 0;
  let heard = false;
  const answer = (count: number): ComparisonAnswer => ({
    count,
    page: (offset, limit) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pages.set(id, { resolve, reject });
        send({ type: "page", id, offset, limit });
      }),
    close: () => {
      worker.terminate();
      for (const waiting of pages.values()) waiting.reject(cancelled());
      pages.clear();
    },
  });
  return new Promise<ComparisonAnswer>((resolve, reject) => {
    const onAbort = () => {
      worker.terminate();
      reject(cancelled());
    };
    worker.addEventListener("message", (event: MessageEvent<FromCompareWorker>) => {
      heard = true;
      const message = event.data;
      if (message.type === "progress") hooks.onProgress?.(message.done, message.total);
      else if (message.type === "answer") {
        hooks.signal?.removeEventListener("abort", onAbort);
        resolve(answer(message.count));
      } else if (message.type === "page") {
        pages.get(message.id)?.resolve(message.rows);
        pages.delete(message.id);
      } else if (message.id !== undefined) {
        pages.get(message.id)?.reject(fromWireError(message.error));
        pages.delete(message.id);
      } else {
        worker.terminate();
        reject(fromWireError(message.error));
      }
    });
    worker.addEventListener("error", (event) => {
      worker.terminate();
      if (!heard)
        reject(new ExportWorkerUnavailable(event.message || "The compare worker could not be loaded"));
      else reject(new Error(`The compare worker stopped: ${event.message || "unknown error"}`));
    });
    if (hooks.signal?.aborted) return onAbort();
    hooks.signal?.addEventListener("abort", onAbort, { once: true });
    // A plain copy: the query may come from a Solid store proxy, which postMessage cannot clone.
    send({ type: "start", query: JSON.parse(JSON.stringify(query)) as CompareQuery });
  });
}

/**
 * Answers a Compare send lists question in a module worker (it opens the database itself), with
 * progress and Cancel (abort the signal: the worker is stopped at once). Where the worker cannot
 * start, or `useWorker` is false (unit tests), it runs on the page, pausing between slices.
 * @example const answer = await startComparison(query, { signal, onProgress }); await answer.page(0, 50);
 */
export async function startComparison(
  query: CompareQuery,
  hooks: CompareHooks = {},
  options: { useWorker?: boolean } = {},
): Promise<ComparisonAnswer> {
  const useWorker = options.useWorker ?? typeof Worker !== "undefined";
  if (!useWorker) return compareOnPage(query, hooks);
  return compareInWorker(query, hooks).catch((error: unknown) => {
    if (!(error instanceof ExportWorkerUnavailable)) throw error;
    console.warn("compare: running on the page, the worker could not start:", error.message);
    return compareOnPage(query, hooks);
  });
}
