import { describe, expect, it } from "vitest";
import { decodeChunk, encodeChunk, type TimedSend } from "../../../src/db/sendStore/chunk";

describe("a chunk of sends", () => {
  it("gives back names holding tabs as they were received (the stored names use a tab between first and last)", () => {
    const rows: TimedSend[] = [
      {
        ms: 1_000,
        sentAt: new Date(1_000).toISOString(),
        contactId: "a",
        email: "a@x.test",
        firstName: "\tleading tab",
        lastName: "Smith",
      },
      {
        ms: 2_000,
        sentAt: new Date(2_000).toISOString(),
        contactId: "b",
        email: "b@x.test",
        firstName: "Ann",
        lastName: "two\ttabs\there",
      },
      {
        ms: 3_000,
        sentAt: new Date(3_000).toISOString(),
        contactId: "c",
        email: "c@x.test",
        firstName: "\t",
      },
      {
        ms: 4_000,
        sentAt: new Date(4_000).toISOString(),
        contactId: "d",
        email: "d@x.test",
        lastName: "Plain",
      },
    ];
    const { chunk, text } = encodeChunk(1, rows);
    expect(decodeChunk(chunk, text)).toStrictEqual(rows);
  });
});
