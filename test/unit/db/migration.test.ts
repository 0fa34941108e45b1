import type { Table } from "dexie";
import { describe, expect, it } from "vitest";
import {
  allSendsOf,
  countSends,
  db,
  MailroomDb,
  newestSentAt,
  type Send,
  type SyncState,
  sendSourceOf,
  sendsDatasetId,
  toSend,
  useDb,
} from "../../../src/db";
import { findList } from "../../../src/db/sendStore/lists";
import { chunkKeysIn } from "../../../src/db/sendStore/read";
import { rowsInOrder } from "../../../src/db/sendStore/rowsInOrder";
import {
  createV1Database,
  layoutOf,
  V1_IDB_VERSION,
  V1_LAYOUT,
  V1Database,
  type V1Send,
} from "../../support/v1Database";

// Schema v1 → v2 (→ v3): a v1 database, built from v1's own declaration, opened by today's class.
// Every send must come through field by field, in each of its lists, and the sync states as they were.

const ACCOUNT_A = "6b1f7c2e-0000-4000-8000-00000000000a";
const ACCOUNT_B = "6b1f7c2e-0000-4000-8000-00000000000b";
const BIG = sendsDatasetId(ACCOUNT_A, "v3", "ca-1");
// "ca-1" is a prefix of "ca-10": the lists' rows sit side by side in v1's key order.
const PREFIXED = sendsDatasetId(ACCOUNT_A, "v3", "ca-10");
const V2_LIST = sendsDatasetId(ACCOUNT_A, "v2", "1100");
const RESYNCING = sendsDatasetId(ACCOUNT_B, "v3", "cb-7");
const RESYNC_COPY = 3;
const NAMES: [string, string][] = [
  ["Jürgen", "Müller"],
  ["Zoë", "Brontë"],
  ["José", "Núñez"],
  ["Ann", "Smith"],
  ["", "Øster"],
  ["\tTabbed", "Name\twith tabs"],
];
const BASE_MS = Date.UTC(2026, 10, 20, 9);

function v3Send(dataset: string, i: number, extra: Partial<V1Send> = {}): V1Send {
  const [firstName, lastName] = NAMES[i % NAMES.length]!;
  const email = i % 7 === 0 ? `User.${i}@Example.ORG` : `user${i}@mail.example.com`;
  const row: V1Send = {
    dataset,
    contactId: `${String(i).padStart(8, "0")}-aaaa-4bbb-8ccc-${String(i).padStart(12, "0")}`,
    email,
    emailKey: email.toLowerCase(),
    nameKey: [firstName, lastName].filter(Boolean).join(" ").toLowerCase(),
    // Two sends a second: pairs share a time and differ by contact.
    sentAt: new Date(BASE_MS + Math.floor(i / 2) * 1000).toISOString(),
    campaignActivityId: dataset.split("|")[2]!,
    ...extra,
  };
  if (firstName) row.firstName = firstName;
  row.lastName = lastName;
  if (i % 10 === 3) row.deletedAt = "2026-11-24T12:00:00Z";
  return row;
}

function v2Send(i: number): V1Send {
  const email = `v2-${i}@example.net`;
  return {
    dataset: V2_LIST,
    contactId: String(9000 + i),
    email,
    emailKey: email,
    nameKey: "",
    sentAt: new Date(BASE_MS + i * 60_000).toISOString(),
    campaignId: "1100",
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function fixtureSends(): Record<string, V1Send[]> {
  return {
    [BIG]: range(2_345).map((i) => v3Send(BIG, i)),
    [PREFIXED]: range(5).map((i) => v3Send(PREFIXED, 5_000 + i)),
    [V2_LIST]: range(40).map(v2Send),
    // A resync under way: the rows it stored again carry its copy.
    [RESYNCING]: range(300).map((i) => v3Send(RESYNCING, i, i >= 180 ? { copy: RESYNC_COPY } : {})),
  };
}

const DONE = { stopReason: "done", finishedAt: 1_700_000_000_000 } as const;

function fixtureStates(): SyncState[] {
  return [
    { ...DONE, dataset: BIG, accountId: ACCOUNT_A, kind: "sends", status: "complete", pages: 5, rows: 2_345 },
    {
      ...DONE,
      dataset: PREFIXED,
      accountId: ACCOUNT_A,
      kind: "sends",
      status: "complete",
      pages: 1,
      rows: 5,
    },
    {
      dataset: V2_LIST,
      accountId: ACCOUNT_A,
      kind: "sends",
      status: "stopped",
      mode: "first",
      nextLink: "/v2/emailmarketing/campaigns/1100/tracking/sends?next=c2VuZHM6NDA",
      pages: 1,
      rows: 40,
      stopReason: "cancelled",
      finishedAt: 1_700_000_000_000,
    },
    {
      dataset: RESYNCING,
      accountId: ACCOUNT_B,
      kind: "sends",
      status: "stopped",
      mode: "first",
      resyncCopy: RESYNC_COPY,
      nextLink: "/v3/reports/email_reports/cb-7/tracking/sends?next=cursor-120",
      pages: 1,
      rows: 300,
      stopReason: "error",
      finishedAt: 1_700_000_000_000,
      lastError: { kind: "network", message: "offline", at: 1_700_000_000_000 },
    },
  ];
}

/** The send v1 held, as today's API returns it: v1's search keys and resync stamp gone. */
function asSend(row: V1Send): Send {
  const { emailKey: _e, nameKey: _n, copy: _c, ...send } = row;
  return send;
}

/** An independent fold: lower case, accents gone. */
const fold = (value: string) => value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

async function buildV1(name: string, rows: Record<string, unknown[]>) {
  const v1 = new V1Database(name);
  await v1.open();
  for (const [table, tableRows] of Object.entries(rows)) {
    const store: Table<unknown, unknown> = v1.table(table);
    await store.bulkPut(tableRows);
  }
  v1.close();
}

const byName = <T extends { name: string }>(list: T[]) =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

describe("the v1 → v2 migration of sends", () => {
  it("moves every v1 send into its list, field by field, and keeps every sync state", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const sends = fixtureSends();
    const states = fixtureStates();
    await buildV1(name, {
      sends: Object.values(sends).flat(),
      syncState: states,
      accounts: [{ id: ACCOUNT_A, label: "A" }],
    });

    const database = useDb(new MailroomDb(name));
    await database.open();
    expect(database.verno).toBe(4);

    for (const [dataset, rows] of Object.entries(sends)) {
      const expected = rows.map(asSend);
      expect(await allSendsOf(dataset), dataset).toStrictEqual(expected);
      expect(await countSends(dataset)).toBe(rows.length);
      expect(await newestSentAt(dataset)).toBe(
        rows
          .map((r) => r.sentAt)
          .sort()
          .at(-1),
      );
    }
    // The big list spans chunks (≤ 1,000 rows each).
    const bigList = await findList(BIG);
    expect((await chunkKeysIn(bigList!)).length).toBeGreaterThanOrEqual(3);
    // Each chunk mapped by the v4 upgrade, which runs after v2's moved the rows.
    expect(await database.sendGrams.count()).toBe(await database.sendText.count());

    // Searchable by a middle part: of a surname without its accent, of a domain.
    for (const query of ["ULLE", "xample.or", "nune"]) {
      const expected = sends[BIG]!.filter(
        (row) =>
          fold(row.email).includes(fold(query)) ||
          fold([row.firstName, row.lastName].filter(Boolean).join(" ")).includes(fold(query)),
      ).map(asSend);
      expect(expected.length, query).toBeGreaterThan(0);
      const source = await sendSourceOf(BIG, { order: "asc", contains: query });
      const found: Send[] = [];
      for await (const page of source.pages) found.push(...page);
      expect(source.total, query).toBe(expected.length);
      expect(found, query).toStrictEqual(expected);
    }

    // Sync states unchanged: the checkpoints stay, so the syncs resume where they stopped.
    expect(byDataset(await database.syncState.toArray())).toStrictEqual(byDataset(states));
    expect(await database.accounts.toArray()).toStrictEqual([{ id: ACCOUNT_A, label: "A" }]);

    // The resync's copy holds exactly the rows it had stored; the list shown keeps them all.
    const copyList = await findList(RESYNCING, RESYNC_COPY);
    expect(copyList).toBeDefined();
    const copied: Send[] = [];
    for await (const rows of rowsInOrder(copyList!, { order: "asc" }))
      copied.push(...rows.map((row) => toSend(RESYNCING, row)));
    expect(copied).toStrictEqual(sends[RESYNCING]!.filter((row) => row.copy === RESYNC_COPY).map(asSend));
    // No other list has a copy.
    expect((await database.sendLists.toArray()).filter((list) => list.copy !== 0)).toHaveLength(1);

    // The v1 table is gone, from Dexie and from IndexedDB.
    expect(database.tables.map((t) => t.name)).not.toContain("sends");
    database.close();
    const layout = await layoutOf(name);
    expect(layout.stores.map((s) => s.name)).not.toContain("sends");
    expect(layout.stores.map((s) => s.name)).toEqual(
      expect.arrayContaining(["sendLists", "sendChunks", "sendText", "syncState"]),
    );
  });

  it("opens an empty v1 database", async () => {
    const name = `test-${crypto.randomUUID()}`;
    await buildV1(name, {});
    const database = useDb(new MailroomDb(name));
    await database.open();
    expect(database.verno).toBe(4);
    expect(await database.sendLists.count()).toBe(0);
    expect(await database.sendChunks.count()).toBe(0);
    expect(database.tables.map((t) => t.name)).not.toContain("sends");
    database.close();
  });

  it("opens a v1 database with accounts and sync states but no sends, keeping them", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const states = fixtureStates();
    await buildV1(name, { syncState: states, accounts: [{ id: ACCOUNT_B, label: "B" }] });
    const database = useDb(new MailroomDb(name));
    expect(byDataset(await db().syncState.toArray())).toStrictEqual(byDataset(states));
    expect(await db().accounts.count()).toBe(1);
    expect(await db().sendLists.count()).toBe(0);
    expect(await countSends(BIG)).toBe(0);
    expect(await allSendsOf(RESYNCING)).toEqual([]);
    database.close();
  });

  it("builds the same v1 layout from raw IndexedDB as Dexie does (the browser test's fixture)", async () => {
    const byDexie = `test-${crypto.randomUUID()}`;
    const byHand = `test-${crypto.randomUUID()}`;
    await buildV1(byDexie, {});
    await createV1Database({ name: byHand, version: V1_IDB_VERSION, layout: V1_LAYOUT, rows: {} });
    const made = await layoutOf(byDexie);
    const raw = await layoutOf(byHand);
    expect(made.version).toBe(V1_IDB_VERSION);
    expect(raw.version).toBe(V1_IDB_VERSION);
    const sorted = (stores: typeof made.stores) =>
      byName(stores).map((store) => ({ ...store, indexes: byName(store.indexes) }));
    expect(sorted(raw.stores)).toStrictEqual(sorted(made.stores));
    expect(sorted(made.stores)).toStrictEqual(sorted(V1_LAYOUT));
    // And Dexie opens the hand-made one as its own v1, with no schema difference to patch.
    const v1 = new V1Database(byHand);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name).sort()).toEqual(V1_LAYOUT.map((s) => s.name).sort());
    v1.close();
  });
});

function byDataset(states: SyncState[]) {
  return [...states].sort((a, b) => a.dataset.localeCompare(b.dataset));
}
