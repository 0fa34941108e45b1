// The "bench-account": the benchmark's account of 50 send lists and about a million sends: one of
// 200,000, one of 100,000 whose list lies inside the first one's (most of its people got both),
// and the rest 16,000 each from six overlapping lists of an audience of 320,000.
import { DAY_MS, HOUR_MS } from "../clock";
import type { CampaignPlan } from "../data/campaigns";
import type { ListPlan } from "./audience";
import type { AccountPlan } from "./presets";

const BENCH_LISTS: ListPlan[] = [
  ["all", "All subscribers", 0, 220_000],
  ["customers", "Customers", 30_000, 140_000],
  ["events", "Event attendees", 180_000, 230_000],
  ["west", "Region: West", 200_000, 250_000],
  ["east", "Region: East", 240_000, 290_000],
  ["trial", "Trial users", 270_000, 320_000],
];
const BENCH_DIGEST_LISTS = [["events"], ["west"], ["east"], ["trial"], ["events", "west"], ["east", "trial"]];
export const BENCH_SIZES = { first: 200_000, second: 100_000, rest: 16_000 } as const;

export function benchAccount(anchor: number, sent: number): AccountPlan {
  const s = "sent" as const;
  const campaigns: CampaignPlan[] = [
    {
      key: "bench-200k",
      name: "Annual report (200k)",
      status: s,
      sentAt: anchor - 10 * DAY_MS,
      lists: ["all"],
      sends: BENCH_SIZES.first,
    },
    // Its list lies inside the first one's, so most of its people received that one too.
    {
      key: "bench-100k",
      name: "Customer update (100k)",
      status: s,
      sentAt: anchor - 5 * DAY_MS,
      lists: ["customers"],
      sends: BENCH_SIZES.second,
    },
  ].slice(0, sent);
  for (let k = 0; k < sent - 2; k++) {
    const lists = BENCH_DIGEST_LISTS[k % BENCH_DIGEST_LISTS.length] as string[];
    const sentAt = anchor - 20 * HOUR_MS - k * 30 * HOUR_MS;
    campaigns.push({
      key: `bench-digest-${k}`,
      name: `Weekly digest ${k + 1} (16k)`,
      status: s,
      sentAt,
      lists,
      sends: BENCH_SIZES.rest,
    });
  }
  return { audienceSize: 320_000, lists: BENCH_LISTS, campaigns };
}
