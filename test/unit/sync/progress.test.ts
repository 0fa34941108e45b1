import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { etaSeconds, rateOf } from "../../../src/sync/progress";
import { freshDb } from "./support/fakes";
import { campaignByKey, sandboxSession } from "./support/sandbox";

describe("sync progress", () => {
  it("rate is rows per second of the run; ETA is what is left at that rate", () => {
    expect(rateOf(1_000, 0, 4_000)).toBe(250);
    expect(rateOf(0, 0, 4_000)).toBeUndefined();
    expect(etaSeconds({ status: "running", expectedRows: 2_000, rows: 1_000, rate: 250 })).toBe(4);
    expect(etaSeconds({ status: "complete", expectedRows: 2_000, rows: 2_000, rate: 250 })).toBeUndefined();
  });

  it("is written with every page: rows held, pages, rate; and the expected total up front (v3)", async () => {
    freshDb();
    const s = await sandboxSession({ rateLimit: 4 }, { requestsPerSecond: undefined });
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const seen: { rows: number; pages: number; rate?: number; expectedRows?: number; status: string }[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const state = await db().syncState.get(dataset);
      if (state)
        seen.push({
          rows: state.rows,
          pages: state.pages,
          rate: state.rate,
          expectedRows: state.expectedRows,
          status: state.status,
        });
      return s.deps.fetch!(input, init);
    };
    await syncSends(dataset, { deps: { ...s.deps, fetch } });
    const running = seen.filter((x) => x.status === "running");
    // Page N+1 is requested while page N is written, so each observation sees the rows held then.
    const rows = running.map((x) => x.rows);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows.every((n) => n % 500 === 0)).toBe(true);
    expect(rows).toContain(1_500);
    expect(running.every((x) => x.expectedRows === 2_345)).toBe(true);
    expect(running.slice(1).every((x) => (x.rate ?? 0) > 0)).toBe(true);
    expect(await db().syncState.get(dataset)).toMatchObject({
      rows: 2_345,
      pages: 5,
      status: "complete",
      stopReason: "done",
    });
  });
});
