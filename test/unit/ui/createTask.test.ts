import { describe, expect, it } from "vitest";
import { createTask } from "../../../src/ui/primitives/createTask";
import { inRoot } from "./support/inRoot";

/** Work that ends when the test says so, or rejects with its signal's reason when aborted. */
function controlledWork() {
  const runs: { signal: AbortSignal; finish: () => void; fail: (error: unknown) => void }[] = [];
  const work = (signal: AbortSignal) =>
    new Promise<void>((finish, fail) => {
      runs.push({ signal, finish, fail });
      signal.addEventListener("abort", () => fail(signal.reason), { once: true });
    });
  return { runs, work };
}

describe("createTask", () => {
  it("runs once at a time and says so while it runs", async () => {
    const { runs, work } = controlledWork();
    const [task] = inRoot(() => createTask(work));
    const first = task.run();
    void task.run();
    expect(task.running()).toBe(true);
    expect(runs).toHaveLength(1);
    runs[0]?.finish();
    await first;
    expect(task.running()).toBe(false);
    expect(task.error()).toBeUndefined();
  });

  it("keeps a failure for the caller to show, and clears it when a run starts", async () => {
    const { runs, work } = controlledWork();
    const [task] = inRoot(() => createTask(work));
    const failing = task.run();
    runs[0]?.fail(new Error("refresh failed"));
    await failing;
    expect(task.error()).toEqual(new Error("refresh failed"));
    void task.run();
    expect(task.error()).toBeUndefined();
  });

  it("treats a cancel as no error", async () => {
    const { runs, work } = controlledWork();
    const [task] = inRoot(() => createTask(work));
    const cancelled = task.run();
    task.cancel();
    await cancelled;
    expect(runs[0]?.signal.aborted).toBe(true);
    expect(task.error()).toBeUndefined();
    expect(task.running()).toBe(false);
  });
});
