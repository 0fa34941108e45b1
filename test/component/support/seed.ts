import { type Account, type BulkActivity, MailroomDb, type SyncState, useDb } from "../../../src/db";

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

export function syncState(patch: Partial<SyncState> & { dataset: string }): SyncState {
  return {
    accountId: "acc-1",
    kind: "activities",
    status: "complete",
    pages: 1,
    rows: 0,
    fetchedAt: Date.now() - 60_000,
    ...patch,
  };
}
