import type { Locator, Page } from "playwright-core";

/** The v3 primary-email send list of a campaign on the Campaigns screen. */
export function primarySendList(page: Page, campaignName: string): Locator {
  return page
    .locator(".campaign-card", { has: page.getByRole("heading", { name: campaignName, exact: true }) })
    .filter({ has: page.locator(".badge.generation", { hasText: "v3" }) })
    .locator("li.send-list", { hasText: "Primary email" });
}

/** A send list's button that starts, continues or resumes its sync, whichever it shows now. */
export function syncButton(list: Locator): Locator {
  // Not "Sync everything again", which sits next to it.
  return list.getByRole("button", { name: /^(Sync|Sync new sends|Resume sync)\b(?! everything again)/ });
}

/** The dataset id of a send list, read from its "Open sends" link. */
export async function datasetOf(list: Locator): Promise<string> {
  const href = await list.getByRole("link", { name: /^Open sends/ }).getAttribute("href");
  const match = /^\/campaigns\/([^/]+)\/sends$/.exec(href ?? "");
  if (!match?.[1]) throw new Error(`No send-list link in ${href}`);
  return decodeURIComponent(match[1]);
}

/** Rows and distinct contacts stored for a send list, read straight from IndexedDB. */
export function storedSends(page: Page, dataset: string): Promise<{ rows: number; contacts: number }> {
  return page.evaluate(
    (wanted) =>
      new Promise<{ rows: number; contacts: number }>((resolve, reject) => {
        const open = indexedDB.open("mailroom");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const range = IDBKeyRange.bound([wanted], [wanted, []]);
          const request = open.result.transaction("sends").objectStore("sends").getAll(range);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const rows = request.result as { contactId: string }[];
            open.result.close();
            resolve({ rows: rows.length, contacts: new Set(rows.map((r) => r.contactId)).size });
          };
        };
      }),
    dataset,
  );
}

/** Rows stored for a dataset, by key count: cheap enough to read after every kill. */
export function storedRowCount(page: Page, dataset: string): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("mailroom");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const range = IDBKeyRange.bound([wanted], [wanted, []]);
          const request = open.result.transaction("sends").objectStore("sends").count(range);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    dataset,
  );
}
