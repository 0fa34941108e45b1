import type { StoredToken } from "../../db";
import { NOT_SIGNED_IN_YET } from "./signInNeed";

/** One generation's sign-in state, in words: signed in (and until when), sign-in required, or not yet. */
export function tokenStatusText(token: StoredToken | undefined, now: number): string {
  if (!token) return NOT_SIGNED_IN_YET;
  if (token.signInRequired) return `Sign-in required: ${token.signInRequired}`;
  if (token.expiresAt === undefined) return "Signed in";
  const left = token.expiresAt - now;
  if (left <= 0) {
    return token.refreshToken
      ? "Signed in (access token expired; renews on next use)"
      : "Sign-in required: the token expired";
  }
  return `Signed in · access token valid for ${formatDuration(left)}${token.refreshToken ? ", then renewed" : ""}`;
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.round(hours / 24);
  return days > 3650 ? "about 10 years" : `${days} days`;
}

export function TokenStatus(props: { token: StoredToken | undefined; now: number }) {
  const needsSignIn = () => !props.token || Boolean(props.token.signInRequired);
  return (
    <span class={needsSignIn() ? "token-status attention" : "token-status"}>
      {tokenStatusText(props.token, props.now)}
    </span>
  );
}
