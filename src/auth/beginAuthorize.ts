import type { Account, AuthAttempt, Generation } from "../db";
import { addAttempt } from "./attempts";

/** Where each generation keeps its client id and its authorize page, and how a missing id is said. */
const CLIENTS = {
  v2: { clientId: "v2ApiKey", authorize: "v2Authorize", missing: "v2 API key" },
  v3: { clientId: "v3ClientId", authorize: "v3Authorize", missing: "v3 client id" },
} as const;

/**
 * The start both sign-in flows share: checks the account has a client id for `generation`, stores
 * a new attempt, and returns the authorize URL with the common parameters (`response_type`,
 * `client_id`, `redirect_uri`, `state`) followed by the flow's own (`extra`, given the attempt).
 */
export async function beginAuthorize(
  account: Account,
  generation: Generation,
  redirectUri: string,
  responseType: "token" | "code",
  extra: (attempt: AuthAttempt) => Promise<Record<string, string>> | Record<string, string> = () => ({}),
): Promise<string> {
  const client = CLIENTS[generation];
  const clientId = account[client.clientId];
  if (!clientId) throw new Error(`The account "${account.label}" has no ${client.missing}.`);
  const attempt = await addAttempt(account.id, generation, redirectUri);
  const url = new URL(account.endpoints[client.authorize]);
  url.searchParams.set("response_type", responseType);
  url.searchParams.set("client_id", clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", attempt.state);
  for (const [name, value] of Object.entries(await extra(attempt))) url.searchParams.set(name, value);
  return url.href;
}
