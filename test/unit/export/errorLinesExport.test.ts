import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/db";
import type { ActivityErrorLine } from "../../../src/db/types";
import { runExport } from "../../../src/export/runExport";
import { freshDb, memorySink, parseCsv, unguard } from "./seed";

function line(
  activityId: string,
  index: number,
  overrides: Partial<ActivityErrorLine> = {},
): ActivityErrorLine {
  return {
    accountId: "acc-1",
    activityId,
    index,
    kind: index % 4 === 0 ? "warning" : "error",
    lineNumber: index + 2,
    email: `bad${index}@example`,
    message: `Line ${index + 2}: Invalid email`,
    ...overrides,
  };
}

beforeEach(async () => {
  await freshDb();
  const lines = Array.from({ length: 1_203 }, (_, index) => line("act-1", index));
  lines[5] = line("act-1", 5, { email: undefined, lineNumber: undefined, message: '=HYPERLINK("http://x")' });
  await db().activityErrors.bulkPut([...lines, line("act-2", 0), line("act-10", 0)]);
});

describe("exporting an activity's error lines", () => {
  it("writes line_number, email_address, message, kind for that activity only, in stored order", async () => {
    const sink = memorySink();
    const progress: number[] = [];
    const target = { accountId: "acc-1", activityId: "act-1" };
    const outcome = await runExport({ kind: "errorLines", target, pageSize: 500 }, sink, {
      onProgress: (rows, total) => {
        expect(total).toBe(1_203);
        progress.push(rows);
      },
    });
    const [header, ...rows] = parseCsv(sink.text());
    expect(header).toEqual(["line_number", "email_address", "message", "kind"]);
    expect(rows).toHaveLength(1_203);
    expect(rows[0]).toEqual(["2", "bad0@example", "Line 2: Invalid email", "warning"]);
    expect(rows[5]).toEqual(["", "", '\'=HYPERLINK("http://x")', "error"]);
    expect(unguard(rows[5]![2]!)).toBe('=HYPERLINK("http://x")');
    expect(outcome.rows).toBe(1_203);
    expect(progress).toEqual([0, 500, 1_000, 1_203]);
  });

  it("lets the user pick and order the columns", async () => {
    const sink = memorySink();
    const target = { accountId: "acc-1", activityId: "act-2" };
    await runExport({ kind: "errorLines", target, columns: ["kind", "message"] }, sink);
    expect(parseCsv(sink.text())).toEqual([
      ["kind", "message"],
      ["warning", "Line 2: Invalid email"],
    ]);
  });
});
