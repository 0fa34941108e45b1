import type { Campaign, CampaignActivity, Send } from "../../../src/db";
import { db } from "../../../src/db";
import { putSends } from "../../support/sends";

export const ACC = "acc";
export const V2_SPRING = `${ACC}|v2|1100`;
export const V3_SPRING = `${ACC}|v3|act-spring`;
export const V3_RESEND = `${ACC}|v3|act-resend`;
export const V3_SUMMER = `${ACC}|v3|act-summer`;
/** Known to the campaign list, never synced. */
export const V3_AUTUMN = `${ACC}|v3|act-autumn`;
export const OTHER = "other|v3|act-x";

const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 9, 1, 9);

interface Person {
  email: string;
  first?: string;
  last?: string;
}

/** 30 people; a few with accents, capitals, and one address inside another (ann / joann). */
export const PEOPLE: Person[] = [
  { email: "ann@example.org", first: "Ann", last: "Lee" },
  { email: "joann@example.org", first: "Jo", last: "Ann" },
  { email: "Hans.Mueller@Example.de", first: "Hans", last: "Müller" },
  { email: "zoe@example.com", first: "Zoë", last: "Brontë" },
  ...Array.from({ length: 26 }, (_, i) => ({
    email: `person${String(i).padStart(2, "0")}@example.net`,
    first: `First${i}`,
    last: i % 5 === 0 ? "Smith" : `Last${i}`,
  })),
];

/** Which people (indices of PEOPLE) each list went to, and when it went out. */
export const SENT: Record<string, { people: number[]; at: number }> = {
  [V2_SPRING]: { people: range(0, 20), at: T0 },
  [V3_SPRING]: { people: range(0, 20), at: T0 + 60_000 },
  [V3_RESEND]: { people: [0, 2, 5, 6, 7], at: T0 + 3 * DAY },
  [V3_SUMMER]: { people: [1, 2, 3, ...range(15, 30)], at: T0 + 40 * DAY },
  [OTHER]: { people: [0, 1, 2], at: T0 + DAY },
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The sends of one list: v2 rows carry no names and numeric ids, v3 rows names and UUID-like ids. */
export function sendsOf(dataset: string): Send[] {
  const { people, at } = SENT[dataset]!;
  const v2 = dataset.includes("|v2|");
  return people.map((index, i) => {
    const person = PEOPLE[index]!;
    const row: Send = {
      dataset,
      contactId: v2
        ? String(1000 + index)
        : `0000000${index % 10}-0000-4000-8000-00000000${String(index).padStart(4, "0")}`,
      email: person.email,
      sentAt: new Date(at + i * 1000).toISOString(),
    };
    if (!v2 && person.first) row.firstName = person.first;
    if (!v2 && person.last) row.lastName = person.last;
    return row;
  });
}

export const ALL_SENDS = Object.keys(SENT).flatMap(sendsOf);

function v3(campaignId: string, name: string): Campaign {
  return {
    accountId: ACC,
    generation: "v3",
    campaignId,
    name,
    status: "Done",
    lastRunAt: new Date(T0).toISOString(),
    fetchedAt: T0,
    raw: {},
  };
}

function activity(campaignId: string, campaignActivityId: string, role: string): CampaignActivity {
  return { accountId: ACC, campaignId, campaignActivityId, role, fetchedAt: T0 };
}

/** The campaign tables (names, which send lists exist) and every list's sends but Autumn's. */
export async function seedPeople(): Promise<void> {
  await db().campaigns.bulkPut([
    { ...v3("x", "x"), generation: "v2", campaignId: "1100", name: "Spring sale", status: "SENT" },
    v3("spring", "Spring sale"),
    v3("summer", "Summer news"),
    v3("autumn", "Autumn news"),
  ]);
  await db().campaignActivities.bulkPut([
    activity("spring", "act-spring", "primary_email"),
    activity("spring", "act-resend", "resend"),
    activity("summer", "act-summer", "primary_email"),
    activity("autumn", "act-autumn", "primary_email"),
  ]);
  await putSends(ALL_SENDS);
  await db().syncState.bulkPut(
    [V2_SPRING, V3_SPRING, V3_RESEND, V3_SUMMER].map((dataset) => ({
      dataset,
      accountId: ACC,
      kind: "sends" as const,
      status: dataset === V3_SUMMER ? ("partial" as const) : ("complete" as const),
      pages: 1,
      rows: SENT[dataset]!.people.length,
    })),
  );
}

/** A plain computation over the seeded rows: folded email → the lists (of `lists`) that sent to it, in a window. */
export function receivedBy(lists: readonly string[], window: { fromMs?: number; toMs?: number } = {}) {
  const out = new Map<string, Set<string>>();
  for (const row of ALL_SENDS) {
    if (!lists.includes(row.dataset)) continue;
    const ms = Date.parse(row.sentAt);
    if (window.fromMs !== undefined && ms < window.fromMs) continue;
    if (window.toMs !== undefined && ms > window.toMs) continue;
    const key = row.email.toLowerCase();
    out.set(key, (out.get(key) ?? new Set()).add(row.dataset));
  }
  return out;
}
