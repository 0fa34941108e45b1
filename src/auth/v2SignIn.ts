import { clock } from "../core/clock";
import { type Account, type AuthAttempt, db } from "../db";
import { beginAuthorize } from "./beginAuthorize";
import { SignInError } from "./errors";
import { fetchFor } from "./http";
import { saveToken } from "./tokens";
import { signInErrorFromOAuth } from "./v3SignIn";

/** Starts a v2 sign-in (implicit flow): the token comes back in the redirect's fragment. */
export function beginV2SignIn(account: Account, redirectUri: string): Promise<string> {
  return beginAuthorize(account, "v2", redirectUri, "token");
}

/**
 * Finishes a v2 sign-in from the parameters of the callback's fragment (`access_token`,
 * `expires_in`, `state`, or `error`). The state was checked when the attempt was taken.
 * Returns a notice when the optional token check could not run.
 */
export async function completeV2SignIn(
  attempt: AuthAttempt,
  parameters: URLSearchParams,
): Promise<{ notice?: string }> {
  const account = await db().accounts.get(attempt.accountId);
  if (!account) throw new SignInError("unknown_state", "The account this sign-in was for no longer exists.");
  const error = parameters.get("error");
  if (error) throw signInErrorFromOAuth(error, parameters.get("error_description") ?? undefined, parameters);
  const accessToken = parameters.get("access_token");
  if (!accessToken) throw new SignInError("bad_response", "The sign-in answer carries no access token.");
  const notice = await checkTokenInfo(account, accessToken);
  const expiresIn = Number(parameters.get("expires_in"));
  const now = clock.now();
  await saveToken({
    accountId: account.id,
    generation: "v2",
    accessToken,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : undefined,
    updatedAt: now,
  });
  return { notice };
}

/**
 * Asks tokeninfo.htm whom the token belongs to: a token issued to another API key is refused, since
 * every v2 call pairs the token with this account's key. The check is a courtesy, so a tokeninfo
 * that cannot be reached (v2's server may not allow CORS) only yields a notice.
 */
async function checkTokenInfo(account: Account, accessToken: string): Promise<string | undefined> {
  const url = account.endpoints.v2TokenInfo;
  if (!url) return undefined;
  let response: Response;
  try {
    const fetchImpl = await fetchFor(url);
    response = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ access_token: accessToken }),
    });
  } catch (error) {
    return `The token could not be checked with ${url} (${(error as Error).message}); it is used as received.`;
  }
  if (!response.ok) {
    throw new SignInError("invalid_grant", `The new token was refused by ${url} (HTTP ${response.status}).`);
  }
  const info = (await response.json().catch((error: Error) => ({ parseError: error.message }))) as {
    client_id?: unknown;
    parseError?: string;
  };
  if (info.parseError) return `The token check at ${url} did not answer JSON (${info.parseError}).`;
  if (typeof info.client_id === "string" && info.client_id !== account.v2ApiKey) {
    throw new SignInError("invalid_client", "The token was issued to another API key than this account's.");
  }
  return undefined;
}
