import { describe, expect, it } from "vitest";
import { isMailroomError } from "../../../src/core/errors";
import { db, sendsDatasetId } from "../../../src/db";
import { refreshActivities, syncSends } from "../../../src/sync";
import { freshDb } from "../sync/support/fakes";
import { campaignByKey, expectedV3Keys, heldKeys, sandboxSession } from "../sync/support/sandbox";

// Issue #10's bad data that the sandbox's switches do not make: an empty page that still links
// on, dates in odd but valid forms, a send without its contact id, and a 10 MB error list. Each
// answer of the real sandbox is rewritten on its way to the sync engine.

type Session = Awaited<ReturnType<typeof sandboxSession>>;
type Rewrite = (url: URL, body: Record<string, unknown>) => Record<string, unknown> | Response;

/** The session's fetch, with JSON answers passed through `rewrite`; `route` may redirect a request first. */
function rewritingFetch(s: Session, rewrite: Rewrite, route: (url: URL) => URL = (url) => url) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const asked = new URL(request.url);
    const url = route(asked);
    const response = await s.deps.fetch!(url.href === asked.href ? request : new Request(url, request));
    if (!(response.headers.get("Content-Type") ?? "").startsWith("application/json") || !response.ok)
      return response;
    const body = rewrite(asked, (await response.json()) as Record<string, unknown>);
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

const isSendsPage = (url: URL) => url.pathname.endsWith("/tracking/sends");
const EMPTY_MARK = "mailroom_test_empty";

describe("bad data in answers the sync engine reads", () => {
  it("follows an empty page that still has a next link, and ends with exactly the sandbox's sends", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    let emptied = 0;
    // The second page is first answered empty, linking to itself marked; the marked link is then
    // served as the real page: nothing is lost, one page is empty.
    const fetch = rewritingFetch(
      s,
      (url, body) => {
        if (
          !isSendsPage(url) ||
          !url.searchParams.has("next") ||
          emptied > 0 ||
          url.searchParams.has(EMPTY_MARK)
        )
          return body;
        emptied += 1;
        const marked = new URL(url);
        marked.searchParams.set(EMPTY_MARK, "1");
        return { tracking_activities: [], _links: { next: { href: `${marked.pathname}${marked.search}` } } };
      },
      (url) => {
        if (!url.searchParams.has(EMPTY_MARK)) return url;
        const real = new URL(url);
        real.searchParams.delete(EMPTY_MARK);
        return real;
      },
    );
    await syncSends(dataset, { deps: { ...s.deps, fetch } });
    expect(emptied, "the empty page was never served").toBe(1);
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    expect((await db().syncState.get(dataset))?.status).toBe("complete");
  });

  it("stores send times given with offsets, microseconds or in lower case as the same instants", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const oddForms = [
      (d: Date) => d.toISOString().replace(/Z$/, "000Z"), // microseconds
      (d: Date) => new Date(d.getTime() + 2 * 3_600_000).toISOString().replace("Z", "+02:00"),
      (d: Date) => new Date(d.getTime() - 5.5 * 3_600_000).toISOString().replace("Z", "-05:30"),
      (d: Date) => d.toISOString().replace("T", "t").replace("Z", "z"),
    ];
    let rewritten = 0;
    const fetch = rewritingFetch(s, (url, body) => {
      if (!isSendsPage(url)) return body;
      const rows = body.tracking_activities as { created_time: string }[];
      rows.forEach((row, i) => {
        row.created_time = oddForms[i % oddForms.length]!(new Date(row.created_time));
        rewritten += 1;
      });
      return body;
    });
    await syncSends(dataset, { deps: { ...s.deps, fetch } });
    expect(rewritten).toBeGreaterThan(0);
    expect(await heldKeys(dataset), "an odd date form was stored as another instant").toEqual(
      expectedV3Keys(s.sandbox, big.primaryActivityId),
    );
  });

  it("stops on a send without its contact id with bad_response, storing nothing of that page", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    let pages = 0;
    const fetch = rewritingFetch(s, (url, body) => {
      if (!isSendsPage(url) || ++pages !== 2) return body;
      const rows = body.tracking_activities as Record<string, unknown>[];
      delete rows[7]!.contact_id;
      return body;
    });
    const error = await syncSends(dataset, { deps: { ...s.deps, fetch } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMailroomError(error) && error.kind, `not a bad_response: ${String(error)}`).toBe("bad_response");
    expect(await heldKeys(dataset), "rows of the bad page were stored").toHaveLength(500);
    expect((await db().syncState.get(dataset))?.lastError?.kind).toBe("bad_response");
  });

  it("stores a 10 MB error list of one activity whole, without failing the refresh", async () => {
    freshDb();
    const s = await sandboxSession();
    const LINES = 100_000;
    let inflated: string | undefined;
    // A v3 list row is the whole activity: the list page carries the 10 MB.
    const fetch = rewritingFetch(s, (url, body) => {
      if (inflated || url.pathname !== "/v3/activities") return body;
      const rows = body.activities as Record<string, unknown>[];
      const row = rows.find((r) => Array.isArray(r.activity_errors) && r.activity_errors.length > 0);
      if (!row) return body;
      inflated = String(row.activity_id);
      const padding = "x".repeat(70);
      row.activity_errors = Array.from(
        { length: LINES },
        (_, i) => `Line ${i + 2}: Invalid email (person${i}@example.com) ${padding}`,
      );
      expect(JSON.stringify(body).length).toBeGreaterThan(10_000_000);
      return body;
    });
    await refreshActivities(s.account.id, { deps: { ...s.deps, fetch } });
    expect(inflated, "no v3 activity with error lines was fetched").toBeDefined();
    const stored = await db()
      .activityErrors.where("[accountId+activityId+index]")
      .between([s.account.id, inflated, 0], [s.account.id, inflated, Number.MAX_SAFE_INTEGER])
      .count();
    expect(stored).toBe(LINES);
  }, 120_000);
});
