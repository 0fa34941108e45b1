import { afterEach, describe, expect, it, vi } from "vitest";
import { createStorageStatus } from "../../../src/ui/primitives/createStorageStatus";
import { inRoot } from "./support/inRoot";

function stubStorage(persistAnswer: boolean) {
  let persisted = false;
  const storage = {
    estimate: vi.fn(async () => ({ usage: 1_000, quota: 50_000 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = persistAnswer;
      return persistAnswer;
    }),
  };
  Object.defineProperty(navigator, "storage", { value: storage, configurable: true });
  return storage;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, "storage");
});

describe("createStorageStatus", () => {
  it("reads usage, quota and persistence, and reads them again after a persist request", async () => {
    stubStorage(true);
    const [storage] = inRoot(createStorageStatus);
    expect(storage.supported).toBe(true);
    await vi.waitFor(() => expect(storage.quota()).toBe(50_000));
    expect(storage.usage()).toBe(1_000);
    expect(storage.persisted()).toBe(false);
    await storage.requestPersistence();
    expect(storage.lastRequest()).toBe(true);
    expect(storage.persisted()).toBe(true);
  });

  it("keeps a failure for the caller to show", async () => {
    const stub = stubStorage(false);
    stub.estimate.mockRejectedValue(new Error("estimate refused"));
    const [storage] = inRoot(createStorageStatus);
    await vi.waitFor(() => expect(storage.error()).toEqual(new Error("estimate refused")));
  });
});
