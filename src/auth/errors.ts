/**
 * Why a sign-in did not finish. The UI turns each kind into "what happened" and "what to do"
 * (src/ui/accounts/signInErrorText.ts); the message keeps the technical detail for the screen.
 */
export type SignInErrorKind =
  | "missing_parameters" // the callback URL carries neither a code, a token nor an error
  | "unknown_state" // no attempt with this state: tampered, from another device, or already used
  | "expired_state" // the attempt is older than its lifetime
  | "denied" // the user refused consent (access_denied)
  | "invalid_grant" // the code was replayed, expired, or issued for another redirect URI
  | "invalid_client" // the client id / API key is unknown to the server
  | "network" // the token endpoint could not be reached: offline, CORS, DNS
  | "server" // the authorization server answered with an error we cannot fix here
  | "bad_response"; // an answer that is not OAuth

export class SignInError extends Error {
  override name = "SignInError";
  constructor(
    readonly kind: SignInErrorKind,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

export function isSignInError(error: unknown): error is SignInError {
  return error instanceof SignInError;
}
