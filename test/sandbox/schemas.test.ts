// @vitest-environment node
// v3 responses validate against schemas written from the official OpenAPI document.
import * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/core";
import * as s from "./schemas";
import { signInV3, testSandbox, v3 } from "./support";

let sb: Sandbox;
let get: ReturnType<typeof v3>;
beforeAll(async () => {
  sb = testSandbox();
  get = v3(sb, (await signInV3(sb)).access_token);
});

function expectValid(schema: v.GenericSchema, body: unknown, what: string): void {
  const result = v.safeParse(schema, body);
  const problems = result.success
    ? []
    : result.issues.slice(0, 3).map((i) => `${v.getDotPath(i)}: ${i.message}`);
  expect(problems, what).toEqual([]);
}

describe("v3 responses match the spec's schemas", () => {
  it("Activities and every Activity in every state (getActivityStatusCollection, getActivity)", async () => {
    const list = (await get("/v3/activities?limit=500")).body as {
      activities: Array<{ activity_id: string }>;
    };
    expectValid(s.Activities, list, "activities list");
    for (const activity of list.activities) {
      expectValid(
        s.Activity,
        (await get(`/v3/activities/${activity.activity_id}`)).body,
        activity.activity_id,
      );
    }
    expectValid(s.Activities, (await get("/v3/activities?limit=3")).body, "paged list");
  });

  it("PagedEmailCampaignResponse and EmailCampaign for every campaign", async () => {
    const list = (await get("/v3/emails?limit=3")).body;
    expectValid(s.PagedEmailCampaignResponse, list, "emails page");
    for (const c of sb.world.campaigns) {
      expectValid(s.EmailCampaign, (await get(`/v3/emails/${c.v3Id}`)).body, c.name);
    }
  });

  it("EmailCampaignActivity and EmailSendHistory for every campaign activity", async () => {
    for (const [id, ref] of sb.world.campaignActivity) {
      if (ref.campaign.v3Status !== "Removed")
        expectValid(s.EmailCampaignActivity, (await get(`/v3/emails/activities/${id}`)).body, id);
      expectValid(s.EmailSendHistory, (await get(`/v3/emails/activities/${id}/send_history`)).body, id);
    }
  });

  it("SendsTrackingActivitiesPage for every campaign activity, including a deleted contact", async () => {
    for (const [id] of sb.world.campaignActivity) {
      expectValid(
        s.SendsTrackingActivitiesPage,
        (await get(`/v3/reports/email_reports/${id}/tracking/sends`)).body,
        id,
      );
    }
    const tenk = sb.world.campaigns.find((c) => c.key === "tenk")!;
    const page = (await get(`/v3/reports/email_reports/${tenk.primaryActivityId}/tracking/sends`)).body as {
      tracking_activities: Array<{ deleted_at?: string }>;
    };
    expect(page.tracking_activities.some((r) => r.deleted_at !== undefined)).toBe(true);
  });

  it("catch what the spec does not allow (the schemas can fail)", async () => {
    sb.setFaults({ unknownEnums: true });
    const list = (await get("/v3/activities?limit=2")).body;
    sb.setFaults({ unknownEnums: false });
    expect(v.safeParse(s.Activities, list).success).toBe(false);
    expect(
      v.safeParse(s.Activity, { ...(list as { activities: object[] }).activities[0], type: "import" })
        .success,
    ).toBe(false);
  });

  it("APIErrorSchema for 400/403/404 and AuthorizationErrorSchema for 401/429", async () => {
    expectValid(s.APIErrorSchema, (await get("/v3/activities?state=initialized")).body, "400");
    expectValid(s.APIErrorSchema, (await get("/v3/emails/nope")).body, "404");
    expectValid(s.AuthorizationErrorSchema, (await v3(sb, "bad")("/v3/emails")).body, "401");
    sb.setFaults({ throttleBurst: 1 });
    expectValid(s.AuthorizationErrorSchema, (await get("/v3/emails")).body, "429");
  });
});
