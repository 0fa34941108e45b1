import {
  type Account,
  type BulkActivity,
  type Campaign,
  MailroomDb,
  type Send,
  type SyncState,
  sendTables,
  storeSendPage,
  useDb,
} from "../../../src/db";

/** A private database per test, so tests never see each other's rows. */
export function freshDb(): MailroomDb {
  localStorage.clear();
  return useDb(new MailroomDb(`t-${crypto.randomUUID()}`));
}

export function account(patch: Partial<Account> = {}): Account {
  return {
    id: "acc-1",
    label: "Sandbox",
    generations: ["v2", "v3"],
    scopes: "contact_data campaign_data offline_access",
    endpoints: {
      v3Api: "https://api.cc.email",
      v3Authorize: "https://authz.constantcontact.com/oauth2/default/v1/authorize",
      v3Token: "https://authz.constantcontact.com/oauth2/default/v1/token",
      v3Revoke: "https://authz.constantcontact.com/oauth2/default/v1/revoke",
      v2Api: "https://api.constantcontact.com",
      v2Authorize: "https://oauth2.constantcontact.com/oauth2/oauth/siteowner/authorize",
      v2TokenInfo: "https://oauth2.constantcontact.com/oauth2/tokeninfo.htm",
    },
    sandbox: true,
    createdAt: Date.now() - 1000,
    ...patch,
  };
}

export function activity(patch: Partial<BulkActivity> = {}): BulkActivity {
  return {
    accountId: "acc-1",
    generation: "v3",
    activityId: "act-1",
    type: "ADD_CONTACTS",
    status: "completed",
    rawStatus: "completed",
    createdAt: new Date(Date.now() - 3_600_000).toISOString(),
    firstSeenAt: Date.now() - 3_600_000,
    lastSeenAt: Date.now(),
    goneFromServer: false,
    raw: {},
    ...patch,
  };
}

/**
 * A stored state, complete unless `patch` says otherwise, with what its status needs filled in
 * (a start for "running", a finish and its reason for the others). Cast: a patch of the union is
 * not checked against the status it names, the fields filled in here make it one.
 */
export function syncState(patch: Partial<SyncState> & { dataset: string }): SyncState {
  const status = patch.status ?? "complete";
  const byStatus =
    status === "running"
      ? { startedAt: Date.now() - 1_000, runRows: 0 }
      : status === "idle"
        ? {}
        : {
            finishedAt: Date.now() - 60_000,
            stopReason: status === "stopped" ? (patch.lastError ? "error" : "cancelled") : "done",
          };
  return {
    accountId: "acc-1",
    kind: "activities",
    status,
    pages: 1,
    rows: 0,
    fetchedAt: Date.now() - 60_000,
    ...byStatus,
    ...patch,
  } as SyncState;
}

export function campaign(patch: Partial<Campaign> = {}): Campaign {
  return {
    accountId: "acc-1",
    generation: "v2",
    campaignId: "c-1",
    name: "Spring sale",
    status: "SENT",
    lastRunAt: "2026-11-20T09:00:00.000Z",
    fetchedAt: Date.now(),
    raw: {},
    ...patch,
  };
}

/** `count` sends one second apart from `start`, emails a0000@…, names "name 0000". */
export function sends(
  dataset: string,
  count: number,
  start = Date.parse("2026-11-20T09:00:00.000Z"),
): Send[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(4, "0");
    return {
      dataset,
      contactId: `contact-${n}`,
      email: `a${n}@example.com`,
      firstName: "Name",
      lastName: n,
      sentAt: new Date(start + i * 1000).toISOString(),
    };
  });
}

/**
 * Stores rows of one list as a sync does: pages of `pageSize` in the given order, a transaction
 * each, so the chunks end where a sync's would (1,000, 1,000, 500… for pages of 500 in time order).
 */
export async function putInPages(db: MailroomDb, rows: readonly Send[], pageSize = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += pageSize) {
    const page = rows.slice(i, i + pageSize);
    await db.transaction("rw", sendTables(), async () => {
      for (const dataset of new Set(page.map((row) => row.dataset))) {
        await storeSendPage(
          dataset,
          page.filter((row) => row.dataset === dataset),
        );
      }
    });
  }
}

/** Sends ordered as the store orders them: by time, then contact id. */
export function byTime(order: "asc" | "desc" = "asc"): (a: Send, b: Send) => number {
  const sign = order === "asc" ? 1 : -1;
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => sign * (text(a.sentAt, b.sentAt) || text(a.contactId, b.contactId));
}
