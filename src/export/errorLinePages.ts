import Dexie from "dexie";
import { db } from "../db/db";
import type { ActivityErrorLine } from "../db/types";
import { prefetch } from "./mergePages";
import { DEFAULT_PAGE_SIZE } from "./sendPages";

const PRIMARY = "[accountId+activityId+index]";

export interface ErrorLinesTarget {
  accountId: string;
  activityId: string;
}

function range(target: ErrorLinesTarget) {
  return {
    lower: [target.accountId, target.activityId],
    upper: [target.accountId, target.activityId, Dexie.maxKey],
  };
}

/** The error and warning lines of one bulk activity, in their stored order, read in keyset pages. */
export async function errorLinePages(
  target: ErrorLinesTarget,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<{ total: number; pages: AsyncIterable<ActivityErrorLine[]> }> {
  const { lower, upper } = range(target);
  const total = await db().activityErrors.where(PRIMARY).between(lower, upper, true, true).count();
  async function* pages(): AsyncGenerator<ActivityErrorLine[]> {
    let after: unknown[] | undefined;
    for (;;) {
      const page = await db()
        .activityErrors.where(PRIMARY)
        .between(after ?? lower, upper, after === undefined, true)
        .limit(pageSize)
        .toArray();
      if (page.length === 0) return;
      yield page;
      if (page.length < pageSize) return;
      const last = page[page.length - 1]!;
      after = [last.accountId, last.activityId, last.index];
    }
  }
  return { total, pages: prefetch(pages()) };
}
