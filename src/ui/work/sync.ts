// The screens ask the sync engine for work through this one seam. The engine (and the HTTP client
// under it) is loaded on first use, which keeps it out of the first screen's JavaScript, and tests
// replace this module with `vi.mock` instead of reaching into src/sync.

type SyncModule = typeof import("../../sync");

function engine(): Promise<SyncModule> {
  return import("../../sync");
}

export async function refreshActivities(accountId: string, options?: { signal?: AbortSignal }) {
  return (await engine()).refreshActivities(accountId, options);
}

export async function refreshCampaigns(accountId: string, options?: { signal?: AbortSignal }) {
  return (await engine()).refreshCampaigns(accountId, options);
}

export async function syncSends(dataset: string, options?: { signal?: AbortSignal }) {
  return (await engine()).syncSends(dataset, options);
}

/** "Sync everything again": the whole list anew, ending with exactly the server's rows. */
export async function resyncSends(dataset: string, options?: { signal?: AbortSignal }) {
  return (await engine()).syncSends(dataset, { ...options, full: true });
}

/** "Remove from this device": one send list's cached sends and state. */
export async function removeSendList(dataset: string) {
  return (await engine()).removeSendList(dataset);
}

export async function fetchActivityResults(accountId: string, activityId: string) {
  return (await engine()).fetchActivityResults(accountId, activityId);
}
