// Error bodies as each generation sends them. v2 and v3 both use `{error_key, error_message}`
// items, in an array for most errors; v3 sends a single object for 401 and 429, and some v2
// gateway errors are single objects too. The OAuth server speaks RFC 6749 / Okta.
import { json } from "./http";

export interface ApiError {
  error_key: string;
  error_message: string;
}

export function v2Error(status: number, key: string, message: string): Response {
  return json(status, [{ error_key: key, error_message: message } satisfies ApiError]);
}

/** The v2 gateway (Mashery) answers some auth and limit failures with one object. */
export function v2GatewayError(status: number, key: string, message: string): Response {
  return json(status, { error_key: key, error_message: message } satisfies ApiError);
}

export function v3Error(status: number, key: string, message: string): Response {
  return json(status, [{ error_key: key, error_message: message } satisfies ApiError]);
}

export function v3SingleError(status: number, key: string, message: string): Response {
  return json(status, { error_key: key, error_message: message } satisfies ApiError);
}

export const v3Unauthorized = () => v3SingleError(401, "unauthorized", "Unauthorized");
export const v3NotFound = (what: string) => v3Error(404, "not.found", `${what} was not found.`);
export const v3BadParam = (area: string, message: string) =>
  v3Error(400, `${area}.api.validation.error`, message);

export const v2Unauthorized = () => v2Error(401, "http.status.unauthorized", "Unauthorized");
export const v2BadParam = (message: string) => v2Error(400, "query.param.invalid", message);
export const v2NotFound = (message: string) => v2Error(404, "http.status.not_found", message);

/** OAuth 2.0 token/revoke endpoint errors (RFC 6749 §5.2). */
export function oauthError(status: number, error: string, description: string): Response {
  return json(
    status,
    { error, error_description: description },
    { "Cache-Control": "no-store", Pragma: "no-cache" },
  );
}

/** 404 in the body each path speaks: v2's array, v3's, or the sandbox's own. */
export function notFoundFor(generation: "v2" | "v3" | undefined): Response {
  if (generation === "v2")
    return v2Error(404, "http.status.not_found", "The requested resource was not found.");
  if (generation === "v3") return v3Error(404, "not.found", "The requested resource was not found.");
  return json(404, { error: "not_found" });
}
