// The accounts the sandbox can simulate. "standard": the named campaigns every test and the demo
// know (tiny, spring, tenk, big, live, …) plus campaigns sent to whole lists, up to
// `campaigns` sent ones, over an audience of 20,000 people in three overlapping lists.
// "bench-account": the benchmark's account of 50 send lists and about a million sends (one of
// 200,000, one of 100,000 drawn mostly from the same people, the rest 16,000 each).
import type { CampaignPlan } from "../data/campaigns";
import type { ListPlan } from "./audience";
import { benchAccount } from "./benchAccount";
import { standardAccount } from "./standardAccount";

export type AudiencePreset = "standard" | "bench-account";
export const AUDIENCE_PRESETS: readonly AudiencePreset[] = ["standard", "bench-account"];

export interface AccountPlan {
  audienceSize: number;
  lists: ListPlan[];
  campaigns: CampaignPlan[];
}

export interface AccountSizes {
  bigCampaignSends: number;
  /** Sent campaigns; undefined = the preset's own number. */
  campaigns?: number;
  extraCampaigns: number;
}

export const DEFAULT_SENT_CAMPAIGNS: Record<AudiencePreset, number> = { standard: 12, "bench-account": 50 };

export function accountPlan(preset: AudiencePreset, anchor: number, sizes: AccountSizes): AccountPlan {
  const sent = sizes.campaigns ?? DEFAULT_SENT_CAMPAIGNS[preset];
  return preset === "bench-account" ? benchAccount(anchor, sent) : standardAccount(anchor, sent, sizes);
}
