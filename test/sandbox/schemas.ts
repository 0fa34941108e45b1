// Schemas written from the official v3 OpenAPI document (build 3.0.178), definitions named as
// there. Strict objects: the sandbox may not invent fields the spec does not define.
import * as v from "valibot";

const dateTime = v.pipe(v.string(), v.isoTimestamp());
const uuid = v.pipe(v.string(), v.uuid());
const int = v.pipe(v.number(), v.integer());
const count = v.pipe(int, v.minValue(0));
const link = v.strictObject({ href: v.pipe(v.string(), v.startsWith("/v3/")) });
const pagingLinks = v.strictObject({ next: v.optional(link) });

/** definitions/ActivityStatus */
const ActivityStatus = v.strictObject({
  items_total_count: count,
  items_completed_count: count,
  person_count: count,
  error_count: count,
  correctable_count: count,
  cannot_add_to_list_count: count,
  list_count: count,
});

/** definitions/Activity (with definitions/ActivityStatusExportLink) */
export const Activity = v.strictObject({
  activity_id: uuid,
  state: v.picklist(["initialized", "processing", "completed", "cancelled", "failed", "timed_out"]),
  started_at: v.optional(dateTime),
  completed_at: v.optional(dateTime),
  created_at: dateTime,
  updated_at: dateTime,
  source_file_name: v.optional(v.string()),
  percent_done: v.pipe(int, v.minValue(0), v.maxValue(100)),
  activity_errors: v.array(v.string()),
  status: ActivityStatus,
  _links: v.strictObject({ self: link, results: v.optional(link) }),
});

/** definitions/Activities */
export const Activities = v.strictObject({ activities: v.array(Activity), _links: pagingLinks });

const campaignStatus = v.picklist(["Draft", "Scheduled", "Executing", "Done", "Error", "Removed"]);
const campaignFields = {
  campaign_id: uuid,
  created_at: dateTime,
  current_status: campaignStatus,
  name: v.pipe(v.string(), v.maxLength(80)),
  type: v.string(),
  type_code: int,
  updated_at: dateTime,
};

/** definitions/PagedEmailCampaignResponse */
export const PagedEmailCampaignResponse = v.strictObject({
  _links: pagingLinks,
  campaigns: v.array(v.strictObject(campaignFields)),
});

/** definitions/EmailCampaign (with definitions/ActivityReference) */
export const EmailCampaign = v.strictObject({
  campaign_activities: v.array(
    v.strictObject({
      campaign_activity_id: uuid,
      role: v.picklist(["primary_email", "permalink", "resend"]),
    }),
  ),
  ...campaignFields,
});

/** definitions/EmailCampaignActivity: the required fields and the ones Mailroom reads. */
export const EmailCampaignActivity = v.looseObject({
  campaign_activity_id: uuid,
  campaign_id: uuid,
  role: v.picklist(["primary_email", "permalink", "resend"]),
  current_status: v.string(),
  from_email: v.string(),
  from_name: v.string(),
  reply_to_email: v.string(),
  subject: v.string(),
});

/** definitions/EmailSendHistory */
export const EmailSendHistory = v.array(
  v.strictObject({
    send_id: v.pipe(int, v.minValue(1)),
    contact_list_ids: v.array(v.string()),
    segment_ids: v.array(int),
    count,
    run_date: dateTime,
    send_status: v.picklist(["COMPLETED", "ERRORED"]),
    reason_code: int,
  }),
);

/** definitions/SendsTrackingActivity */
export const SendsTrackingActivity = v.strictObject({
  contact_id: uuid,
  campaign_activity_id: uuid,
  tracking_activity_type: v.literal("em_sends"),
  email_address: v.string(),
  first_name: v.optional(v.string()),
  last_name: v.optional(v.string()),
  created_time: dateTime,
  deleted_at: v.optional(v.pipe(v.string(), v.isoDate())),
});

/** definitions/SendsTrackingActivitiesPage */
export const SendsTrackingActivitiesPage = v.strictObject({
  tracking_activities: v.array(SendsTrackingActivity),
  _links: v.optional(pagingLinks),
});

/** definitions/APIErrorSchema and definitions/AuthorizationErrorSchema */
const errorItem = v.strictObject({ error_key: v.string(), error_message: v.string() });
export const APIErrorSchema = v.array(errorItem);
export const AuthorizationErrorSchema = errorItem;
