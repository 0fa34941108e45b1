import { clock } from "../core/clock";
import { type Account, db, type Endpoints, type Generation } from "../db";
import { isLoopbackHttp } from "./http";
import { DEFAULT_SCOPES } from "./presets";

/** What the Connect form collects; validated into an Account. */
export interface AccountInput {
  label: string;
  generations: Generation[];
  v3ClientId?: string;
  v2ApiKey?: string;
  scopes?: string;
  endpoints: Endpoints;
  sandbox?: boolean;
}

export type AccountField = "label" | "generations" | "v3ClientId" | "v2ApiKey" | "scopes" | keyof Endpoints;

/** Field → message, empty when the input is valid. */
export type AccountErrors = Partial<Record<AccountField, string>>;

// Client ids and API keys are opaque, but never contain spaces or URL syntax: a pasted URL or a
// "key: value" line is the usual mistake.
const CREDENTIAL = /^[A-Za-z0-9._~-]{4,200}$/;
const SCOPE = /^[A-Za-z0-9_:.-]+$/;

const ENDPOINT_NAMES: Record<keyof Endpoints, string> = {
  v3Api: "v3 API base",
  v3Authorize: "v3 authorize URL",
  v3Token: "v3 token URL",
  v3Revoke: "v3 revoke URL",
  v2Api: "v2 API base",
  v2Authorize: "v2 authorize URL",
  v2TokenInfo: "v2 token info URL",
};

const V3_ENDPOINTS: (keyof Endpoints)[] = ["v3Api", "v3Authorize", "v3Token", "v3Revoke"];
const V2_ENDPOINTS: (keyof Endpoints)[] = ["v2Api", "v2Authorize", "v2TokenInfo"];
/** Optional even for the generation that uses them: revocation and token info are courtesies. */
const OPTIONAL_ENDPOINTS = new Set<keyof Endpoints>(["v3Revoke", "v2TokenInfo"]);

export function validateEndpoint(
  name: keyof Endpoints,
  value: string,
  required: boolean,
): string | undefined {
  const label = ENDPOINT_NAMES[name];
  if (value.trim() === "") return required ? `Enter the ${label}.` : undefined;
  if (!URL.canParse(value)) return `The ${label} is not a URL (it must start with https://).`;
  const url = new URL(value);
  if (url.protocol !== "https:" && !isLoopbackHttp(value)) {
    return `The ${label} must use https:// (plain http is only allowed on 127.0.0.1 or localhost).`;
  }
  if (url.search || url.hash) return `The ${label} must not contain ? or # parts.`;
  return undefined;
}

export function validateAccountInput(input: AccountInput): AccountErrors {
  const errors: AccountErrors = {};
  const uses = (generation: Generation) => input.generations.includes(generation);
  if (input.label.trim() === "")
    errors.label = "Give the account a name, e.g. the organisation it belongs to.";
  else if (input.label.length > 80) errors.label = "Keep the name under 80 characters.";
  if (input.generations.length === 0) errors.generations = "Choose v3, v2, or both.";
  if (uses("v3")) {
    const id = input.v3ClientId?.trim() ?? "";
    if (id === "") errors.v3ClientId = "Enter the v3 client id (the API key of your v3 application).";
    else if (!CREDENTIAL.test(id))
      errors.v3ClientId = "A client id has only letters, digits, '-', '_' or '.', no spaces.";
    const scopes = (input.scopes ?? DEFAULT_SCOPES).trim().split(/\s+/);
    if (!scopes.every((scope) => SCOPE.test(scope)))
      errors.scopes = "Separate scopes with spaces, e.g. contact_data campaign_data.";
  }
  if (uses("v2")) {
    const key = input.v2ApiKey?.trim() ?? "";
    if (key === "") errors.v2ApiKey = "Enter the v2 API key.";
    else if (!CREDENTIAL.test(key))
      errors.v2ApiKey = "An API key has only letters, digits, '-', '_' or '.', no spaces.";
  }
  const checked = [...(uses("v3") ? V3_ENDPOINTS : []), ...(uses("v2") ? V2_ENDPOINTS : [])];
  for (const name of checked) {
    const message = validateEndpoint(name, input.endpoints[name], !OPTIONAL_ENDPOINTS.has(name));
    if (message) errors[name] = message;
  }
  return errors;
}

export class AccountValidationError extends Error {
  override name = "AccountValidationError";
  constructor(readonly errors: AccountErrors) {
    super(Object.values(errors).join(" "));
  }
}

function toAccount(input: AccountInput, id: string, createdAt: number): Account {
  const errors = validateAccountInput(input);
  if (Object.keys(errors).length > 0) throw new AccountValidationError(errors);
  const uses = (generation: Generation) => input.generations.includes(generation);
  const trimmed = Object.fromEntries(
    Object.entries(input.endpoints).map(([name, url]) => [name, url.trim().replace(/\/+$/, "")]),
  ) as unknown as Endpoints;
  return {
    id,
    label: input.label.trim(),
    generations: (["v3", "v2"] as const).filter(uses),
    v3ClientId: uses("v3") ? input.v3ClientId?.trim() : undefined,
    v2ApiKey: uses("v2") ? input.v2ApiKey?.trim() : undefined,
    scopes: (input.scopes ?? DEFAULT_SCOPES).trim().split(/\s+/).join(" "),
    endpoints: trimmed,
    sandbox: input.sandbox ?? false,
    createdAt,
  };
}

/** Validates and stores a new account. Throws AccountValidationError with a message per field. */
export async function addAccount(input: AccountInput): Promise<Account> {
  const account = toAccount(input, crypto.randomUUID(), clock.now());
  await db().accounts.add(account);
  return account;
}

export async function updateAccount(id: string, input: AccountInput): Promise<Account> {
  const existing = await db().accounts.get(id);
  if (!existing) throw new Error("This account no longer exists on this device.");
  const account = toAccount(input, id, existing.createdAt);
  await db().accounts.put(account);
  return account;
}
