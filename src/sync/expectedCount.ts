import { v2SentCount } from "../api/v2/summary";
import { v3SentCount } from "../api/v3/sends";
import type { Generation } from "../db/types";
import type { SyncContext } from "./context";

/**
 * How many sends the server says a list holds: v3's send_history, v2's tracking summary `sends`.
 * One request gives the ETA's total and, at the end, complete or partial; an unchanged list is then
 * recognised without paging at all. Undefined when the server does not say.
 */
export function expectedSendCount(
  ctx: SyncContext,
  generation: Generation,
  reportId: string,
): Promise<number | undefined> {
  return generation === "v3"
    ? ctx.api("v3").call((client, signal) => v3SentCount(client, reportId, signal))
    : ctx.api("v2").call((client, signal) => v2SentCount(client, reportId, signal));
}
