import { AuthRequiredError } from "../auth/types";
import { type ErrorKind, MailroomError } from "../core/errors";
import type { Generation } from "../core/types";
import { nextUtcMidnight } from "../core/utcDay";
import { readErrorBody } from "./errorBody";

/** What a request was for, so that one mapping can say which scope or thing is concerned. */
export interface RequestContext {
  generation: Generation;
  /** Human words for the thing requested, e.g. "the activities list". */
  what: string;
  /** The v3 scope the endpoint needs: a 403 names it. */
  scope?: "contact_data" | "campaign_data";
  /** Epoch ms now, for quota_exceeded's reset time. */
  now: number;
}

/** The one place where HTTP answers become Mailroom's error kinds. */
export function mapResponseError(
  status: number,
  text: string,
  headers: Headers,
  ctx: RequestContext,
): MailroomError {
  const { errorKey, errorMessage } = readErrorBody(text, headers);
  const server = errorMessage ? ` Constant Contact said: ${errorMessage}` : "";
  const make = (kind: ErrorKind, message: string, extra: { resetsAt?: number } = {}) =>
    new MailroomError(kind, message + server, { status, errorKey, ...extra });
  const key = errorKey?.toLowerCase() ?? "";
  if (key.includes("over.ratelimit") || key === "quota_exceeded") {
    const resetsAt = nextUtcMidnight(ctx.now);
    return make(
      "quota_exceeded",
      `The day's request budget is spent; it resets at ${new Date(resetsAt).toISOString()}.`,
      {
        resetsAt,
      },
    );
  }
  if (key.includes("over.qps") || key === "throttled" || status === 429) {
    return make("throttled", `Too many requests per second while loading ${ctx.what}.`);
  }
  if (status === 401)
    return make("unauthorized", `Constant Contact no longer accepts this sign-in (${ctx.generation}).`);
  if (status === 403) {
    const scope = ctx.scope ? ` It needs the "${ctx.scope}" permission (scope);` : "";
    return make(
      "forbidden",
      `Constant Contact refused ${ctx.what}.${scope} the user may also lack the privilege, or the app may be deactivated.`,
    );
  }
  if (status === 404)
    return make("not_found", `Constant Contact has no ${ctx.what} (gone or never existed).`);
  if (status >= 500)
    return make("server", `Constant Contact failed (${status}) while answering ${ctx.what}.`);
  return make("bad_response", `Unexpected answer ${status} to ${ctx.what}.`);
}

/** A failure without an answer (or before one): offline, network/CORS, timeout, sign-in needed. */
export function mapThrownError(error: unknown, ctx: RequestContext, origin: string): MailroomError {
  if (error instanceof MailroomError) return error;
  if (error instanceof AuthRequiredError) {
    // Never signed in is a first step, not a refusal: its own kind, so no screen says "again".
    const generation = error.generation;
    return error.need === "not_signed_in"
      ? new MailroomError("not_signed_in", `${generation}: not signed in yet on this device.`, {
          generation,
          cause: error,
        })
      : new MailroomError("unauthorized", `Sign in again to ${generation}: ${error.message}`, {
          generation,
          cause: error,
        });
  }
  if (globalThis.navigator?.onLine === false) {
    return new MailroomError("offline", "You are offline; the saved data is still shown.", { cause: error });
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") {
    return new MailroomError("network", `${origin} did not answer in time for ${ctx.what}.`, {
      cause: error,
    });
  }
  return new MailroomError(
    "network",
    `Could not reach ${origin} for ${ctx.what}. The browser may have blocked it (CORS): if Constant Contact ` +
      "does not allow this site, give Mailroom's relay (README ‘Relay’) as the account's Relay URL in Settings.",
    { cause: error },
  );
}

export function badResponse(
  ctx: Pick<RequestContext, "what">,
  detail: string,
  cause?: unknown,
  cutShort = false,
): MailroomError {
  return new MailroomError(
    "bad_response",
    `Constant Contact's answer to ${ctx.what} is not what its API promises: ${detail}`,
    { cause, ...(cutShort ? { cutShort } : {}) },
  );
}
