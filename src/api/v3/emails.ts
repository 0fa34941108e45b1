import type { ApiClient } from "../client";
import { nextOrUndefined, type Page } from "../page";
import { type V3Email, V3EmailDetail, V3EmailPage } from "../schemas/v3";
import { validate } from "../validate";

const SCOPE = "campaign_data";

/** `GET /v3/emails?limit=500`: one page of campaigns (deleted ones included). */
export async function v3EmailsPage(
  client: ApiClient,
  link: string | undefined,
  signal?: AbortSignal,
): Promise<Page<V3Email>> {
  const context = { what: "the v3 campaigns list", scope: SCOPE } as const;
  const body = link
    ? await client.getJson(link, { signal, context })
    : await client.getJson("v3/emails", { searchParams: { limit: 500 }, signal, context });
  const page = validate(V3EmailPage, body, context);
  return { items: page.campaigns, next: nextOrUndefined(page._links?.next?.href) };
}

/** `GET /v3/emails/{campaign_id}`: the campaign with its activities (primary_email, resend, …). */
export async function getV3Email(
  client: ApiClient,
  campaignId: string,
  signal?: AbortSignal,
): Promise<V3EmailDetail> {
  const context = { what: `v3 campaign ${campaignId}`, scope: SCOPE } as const;
  const body = await client.getJson(`v3/emails/${encodeURIComponent(campaignId)}`, { signal, context });
  return validate(V3EmailDetail, body, context);
}
