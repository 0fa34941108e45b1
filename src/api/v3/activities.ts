import type { ApiClient } from "../client";
import { nextOrUndefined, type Page } from "../page";
import { type V3Activity, V3ActivityPage, V3Activity as V3ActivitySchema } from "../schemas/v3";
import { validate } from "../validate";

const SCOPE = "contact_data";

/** `GET /v3/activities?limit=500[&state=…]`: one page; pass `link` for the pages after the first. */
export async function v3ActivitiesPage(
  client: ApiClient,
  request: { link?: string; state?: string },
  signal?: AbortSignal,
): Promise<Page<V3Activity>> {
  const context = { what: "the v3 activities list", scope: SCOPE } as const;
  const body = request.link
    ? await client.getJson(request.link, { signal, context })
    : await client.getJson("v3/activities", {
        searchParams: { limit: 500, state: request.state },
        signal,
        context,
      });
  const page = validate(V3ActivityPage, body, context);
  return { items: page.activities, next: nextOrUndefined(page._links?.next?.href) };
}

/** `GET /v3/activities/{id}`: one activity with its progress, errors and results link. */
export async function getV3Activity(
  client: ApiClient,
  activityId: string,
  signal?: AbortSignal,
): Promise<V3Activity> {
  const context = { what: `v3 activity ${activityId}`, scope: SCOPE } as const;
  const body = await client.getJson(`v3/activities/${encodeURIComponent(activityId)}`, { signal, context });
  return validate(V3ActivitySchema, body, context);
}
