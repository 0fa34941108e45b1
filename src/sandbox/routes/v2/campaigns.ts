// GET /v2/emailmarketing/campaigns: `status`, `modified_since`, `limit` (1–50), paged with a
// `next_link` whose `?next=` cursor must be used alone.
import { iso } from "../../clock";
import { cursorInt, decodeCursor, encodeCursor } from "../../cursor";
import type { CampaignSpec } from "../../data/campaigns";
import { v2BadParam } from "../../errors";
import { dateParam, intParam, json } from "../../http";
import type { Ctx } from "../../router";
import { nextStandsAlone } from "./guard";

const STATUSES = ["ALL", "DRAFT", "RUNNING", "SENT", "SCHEDULED", "DELETED"];
const PATH = "/v2/emailmarketing/campaigns";

interface Query {
  status: string;
  since: number;
  limit: number;
  offset: number;
}

function readQuery(url: URL): Query | Response {
  const next = url.searchParams.get("next");
  if (next !== null) {
    if (!nextStandsAlone(url))
      return v2BadParam("The next parameter cannot be combined with other parameters.");
    const c = decodeCursor("v2-campaigns", next);
    const [since, limit, offset] = c ? [cursorInt(c, "s"), cursorInt(c, "l"), cursorInt(c, "o")] : [];
    if (!c || since == null || !limit || offset == null || typeof c.st !== "string")
      return v2BadParam("Invalid next value.");
    return { status: c.st, since, limit, offset };
  }
  const status = url.searchParams.get("status") ?? "ALL";
  if (!STATUSES.includes(status)) return v2BadParam(`status must be one of ${STATUSES.join(", ")}`);
  const since = dateParam(url, "modified_since");
  if (since === null) return v2BadParam("modified_since must be an ISO-8601 date.");
  const limit = intParam(url, "limit", 1, 50);
  if (limit === null) return v2BadParam("limit must be an integer from 1 to 50.");
  return { status, since: since ?? 0, limit: limit ?? 50, offset: 0 };
}

function toJson(c: CampaignSpec) {
  return {
    id: c.v2Id,
    name: c.name,
    status: c.v2Status,
    modified_date: iso(c.updatedAt),
    ...(c.lastRunAt !== undefined && c.v2Status === "SENT" ? { last_run_date: iso(c.lastRunAt) } : {}),
  };
}

export function listV2Campaigns({ url, state }: Ctx): Response {
  const q = readQuery(url);
  if (q instanceof Response) return q;
  // SENT sorts by the latest run; the others by modification, newest first.
  const sortKey = (c: CampaignSpec) => (q.status === "SENT" ? (c.lastRunAt ?? 0) : c.updatedAt);
  const matching = state.world.campaigns
    .filter((c) => (q.status === "ALL" ? c.v2Status !== "DELETED" : c.v2Status === q.status))
    .filter((c) => c.updatedAt >= q.since)
    .sort((a, b) => sortKey(b) - sortKey(a));
  const page = matching.slice(q.offset, q.offset + q.limit);
  const nextOffset = q.offset + q.limit;
  const pagination: Record<string, string> = {};
  if (nextOffset < matching.length) {
    const cursor = encodeCursor("v2-campaigns", { st: q.status, s: q.since, l: q.limit, o: nextOffset });
    pagination.next_link = `${PATH}?next=${cursor}`;
  }
  return json(200, { meta: { pagination }, results: page.map(toJson) });
}
