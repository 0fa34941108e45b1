import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ErrorItem, LenientId } from "../../../src/api/schemas/common";
import { V2SendPage } from "../../../src/api/schemas/v2";
import { V3SendPage } from "../../../src/api/schemas/v3";

describe("the edge schemas", () => {
  it("accept ids as strings or numbers and store strings", () => {
    expect(v.parse(LenientId, 1100394165287)).toBe("1100394165287");
    expect(v.parse(LenientId, "abc")).toBe("abc");
    const page = v.parse(V2SendPage, {
      meta: { pagination: {} },
      results: [
        { campaign_id: 42, contact_id: 7, email_address: "a@b.test", send_date: "2012-12-06T13:06:14.762Z" },
      ],
    });
    expect(page.results[0]).toMatchObject({ campaign_id: "42", contact_id: "7" });
  });

  it("accept error items as strings or objects", () => {
    expect(v.is(ErrorItem, "Line 355: Invalid email")).toBe(true);
    expect(v.is(ErrorItem, { message: "Invalid email", line_number: 355, email_address: "x@y.test" })).toBe(
      true,
    );
  });

  it("refuse a send without its time or with a time that is not a date", () => {
    expect(v.is(V3SendPage, { tracking_activities: [{ contact_id: "1", email_address: "a@b.test" }] })).toBe(
      false,
    );
    expect(
      v.is(V3SendPage, {
        tracking_activities: [{ contact_id: "1", email_address: "a@b.test", created_time: "yesterday" }],
      }),
    ).toBe(false);
  });

  it("keep fields they do not know (the raw answer is stored)", () => {
    const page = v.parse(V3SendPage, {
      tracking_activities: [
        { contact_id: "1", email_address: "a@b.test", created_time: "2026-01-01T00:00:00Z", extra: 1 },
      ],
      _links: null,
    });
    expect(page.tracking_activities[0]).toMatchObject({ extra: 1 });
  });
});
