import { purgeExpiredAttempts } from "../auth/attempts";
import { appPath } from "./appBase";

/**
 * Start-up chore: drops the sign-in attempts too old to finish (each holds a PKCE verifier). Not
 * on the callback page, which must still find an expired attempt to say "started more than 10
 * minutes ago" instead of "does not match any sign-in".
 */
export function purgeStaleSignIns(path = globalThis.location?.pathname ?? "/"): Promise<number> {
  if (path === appPath("auth/callback")) return Promise.resolve(0);
  return purgeExpiredAttempts();
}
