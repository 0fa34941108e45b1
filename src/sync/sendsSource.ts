import type { Page } from "../api/page";
import { v2SendsPage } from "../api/v2/sends";
import { v3SendsPage } from "../api/v3/sends";
import type { Generation, Send } from "../db/types";
import type { SyncContext } from "./context";
import { sendFromV2, sendFromV3 } from "./sendRows";

/** Where pages of one send list come from, already mapped to stored rows. */
export interface SendsSource {
  first(createdSince?: string): Promise<Page<Send>>;
  after(link: string): Promise<Page<Send>>;
}

export function sendsSource(
  ctx: SyncContext,
  dataset: string,
  generation: Generation,
  reportId: string,
): SendsSource {
  const api = ctx.api(generation);
  if (generation === "v2") {
    const fetchPage = async (request: { createdSince?: string; link?: string }) => {
      const page = await api.call((client, signal) =>
        v2SendsPage(client, { campaignId: reportId, ...request }, signal),
      );
      return { items: page.items.map((row) => sendFromV2(dataset, reportId, row)), next: page.next };
    };
    return { first: (createdSince) => fetchPage({ createdSince }), after: (link) => fetchPage({ link }) };
  }
  const fetchPage = async (link?: string) => {
    const page = await api.call((client, signal) =>
      v3SendsPage(client, { campaignActivityId: reportId, link }, signal),
    );
    return { items: page.items.map((row) => sendFromV3(dataset, reportId, row)), next: page.next };
  };
  return { first: () => fetchPage(), after: (link) => fetchPage(link) };
}
