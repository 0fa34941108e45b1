import { beforeEach, describe, expect, it } from "vitest";
import {
  ATTEMPT_LIFETIME_MS,
  addAttempt,
  purgeExpiredAttempts,
  takeAttempt,
} from "../../../src/auth/attempts";
import { db } from "../../../src/db";
import { purgeStaleSignIns } from "../../../src/ui/purgeStaleSignIns";
import { freshDb } from "./support";

beforeEach(() => {
  freshDb();
});

describe("sign-in attempts (state and code_verifier)", () => {
  it("stores state and verifier in IndexedDB, never in localStorage", async () => {
    const attempt = await addAttempt("acc-1", "v3", "http://127.0.0.1:1/auth/callback");
    expect(attempt.state.length).toBeGreaterThanOrEqual(32);
    expect(attempt.codeVerifier?.length).toBeGreaterThanOrEqual(43);
    expect(await db().authAttempts.get(attempt.state)).toEqual(attempt);
    expect(JSON.stringify({ ...localStorage })).not.toContain(attempt.state);
  });

  it("gives v2 attempts a state but no verifier", async () => {
    const attempt = await addAttempt("acc-1", "v2", "http://127.0.0.1:1/auth/callback");
    expect(attempt.codeVerifier).toBeUndefined();
  });

  it("returns an attempt once: a replayed state is unknown", async () => {
    const attempt = await addAttempt("acc-1", "v3", "http://x/auth/callback");
    expect((await takeAttempt(attempt.state)).accountId).toBe("acc-1");
    await expect(takeAttempt(attempt.state)).rejects.toMatchObject({ kind: "unknown_state" });
  });

  it("refuses a state nobody issued and a missing state", async () => {
    await addAttempt("acc-1", "v3", "http://x/auth/callback");
    await expect(takeAttempt("tampered")).rejects.toMatchObject({ kind: "unknown_state" });
    await expect(takeAttempt(null)).rejects.toMatchObject({ kind: "missing_parameters" });
  });

  it("refuses an attempt older than ten minutes, and deletes it", async () => {
    const startedAt = Date.now() - ATTEMPT_LIFETIME_MS - 1;
    const attempt = await addAttempt("acc-1", "v3", "http://x/auth/callback", startedAt);
    await expect(takeAttempt(attempt.state)).rejects.toMatchObject({ kind: "expired_state" });
    expect(await db().authAttempts.count()).toBe(0);
  });

  it("purges expired attempts when a new one starts", async () => {
    await addAttempt("acc-1", "v3", "http://x/auth/callback", Date.now() - ATTEMPT_LIFETIME_MS - 5);
    const fresh = await addAttempt("acc-1", "v3", "http://x/auth/callback");
    expect(await db().authAttempts.toCollection().primaryKeys()).toEqual([fresh.state]);
  });
});

describe("purging sign-ins left unused", () => {
  // Written straight to the table: creating an attempt would purge the old one already.
  const seedAttempts = async () => {
    const fresh = await addAttempt("acc-1", "v3", "http://x/auth/callback");
    const old = {
      ...fresh,
      state: `old-${crypto.randomUUID()}`,
      createdAt: Date.now() - ATTEMPT_LIFETIME_MS - 1,
    };
    await db().authAttempts.put(old);
    return { old, fresh };
  };

  it("deletes every attempt too old to finish (with its verifier) and keeps the others", async () => {
    const { old, fresh } = await seedAttempts();
    expect(await purgeExpiredAttempts()).toBe(1);
    expect(await db().authAttempts.get(old.state)).toBeUndefined();
    expect(await db().authAttempts.get(fresh.state)).toEqual(fresh);
  });

  it("runs at start-up on any screen but the callback, which must still tell an expired sign-in", async () => {
    const { old } = await seedAttempts();
    expect(await purgeStaleSignIns("/auth/callback")).toBe(0);
    await expect(takeAttempt(old.state)).rejects.toMatchObject({ kind: "expired_state" });
    const again = await seedAttempts();
    expect(await purgeStaleSignIns("/activities")).toBe(1);
    expect(await db().authAttempts.get(again.old.state)).toBeUndefined();
  });
});
