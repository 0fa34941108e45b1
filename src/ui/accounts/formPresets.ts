import type { AccountInput } from "../../auth/accounts";
import { isLoopbackHttp } from "../../auth/http";
import {
  CONSTANT_CONTACT_ENDPOINTS,
  DEFAULT_SCOPES,
  endpointsOn,
  loadSandboxOrigin,
  SANDBOX_V2_API_KEY,
  SANDBOX_V3_CLIENT_ID,
} from "../../auth/presets";
import { DEMO_ORIGIN } from "../../core/demo";
import type { Endpoints } from "../../db";
import { appPath } from "../appBase";

/** A new, empty account on Constant Contact's own servers. */
export function blankAccountInput(): AccountInput {
  return {
    label: "",
    generations: ["v3"],
    v3ClientId: "",
    v2ApiKey: "",
    scopes: DEFAULT_SCOPES,
    endpoints: { ...CONSTANT_CONTACT_ENDPOINTS },
    sandbox: false,
  };
}

function sandboxAccount(label: string, origin: string): AccountInput {
  return {
    label,
    generations: ["v3", "v2"],
    v3ClientId: SANDBOX_V3_CLIENT_ID,
    v2ApiKey: SANDBOX_V2_API_KEY,
    scopes: DEFAULT_SCOPES,
    endpoints: endpointsOn(origin),
    sandbox: true,
  };
}

/** The local sandbox server, wherever this deployment says it runs. */
export async function sandboxPreset(): Promise<AccountInput> {
  return sandboxAccount("Sandbox", await loadSandboxOrigin(fetch, appPath("runtime-config.json")));
}

/** Demo data answered inside the page: no server, no Constant Contact account. */
export function demoPreset(): AccountInput {
  return sandboxAccount("Demo data", DEMO_ORIGIN);
}

/**
 * The endpoints Mailroom fetches, which a relay carries (README, Relay). The authorize URLs are
 * pages the browser navigates to, where CORS does not apply: they stay where they are.
 */
export const RELAYED_ENDPOINTS = ["v3Api", "v3Token", "v3Revoke", "v2Api", "v2TokenInfo"] as const;

/** Why a relay URL cannot be used, or undefined when it can (an empty field is not used at all). */
export function relayUrlProblem(value: string): string | undefined {
  const url = value.trim();
  if (url === "") return undefined;
  if (!URL.canParse(url)) return "The relay URL is not a URL (it must start with https://).";
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && !isLoopbackHttp(url)) {
    return "The relay URL must use https:// (plain http is only allowed on 127.0.0.1 or localhost).";
  }
  if (parsed.pathname !== "/" || parsed.search || parsed.hash) {
    return "Enter the relay's origin only, e.g. https://relay.example.org: the relay answers at its root.";
  }
  return undefined;
}

/** Every relayed endpoint on the relay's origin, at Constant Contact's own paths. */
export function relayedEndpoints(relayUrl: string): Pick<Endpoints, (typeof RELAYED_ENDPOINTS)[number]> {
  const on = endpointsOn(new URL(relayUrl.trim()).origin);
  return {
    v3Api: on.v3Api,
    v3Token: on.v3Token,
    v3Revoke: on.v3Revoke,
    v2Api: on.v2Api,
    v2TokenInfo: on.v2TokenInfo,
  };
}
