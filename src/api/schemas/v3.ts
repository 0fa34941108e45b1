import * as v from "valibot";
import { DateTime, ErrorItem, LenientId, LenientNumber, Maybe } from "./common";

const Link = Maybe(v.looseObject({ href: Maybe(v.string()) }));
const PageLinks = Maybe(v.looseObject({ next: Link }));

export const V3Activity = v.looseObject({
  activity_id: LenientId,
  state: v.string(),
  started_at: Maybe(v.string()),
  completed_at: Maybe(v.string()),
  created_at: Maybe(v.string()),
  updated_at: Maybe(v.string()),
  source_file_name: Maybe(v.string()),
  percent_done: Maybe(LenientNumber),
  activity_errors: Maybe(v.array(ErrorItem)),
  status: Maybe(
    v.looseObject({
      items_total_count: Maybe(LenientNumber),
      items_completed_count: Maybe(LenientNumber),
      person_count: Maybe(LenientNumber),
      error_count: Maybe(LenientNumber),
    }),
  ),
  _links: Maybe(v.looseObject({ self: Link, results: Link })),
});
export type V3Activity = v.InferOutput<typeof V3Activity>;

export const V3ActivityPage = v.looseObject({ activities: v.array(V3Activity), _links: PageLinks });
export type V3ActivityPage = v.InferOutput<typeof V3ActivityPage>;

export const V3Email = v.looseObject({
  campaign_id: LenientId,
  name: Maybe(v.string()),
  current_status: Maybe(v.string()),
  type: Maybe(v.string()),
  created_at: Maybe(v.string()),
  updated_at: Maybe(v.string()),
});
export type V3Email = v.InferOutput<typeof V3Email>;

export const V3EmailPage = v.looseObject({ campaigns: v.array(V3Email), _links: PageLinks });
export type V3EmailPage = v.InferOutput<typeof V3EmailPage>;

export const V3EmailDetail = v.looseObject({
  campaign_id: LenientId,
  name: Maybe(v.string()),
  current_status: Maybe(v.string()),
  campaign_activities: Maybe(
    v.array(
      v.looseObject({
        campaign_activity_id: LenientId,
        role: v.string(),
        current_status: Maybe(v.string()),
      }),
    ),
  ),
});
export type V3EmailDetail = v.InferOutput<typeof V3EmailDetail>;

export const V3Send = v.looseObject({
  contact_id: LenientId,
  campaign_activity_id: Maybe(LenientId),
  email_address: v.string(),
  created_time: DateTime,
  first_name: Maybe(v.string()),
  last_name: Maybe(v.string()),
  deleted_at: Maybe(v.string()),
});
export type V3Send = v.InferOutput<typeof V3Send>;

export const V3SendPage = v.looseObject({ tracking_activities: v.array(V3Send), _links: PageLinks });
export type V3SendPage = v.InferOutput<typeof V3SendPage>;

export const V3SendHistory = v.array(v.looseObject({ send_id: Maybe(LenientNumber), count: LenientNumber }));
export type V3SendHistory = v.InferOutput<typeof V3SendHistory>;
