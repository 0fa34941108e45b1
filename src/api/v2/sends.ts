import type { ApiClient } from "../client";
import { nextOrUndefined, type Page } from "../page";
import { type V2Send, V2SendPage } from "../schemas/v2";
import { validate } from "../validate";

export const V2_SENDS_PAGE_SIZE = 500;

/**
 * `GET /v2/emailmarketing/campaigns/{id}/tracking/sends`: the first page (optionally only sends
 * since `createdSince`) or, with `link`, a later page. The `next` cursor must stand alone: no other
 * parameter is added to it except the api_key the client always adds.
 */
export async function v2SendsPage(
  client: ApiClient,
  request: { campaignId: string; createdSince?: string; link?: string },
  signal?: AbortSignal,
): Promise<Page<V2Send>> {
  const context = { what: `the sends of v2 campaign ${request.campaignId}` };
  const body = request.link
    ? await client.getJson(request.link, { signal, context })
    : await client.getJson(
        `v2/emailmarketing/campaigns/${encodeURIComponent(request.campaignId)}/tracking/sends`,
        {
          searchParams: { limit: V2_SENDS_PAGE_SIZE, created_since: request.createdSince },
          signal,
          context,
        },
      );
  const page = validate(V2SendPage, body, context);
  return { items: page.results, next: nextOrUndefined(page.meta?.pagination?.next_link) };
}
