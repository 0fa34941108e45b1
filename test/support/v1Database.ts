import Dexie from "dexie";

// Mailroom's schema v1 as it was published (src/db/schema.ts, 2026-11), kept apart from the app's
// class so that a migration test builds the old layout without relying on the code it tests.

/** v1's `stores()` declaration, copied from schema.ts at v1. Never edit. */
export const V1_STORES = {
  accounts: "id",
  tokens: "[accountId+generation]",
  authAttempts: "state, createdAt",
  activities: "[accountId+generation+activityId], [accountId+createdAt], [accountId+status]",
  activityErrors: "[accountId+activityId+index]",
  campaigns: "[accountId+generation+campaignId], accountId",
  campaignActivities: "[accountId+campaignActivityId], [accountId+campaignId]",
  sends: "[dataset+sentAt+contactId], [dataset+emailKey], [dataset+nameKey]",
  syncState: "dataset, accountId",
  budget: "appKey",
  settings: "key",
} as const;

/** A send as v1 stored it (src/db/types.ts and src/sync/sendRows.ts at v1). */
export interface V1Send {
  dataset: string;
  contactId: string;
  email: string;
  /** Lower-cased email, for prefix search. */
  emailKey: string;
  firstName?: string;
  lastName?: string;
  /** Lower-cased "first last"; empty when no name. */
  nameKey: string;
  /** ISO 8601 UTC with milliseconds. */
  sentAt: string;
  deletedAt?: string;
  campaignId?: string;
  campaignActivityId?: string;
  /** Set by a "Sync everything again" under way: the copy (SyncState.resyncCopy) that stored it. */
  copy?: number;
}

/** The v1 database, opened by Dexie from its v1 declaration only. */
export class V1Database extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(V1_STORES);
  }
}

/** One object store as IndexedDB holds it. */
export interface StoreLayout {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

const compound = (name: string) => name.slice(1, -1).split("+");

/** What Dexie makes of V1_STORES in IndexedDB (checked against Dexie itself in the unit test). */
export const V1_LAYOUT: StoreLayout[] = Object.entries(V1_STORES).map(([name, spec]) => {
  const [primary = "", ...indexes] = spec.split(",").map((part) => part.trim());
  return {
    name,
    keyPath: primary.startsWith("[") ? compound(primary) : primary,
    autoIncrement: false,
    indexes: indexes.map((index) => ({
      name: index,
      keyPath: index.startsWith("[") ? compound(index) : index,
      unique: false,
      multiEntry: false,
    })),
  };
});

/** Dexie's IndexedDB version for its schema version 1. */
export const V1_IDB_VERSION = 10;

/**
 * Creates a v1 database with raw IndexedDB, the stores of `layout`, and writes `rows` (store →
 * rows). Self-contained (no import, no outer name), so a browser page can run it as it is.
 */
export async function createV1Database(input: {
  name: string;
  version: number;
  layout: StoreLayout[];
  rows: Record<string, unknown[]>;
}): Promise<void> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(input.name, input.version);
    request.onupgradeneeded = () => {
      for (const store of input.layout) {
        const created = request.result.createObjectStore(store.name, {
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
        });
        for (const index of store.indexes)
          created.createIndex(index.name, index.keyPath, {
            unique: index.unique,
            multiEntry: index.multiEntry,
          });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores = Object.keys(input.rows).filter((store) => (input.rows[store] ?? []).length > 0);
  if (stores.length > 0) {
    const tx = database.transaction(stores, "readwrite");
    for (const store of stores) for (const row of input.rows[store] ?? []) tx.objectStore(store).put(row);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  database.close();
}

/** The layout and version of a database as IndexedDB holds it. Self-contained, like the above. */
export async function layoutOf(name: string): Promise<{ version: number; stores: StoreLayout[] }> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = Array.from(database.objectStoreNames);
  const stores: StoreLayout[] = [];
  if (names.length > 0) {
    const tx = database.transaction(names);
    for (const storeName of names) {
      const store = tx.objectStore(storeName);
      stores.push({
        name: store.name,
        keyPath: store.keyPath as string | string[] | null,
        autoIncrement: store.autoIncrement,
        indexes: Array.from(store.indexNames).map((indexName) => {
          const index = store.index(indexName);
          return {
            name: index.name,
            keyPath: index.keyPath as string | string[],
            unique: index.unique,
            multiEntry: index.multiEntry,
          };
        }),
      });
    }
  }
  const version = database.version;
  database.close();
  return { version, stores };
}
