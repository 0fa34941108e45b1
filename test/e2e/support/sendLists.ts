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

/**
 * Rows and distinct contacts stored for a send list (the copy shown), read straight from
 * IndexedDB: the list's chunks, their contact ids unpacked as src/db/sendStore/contactIds.ts packs them.
 */
export function storedSends(page: Page, dataset: string): Promise<{ rows: number; contacts: number }> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("mailroom");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const tx = db.transaction(["sendLists", "sendChunks"]);
    const lists = (await read(tx.objectStore("sendLists").getAll())) as {
      id: number;
      dataset: string;
      copy: number;
    }[];
    const list = lists.find((l) => l.dataset === wanted && l.copy === 0);
    const chunks = list
      ? ((await read(tx.objectStore("sendChunks").getAll(IDBKeyRange.bound([list.id], [list.id, []])))) as {
          rows: number;
          ids: { uuids?: Uint8Array; text?: Record<number, string> };
        }[])
      : [];
    db.close();
    const contacts = new Set<string>();
    let rows = 0;
    for (const chunk of chunks) {
      rows += chunk.rows;
      for (let i = 0; i < chunk.rows; i++) {
        const kept = chunk.ids.text?.[i];
        const bytes = chunk.ids.uuids?.subarray(i * 16, i * 16 + 16);
        contacts.add(kept ?? Array.from(bytes ?? [], (b) => b.toString(16).padStart(2, "0")).join(""));
      }
    }
    return { rows, contacts: contacts.size };
  }, dataset);
}

/** Rows stored for a dataset (the copy shown), from its chunks' keys: cheap enough after every kill. */
export function storedRowCount(page: Page, dataset: string): Promise<number> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("mailroom");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const tx = db.transaction(["sendLists", "sendChunks"]);
    const lists = (await read(tx.objectStore("sendLists").getAll())) as {
      id: number;
      dataset: string;
      copy: number;
    }[];
    const list = lists.find((l) => l.dataset === wanted && l.copy === 0);
    // A chunk's key ends with its number of rows: [list, firstMs, firstId, lastMs, rows].
    const keys = list
      ? ((await read(
          tx.objectStore("sendChunks").getAllKeys(IDBKeyRange.bound([list.id], [list.id, []])),
        )) as number[][])
      : [];
    db.close();
    return keys.reduce((n, key) => n + (key[4] ?? 0), 0);
  }, dataset);
}
