// The "standard" account: the named campaigns every test, the E2E suite and the demo know (tiny,
// spring, tenk, big, live, …), each sent to a segment of its lists (the first n eligible people),
// then campaigns sent to whole lists, over an audience of 20,000 people in three overlapping lists.
import { DAY_MS, HOUR_MS } from "../clock";
import type { CampaignPlan } from "../data/campaigns";
import type { ListPlan } from "./audience";
import type { AccountPlan, AccountSizes } from "./presets";

const STANDARD_LISTS: ListPlan[] = [
  ["newsletter", "Newsletter subscribers", 0, 12_000],
  ["customers", "Customers", 8_000, 16_000],
  ["events", "Event attendees", 14_000, 19_000],
];
/** The three lists' union, less who unsubscribed: the big campaign needs a bigger list above it. */
const STANDARD_REACH = 18_000;

/** Whole-list campaigns after the named ones: which lists, the title, a resend's size. */
const LIST_CAMPAIGNS = [
  { lists: ["events"], title: "Event reminder", resend: 490 },
  { lists: ["customers"], title: "Customer news" },
  { lists: ["customers", "events"], title: "Product launch" },
  { lists: ["newsletter"], title: "Monthly newsletter" },
] as const;

/** With fewer sent campaigns than named ones, the least used go first. */
const NAMED_BY_USE = ["tiny", "spring", "tenk", "big", "live", "resume", "formula", "empty"];

type Extra = Pick<CampaignPlan, "resend" | "growFrom">;

function sentPlan(
  anchor: number,
  [key, name, agoMs, lists, sends]: [string, string, number, string[], number],
  extra: Extra = {},
): CampaignPlan {
  return { key, name, status: "sent", sentAt: anchor - agoMs, lists, sends, ...extra };
}

function namedCampaigns(anchor: number, big: { lists: string[]; sends: number }): CampaignPlan[] {
  const plan = (row: Parameters<typeof sentPlan>[1], extra?: Extra) => sentPlan(anchor, row, extra);
  return [
    plan(["empty", "Welcome (sent to nobody)", 9 * DAY_MS, ["newsletter"], 0]),
    plan(["tiny", "Test send to 3 people", 8 * DAY_MS, ["events"], 3]),
    plan(["spring", 'Spring newsletter 🌷 — Ünïcode, "quotes", commas', 6 * DAY_MS, ["customers"], 250], {
      resend: 40,
    }),
    plan(["tenk", "Member update (10k)", 4 * DAY_MS, ["newsletter"], 10_000]),
    plan(["big", "Annual report (big)", 2 * DAY_MS, big.lists, big.sends]),
    plan(["live", "Flash sale — still sending", 2 * HOUR_MS, ["customers", "events"], 120], {
      growFrom: anchor,
    }),
    plan(["formula", "=cmd|' /C calc'!A0 (formula-looking name)", 12 * DAY_MS, ["newsletter"], 7]),
    plan(["resume", "Résumé tips, part 2", 20 * DAY_MS, ["customers"], 60], { resend: "unsent" }),
  ];
}

/** `count` campaigns sent to whole lists, from 31 hours ago back, about three days apart. */
function listCampaigns(anchor: number, count: number): CampaignPlan[] {
  return Array.from({ length: Math.max(0, count) }, (_, k) => {
    const kind = LIST_CAMPAIGNS[k % LIST_CAMPAIGNS.length] as (typeof LIST_CAMPAIGNS)[number];
    return {
      key: `audience-${k}`,
      name: `${kind.title} #${Math.floor(k / LIST_CAMPAIGNS.length) + 1}`,
      status: "sent",
      sentAt: anchor - 31 * HOUR_MS - k * 77 * HOUR_MS,
      lists: kind.lists,
      sends: "all",
      ...("resend" in kind ? { resend: kind.resend } : {}),
    };
  });
}

/** The campaigns never sent (or deleted), then `extra` one-send ones for paging tests. */
function otherCampaigns(anchor: number, extra: number): CampaignPlan[] {
  const plans: CampaignPlan[] = [
    { key: "draft", name: "Draft: <script>alert(1)</script>", status: "draft", lists: ["newsletter"] },
    { key: "scheduled", name: 'Scheduled, "next week"', status: "scheduled", lists: ["customers"] },
    {
      ...sentPlan(anchor, ["deleted", "Old promo (deleted)", 40 * DAY_MS, ["newsletter"], 0]),
      status: "deleted",
    },
  ];
  // Older than every usual one, an hour apart, so the usual campaigns keep their place in each list.
  for (let n = 0; n < extra; n++)
    plans.push(
      sentPlan(anchor, [
        `extra-${n}`,
        `Extra campaign ${n + 1}`,
        45 * DAY_MS + n * HOUR_MS,
        ["newsletter"],
        1,
      ]),
    );
  return plans;
}

export function standardAccount(anchor: number, sent: number, sizes: AccountSizes): AccountPlan {
  const lists = [...STANDARD_LISTS];
  let audienceSize = 20_000;
  const big = { lists: ["newsletter", "customers", "events"], sends: sizes.bigCampaignSends };
  if (sizes.bigCampaignSends > STANDARD_REACH) {
    audienceSize = Math.ceil(sizes.bigCampaignSends * 1.03) + 1000;
    lists.push(["everyone", "All contacts (imported)", 0, audienceSize]);
    big.lists = ["everyone"];
  }
  const keep = new Set(NAMED_BY_USE.slice(0, sent));
  const named = namedCampaigns(anchor, big).filter((c) => keep.has(c.key));
  const campaigns = [...named, ...listCampaigns(anchor, sent - NAMED_BY_USE.length)];
  return { audienceSize, lists, campaigns: [...campaigns, ...otherCampaigns(anchor, sizes.extraCampaigns)] };
}
