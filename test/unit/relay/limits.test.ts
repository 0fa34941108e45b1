// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_BODY_BYTES, UPSTREAM_TIMEOUT_MS } from "../../../src/relay/settings";
import { fromMailroom, MAILROOM, relayWithFakeUpstream } from "./support";

/** An upstream that never answers, until the relay gives up and aborts the call. */
function hangingUntilAborted(call: { init: RequestInit }): Promise<Response> {
  return new Promise((_, reject) => {
    call.init.signal?.addEventListener("abort", () => reject(call.init.signal?.reason));
  });
}

/** A request body streamed in chunks with no Content-Length, as a chunked upload arrives. */
function streamedBody(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(8192, totalBytes - sent)).fill(97);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

const tokenPost = (body: BodyInit, headers: Record<string, string> = {}) =>
  fromMailroom("/oauth2/default/v1/token", {
    method: "POST",
    body,
    headers,
    ...({ duplex: "half" } as RequestInit),
  });

afterEach(() => {
  vi.useRealTimers();
});

describe("the relay's body cap", () => {
  it("refuses a body over 64 KB with 413, declared or streamed, and forwards none of it", async () => {
    const { relay, calls } = relayWithFakeUpstream();
    const declared = await relay(tokenPost("a".repeat(MAX_BODY_BYTES + 1)), "c");
    expect(declared.status).toBe(413);
    expect(declared.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
    const streamed = await relay(tokenPost(streamedBody(MAX_BODY_BYTES + 1)), "c");
    expect(streamed.status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  it("forwards a body of exactly 64 KB", async () => {
    const { relay, calls } = relayWithFakeUpstream();
    const response = await relay(tokenPost(streamedBody(MAX_BODY_BYTES)), "c");
    expect(response.status).toBe(200);
    expect((calls[0]!.init.body as Uint8Array).byteLength).toBe(MAX_BODY_BYTES);
  });
});

describe("the relay's upstream timeout", () => {
  it("answers 504 when Constant Contact has not answered after 30 s", async () => {
    vi.useFakeTimers();
    const { relay } = relayWithFakeUpstream({ answer: hangingUntilAborted });
    let settled = false;
    const answer = relay(fromMailroom("/v3/activities"), "c").finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(UPSTREAM_TIMEOUT_MS - 1);
    expect(settled, "gave up before 30 s").toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const response = await answer;
    expect(response.status).toBe(504);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
  });

  it("cuts a body that stalls for 30 s, and lets a slow but steady one through", async () => {
    vi.useFakeTimers();
    let push: ((text: string) => void) | undefined;
    const { relay } = relayWithFakeUpstream({
      answer: (call) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              push = (text) => controller.enqueue(new TextEncoder().encode(text));
              call.init.signal?.addEventListener("abort", () => controller.error(call.init.signal?.reason));
            },
          }),
        ),
    });
    const response = await relay(fromMailroom("/v3/contact_exports/e1"), "c");
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(UPSTREAM_TIMEOUT_MS - 1000);
      push?.(`chunk ${i};`);
      expect(new TextDecoder().decode((await reader.read()).value)).toBe(`chunk ${i};`);
    }
    const cut = reader.read().then(
      () => "a chunk",
      (error: Error) => error.message,
    );
    await vi.advanceTimersByTimeAsync(UPSTREAM_TIMEOUT_MS);
    expect(await cut).toMatch(/did not answer in time/);
  });
});

describe("the relay's per-client rate cap", () => {
  it("lets a burst of 40 through, then answers 429 with Retry-After, shaped like Constant Contact's", async () => {
    let nowMs = 0;
    const { relay, calls } = relayWithFakeUpstream({ deps: { now: () => nowMs } });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++)
      statuses.push((await relay(fromMailroom("/v3/activities"), "198.51.100.1")).status);
    expect(statuses.slice(0, 40).every((status) => status === 200)).toBe(true);
    const refused = await relay(fromMailroom("/v3/activities"), "198.51.100.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
    expect(await refused.json()).toMatchObject({ error_key: "throttled" });
    expect(calls).toHaveLength(40);

    // Another client has its own bucket; this one's refills at 10 a second.
    expect((await relay(fromMailroom("/v3/activities"), "198.51.100.2")).status).toBe(200);
    nowMs += 100;
    expect((await relay(fromMailroom("/v3/activities"), "198.51.100.1")).status).toBe(200);
    expect((await relay(fromMailroom("/v3/activities"), "198.51.100.1")).status).toBe(429);
  });

  it("never refuses Mailroom's own pace: 4 requests and a preflight a second, for two minutes", async () => {
    let nowMs = 0;
    const { relay } = relayWithFakeUpstream({ deps: { now: () => nowMs } });
    const preflight = fromMailroom("/v3/emails", {
      method: "OPTIONS",
      headers: { "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    const refused: number[] = [];
    for (let second = 0; second < 120; second++) {
      const answers = [await relay(preflight.clone(), "c")];
      for (let i = 0; i < 4; i++) {
        answers.push(await relay(fromMailroom("/v3/emails"), "c"));
        nowMs += 250;
      }
      if (answers.some((answer) => answer.status === 429)) refused.push(second);
    }
    expect(refused).toEqual([]);
  });
});
