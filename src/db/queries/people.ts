import { parseSendsDatasetId } from "../datasets";
import { cachedListsOf } from "../people/lists";
import type { Generation } from "../types";
import { loadSendListTitle } from "./campaigns";

/** A cached send list as Compare send lists offers it. */
export interface ListChoice {
  dataset: string;
  /** "Spring sale · resend (v3)". */
  label: string;
  generation: Generation;
}

/** The account's cached send lists, named by campaign, for choosing which to compare. */
export async function loadListChoices(accountId: string): Promise<ListChoice[]> {
  const lists = await cachedListsOf(accountId);
  const choices = await Promise.all(
    lists.map(async ({ dataset }) => {
      const { generation, reportId } = parseSendsDatasetId(dataset);
      const title = (await loadSendListTitle(dataset)) ?? reportId;
      return { dataset, generation, label: `${title} (${generation})` };
    }),
  );
  return choices.sort((a, b) => a.label.localeCompare(b.label));
}
