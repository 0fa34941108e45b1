// @vitest-environment node
// How many sent campaigns the account has: `campaigns` in the config, SANDBOX_CAMPAIGNS in the
// environment (npm start, npm run sandbox), refused with a clear message when it is not a count.
import { afterEach, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/sandbox/config";
import type { Sandbox } from "../../src/sandbox/core";
import { configFromEnv } from "../../src/sandbox/node/env";
import { startSandboxServer } from "../../src/sandbox/node/serve";
import { signInV2, testSandbox, v2 } from "./support";

/** The SENT campaigns the v2 list pages out. */
async function sentNames(sb: Sandbox): Promise<string[]> {
  const get = v2(sb, await signInV2(sb));
  const names: string[] = [];
  let path: string | undefined = "/v2/emailmarketing/campaigns?status=SENT";
  while (path) {
    const page = (await get(path)).body as {
      results: Array<{ name: string }>;
      meta: { pagination: { next_link?: string } };
    };
    names.push(...page.results.map((c) => c.name));
    path = page.meta.pagination.next_link;
  }
  return names;
}

const NAMED = ["Test send to 3 people", "Member update (10k)", "Annual report (big)", "Résumé tips, part 2"];

describe("the number of sent campaigns", () => {
  it("is about a dozen by default, the named ones among them", async () => {
    const names = await sentNames(testSandbox());
    expect(names).toHaveLength(12);
    expect(names).toEqual(expect.arrayContaining(NAMED));
  });

  it("follows `campaigns`: more are sent to whole lists, fewer keep the most used named ones", async () => {
    const many = await sentNames(testSandbox({ campaigns: 60 }));
    expect(many).toHaveLength(60);
    expect(new Set(many).size).toBe(60);
    expect(many).toEqual(expect.arrayContaining([...NAMED, "Monthly newsletter #13"]));
    expect(await sentNames(testSandbox({ campaigns: 3 }))).toEqual(
      expect.arrayContaining(["Test send to 3 people", "Member update (10k)"]),
    );
    expect(await sentNames(testSandbox({ campaigns: 3 }))).toHaveLength(3);
    expect(await sentNames(testSandbox({ campaigns: 0 }))).toEqual([]);
    expect(resolveConfig({ campaigns: 5000 }).campaigns).toBe(1000);
  });

  it("reads SANDBOX_CAMPAIGNS and refuses what is not a count of 0–1,000", () => {
    expect(configFromEnv({ SANDBOX_CAMPAIGNS: "30" }).campaigns).toBe(30);
    expect(configFromEnv({ SANDBOX_CAMPAIGNS: "" }).campaigns).toBeUndefined();
    expect(configFromEnv({}).campaigns).toBeUndefined();
    for (const bad of ["-1", "many", "2.5", "1001"])
      expect(() => configFromEnv({ SANDBOX_CAMPAIGNS: bad }), bad).toThrow(
        /^SANDBOX_CAMPAIGNS must be .*got "/,
      );
  });

  it("reads SANDBOX_AUDIENCE, a preset's name, and refuses another", () => {
    expect(configFromEnv({ SANDBOX_AUDIENCE: "bench-account" }).audience).toBe("bench-account");
    expect(() => configFromEnv({ SANDBOX_AUDIENCE: "huge" })).toThrow(
      'SANDBOX_AUDIENCE must be one of standard, bench-account, got "huge"',
    );
    expect(() => resolveConfig({ audience: "huge" as "standard" })).toThrow(/audience must be one of/);
  });
});

describe("the server started by npm start / npm run sandbox", () => {
  const saved = process.env.SANDBOX_CAMPAIGNS;
  afterEach(() => {
    if (saved === undefined) delete process.env.SANDBOX_CAMPAIGNS;
    else process.env.SANDBOX_CAMPAIGNS = saved;
  });

  it("takes SANDBOX_CAMPAIGNS from the environment", async () => {
    process.env.SANDBOX_CAMPAIGNS = "15";
    const server = await startSandboxServer({ port: 0, config: { rateLimit: 0 } });
    try {
      expect(await sentNames(server.sandbox)).toHaveLength(15);
    } finally {
      await server.close();
    }
  });

  it("does not start with a bad SANDBOX_CAMPAIGNS", async () => {
    process.env.SANDBOX_CAMPAIGNS = "lots";
    await expect(startSandboxServer({ port: 0 })).rejects.toThrow(
      'SANDBOX_CAMPAIGNS must be a non-negative integer, got "lots"',
    );
  });
});
