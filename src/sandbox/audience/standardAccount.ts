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

/** Whole-list campaigns after the named ones: which lists, the title, a resend's share. */
const LIST_CAMPAIGNS = [
  { lists: ["events"], title: "Event reminder", resendShare: 0.1 },
  { lists: ["customers"], title: "Customer news", resendShare: 0 },
  { lists: ["customers", "events"], title: "Product launch", resendShare: 0 },
  { lists: ["newsletter"], title: "Monthly newsletter", resendShare: 0 },
] as const;

export function standardAccount(anchor: number, sent: number, sizes: AccountSizes): AccountPlan {
  const ago = (ms: number) => anchor - ms;
  const lists = [...STANDARD_LISTS];
  let audienceSize = 20_000;
  let bigLists = ["newsletter", "customers", "events"];
  if (sizes.bigCampaignSends > STANDARD_REACH) {
    audienceSize = Math.ceil(sizes.bigCampaignSends * 1.03) + 1000;
    lists.push(["everyone", "All contacts (imported)", 0, audienceSize]);
    bigLists = ["everyone"];
  }
  const s = "sent" as const;
  const named: CampaignPlan[] = [
    {
      key: "empty",
      name: "Welcome (sent to nobody)",
      status: s,
      sentAt: ago(9 * DAY_MS),
      lists: ["newsletter"],
      sends: 0,
    },
    {
      key: "tiny",
      name: "Test send to 3 people",
      status: s,
      sentAt: ago(8 * DAY_MS),
      lists: ["events"],
      sends: 3,
    },
    {
      key: "spring",
      name: 'Spring newsletter 🌷 — Ünïcode, "quotes", commas',
      status: s,
      sentAt: ago(6 * DAY_MS),
      lists: ["customers"],
      sends: 250,
      resend: 40,
    },
    {
      key: "tenk",
      name: "Member update (10k)",
      status: s,
      sentAt: ago(4 * DAY_MS),
      lists: ["newsletter"],
      sends: 10_000,
    },
    {
      key: "big",
      name: "Annual report (big)",
      status: s,
      sentAt: ago(2 * DAY_MS),
      lists: bigLists,
      sends: sizes.bigCampaignSends,
    },
    {
      key: "live",
      name: "Flash sale — still sending",
      status: s,
      sentAt: ago(2 * HOUR_MS),
      lists: ["customers", "events"],
      sends: 120,
      growFrom: anchor,
    },
    {
      key: "formula",
      name: "=cmd|' /C calc'!A0 (formula-looking name)",
      status: s,
      sentAt: ago(12 * DAY_MS),
      lists: ["newsletter"],
      sends: 7,
    },
    {
      key: "resume",
      name: "Résumé tips, part 2",
      status: s,
      sentAt: ago(20 * DAY_MS),
      lists: ["customers"],
      sends: 60,
      resend: "unsent",
    },
  ];
  // With fewer sent campaigns than named ones, the least used go first.
  const keep = new Set(
    ["tiny", "spring", "tenk", "big", "live", "resume", "formula", "empty"].slice(0, sent),
  );
  const campaigns = named.filter((c) => keep.has(c.key));
  for (let k = 0; k < sent - named.length; k++) {
    const kind = LIST_CAMPAIGNS[k % LIST_CAMPAIGNS.length] as (typeof LIST_CAMPAIGNS)[number];
    const sentAt = ago(31 * HOUR_MS + k * 77 * HOUR_MS);
    const plan: CampaignPlan = {
      key: `audience-${k}`,
      name: `${kind.title} #${Math.floor(k / LIST_CAMPAIGNS.length) + 1}`,
      status: s,
      sentAt,
      lists: kind.lists,
      sends: "all",
    };
    // A resend to a share of the list: a tenth of Event attendees is about 490.
    if (kind.resendShare) plan.resend = Math.floor(5000 * kind.resendShare * 0.98);
    campaigns.push(plan);
  }
  campaigns.push(
    { key: "draft", name: "Draft: <script>alert(1)</script>", status: "draft", lists: ["newsletter"] },
    { key: "scheduled", name: 'Scheduled, "next week"', status: "scheduled", lists: ["customers"] },
    {
      key: "deleted",
      name: "Old promo (deleted)",
      status: "deleted",
      sentAt: ago(40 * DAY_MS),
      lists: ["newsletter"],
      sends: 0,
    },
  );
  // Older than every usual one, an hour apart, so the usual campaigns keep their place in each list.
  for (let n = 0; n < sizes.extraCampaigns; n++) {
    const sentAt = ago(45 * DAY_MS + n * HOUR_MS);
    campaigns.push({
      key: `extra-${n}`,
      name: `Extra campaign ${n + 1}`,
      status: s,
      sentAt,
      lists: ["newsletter"],
      sends: 1,
    });
  }
  return { audienceSize, lists, campaigns };
}
