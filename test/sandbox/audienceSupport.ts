// Helpers for the audience tests: every row of a sends report, paged the way a client pages it.
import type { Sandbox } from "../../src/sandbox/core";
import type { CampaignSpec } from "../../src/sandbox/data/campaigns";
import { signInV2, signInV3, v2, v3 } from "./support";

export interface SendRow {
  email_address: string;
  contact_id: string;
}

export interface Reports {
  /** Every row of a v3 campaign activity's sends report, following `_links.next`. */
  v3Sends(activityId: string): Promise<Array<SendRow & { created_time: string }>>;
  /** Every row of a v2 campaign's sends report, following `next_link`. */
  v2Sends(campaignId: string): Promise<Array<SendRow & { send_date: string }>>;
}

export async function reports(sb: Sandbox): Promise<Reports> {
  const get3 = v3(sb, (await signInV3(sb)).access_token);
  const get2 = v2(sb, await signInV2(sb));
  return {
    async v3Sends(activityId) {
      const rows = [];
      let path: string | undefined = `/v3/reports/email_reports/${activityId}/tracking/sends`;
      while (path) {
        const reply = await get3(path);
        if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.text}`);
        const page = reply.body as {
          tracking_activities: Array<SendRow & { created_time: string }>;
          _links: { next?: { href: string } };
        };
        rows.push(...page.tracking_activities);
        path = page._links.next?.href;
      }
      return rows;
    },
    async v2Sends(campaignId) {
      const rows = [];
      let path: string | undefined = `/v2/emailmarketing/campaigns/${campaignId}/tracking/sends`;
      while (path) {
        const reply = await get2(path);
        if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.text}`);
        const page = reply.body as {
          results: Array<SendRow & { send_date: string }>;
          meta: { pagination: { next_link?: string } };
        };
        rows.push(...page.results);
        path = page.meta.pagination.next_link;
      }
      return rows;
    },
  };
}

/** The campaigns that were sent to someone. */
export function sentCampaigns(sb: Sandbox): CampaignSpec[] {
  return sb.world.campaigns.filter((c) => c.v2Status === "SENT" && (c.primary?.baseCount ?? 0) > 0);
}

export const campaignByKey = (sb: Sandbox, key: string): CampaignSpec => {
  const campaign = sb.world.campaigns.find((c) => c.key === key);
  if (!campaign) throw new Error(`no campaign ${key}`);
  return campaign;
};
