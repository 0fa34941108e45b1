import type { ApiClient } from "../client";
import { type V2Activity, V2ActivityList, V2Activity as V2ActivitySchema } from "../schemas/v2";
import { validate } from "../validate";

/** `GET /v2/activities`: the last 50 activities, optionally filtered by status and type. */
export async function listV2Activities(
  client: ApiClient,
  filters: { status?: string; type?: string } = {},
  signal?: AbortSignal,
): Promise<V2Activity[]> {
  // v2 has no scopes: a 403 there is a key or privilege problem, so no scope is named.
  const context = { what: "the v2 activities list" };
  const body = await client.getJson("v2/activities", { searchParams: filters, signal, context });
  return validate(V2ActivityList, body, context);
}

/** `GET /v2/activities/{id}`: one activity with its errors, warnings and (exports) file. */
export async function getV2Activity(
  client: ApiClient,
  activityId: string,
  signal?: AbortSignal,
): Promise<V2Activity> {
  const context = { what: `v2 activity ${activityId}` };
  const body = await client.getJson(`v2/activities/${encodeURIComponent(activityId)}`, { signal, context });
  return validate(V2ActivitySchema, body, context);
}
