// The authorize endpoints: v3 authorization code + PKCE (S256) and the v2 implicit flow, both
// through the consent page unless auto-approve is on (config `autoApprove`, or the query flag
// `sandbox_auto_approve=1` for scripted tests).
import {
  isAllowedRedirectUri,
  V2_API_KEY,
  V2_TOKEN_LIFETIME_S,
  V3_CLIENT_ID,
  V3_SCOPES,
} from "../../credentials";
import { formBody, redirect } from "../../http";
import { randomToken } from "../../random";
import type { Ctx } from "../../router";
import type { PendingConsent, SandboxState } from "../../state";
import { consentPage, errorPage } from "./pages";

const CONSENT_LIFETIME_MS = 30 * 60_000;

/** v3: errors and codes go in the redirect's query string. */
function v3Redirect(redirectUri: string, values: Record<string, string | null>): Response {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(values)) if (value !== null) url.searchParams.set(key, value);
  return redirect(url.toString());
}

/** v2 implicit: the token (or the error) goes in the fragment, never to a server. */
function v2Redirect(redirectUri: string, values: Record<string, string | null>): Response {
  const fragment = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== null) fragment.set(key, value);
  return redirect(`${redirectUri}#${fragment.toString()}`);
}

function autoApproved(ctx: Ctx): boolean {
  return ctx.state.config.autoApprove || ctx.url.searchParams.get("sandbox_auto_approve") === "1";
}

function approve(state: SandboxState, c: PendingConsent): Response {
  const now = state.clock.now();
  if (c.generation === "v2") {
    const token = state.tokens.issueV2(c.clientId, now);
    return v2Redirect(c.redirectUri, {
      access_token: token,
      token_type: "Bearer",
      expires_in: String(V2_TOKEN_LIFETIME_S),
      state: c.state,
    });
  }
  const code = state.tokens.issueCode(
    {
      clientId: c.clientId,
      redirectUri: c.redirectUri,
      scopes: c.scopes,
      codeChallenge: c.codeChallenge ?? "",
    },
    now,
  );
  return v3Redirect(c.redirectUri, { code, state: c.state });
}

function deny(c: PendingConsent): Response {
  const values = { error: "access_denied", error_description: "The user denied access.", state: c.state };
  return c.generation === "v2" ? v2Redirect(c.redirectUri, values) : v3Redirect(c.redirectUri, values);
}

function askOrApprove(ctx: Ctx, consent: PendingConsent): Response {
  if (autoApproved(ctx)) return approve(ctx.state, consent);
  const id = randomToken(16);
  ctx.state.consents.set(id, consent);
  return consentPage(id, consent);
}

export function authorizeV3(ctx: Ctx): Response {
  const q = ctx.url.searchParams;
  const clientId = q.get("client_id");
  const redirectUri = q.get("redirect_uri") ?? "";
  const state = q.get("state");
  if (clientId !== V3_CLIENT_ID)
    return errorPage(
      400,
      `Unknown client_id "${clientId ?? ""}". The sandbox's v3 client id is ${V3_CLIENT_ID}.`,
    );
  if (!isAllowedRedirectUri(redirectUri))
    return errorPage(400, `The redirect_uri "${redirectUri}" is not registered for this application.`);
  const fail = (error: string, description: string) =>
    v3Redirect(redirectUri, { error, error_description: description, state });
  if (q.get("response_type") !== "code")
    return fail("unsupported_response_type", "response_type must be code.");
  const challenge = q.get("code_challenge");
  if (!challenge || q.get("code_challenge_method") !== "S256") {
    return fail("invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256.");
  }
  const scopes = new Set((q.get("scope") ?? "").split(" ").filter(Boolean));
  if (scopes.size === 0 || [...scopes].some((s) => !V3_SCOPES.includes(s))) {
    return fail("invalid_scope", "One or more scopes are not valid.");
  }
  const consent: PendingConsent = {
    generation: "v3",
    clientId,
    redirectUri,
    state,
    scopes,
    codeChallenge: challenge,
    createdAt: ctx.state.clock.now(),
  };
  return askOrApprove(ctx, consent);
}

export function authorizeV2(ctx: Ctx): Response {
  const q = ctx.url.searchParams;
  const clientId = q.get("client_id");
  const redirectUri = q.get("redirect_uri") ?? "";
  const state = q.get("state");
  if (clientId !== V2_API_KEY)
    return errorPage(
      400,
      `Unknown client_id "${clientId ?? ""}". The sandbox's v2 API key is ${V2_API_KEY}.`,
    );
  if (!isAllowedRedirectUri(redirectUri))
    return errorPage(400, `The redirect_uri "${redirectUri}" is not registered for this API key.`);
  if (q.get("response_type") !== "token") {
    return v2Redirect(redirectUri, {
      error: "unsupported_response_type",
      error_description: "response_type must be token.",
      state,
    });
  }
  return askOrApprove(ctx, {
    generation: "v2",
    clientId,
    redirectUri,
    state,
    scopes: new Set(),
    createdAt: ctx.state.clock.now(),
  });
}

/** The consent page's form posts here. */
export async function consentDecision(ctx: Ctx): Promise<Response> {
  const form = await formBody(ctx.request);
  const id = form?.get("consent_id") ?? "";
  const consent = ctx.state.consents.get(id);
  ctx.state.consents.delete(id);
  if (!consent || ctx.state.clock.now() - consent.createdAt > CONSENT_LIFETIME_MS) {
    return errorPage(
      400,
      "This sign-in request has expired or was already answered. Start again from the application.",
    );
  }
  return form?.get("decision") === "allow" ? approve(ctx.state, consent) : deny(consent);
}
