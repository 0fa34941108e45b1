import type { Generation } from "./types";

/** The id of one send list: a v2 campaign or a v3 campaign activity of one account. */
export function sendsDatasetId(accountId: string, generation: Generation, reportId: string): string {
  return `${accountId}|${generation}|${reportId}`;
}

export function parseSendsDatasetId(dataset: string): {
  accountId: string;
  generation: Generation;
  reportId: string;
} {
  const [accountId, generation, ...rest] = dataset.split("|");
  if (!accountId || (generation !== "v2" && generation !== "v3") || rest.length === 0) {
    throw new Error(`Not a send-list id: ${dataset}`);
  }
  return { accountId, generation, reportId: rest.join("|") };
}

/** The dataset id of an account's bulk-activity list (both generations in one list). */
export function activitiesDatasetId(accountId: string): string {
  return `${accountId}|activities`;
}

/** The dataset id of an account's campaign list. */
export function campaignsDatasetId(accountId: string): string {
  return `${accountId}|campaigns`;
}
