import { db } from "./db";
import type { Send } from "./types";

/** Every send of one dataset, in primary-key (time) order. */
export function sendsOf(dataset: string) {
  return db()
    .sends.where("[dataset+sentAt+contactId]")
    .between([dataset, "", ""], [dataset, "\uffff", "\uffff"]);
}

export function countSends(dataset: string): Promise<number> {
  return sendsOf(dataset).count();
}

/** The newest stored sent time of a dataset: the key order is time order, so it is the last key. */
export async function newestSentAt(dataset: string): Promise<string | undefined> {
  const last = await sendsOf(dataset).last();
  return last?.sentAt;
}

export function sendKey(row: Pick<Send, "dataset" | "sentAt" | "contactId">): [string, string, string] {
  return [row.dataset, row.sentAt, row.contactId];
}
