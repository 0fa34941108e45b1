import type { AccountInput } from "../../auth/accounts";
import {
  CONSTANT_CONTACT_ENDPOINTS,
  DEFAULT_SCOPES,
  endpointsOn,
  loadSandboxOrigin,
  SANDBOX_V2_API_KEY,
  SANDBOX_V3_CLIENT_ID,
} from "../../auth/presets";
import { DEMO_ORIGIN } from "../../core/demo";

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
  return sandboxAccount("Sandbox", await loadSandboxOrigin());
}

/** Demo data answered inside the page: no server, no Constant Contact account. */
export function demoPreset(): AccountInput {
  return sandboxAccount("Demo data", DEMO_ORIGIN);
}
