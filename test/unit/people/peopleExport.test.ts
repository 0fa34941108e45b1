import { beforeEach, describe, expect, it } from "vitest";
import { startComparison } from "../../../src/export/compareClient";
import { runExport } from "../../../src/export/runExport";
import { memorySink, parseCsv } from "../export/seed";
import { freshDb } from "../sync/support/fakes";
import { ACC, ALL_SENDS, OTHER, receivedBy, seedPeople, V3_SPRING, V3_SUMMER } from "./seed";

beforeEach(async () => {
  freshDb();
  await seedPeople();
});

describe("exports of the People screen, through the sends' CSV writer", () => {
  it("a person's history reads back row for row, newest first", async () => {
    const sink = memorySink();
    const outcome = await runExport(
      { kind: "personHistory", target: { accountId: ACC, email: "Ann@Example.org" } },
      sink,
    );
    const rows = parseCsv(sink.text());
    expect(rows[0]).toEqual([
      "sent_at",
      "campaign",
      "api_generation",
      "email_address",
      "first_name",
      "last_name",
      "contact_id",
    ]);
    const expected = ALL_SENDS.filter((s) => s.email === "ann@example.org" && s.dataset !== OTHER).sort(
      (a, b) => b.sentAt.localeCompare(a.sentAt),
    );
    expect(outcome.rows).toBe(expected.length);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[6]])).toEqual(
      expected.map((s) => [s.sentAt, s.dataset.split("|")[1], s.email, s.contactId]),
    );
  });

  it("a comparison's people read back row for row", async () => {
    const sink = memorySink();
    const query = { accountId: ACC, question: { kind: "aNotB" as const, a: [V3_SPRING], b: [V3_SUMMER] } };
    await runExport({ kind: "comparison", query }, sink);
    const rows = parseCsv(sink.text());
    expect(rows[0]).toEqual(["email_address", "first_name", "last_name", "lists_received"]);
    const summer = receivedBy([V3_SUMMER]);
    const expected = [...receivedBy([V3_SPRING]).keys()].filter((email) => !summer.has(email)).sort();
    expect(rows.slice(1).map((r) => r[0]!.toLowerCase())).toEqual(expected);
  });

  it("the page-side comparison answers with a count and pages, and a cancel rejects", async () => {
    const query = { accountId: ACC, question: { kind: "any" as const, lists: [V3_SPRING, V3_SUMMER] } };
    const answer = await startComparison(query, {}, { useWorker: false });
    expect(answer.count).toBe(receivedBy([V3_SPRING, V3_SUMMER]).size);
    const [first, second] = [await answer.page(0, 5), await answer.page(5, 5)];
    expect([...first, ...second].map((r) => r.email.toLowerCase())).toEqual(
      [...receivedBy([V3_SPRING, V3_SUMMER]).keys()].sort().slice(0, 10),
    );
    const controller = new AbortController();
    controller.abort(new DOMException("Comparison cancelled", "AbortError"));
    await expect(
      startComparison(query, { signal: controller.signal }, { useWorker: false }),
    ).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
