import * as oauth from "oauth4webapi";
import { type Account, type AuthAttempt, db } from "../db";
import { beginAuthorize } from "./beginAuthorize";
import { SignInError } from "./errors";
import { v3OAuthFor } from "./oauthClient";
import { timeoutNote } from "./timeout";
import { saveToken, tokenFromResponse } from "./tokens";

/**
 * Starts a v3 sign-in (authorization code + PKCE S256): stores the attempt and returns the
 * authorize URL to open. The caller navigates (the page) or follows it in memory (demo mode).
 */
export function beginV3SignIn(account: Account, redirectUri: string): Promise<string> {
  return beginAuthorize(account, "v3", redirectUri, "code", async (attempt) => ({
    scope: account.scopes,
    code_challenge: await oauth.calculatePKCECodeChallenge(attempt.codeVerifier!),
    code_challenge_method: "S256",
  }));
}

/**
 * Finishes a v3 sign-in from the callback's query parameters and the attempt their state named:
 * checks the answer, exchanges the code, and stores the tokens. Throws SignInError.
 */
export async function completeV3SignIn(attempt: AuthAttempt, parameters: URLSearchParams): Promise<void> {
  const account = await db().accounts.get(attempt.accountId);
  if (!account) throw new SignInError("unknown_state", "The account this sign-in was for no longer exists.");
  const { as, client, clientAuth, options } = await v3OAuthFor(account);
  const callback = validateCallback(as, client, parameters, attempt.state);
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      callback,
      attempt.redirectUri,
      attempt.codeVerifier!,
      options,
    );
  } catch (error) {
    throw new SignInError(
      "network",
      `Could not reach the token endpoint ${account.endpoints.v3Token} (offline, or blocked by CORS)${timeoutNote(error)}.`,
      { cause: error },
    );
  }
  const result = await processTokenAnswer(() => oauth.processAuthorizationCodeResponse(as, client, response));
  await saveToken(tokenFromResponse(account.id, "v3", result));
}

function validateCallback(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  parameters: URLSearchParams,
  state: string,
): URLSearchParams {
  // RFC 9207: an answer that names its issuer must name this account's (the path before /v1/token,
  // as Okta, Constant Contact's server, spells it), or it may come from another server the user
  // was sent to (mix-up). oauth4webapi checks it too; this says so in words. Absent, it is optional.
  const issuer = parameters.get("iss");
  if (issuer !== null && issuer !== as.issuer) {
    throw new SignInError(
      "bad_response",
      `The sign-in answer says it comes from ${issuer}, not from this account's server ${as.issuer}. Start the sign-in again from Settings.`,
    );
  }
  try {
    return oauth.validateAuthResponse(as, client, parameters, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError)
      throw signInErrorFromOAuth(error.error, error.error_description, error);
    throw new SignInError("bad_response", `The sign-in answer is not valid: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Runs an oauth4webapi token-response check and turns its failures into SignInErrors. */
export async function processTokenAnswer<T>(process: () => Promise<T>): Promise<T> {
  try {
    return await process();
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError)
      throw signInErrorFromOAuth(error.error, error.error_description, error);
    throw new SignInError(
      "bad_response",
      `The token endpoint's answer is not valid: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Maps an OAuth error code (RFC 6749 §4.1.2.1, §5.2) to what the user is told. */
export function signInErrorFromOAuth(
  code: string,
  description: string | undefined,
  cause: unknown,
): SignInError {
  const detail = description ? `${code}: ${description}` : code;
  switch (code) {
    case "access_denied":
      return new SignInError("denied", `Access was not granted (${detail}).`, { cause });
    case "invalid_grant":
      return new SignInError("invalid_grant", `The server refused the sign-in code (${detail}).`, { cause });
    case "invalid_client":
    case "unauthorized_client":
      return new SignInError("invalid_client", `The server does not know this client id (${detail}).`, {
        cause,
      });
    default:
      return new SignInError("server", `The authorization server answered with an error (${detail}).`, {
        cause,
      });
  }
}
