import { db } from "../../db";
import { createLiveQuery } from "./createLiveQuery";

/** Every account connected on this device, oldest first. */
export function createAccounts() {
  return createLiveQuery(
    () => null,
    () =>
      db()
        .accounts.orderBy("id")
        .toArray()
        .then((rows) => rows.sort((a, b) => a.createdAt - b.createdAt)),
  );
}
