import type { ApiClient } from "../client";
import { nextOrUndefined, type Page } from "../page";
import { type V3Send, V3SendHistory, V3SendPage } from "../schemas/v3";
import { validate } from "../validate";

const SCOPE = "campaign_data";
export const V3_SENDS_PAGE_SIZE = 500;

/** `GET /v3/reports/email_reports/{id}/tracking/sends`: newest first, no date filter. */
export async function v3SendsPage(
  client: ApiClient,
  request: { campaignActivityId: string; link?: string },
  signal?: AbortSignal,
): Promise<Page<V3Send>> {
  const context = {
    what: `the sends of campaign activity ${request.campaignActivityId}`,
    scope: SCOPE,
  } as const;
  const path = `v3/reports/email_reports/${encodeURIComponent(request.campaignActivityId)}/tracking/sends`;
  const body = request.link
    ? await client.getJson(request.link, { signal, context })
    : await client.getJson(path, { searchParams: { limit: V3_SENDS_PAGE_SIZE }, signal, context });
  const page = validate(V3SendPage, body, context);
  return { items: page.tracking_activities, next: nextOrUndefined(page._links?.next?.href) };
}

/** `GET /v3/emails/activities/{id}/send_history`: how many contacts each send run reached. */
export async function v3SentCount(
  client: ApiClient,
  campaignActivityId: string,
  signal?: AbortSignal,
): Promise<number> {
  const context = {
    what: `the send history of campaign activity ${campaignActivityId}`,
    scope: SCOPE,
  } as const;
  const body = await client.getJson(
    `v3/emails/activities/${encodeURIComponent(campaignActivityId)}/send_history`,
    {
      signal,
      context,
    },
  );
  // An activity never sent may answer with an empty body or an empty list: zero sends.
  const runs = validate(V3SendHistory, body ?? [], context);
  return runs.reduce((sum, run) => sum + run.count, 0);
}
