import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_PER_SECOND, RelayConfigError, relaySettingsFrom } from "../../../src/relay/settings";

describe("relay settings", () => {
  it("refuses to start without RELAY_ALLOWED_ORIGINS, saying what to set", () => {
    expect(() => relaySettingsFrom({})).toThrow(RelayConfigError);
    expect(() => relaySettingsFrom({ RELAY_ALLOWED_ORIGINS: " , " })).toThrow(
      /RELAY_ALLOWED_ORIGINS is required/,
    );
  });

  it("refuses a wildcard and anything that is not an exact origin", () => {
    expect(() => relaySettingsFrom({ RELAY_ALLOWED_ORIGINS: "*" })).toThrow(/no wildcard/);
    expect(() => relaySettingsFrom({ RELAY_ALLOWED_ORIGINS: "https://*.example.org" })).toThrow(
      /no wildcard/,
    );
    expect(() => relaySettingsFrom({ RELAY_ALLOWED_ORIGINS: "https://a.example.org/" })).toThrow(
      /not an origin/,
    );
    expect(() => relaySettingsFrom({ RELAY_ALLOWED_ORIGINS: "https://a.example.org/app" })).toThrow(
      /not an origin/,
    );
    expect(() => relaySettingsFrom({ RELAY_ALLOWED_ORIGINS: "a.example.org" })).toThrow(/not an origin/);
  });

  it("reads several origins, comma- or space-separated", () => {
    const { allowedOrigins } = relaySettingsFrom({
      RELAY_ALLOWED_ORIGINS: "https://a.example.org, https://b.example.org http://127.0.0.1:4173",
    });
    expect([...allowedOrigins]).toEqual([
      "https://a.example.org",
      "https://b.example.org",
      "http://127.0.0.1:4173",
    ]);
  });

  it("refuses RELAY_UPSTREAM for any host but the loopback", () => {
    const origins = { RELAY_ALLOWED_ORIGINS: "https://a.example.org" };
    for (const upstream of [
      "https://api.cc.email",
      "http://10.0.0.7:4174",
      "http://127.0.0.1.example.org:4174",
      "ftp://127.0.0.1",
      "not a url",
    ]) {
      expect(() => relaySettingsFrom({ ...origins, RELAY_UPSTREAM: upstream }), upstream).toThrow(/loopback/);
    }
    expect(relaySettingsFrom({ ...origins, RELAY_UPSTREAM: "http://127.0.0.1:4174/" }).upstreamOverride).toBe(
      "http://127.0.0.1:4174",
    );
    expect(relaySettingsFrom({ ...origins, RELAY_UPSTREAM: "http://localhost:9" }).upstreamOverride).toBe(
      "http://localhost:9",
    );
    expect(relaySettingsFrom(origins).upstreamOverride).toBeUndefined();
  });

  it("takes a per-client rate, 10/s unless told, and refuses a nonsensical one", () => {
    const origins = { RELAY_ALLOWED_ORIGINS: "https://a.example.org" };
    expect(relaySettingsFrom(origins).ratePerSecond).toBe(DEFAULT_RATE_PER_SECOND);
    expect(relaySettingsFrom({ ...origins, RELAY_RATE_PER_S: "25" }).ratePerSecond).toBe(25);
    expect(() => relaySettingsFrom({ ...origins, RELAY_RATE_PER_S: "0" })).toThrow(/RELAY_RATE_PER_S/);
    expect(() => relaySettingsFrom({ ...origins, RELAY_RATE_PER_S: "fast" })).toThrow(/RELAY_RATE_PER_S/);
  });
});
