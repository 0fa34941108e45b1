import { nextUtcMidnight } from "../../core/utcDay";
import { signInNeedText } from "../accounts/signInNeed";
import { formatAbsolute, formatRelative } from "../format/time";
import type { ErrorInfo } from "./errorInfo";

/** What the failing work was about: a 403 needs a different scope for each. */
export type ErrorContext = "activities" | "campaigns" | "sends" | "results" | "general";

export interface ErrorAdvice {
  title: string;
  /** What the user can do about it, in one or two sentences. */
  advice: string;
  /** A place in the app where the fix lives. */
  link?: { href: string; label: string };
}

const SCOPE: Record<ErrorContext, string> = {
  activities: "contact_data (bulk activities)",
  campaigns: "campaign_data (emails and reports)",
  sends: "campaign_data (emails and reports)",
  results: "contact_data (bulk activities)",
  general: "contact_data or campaign_data",
};

const SETTINGS = { href: "/settings", label: "Open Settings" };

/**
 * The one mapping of error kinds to words. Every screen and every sync status row shows errors
 * through it, so the same failure always reads the same and always says what to do.
 */
export function errorAdvice(info: ErrorInfo, context: ErrorContext, now: number): ErrorAdvice {
  switch (info.kind) {
    case "offline":
      return {
        title: "You are offline",
        advice:
          "Cached activities and send lists, search and CSV export still work. Refreshing and syncing resume when the connection is back.",
      };
    case "network":
      return {
        title: "Constant Contact could not be reached",
        advice:
          "The request failed without an answer: often the browser blocked it (CORS) or a network filter did. If your network requires it, route requests through Mailroom's relay (npm run relay, or deployed: README ‘Relay’) by giving its address as the Relay URL under Settings › Advanced.",
        link: SETTINGS,
      };
    case "not_signed_in":
    case "unauthorized": {
      const need = info.kind === "not_signed_in" ? "not_signed_in" : "sign_in_required";
      const { title, advice } = signInNeedText(need, info.generation);
      return { title, advice, link: { href: "/settings", label: "Open Settings to sign in" } };
    }
    case "forbidden":
      return {
        title: "Not allowed",
        advice: `Constant Contact refused: the sign-in lacks the scope ${SCOPE[context]}, the user lacks the privilege for it, or the application was deactivated. Sign in again granting that scope, or ask the account owner for the privilege.`,
        link: SETTINGS,
      };
    case "not_found":
      return {
        title: "No longer on Constant Contact",
        advice:
          "Constant Contact no longer holds it (bulk activities are kept 10 days in v3 and 14 in v2). What Mailroom cached is still shown.",
      };
    case "throttled":
      return {
        title: "Too many requests at once",
        advice: "Constant Contact allows 4 requests a second per application. Wait a moment and try again.",
      };
    case "quota_exceeded": {
      const resetsAt = info.resetsAt ?? nextUtcMidnight(now);
      return {
        title: "Today's request budget is spent",
        advice: `Constant Contact allows 10,000 requests a day per application. The budget resets at 00:00 UTC, that is ${formatAbsolute(resetsAt)} your time (${formatRelative(resetsAt, now)}). Cached data still works.`,
      };
    }
    case "server":
      return {
        title: "Constant Contact had a problem",
        advice: "Its servers answered with an error. Try again in a few minutes; cached data still works.",
      };
    case "bad_response":
      return {
        title: "An answer Mailroom did not understand",
        advice:
          "Constant Contact answered in a shape Mailroom does not expect, so nothing was stored from it. Try again later; if it persists, report it with the message below.",
      };
    case "storage":
      return {
        title: "This device refused to store more",
        advice:
          "The browser's storage for Mailroom is full or unavailable. Free space on the device, ask for persistent storage in Settings, or remove send lists you no longer need (Remove from this device, under each list on the Campaigns screen).",
        link: SETTINGS,
      };
    default:
      return {
        title: "Something went wrong",
        advice: "Try again. If it happens again, reload Mailroom; your cached data is safe.",
      };
  }
}
