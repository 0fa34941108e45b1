// The People figures (`npm run bench -- --account`), measured with the app's own People code on
// the bench page (the app's origin and database): the screen calls these same functions.
import { db, sendsDatasetId } from "../../src/db";
import { personHistory, warmPeople } from "../../src/db/people/history";
import { searchPeople } from "../../src/db/people/search";
import { startComparison } from "../../src/export/compareClient";
import { refreshCampaigns, syncSends } from "../../src/sync";

const DAY = 86_400_000;

async function newestAccount() {
  const account = (await db().accounts.toArray()).sort((a, b) => a.createdAt - b.createdAt).at(-1);
  if (!account) throw new Error("No account: the bench signs in through Settings first");
  return account;
}

/** Every v3 primary send list of the account, by campaign name. */
async function sendLists(accountId: string): Promise<Map<string, string>> {
  const campaigns = await db().campaigns.where({ accountId }).toArray();
  const activities = await db().campaignActivities.where({ accountId }).toArray();
  const lists = new Map<string, string>();
  for (const campaign of campaigns.filter((c) => c.generation === "v3")) {
    const primary = activities.find(
      (a) => a.campaignId === campaign.campaignId && a.role === "primary_email",
    );
    if (primary) lists.set(campaign.name, sendsDatasetId(accountId, "v3", primary.campaignActivityId));
  }
  return lists;
}

const timed = async <T>(run: () => Promise<T>): Promise<[number, T]> => {
  const started = performance.now();
  const value = await run();
  return [performance.now() - started, value];
};

export const people = {
  /** Syncs every v3 send list of the newest account, unpaced (sandbox accounts only). */
  async syncAccount(): Promise<{ lists: number; rows: number; ms: number }> {
    const account = await newestAccount();
    await db().accounts.update(account.id, { requestsPerSecond: 0 });
    await refreshCampaigns(account.id);
    const lists = [...(await sendLists(account.id)).values()];
    const started = performance.now();
    for (const dataset of lists) await syncSends(dataset);
    const rows = (await db().syncState.where({ accountId: account.id }).toArray())
      .filter((s) => s.kind === "sends")
      .reduce((n, s) => n + s.rows, 0);
    return { lists: lists.length, rows, ms: performance.now() - started };
  },

  /**
   * The four People figures, one after the other, after the account's search texts are read into
   * memory (as opening People does). Terms come from the data: a person of the 100k list, a part
   * of their surname.
   */
  async measure(names: { big: string; overlapping: string }) {
    const account = await newestAccount();
    const lists = await sendLists(account.id);
    const big = lists.get(names.big);
    const overlapping = lists.get(names.overlapping);
    if (!big || !overlapping) throw new Error(`No send lists named ${names.big} and ${names.overlapping}`);
    const [warmMs] = await timed(() => warmPeople(account.id));
    const sample = (await db().sendText.limit(3).toArray()).at(-1)?.text.split("\n")[123]?.split("\t") ?? [];
    const email = sample[0] ?? "";
    const surname = (sample[1] ?? "").split(" ").at(-1)?.slice(1, 5) ?? "";
    const [lookupMs, history] = await timed(() => personHistory(account.id, email));
    const [searchMs, found] = await timed(() => searchPeople(account.id, surname, { limit: 25 }));
    const [compareMs, compared] = await timed(async () => {
      const answer = await startComparison({
        accountId: account.id,
        question: { kind: "aNotB", a: [big], b: [overlapping] },
      });
      await answer.page(0, 25);
      answer.close();
      return answer.count;
    });
    const ten = [...lists.values()].slice(0, 10);
    const [frequencyMs, frequent] = await timed(async () => {
      // The 30 days up to the newest send of the ten lists, wherever the sandbox put them.
      const states = await Promise.all(ten.map((dataset) => db().syncState.get(dataset)));
      const toMs = Math.max(...states.map((state) => Date.parse(state?.newestStored ?? "") || 0));
      const question = { kind: "atLeast" as const, lists: ten, n: 3, fromMs: toMs - 30 * DAY, toMs };
      const answer = await startComparison({ accountId: account.id, question });
      await answer.page(0, 25);
      answer.close();
      return answer.count;
    });
    return {
      warm_ms: Math.round(warmMs),
      lookup_ms: Math.round(lookupMs),
      lookup_sends: history.sends.length,
      search_ms: Math.round(searchMs),
      search_term: surname,
      search_people: found.total,
      compare_ms: Math.round(compareMs),
      compare_count: compared,
      frequency_ms: Math.round(frequencyMs),
      frequency_count: frequent,
      lists: lists.size,
    };
  },
};
