import { createSignal, onCleanup } from "solid-js";
import { isAbort } from "../../core/errors";
import type { CompareQuery } from "../../db/people/compare";
import { type ComparisonAnswer, startComparison } from "../../export/compareClient";

/** Where Compare send lists is: not run, running (chunks read of total), answered, cancelled, failed. */
export type ComparisonPhase =
  | { name: "idle" }
  | { name: "running"; done: number; total?: number }
  | { name: "answered"; query: CompareQuery; answer: ComparisonAnswer }
  | { name: "cancelled" }
  | { name: "failed"; error: unknown };

/**
 * One comparison at a time, in its worker: a new run replaces the last answer (and frees its
 * worker), Cancel stops the worker, and leaving the screen does both.
 * @example const compare = createComparison(); compare.run(query); <Show when={compare.phase().name === "running"}>…
 */
export function createComparison() {
  const [phase, setPhase] = createSignal<ComparisonPhase>({ name: "idle" });
  let controller: AbortController | undefined;
  const free = () => {
    const current = phase();
    if (current.name === "answered") current.answer.close();
  };
  const cancel = () => controller?.abort(new DOMException("Comparison cancelled", "AbortError"));
  const run = async (query: CompareQuery) => {
    cancel();
    free();
    const own = new AbortController();
    controller = own;
    setPhase({ name: "running", done: 0 });
    try {
      const answer = await startComparison(query, {
        signal: own.signal,
        onProgress: (done, total) => {
          if (controller === own) setPhase({ name: "running", done, total });
        },
      });
      if (controller === own) setPhase({ name: "answered", query, answer });
      else answer.close();
    } catch (error) {
      if (controller === own) setPhase(isAbort(error) ? { name: "cancelled" } : { name: "failed", error });
    }
  };
  onCleanup(() => {
    cancel();
    free();
  });
  return { phase, run, cancel };
}
