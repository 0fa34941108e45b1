import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { db, getSyncState, noteRetry } from "../../../src/db";
import type { RunningSyncState, SyncState } from "../../../src/db/types";
import { cancelled, failed, finished, running } from "../../../src/sync/runStates";
import { freshDb, makeAccount } from "./support/fakes";

const key = { dataset: "acc|v3|cb-1", accountId: "acc", kind: "sends" as const };

/** A run in its third page with a request waiting to be tried again: every field a state can carry. */
const midRun: RunningSyncState = {
  ...key,
  status: "running",
  pages: 3,
  rows: 1_500,
  startedAt: 1_000,
  runRows: 1_500,
  rate: 500,
  retrying: { kind: "server", message: "503", attempt: 2, of: 4, until: 9_000 },
  nextLink: "/next?cursor=3",
  mode: "first",
  stopBelow: "2026-01-01T00:00:00Z",
  resyncCopy: 77,
  expectedRows: 10_000,
  fetchedAt: 4_000,
  newestStored: "2026-02-01T00:00:00Z",
};

const checkpoint = {
  nextLink: "/next?cursor=3",
  mode: "first",
  stopBelow: "2026-01-01T00:00:00Z",
  resyncCopy: 77,
  pages: 3,
  rows: 1_500,
};

describe("the transitions of a sync state", () => {
  it("a cancel keeps the checkpoint and drops what only a running state has", () => {
    const next = cancelled(midRun, 5_000);
    expect(next).toMatchObject({
      status: "stopped",
      stopReason: "cancelled",
      finishedAt: 5_000,
      ...checkpoint,
    });
    expect(next.retrying).toBeUndefined();
    expect(next.rate).toBeUndefined();
    expect(next.runRows).toBeUndefined();
    expect(next.lastError).toBeUndefined();
  });

  it("a failure records why, keeps the checkpoint, and drops the retry note", () => {
    const error = { kind: "network", message: "offline", at: 6_000 };
    const next = failed(midRun, error);
    expect(next).toMatchObject({
      status: "stopped",
      stopReason: "error",
      finishedAt: 6_000,
      lastError: error,
    });
    expect(next).toMatchObject(checkpoint);
    expect(next.retrying).toBeUndefined();
  });

  it("a (re)start clears the last failure and measures its rate from now", () => {
    const stopped = failed(midRun, { kind: "network", message: "offline", at: 6_000 });
    const next = running(stopped, 7_000, { nextLink: "/next?cursor=3" });
    expect(next).toMatchObject({ status: "running", startedAt: 7_000, runRows: 0, pages: 3, resyncCopy: 77 });
    expect(next.lastError).toBeUndefined();
    expect(next.stopReason).toBeUndefined();
    expect(next.finishedAt).toBeUndefined();
    expect(next.rate).toBeUndefined();
  });

  it("an end drops the checkpoint and the copy, and says whether every row is held", () => {
    const done = finished(midRun, {
      complete: false,
      at: 8_000,
      rows: 9_000,
      expectedRows: 10_000,
      fetchedAt: 8_000,
    });
    expect(done).toMatchObject({ status: "partial", stopReason: "done", finishedAt: 8_000, rows: 9_000 });
    expect(done.runRows).toBe(1_500); // what the run stored, for "500 new"
    expect(done.nextLink).toBeUndefined();
    expect(done.resyncCopy).toBeUndefined();
    expect(done.retrying).toBeUndefined();
    expect(done.rate).toBeUndefined();
    expect(finished(midRun, { complete: true, at: 8_000, rows: 10_000, fetchedAt: 8_000 }).status).toBe(
      "complete",
    );
  });

  it("an end that fetched nothing leaves the time data last arrived, and the expected count unless given", () => {
    const done = finished(midRun, { complete: true, at: 8_000, rows: 1_500, fetchedAt: midRun.fetchedAt });
    expect(done.fetchedAt).toBe(4_000);
    expect(done.expectedRows).toBe(10_000);
    const unknown = finished(midRun, {
      complete: true,
      at: 8_000,
      rows: 1_500,
      fetchedAt: 8_000,
      expectedRows: undefined,
    });
    expect(unknown.expectedRows).toBeUndefined();
  });
});

describe("a retry note", () => {
  it("lands on a running state and leaves a stopped one alone", async () => {
    await freshDb().accounts.put(makeAccount({ id: "acc" }));
    const retry = { kind: "throttled", message: "429", attempt: 1, of: 4, until: 2_000 };
    const { retrying: _none, ...withoutNote } = midRun;
    await db().syncState.put(withoutNote);
    await noteRetry(key.dataset, retry);
    expect((await getSyncState(key.dataset))?.retrying).toEqual(retry);

    const stopped: SyncState = cancelled(midRun, 5_000);
    await db().syncState.put(stopped);
    await noteRetry(key.dataset, retry);
    expect(await getSyncState(key.dataset)).toEqual(stopped);
  });
});
