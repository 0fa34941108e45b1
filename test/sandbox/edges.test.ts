// @vitest-environment node
// Edges: tampered or foreign cursors, preflight refusals, the consent page's escaping, reset.
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/core";
import { encodeCursor } from "../../src/sandbox/cursor";
import { APP_ORIGIN, authorizeUrl, call, pkcePair, signInV2, signInV3, testSandbox, v2, v3 } from "./support";

let sb: Sandbox;
beforeEach(() => {
  sb = testSandbox();
});

const campaign = (key: string) => sb.world.campaigns.find((c) => c.key === key)!;

describe("paging cursors", () => {
  it("refuses a garbled or foreign v2 cursor with 400", async () => {
    const get = v2(sb, await signInV2(sb));
    const tenk = `/v2/emailmarketing/campaigns/${campaign("tenk").v2Id}/tracking/sends`;
    const first = (await get(`${tenk}?limit=100`)).body as { meta: { pagination: { next_link: string } } };
    const cursor = first.meta.pagination.next_link.split("next=")[1];
    expect((await get(`${tenk}?next=garbage`)).status).toBe(400);
    // A cursor of one campaign used on another.
    expect(
      (await get(`/v2/emailmarketing/campaigns/${campaign("spring").v2Id}/tracking/sends?next=${cursor}`))
        .status,
    ).toBe(400);
    expect((await get(`/v2/emailmarketing/campaigns?next=${cursor}`)).status).toBe(400);
  });

  it("refuses a garbled or foreign v3 cursor with 400 and an error array", async () => {
    const get = v3(sb, (await signInV3(sb)).access_token);
    const foreign = encodeCursor("v3-emails", { l: 5, o: 5, a: 0, b: 0 });
    for (const path of [
      "/v3/activities?next=%%%",
      `/v3/activities?next=${foreign}`,
      `/v3/reports/email_reports/${campaign("tenk").primaryActivityId}/tracking/sends?next=${foreign}`,
    ]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(400);
      expect(reply.body).toEqual([{ error_key: expect.any(String), error_message: expect.any(String) }]);
    }
  });

  it("keeps the v2 modified_since and status filters across pages", async () => {
    const get = v2(sb, await signInV2(sb));
    const since = new Date(sb.now() - 10 * 86_400_000).toISOString();
    const seen: string[] = [];
    let path: string | undefined = `/v2/emailmarketing/campaigns?status=SENT&modified_since=${since}&limit=1`;
    while (path) {
      const page = (await get(path)).body as {
        meta: { pagination: { next_link?: string } };
        results: Array<{ id: string }>;
      };
      seen.push(...page.results.map((c) => c.id));
      path = page.meta.pagination.next_link;
    }
    const expected = sb.world.campaigns.filter(
      (c) => c.v2Status === "SENT" && c.updatedAt >= Date.parse(since),
    );
    expect(seen.sort()).toEqual(expected.map((c) => c.v2Id).sort());
  });
});

describe("CORS preflight", () => {
  const preflight = (method: string, headers: string) =>
    call(sb, "/v3/emails", {
      method: "OPTIONS",
      headers: {
        Origin: APP_ORIGIN,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": headers,
      },
    });

  it("allows GET and POST with Authorization and Content-Type", async () => {
    expect((await preflight("GET", "authorization")).status).toBe(204);
    expect((await preflight("POST", "content-type")).status).toBe(204);
  });

  it("refuses other methods and headers", async () => {
    expect(
      (await preflight("DELETE", "authorization")).headers.get("Access-Control-Allow-Origin"),
    ).toBeNull();
    expect((await preflight("GET", "x-secret")).status).toBe(403);
  });
});

describe("the consent page", () => {
  it("escapes what it shows and never renders the state", async () => {
    const { challenge } = await pkcePair();
    const page = await call(sb, authorizeUrl(challenge, { state: "<script>alert(1)</script>" }));
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("<script>alert(1)</script>");
  });
});

describe("reset", () => {
  it("forgets tokens but keeps the same data", async () => {
    const token = (await signInV3(sb)).access_token;
    const before = (await v3(sb, token)("/v3/emails")).body;
    sb.reset();
    expect((await v3(sb, token)("/v3/emails")).status).toBe(401);
    const after = (await v3(sb, (await signInV3(sb)).access_token)("/v3/emails")).body;
    expect(after).toEqual(before);
  });
});
