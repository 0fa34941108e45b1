import { describe, expect, it } from "vitest";
import { availableSendColumns, defaultSendColumns } from "../../../src/export/columns";
import { exportFileName, safeFileName } from "../../../src/export/fileName";

describe("export file names", () => {
  const day = new Date(Date.UTC(2026, 10, 25, 23, 59));

  it("say what, which campaign and which UTC day", () => {
    expect(exportFileName("sends", "Spring Sale: 20% off!", day)).toBe(
      "mailroom-sends-spring-sale-20-off-2026-11-25.csv",
    );
    expect(exportFileName("errors", undefined, day)).toBe("mailroom-errors-2026-11-25.csv");
  });

  it("keep only safe ASCII: no path separators, no reserved characters, accents folded", () => {
    expect(exportFileName("sends", "../../etc/passwd", day)).toBe("mailroom-sends-etc-passwd-2026-11-25.csv");
    expect(exportFileName("sends", "Café Ünïcode 山田", day)).toBe(
      "mailroom-sends-cafe-unicode-2026-11-25.csv",
    );
    expect(safeFileName('a<b>:"c"|?*.CSV')).toBe("a-b-c.csv");
    expect(safeFileName("山田")).toBe("mailroom-export.csv");
  });
});

describe("default columns follow the report of each generation", () => {
  it("v2: the sends report's five fields", () => {
    expect(defaultSendColumns(["a|v2|1"])).toEqual([
      "activity_type",
      "campaign_id",
      "contact_id",
      "email_address",
      "send_date",
    ]);
  });

  it("v3: the tracking activity's fields", () => {
    expect(defaultSendColumns(["a|v3|x"])).toEqual([
      "contact_id",
      "campaign_activity_id",
      "email_address",
      "first_name",
      "last_name",
      "created_time",
      "deleted_at",
    ]);
  });

  it("several lists add a campaign column first; mixed generations take both, without repeats", () => {
    const mixed = defaultSendColumns(["a|v2|1", "a|v3|x"]);
    expect(mixed[0]).toBe("campaign");
    expect(new Set(mixed).size).toBe(mixed.length);
    expect(mixed).toHaveLength(11);
  });

  it("offers every column, the defaults first", () => {
    const ids = availableSendColumns(["a|v2|1"]).map((column) => column.id);
    expect(ids.slice(0, 5)).toEqual(defaultSendColumns(["a|v2|1"]));
    expect(ids).toHaveLength(11);
  });
});
