// Every API and sign-in route of the sandbox, at the real services' paths.
import type { Route } from "../router";
import { authorizeV2, authorizeV3, consentDecision } from "./oauth/authorize";
import { revoke, token, tokenInfo } from "./oauth/token";
import { getV2Activity, getV2ExportFile, listV2Activities } from "./v2/activities";
import { listV2Campaigns } from "./v2/campaigns";
import { v2Api } from "./v2/guard";
import { listV2Sends } from "./v2/sends";
import { getV2TrackingSummary } from "./v2/summary";
import { getV3Activity, getV3ContactExport, listV3Activities } from "./v3/activities";
import { getV3CampaignActivity, getV3Email, getV3SendHistory, listV3Emails } from "./v3/emails";
import { v3Api } from "./v3/guard";
import { listV3Sends } from "./v3/reports";

export const apiRoutes: Route[] = [
  { method: "GET", pattern: "/v2/activities", handler: v2Api(listV2Activities) },
  { method: "GET", pattern: "/v2/activities/{activity_id}", handler: v2Api(getV2Activity) },
  {
    method: "GET",
    pattern: "/v2/activities/{activity_id}/file",
    handler: v2Api(getV2ExportFile, { servesFile: true }),
  },
  { method: "GET", pattern: "/v2/emailmarketing/campaigns", handler: v2Api(listV2Campaigns) },
  {
    method: "GET",
    pattern: "/v2/emailmarketing/campaigns/{campaign_id}/tracking/sends",
    handler: v2Api(listV2Sends),
  },
  {
    method: "GET",
    pattern: "/v2/emailmarketing/campaigns/{campaign_id}/tracking/reports/summary",
    handler: v2Api(getV2TrackingSummary),
  },
  { method: "GET", pattern: "/v3/activities", handler: v3Api("contact_data", listV3Activities) },
  { method: "GET", pattern: "/v3/activities/{activity_id}", handler: v3Api("contact_data", getV3Activity) },
  {
    method: "GET",
    pattern: "/v3/contact_exports/{file_export_id}",
    handler: v3Api("contact_data", getV3ContactExport),
  },
  { method: "GET", pattern: "/v3/emails", handler: v3Api("campaign_data", listV3Emails) },
  { method: "GET", pattern: "/v3/emails/{campaign_id}", handler: v3Api("campaign_data", getV3Email) },
  {
    method: "GET",
    pattern: "/v3/emails/activities/{campaign_activity_id}",
    handler: v3Api("campaign_data", getV3CampaignActivity),
  },
  {
    method: "GET",
    pattern: "/v3/emails/activities/{campaign_activity_id}/send_history",
    handler: v3Api("campaign_data", getV3SendHistory),
  },
  {
    method: "GET",
    pattern: "/v3/reports/email_reports/{campaign_activity_id}/tracking/sends",
    handler: v3Api("campaign_data", listV3Sends),
  },
  { method: "GET", pattern: "/oauth2/default/v1/authorize", handler: authorizeV3 },
  { method: "POST", pattern: "/oauth2/default/v1/authorize/decision", handler: consentDecision },
  { method: "POST", pattern: "/oauth2/default/v1/token", handler: token },
  { method: "POST", pattern: "/oauth2/default/v1/revoke", handler: revoke },
  { method: "GET", pattern: "/oauth2/oauth/siteowner/authorize", handler: authorizeV2 },
  { method: "POST", pattern: "/oauth2/tokeninfo.htm", handler: tokenInfo },
];
