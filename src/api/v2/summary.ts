import type { ApiClient } from "../client";
import { V2TrackingSummary } from "../schemas/v2";
import { validate } from "../validate";

/**
 * `GET /v2/emailmarketing/campaigns/{id}/tracking/reports/summary`: `sends` is how many sends the
 * campaign's sends report should hold, the v2 counterpart of v3's send_history; undefined when the
 * summary does not say.
 */
export async function v2SentCount(
  client: ApiClient,
  campaignId: string,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const context = { what: `the tracking summary of v2 campaign ${campaignId}` };
  const body = await client.getJson(
    `v2/emailmarketing/campaigns/${encodeURIComponent(campaignId)}/tracking/reports/summary`,
    { signal, context },
  );
  return validate(V2TrackingSummary, body, context).sends ?? undefined;
}
