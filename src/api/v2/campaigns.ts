import type { ApiClient } from "../client";
import { nextOrUndefined, type Page } from "../page";
import { type V2Campaign, V2CampaignPage } from "../schemas/v2";
import { validate } from "../validate";

/** `GET /v2/emailmarketing/campaigns?status=SENT`: one page; pass `link` for the pages after the first. */
export async function v2SentCampaignsPage(
  client: ApiClient,
  link: string | undefined,
  signal?: AbortSignal,
): Promise<Page<V2Campaign>> {
  const context = { what: "the v2 campaigns list" };
  const body = link
    ? await client.getJson(link, { signal, context })
    : await client.getJson("v2/emailmarketing/campaigns", {
        searchParams: { status: "SENT", limit: 50 },
        signal,
        context,
      });
  const page = validate(V2CampaignPage, body, context);
  return { items: page.results, next: nextOrUndefined(page.meta?.pagination?.next_link) };
}
