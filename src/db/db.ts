import { MailroomDb } from "./schema";

/**
 * The one database of this page or worker. Tests replace it with `useDb(new MailroomDb(name))`
 * so each test gets its own.
 */
let current: MailroomDb | undefined;

export function db(): MailroomDb {
  current ??= new MailroomDb();
  return current;
}

export function useDb(next: MailroomDb): MailroomDb {
  current?.close();
  current = next;
  return next;
}
