// The HTML pages of the sandbox's sign-in: the consent page (Allow / Deny) and an error page for
// requests that cannot be redirected back (unknown client, unregistered redirect URI).
import { escapeHtml, html } from "../../http";
import type { PendingConsent } from "../../state";

const SCOPE_TEXT: Record<string, string> = {
  contact_data: "Read your contacts and bulk activities",
  campaign_data: "Read your email campaigns and their reports",
  offline_access: "Stay signed in (refresh tokens)",
  account_read: "Read your account details",
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Constant Contact sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
button{font:inherit;padding:.5rem 1.25rem;margin-right:.75rem}</style></head>
<body><main>${body}</main></body></html>`;
}

export function consentPage(consentId: string, consent: PendingConsent): Response {
  const scopes = consent.generation === "v3" ? [...consent.scopes] : ["v2 API access"];
  const items = scopes.map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`).join("");
  return html(
    200,
    page(
      "Allow access",
      `<h1>Allow access to your sandbox account?</h1>
<p>The application <strong>${escapeHtml(consent.clientId)}</strong> (Constant Contact API ${consent.generation})
asks to:</p><ul>${items}</ul>
<p>This is the Mailroom sandbox: a simulated Constant Contact with generated data.</p>
<form method="post" action="/oauth2/default/v1/authorize/decision">
<input type="hidden" name="consent_id" value="${escapeHtml(consentId)}">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
    ),
  );
}

export function errorPage(status: number, message: string): Response {
  return html(
    status,
    page("Sign-in error", `<h1>Sign-in error</h1><p role="alert">${escapeHtml(message)}</p>`),
  );
}
