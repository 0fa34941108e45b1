let asked = false;

/**
 * Asks once per page load for persistent storage, when the user first syncs a send list: that is
 * when Mailroom starts holding data worth keeping, and a user gesture makes browsers more willing.
 * The answer is shown in Settings; a refusal changes nothing else.
 */
export async function askForPersistenceOnFirstSync(): Promise<void> {
  if (asked || !navigator.storage?.persist) return;
  asked = true;
  try {
    if (!(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch (failure) {
    // Not worth stopping a sync for: Settings shows the storage state and offers the request again.
    console.warn("Mailroom could not ask for persistent storage", failure);
  }
}
