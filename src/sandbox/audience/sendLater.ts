// A campaign sent while the sandbox runs (`sandbox.sendCampaign`, POST /__sandbox/campaigns): it
// goes to contact lists of the audience now, in simulated time, so a client sees a new campaign
// appear in both campaign lists and its send list, as when a user sends one for real.
import { type CampaignSpec, campaignSpec } from "../data/campaigns";
import { addCampaign, type World } from "../data/world";

export interface SendCampaignOptions {
  /** Default: "Sent later N". */
  name?: string;
  /** Keys (or v3 / v2 ids) of the contact lists; default: the account's first list. */
  lists?: string[];
  /** Sends of the run (the first n eligible people of the lists); default: all of them. */
  sends?: number;
}

/** Checks options that came from outside (the admin API): a clear message for each mistake. */
export function checkSendOptions(body: Record<string, unknown>): SendCampaignOptions {
  const { name, lists, sends, ...rest } = body;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new Error(`Unknown field "${unknown[0]}": send name, lists and sends.`);
  if (name !== undefined && (typeof name !== "string" || !name.trim() || name.length > 400))
    throw new Error("name must be a non-empty string of at most 400 characters.");
  if (
    lists !== undefined &&
    (!Array.isArray(lists) || !lists.length || lists.some((l) => typeof l !== "string"))
  )
    throw new Error("lists must be a non-empty array of contact list keys.");
  if (sends !== undefined && (typeof sends !== "number" || !Number.isInteger(sends) || sends < 0))
    throw new Error("sends must be a non-negative integer.");
  return { name, lists, sends } as SendCampaignOptions;
}

/** Sends a new campaign at `now` and adds it to the world; returns it. */
export function sendCampaignNow(
  world: World,
  seed: number,
  anchor: number,
  now: number,
  options: SendCampaignOptions,
  serial: number,
): CampaignSpec {
  const checked = checkSendOptions({ ...options });
  const first = world.audience.lists[0];
  if (!first) throw new Error("The sandbox account has no contact list to send to.");
  const spec = campaignSpec(
    seed,
    anchor,
    world.audience,
    {
      key: `later-${serial}`,
      name: checked.name ?? `Sent later ${serial + 1}`,
      status: "sent",
      sentAt: now,
      lists: checked.lists ?? [first.key],
      sends: checked.sends ?? "all",
    },
    world.campaigns.length,
  );
  addCampaign(world, spec);
  return spec;
}
