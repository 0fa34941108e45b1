import * as v from "valibot";
import { DateTime, ErrorItem, LenientId, LenientNumber, Maybe } from "./common";

const Pagination = Maybe(
  v.looseObject({ pagination: Maybe(v.looseObject({ next_link: Maybe(v.string()) })) }),
);

export const V2Activity = v.looseObject({
  id: LenientId,
  type: Maybe(v.string()),
  status: v.string(),
  start_date: Maybe(v.string()),
  finish_date: Maybe(v.string()),
  created_date: Maybe(v.string()),
  error_count: Maybe(LenientNumber),
  contact_count: Maybe(LenientNumber),
  errors: Maybe(v.array(ErrorItem)),
  warnings: Maybe(v.array(ErrorItem)),
  file_name: Maybe(v.string()),
});
export type V2Activity = v.InferOutput<typeof V2Activity>;

/** `GET /v2/activities`: a bare array of the last 50. */
export const V2ActivityList = v.array(V2Activity);

export const V2Campaign = v.looseObject({
  id: LenientId,
  name: Maybe(v.string()),
  status: v.string(),
  created_date: Maybe(v.string()),
  modified_date: Maybe(v.string()),
  last_run_date: Maybe(v.string()),
});
export type V2Campaign = v.InferOutput<typeof V2Campaign>;

export const V2CampaignPage = v.looseObject({ meta: Pagination, results: v.array(V2Campaign) });
export type V2CampaignPage = v.InferOutput<typeof V2CampaignPage>;

export const V2Send = v.looseObject({
  activity_type: Maybe(v.string()),
  campaign_id: Maybe(LenientId),
  contact_id: LenientId,
  email_address: v.string(),
  send_date: DateTime,
});
export type V2Send = v.InferOutput<typeof V2Send>;

export const V2SendPage = v.looseObject({ meta: Pagination, results: v.array(V2Send) });
export type V2SendPage = v.InferOutput<typeof V2SendPage>;

/**
 * `GET /v2/emailmarketing/campaigns/{id}/tracking/reports/summary`: only `sends` is used. The field
 * is unconfirmed on the real service, so a summary without it is accepted (nothing to check against).
 */
export const V2TrackingSummary = v.looseObject({ sends: Maybe(LenientNumber) });
export type V2TrackingSummary = v.InferOutput<typeof V2TrackingSummary>;
