import Dexie from "dexie";
import { expect, it } from "vitest";
import { allSendsOf, countSends, MailroomDb, useDb } from "../../../src/db";

it("opens a v1 database with sends and moves them into chunks (the migration loads on demand)", async () => {
  const name = `test-${crypto.randomUUID()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores({
    sends: "[dataset+sentAt+contactId], [dataset+emailKey], [dataset+nameKey]",
    syncState: "dataset, accountId",
  });
  const dataset = "acc|v2|c1";
  await v1.table("sends").bulkPut(
    Array.from({ length: 2_500 }, (_, i) => ({
      dataset,
      contactId: String(i),
      email: `p${i}@x.test`,
      emailKey: `p${i}@x.test`,
      nameKey: "",
      sentAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    })),
  );
  v1.close();
  useDb(new MailroomDb(name));
  expect(await countSends(dataset)).toBe(2_500);
  expect((await allSendsOf(dataset)).map((row) => row.contactId)).toEqual(
    Array.from({ length: 2_500 }, (_, i) => String(i)),
  );
});
