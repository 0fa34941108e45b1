import { type Accessor, createSignal, onMount } from "solid-js";

export interface StorageStatus {
  /** Bytes used and available to this origin; undefined while unknown or when not supported. */
  usage: Accessor<number | undefined>;
  quota: Accessor<number | undefined>;
  /** Whether the browser keeps the data under storage pressure; undefined if it cannot say. */
  persisted: Accessor<boolean | undefined>;
  /** The answer of the last persist() request: false means the browser refused. */
  lastRequest: Accessor<boolean | undefined>;
  supported: boolean;
  requestPersistence: () => Promise<void>;
  error: Accessor<unknown>;
}

/**
 * How much the browser lets Mailroom store and whether it may evict it.
 * @example const storage = createStorageStatus(); storage.requestPersistence();
 */
export function createStorageStatus(): StorageStatus {
  const supported =
    typeof navigator !== "undefined" && "storage" in navigator && !!navigator.storage?.estimate;
  const [usage, setUsage] = createSignal<number>();
  const [quota, setQuota] = createSignal<number>();
  const [persisted, setPersisted] = createSignal<boolean>();
  const [lastRequest, setLastRequest] = createSignal<boolean>();
  const [error, setError] = createSignal<unknown>();
  const read = async () => {
    try {
      const [estimate, isPersisted] = await Promise.all([
        navigator.storage.estimate(),
        navigator.storage.persisted(),
      ]);
      setUsage(estimate.usage);
      setQuota(estimate.quota);
      setPersisted(isPersisted);
    } catch (failure) {
      setError(() => failure);
    }
  };
  onMount(() => {
    if (supported) void read();
  });
  const requestPersistence = async () => {
    try {
      setLastRequest(await navigator.storage.persist());
      await read();
    } catch (failure) {
      setError(() => failure);
    }
  };
  return { usage, quota, persisted, lastRequest, supported, requestPersistence, error };
}
