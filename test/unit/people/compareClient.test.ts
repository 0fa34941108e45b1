import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { compareLists } from "../../../src/db/people/compare";
import { comparedPage } from "../../../src/db/people/comparedRows";
import { startComparison } from "../../../src/export/compareClient";
import type { FromCompareWorker, ToCompareWorker } from "../../../src/export/compareMessages";
import { toWireError } from "../../../src/export/messages";
import { freshDb } from "../sync/support/fakes";
import { ACC, receivedBy, seedPeople, V3_AUTUMN, V3_SPRING, V3_SUMMER } from "./seed";

/**
 * Stands in for the module worker (jsdom has none): the same vocabulary as compareWorker.ts, with
 * the work done by compareLists in this thread, the answer kept here as the worker keeps it.
 */
class InProcessWorker extends EventTarget {
  static instances: InProcessWorker[] = [];
  static failToLoad = false;
  terminated = false;
  private people: Awaited<ReturnType<typeof compareLists>>["people"] = [];

  constructor() {
    super();
    InProcessWorker.instances.push(this);
    if (InProcessWorker.failToLoad) queueMicrotask(() => this.dispatchEvent(new ErrorEvent("error")));
  }

  private reply(message: FromCompareWorker) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent("message", { data: message }));
  }

  postMessage(message: ToCompareWorker) {
    if (InProcessWorker.failToLoad || message.type === "cancel") return;
    void (async () => {
      try {
        if (message.type === "start") {
          const answer = await compareLists(message.query, {
            onProgress: (done, total) => this.reply({ type: "progress", done, total }),
          });
          this.people = answer.people;
          this.reply({ type: "answer", count: answer.count });
        } else {
          const rows = await comparedPage(this.people.slice(message.offset, message.offset + message.limit));
          this.reply({ type: "page", id: message.id, rows });
        }
      } catch (error) {
        this.reply({ type: "failed", error: toWireError(error) });
      }
    })();
  }

  terminate() {
    this.terminated = true;
  }
}

const query = { accountId: ACC, question: { kind: "any" as const, lists: [V3_SPRING, V3_SUMMER] } };

beforeEach(async () => {
  freshDb();
  await seedPeople();
  InProcessWorker.instances = [];
  InProcessWorker.failToLoad = false;
  vi.stubGlobal("Worker", InProcessWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe("Compare send lists through the worker protocol", () => {
  it("forwards progress, answers with the count, pages from the worker, and close ends it", async () => {
    const progress: [number, number][] = [];
    const answer = await startComparison(query, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(answer.count).toBe(receivedBy([V3_SPRING, V3_SUMMER]).size);
    expect(progress.at(-1)).toEqual([2, 2]);
    const page = await answer.page(3, 4);
    expect(page.map((row) => row.email.toLowerCase())).toEqual(
      [...receivedBy([V3_SPRING, V3_SUMMER]).keys()].sort().slice(3, 7),
    );
    answer.close();
    expect(InProcessWorker.instances[0]?.terminated).toBe(true);
  });

  it("Cancel ends the worker at once and rejects with an AbortError", async () => {
    const controller = new AbortController();
    const running = startComparison(query, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(InProcessWorker.instances[0]?.terminated).toBe(true);
  });

  it("a failure in the worker keeps its kind", async () => {
    const missing = { accountId: ACC, question: { kind: "any" as const, lists: [V3_AUTUMN, V3_SPRING] } };
    await expect(startComparison(missing)).rejects.toMatchObject({
      name: "MailroomError",
      kind: "not_found",
    });
  });

  it("runs on the page when the worker script cannot load", async () => {
    InProcessWorker.failToLoad = true;
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const answer = await startComparison(query);
    expect(answer.count).toBe(receivedBy([V3_SPRING, V3_SUMMER]).size);
  });
});
